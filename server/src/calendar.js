// Days, hours, weeks and months as the site's clock reads them: day keys are
// `YYYY-MM-DD` in the server's time zone, and calendar arithmetic is done on
// the keys themselves, so a daylight-saving change never shifts a day.

const formats = new Map();

/** The wall clock of `ms` in `timeZone`: year, month (1-12), day, hour (0-23), minute, second. */
export function wallClock(ms, timeZone) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = {};
  for (const part of format.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

const pad = (n) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the instant `ms` in `timeZone`. */
export function dayKey(ms, timeZone) {
  const { year, month, day } = wallClock(ms, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The hour (0-23) of the instant `ms` in `timeZone`. */
export function hourOf(ms, timeZone) {
  return wallClock(ms, timeZone).hour;
}

const keyParts = (key) => key.split('-').map(Number);

/** The day `n` days after (or before, when negative) the day `key`. */
export function addDays(key, n) {
  const [year, month, day] = keyParts(key);
  return new Date(Date.UTC(year, month - 1, day + n)).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekday(key) {
  const [year, month, day] = keyParts(key);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in ms. */
function offset(ms, timeZone) {
  const t = wallClock(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(ms / 1000) * 1000;
}

/** The first instant of the day `key` in `timeZone`, in ms. */
export function dayStart(key, timeZone) {
  const [year, month, day] = keyParts(key);
  const midnight = Date.UTC(year, month - 1, day);
  let start = midnight - offset(midnight, timeZone);
  start = midnight - offset(start, timeZone);
  // Where a daylight-saving change skips midnight, the day starts later.
  for (let i = 0; i < 4 && dayKey(start, timeZone) < key; i++) start += 3_600_000;
  return start;
}

/** The instant the day of `ms` ends in `timeZone` (the next day's first), in ms. */
export function dayEnd(ms, timeZone) {
  return dayStart(addDays(dayKey(ms, timeZone), 1), timeZone);
}

/**
 * The days the counter reads for the instant `ms`: today, yesterday, the
 * week's Monday and the month's first day, and `days`, every day from the
 * earliest of those to today (oldest first).
 */
export function periods(ms, timeZone) {
  const today = dayKey(ms, timeZone);
  const yesterday = addDays(today, -1);
  const monday = addDays(today, -weekday(today));
  const monthStart = `${today.slice(0, 8)}01`;
  const first = [yesterday, monday, monthStart].sort()[0];
  const days = [];
  for (let day = first; day <= today; day = addDays(day, 1)) days.push(day);
  return { today, yesterday, monday, monthStart, days };
}
