/**
 * Dates in a time zone. Days and months are `YYYY-MM-DD` / `YYYY-MM` strings
 * in the zone the element is set to, never the browser's own zone.
 */
import { memo } from '../memo.js';

export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

const DAY_MS = 86_400_000;
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  return memo(partsFormatters, timeZone, () => new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }));
}

/** `zone` when the browser knows it, else the default zone. */
export function resolveTimeZone(zone: string | null | undefined): string {
  if (!zone) return DEFAULT_TIMEZONE;
  try {
    partsFormatter(zone);
    return zone;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}

function exactOffset(ms: number, timeZone: string): number {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const wall = Date.UTC(values.year, values.month - 1, values.day, values.hour, values.minute, values.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

// Offsets change at most once a day, so one UTC day whose two ends agree has
// one offset throughout: a feed of 5,000 items costs one lookup per day.
const dayOffsets = new Map<string, Map<number, number | null>>();

/** Milliseconds to add to a UTC instant to get the wall clock in `timeZone`. */
export function offsetAt(ms: number, timeZone: string): number {
  const days = memo(dayOffsets, timeZone, () => new Map<number, number | null>());
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = exactOffset(day * DAY_MS, timeZone);
    offset = start === exactOffset(day * DAY_MS + DAY_MS - 1000, timeZone) ? start : null;
    days.set(day, offset);
  }
  return offset ?? exactOffset(ms, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The day an instant falls on in `timeZone`, as `YYYY-MM-DD`. */
export function dayKey(date: Date, timeZone: string): string {
  const wall = new Date(date.getTime() + offsetAt(date.getTime(), timeZone));
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** The instant a wall-clock time in `timeZone` stands for. */
export function zonedTimeToDate(
  year: number, month: number, day: number,
  hour = 0, minute = 0, second = 0, millisecond = 0,
  timeZone: string = DEFAULT_TIMEZONE,
): Date | undefined {
  if (noSuchDay(year, month, day)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Guess with the offset at the wall time, then correct once across a DST edge.
  let utc = wall - offsetAt(wall, timeZone);
  utc = wall - offsetAt(utc, timeZone);
  return new Date(utc);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month is not 1 to 12, or the day not in it (31/4, 29/2/2023). */
const noSuchDay = (year: number, month: number, day: number): boolean => month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month);

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

export function isDayKey(value: string | null | undefined): value is string {
  const m = value ? DAY_KEY.exec(value) : null;
  return !!m && !noSuchDay(+m[1], +m[2], +m[3]);
}

export function isMonthKey(value: string | null | undefined): value is string {
  const m = value ? MONTH_KEY.exec(value) : null;
  return !!m && !noSuchDay(+m[1], +m[2], 1);
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Day first, as Vietnamese portals write it, with what they put around it:
// "Thứ Hai, 21/06/2021 - 14:30", "21/6/2021, 14:30 (GMT+7)", "21-06-2021 14h30",
// "21/06/2021 02:30 CH". A 12-hour clock says AM or PM, or in Vietnamese (as
// .NET, Java and ICU write it) SA (sáng) or CH (chiều).
const DMY =
  /^\D*?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[,\s-]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s*([ap]\.?m\.?|sa|ch))?)?\s*(?:\(?(?:GMT|UTC)?([+-]\d{1,2}(?::?\d{2})?)\)?)?$/i;

// The time first: "14:30 - 21/06/2021", "08:30 | 21/6/2021", "2:30 PM, 21/6/2021".
const TIME_FIRST = /^(\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|sa|ch))?)[\s,|-]+(\D*\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/i;

// Dates in words, as Vietnamese portals write them: "Thứ Năm, ngày 28 tháng 4
// năm 2021", "28 tháng 04, 2021 - 08:30", "... lúc 08:30": read as 28/4/2021.
const IN_WORDS = /(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+)(\d{4})(?:\s+lúc)?/i;

/** `hour` on the 24-hour clock: as it is, or read on a 12-hour clock when `half` is its AM/PM (SA/CH) mark. */
const toHour24 = (hour: number, half?: string): number => (half ? (hour % 12) + (/^[pc]/i.test(half) ? 12 : 0) : hour);

/** Minutes east of UTC of a written offset: Z (which matches no sign), +07, +0700, +07:00, and "+7", "+7:30", "+730" with one digit for the hours. */
function offsetMinutes(zone: string): number {
  const m = /^([+-])(\d\d?):?(\d\d)?$/.exec(zone);
  return m ? (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +(m[3] ?? 0)) : 0;
}

// A zone after the time, as Date.parse knows them: Z, UT, UTC, GMT, US zone
// names, or an offset (`+0700`, `GMT+7`).
const WRITTEN_ZONE = /\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?\s*)?(?:Z\b|UTC?\b|GMT\b|[ECMP][SD]T\b|[+-]\d)/i;

// A pattern's fields, and text in quotes. A field's letters next to other
// letters are words, not fields: "d tháng M năm yyyy" has no hour in
// "tháng" and no minute in "năm"; "yyyyMMdd" is three fields.
const TOKEN = /'([^']*)'|(?<!(?![yMdHhmsa])\p{L})(?:yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|a)(?!(?![yMdHhmsa])\p{L})/gu;

/** Text a pattern holds as it is, any run of white space matching any other. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/**
 * Reads a date written with a pattern such as `dd/MM/yyyy`,
 * `dd/MM/yyyy HH:mm` or `d 'tháng' M, yyyy`, as a wall-clock time in `timeZone`.
 */
export function parseDatePattern(value: string, pattern: string, timeZone: string): Date | undefined {
  const fields: string[] = [];
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    source += literal(pattern.slice(last, match.index));
    if (match[1] !== undefined) source += literal(match[1]);
    else {
      source += match[0] === 'a' ? '([ap]\\.?m\\.?|sa|ch)' : match[0] === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})';
      fields.push(match[0]);
    }
    last = match.index! + match[0].length;
  }
  source += literal(pattern.slice(last));
  // Case aside, as dates are written: "PM", "pm", "CH".
  const m = new RegExp(`^\\s*${source}\\s*$`, 'i').exec(value);
  if (!m) return undefined;
  // Each field's number by its letter (H and h both the hour), with the defaults of the fields a pattern leaves out.
  const read: Record<string, number> = { y: NaN, M: 1, d: 1, h: 0, m: 0, s: 0 };
  let half = '';
  fields.forEach((field, i) => {
    if (field === 'a') half = m[i + 1];
    else read[field[0] === 'H' ? 'h' : field[0]] = Number(m[i + 1]) + (field === 'yy' ? 2000 : 0);
  });
  return Number.isNaN(read.y) ? undefined : zonedTimeToDate(read.y, read.M, read.d, toHour24(read.h, half), read.m, read.s, 0, timeZone);
}

