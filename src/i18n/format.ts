/** Intl formatters, made once per language and zone. */
import { resolveTimeZone } from '../feed/dates.js';
import { memo } from '../memo.js';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const numberFormatters = new Map<string, Intl.NumberFormat>();

export function locale(lang: string | null | undefined): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}

/** `28/04/2021` in vi, `28 Apr 2021` in en, on the day it is in `timeZone`. */
export function formatDate(date: Date, lang: string | null | undefined, timeZone: string): string {
  const zone = resolveTimeZone(timeZone);
  const key = `${lang}|${zone}`;
  const formatter = memo(dateFormatters, key, () => new Intl.DateTimeFormat(
    locale(lang),
    lang === 'en'
      ? { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }
      : { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' },
  ));
  return formatter.format(date);
}

/** `6.407.820` in vi, `6,407,820` in en. */
export function formatNumber(value: number, lang: string | null | undefined): string {
  const key = locale(lang);
  return memo(numberFormatters, key, () => new Intl.NumberFormat(key)).format(value);
}
