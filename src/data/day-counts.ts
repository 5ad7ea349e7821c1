/**
 * `days-src`: how many items each day has, for a calendar beside a feed the
 * server filters. The answer is `{ "YYYY-MM-DD": count, … }`.
 */
import { isDayKey } from '../feed/dates.js';
import { isObject } from '../feed/formats/item.js';
import { fetchJson } from '../net/fetch-json.js';
import { LoadError } from '../net/load-error.js';

/** How long a days-src request may take. */
const TIMEOUT = 10_000;
/** Answers kept for the page, by URL (a month each), the least recently used dropped first. */
const KEPT = 24;
const answers = new Map<string, Map<string, number>>();

/** A days-src answer to items per day; anything but an object of day keys is a `format` error. */
export function readDayCounts(body: unknown, url: string): Map<string, number> {
  if (!isObject(body)) throw new LoadError({ kind: 'format', url, format: 'JSON' });
  const counts = new Map<string, number>();
  for (const [day, count] of Object.entries(body)) {
    const n = typeof count === 'string' ? parseInt(count, 10) : count;
    if (isDayKey(day) && typeof n === 'number' && n > 0) counts.set(day, n);
  }
  return counts;
}

/** The answer for `url` if one was read, for every calendar on the page. */
export function keptDayCounts(url: string): Map<string, number> | undefined {
  const counts = answers.get(url);
  if (counts) {
    answers.delete(url);
    answers.set(url, counts);
  }
  return counts;
}

/** Reads `url`'s day counts and keeps them; every failure is a LoadError, or the abort. */
export async function loadDayCounts(url: string, signal: AbortSignal): Promise<Map<string, number>> {
  const counts = readDayCounts(await fetchJson(url, { signal, timeout: TIMEOUT }), url);
  answers.set(url, counts);
  if (answers.size > KEPT) answers.delete(answers.keys().next().value!);
  return counts;
}
