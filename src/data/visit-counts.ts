/**
 * A visit counter's answer: `{ "total": 6407820, "online": 1229, "today": 3009 }`,
 * and `yesterday`, `week` (from Monday) and `month` where the server counts them,
 * numbers maybe as strings with group separators, other field names through
 * a map of dotted paths (read as the feed engine reads a `map`).
 */
import { getPath } from '../feed/formats/mapped.js';
import { LoadError } from '../net/load-error.js';

export type CounterField = 'total' | 'online' | 'today' | 'yesterday' | 'week' | 'month';
/** The numbers as read; a field the answer did not carry as a count is undefined. */
export type VisitCounts = Partial<Record<CounterField, number>>;

export const COUNTER_FIELDS: CounterField[] = ['total', 'online', 'today', 'yesterday', 'week', 'month'];
/** The rows shown when `rows` is not set. */
export const DEFAULT_ROWS: CounterField[] = ['total', 'online', 'today'];

/** A count from a number or a string with group separators: `6407820`, `"6,407,820"`, `"6.407.820"`. */
function toCount(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    value = /^\d{1,3}([.,\s'’]\d{3})+$|^\d+$/.test(text) ? Number(text.replace(/\D/g, '')) : NaN;
  }
  return typeof value === 'number' && value >= 0 && Number.isFinite(value) ? Math.round(value) : undefined;
}

/** The path of each field: the map's (JSON text), else the field's own name. A map that is not JSON is a `parse` error. */
export function counterPaths(map: string, url: string): Record<CounterField, string> {
  let paths: unknown;
  try {
    paths = map ? JSON.parse(map) : {};
  } catch (cause) {
    throw new LoadError({ kind: 'parse', url, field: 'map' }, cause);
  }
  if (!paths || typeof paths !== 'object') throw new LoadError({ kind: 'parse', url, field: 'map' });
  const given = paths as Partial<Record<CounterField, unknown>>;
  return Object.fromEntries(COUNTER_FIELDS.map((field) => [field, typeof given[field] === 'string' ? given[field] : field])) as Record<CounterField, string>;
}

/** The numbers: the default rows' always (undefined where missing), the others where the answer has them. */
export function readVisitCounts(answer: unknown, paths: Record<CounterField, string>): VisitCounts {
  const counts: VisitCounts = {};
  for (const field of COUNTER_FIELDS) {
    const count = toCount(getPath(answer, paths[field]));
    if (count !== undefined || DEFAULT_ROWS.includes(field)) counts[field] = count;
  }
  return counts;
}