/** `date` if it is one of the years 1000 to 9999 (none for undefined). */
function valid(date: Date | undefined): Date | undefined {
  const year = date?.getUTCFullYear() ?? NaN;
  return year >= 1000 && year <= 9999 ? date : undefined;
}

/**
 * Any date a feed may carry: ISO 8601 / RFC 3339 (a bare one is wall-clock
 * time in `timeZone`), `dd/MM/yyyy [HH:mm]`, RFC 822, epoch seconds or
 * milliseconds, ASP.NET's `/Date(ms)/`, or text in `pattern` when given.
 */
export function parseDate(value: unknown, timeZone: string = DEFAULT_TIMEZONE, pattern?: string): Date | undefined {
  if (value instanceof Date) return valid(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // Seconds until the year 5138; milliseconds beyond.
    return valid(new Date(Math.abs(value) < 1e11 ? value * 1000 : value));
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > 100) return undefined;
  if (pattern) {
    const date = parseDatePattern(text, pattern, timeZone);
    if (date) return valid(date);
  }
  if (/^-?\d{9,13}$/.test(text)) return parseDate(Number(text), timeZone);
  let m = ISO.exec(text);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
    const ms = Math.round(Number(`0.${frac}`) * 1000);
    if (zone) {
      if (noSuchDay(+y, +mo, +d)) return undefined;
      return valid(new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms) - offsetMinutes(zone) * 60_000));
    }
    return valid(zonedTimeToDate(+y, +mo, +d, +h, +mi, +s, ms, timeZone));
  }
  m = DMY.exec(text.replace(IN_WORDS, '$1/$2/$3').replace(TIME_FIRST, '$2 $1'));
  if (m) {
    const [, first, second, y, h = '0', mi = '0', s = '0', half, zone] = m;
    // Day first, unless the second number cannot be a month: ASP.NET with an
    // English culture writes "4/28/2021 8:30:00 AM" (date-format settles the
    // dates that fit both ways).
    const [d, mo] = +second > 12 && +first <= 12 ? [second, first] : [first, second];
    // With an offset, the time there; else wall-clock time in `timeZone`.
    const date = zonedTimeToDate(+y, +mo, +d, toHour24(+h, half), +mi, +s, 0, zone ? 'UTC' : timeZone);
    return date && valid(zone ? new Date(date.getTime() - offsetMinutes(zone) * 60_000) : date);
  }
  // ASP.NET's JSON (MVC's Json(), ASMX, WCF): "/Date(1619573400000+0700)/",
  // milliseconds since the epoch; the offset only says where it was written.
  m = /^\/Date\((-?\d+)/.exec(text);
  if (m) return valid(new Date(+m[1]));
  // Java servers (SimpleDateFormat's zzz) write Vietnam's zone as ICT, which Date.parse does not know.
  const written = text.replace(/\bICT\b/, '+0700');
  const parsed = Date.parse(written);
  if (Number.isNaN(parsed)) return undefined;
  const date = new Date(parsed);
  if (WRITTEN_ZONE.test(written)) return valid(date);
  // No zone written: Date.parse read the wall clock in the browser's zone.
  // Take that wall clock back out and read it in `timeZone` instead.
  return valid(zonedTimeToDate(
    date.getFullYear(), date.getMonth() + 1, date.getDate(),
    date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds(), timeZone,
  ));
}
