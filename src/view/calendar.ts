/**
 * Calendar maths on `YYYY-MM-DD` day keys and `YYYY-MM` month keys. Days are
 * names, not instants: the arithmetic runs on UTC midnights, so no time zone
 * or daylight-saving change can shift a day.
 */

import { daysInMonth } from '../feed/dates.js';

const DAY_MS = 86_400_000;

/** UTC midnight of a day key; of a month key, its first day's. */
export const toMs = (key: string): number => Date.UTC(+key.slice(0, 4), +key.slice(5, 7) - 1, +key.slice(8, 10) || 1);

/** The day key of a UTC midnight; years clamp to 1000..9999 so keys keep their shape. */
const fromMs = (ms: number) => new Date(Math.min(Math.max(ms, -30610224000000), 253402214400000)).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => fromMs(toMs(day) + days * DAY_MS);

/** The same day `months` later, on the month's last day when it is shorter (31/01 + 1 → 28/02). */
export function addMonths(day: string, months: number): string {
  const index = +day.slice(0, 4) * 12 + +day.slice(5, 7) - 1 + months;
  const first = Date.UTC(Math.floor(index / 12), index % 12, 1);
  const last = Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0);
  return fromMs(Math.min(first + (+day.slice(8, 10) - 1) * DAY_MS, last));
}

/** 0 for Sunday … 6 for Saturday. */
export const weekday = (day: string): number => new Date(toMs(day)).getUTCDay();

/** The first day of the week `day` is in, weeks starting on `firstDay` (0 Sunday, 1 Monday). */
export const weekStart = (day: string, firstDay: number): string => addDays(day, -((weekday(day) - firstDay + 7) % 7));

export const monthOf = (day: string): string => day.slice(0, 7);

/**
 * The weeks of a month, each seven day keys or empty strings for the days of
 * the months around it.
 */
export function monthWeeks(month: string, firstDay: number): string[][] {
  const cells: string[] = Array((weekday(`${month}-01`) - firstDay + 7) % 7).fill('');
  const length = daysInMonth(+month.slice(0, 4), +month.slice(5, 7));
  for (let day = 1; day <= length; day++) cells.push(`${month}-${String(day).padStart(2, '0')}`);
  const weeks: string[][] = [];
  while (cells.length) weeks.push(Object.assign(Array(7).fill(''), cells.splice(0, 7)));
  return weeks;
}

/** `day` moved into `min`..`max` (either may be empty: no limit). */
export const clampDay = (day: string, min?: string, max?: string): string =>
  min && day < min ? min : max && day > max ? max : day;

/** Items per month (`YYYY-MM`) from items per day, newest month first. */
export function monthCounts(dayCounts: ReadonlyMap<string, number>): [string, number][] {
  const months = new Map<string, number>();
  for (const [day, count] of dayCounts) months.set(monthOf(day), (months.get(monthOf(day)) ?? 0) + count);
  return [...months].sort((a, b) => (a[0] < b[0] ? 1 : -1));
}
