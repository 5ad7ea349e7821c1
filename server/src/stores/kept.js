// What both stores keep besides the counts, and for how long.

/** Distinct paths kept per site and day; visits to paths past it count under OTHER_PATHS. */
export const PATHS_PER_DAY = 10_000;
/** Where the visits to paths past PATHS_PER_DAY go (a page path always starts with "/"). */
export const OTHER_PATHS = '*';
/** Days of path counts kept. */
export const PATH_DAYS = 35;
/** Days of counts by hour kept. */
export const HOUR_DAYS = 2;
/** Paths in the most-read list. */
export const TOP_PATHS = 20;

/** The top `TOP_PATHS` of path → visits entries, most visits first, then by path. */
export function topPaths(totals) {
  return [...totals]
    .map(([path, visits]) => ({ path, visits: Number(visits) }))
    .sort((a, b) => b.visits - a.visits || (a.path < b.path ? -1 : 1))
    .slice(0, TOP_PATHS);
}
