/** Text of `<news-date-archive>` in vi and en; every date name comes from Intl. */
import { formatNumber, locale } from './format.js';
import { addDays, toMs } from '../view/calendar.js';
import { memo } from '../memo.js';

const vi = {
  label: 'Xem tin theo ngày',
  previous: 'Tháng trước',
  next: 'Tháng sau',
  months: 'Tin theo tháng',
  news: (n: string) => `${n} tin`,
};

const en: typeof vi = {
  label: 'News by date',
  previous: 'Previous month',
  next: 'Next month',
  months: 'News by month',
  news: (n) => `${n} news ${n === '1' ? 'item' : 'items'}`,
};

export const archiveStrings = (lang: string) => (lang === 'en' ? en : vi);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Parts of a `YYYY-MM-DD` (or `YYYY-MM`) key as Intl writes them, read as a calendar date. */
function parts(key: string, lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatPart[] {
  const id = lang + JSON.stringify(options);
  const formatter = memo(formatters, id, () => new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: 'UTC' }));
  return formatter.formatToParts(toMs(key));
}

/** Weekday names are read from the days after it: 2024-01-07 was a Sunday. */
const A_SUNDAY = '2024-01-07';

const text = (list: Intl.DateTimeFormatPart[]) => list.map((part) => part.value).join('');

/** Weekday names from `firstDay` on (0 Sunday, 1 Monday): short ("T2", "M") and long ("Thứ Hai"). */
export function weekdayNames(lang: string, firstDay: number): [string, string][] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(A_SUNDAY, firstDay + i);
    return [text(parts(day, lang, { weekday: 'narrow' })), text(parts(day, lang, { weekday: 'long' }))];
  });
}

/** The calendar's heading: "Tháng 4 2021", "April 2021". */
export function monthHeading(month: string, lang: string): string {
  // vi writes "tháng 4 năm 2021": keep Intl's month and year, join them with a space.
  const heading = parts(month, lang, { month: 'long', year: 'numeric' })
    .map((part) => (part.type === 'literal' ? ' ' : part.value))
    .join('');
  return heading.charAt(0).toUpperCase() + heading.slice(1);
}

/** A day's accessible name: "28 tháng 4, 2021: 3 tin". */
export function dayLabel(day: string, lang: string, count?: number): string {
  const name = text(parts(day, lang, { day: 'numeric', month: 'long', year: 'numeric' }));
  return count ? `${name}: ${archiveStrings(lang).news(formatNumber(count, lang))}` : name;
}

/** A month in the archive list: "Tháng 6/2021 (12)", "June 2021 (12)". */
export function monthEntry(month: string, lang: string, count: number): string {
  const name = lang === 'en'
    ? text(parts(month, lang, { month: 'long', year: 'numeric' }))
    : `Tháng ${text(parts(month, lang, { month: 'numeric', year: 'numeric' }))}`;
  return `${name} (${formatNumber(count, lang)})`;
}
