// The searches every bench page times, the same way: each one from the change
// until the new list is laid out, the next one a frame later, as keys come.
export const QUERIES = ['dang', 'hoa', 'huong tra', 'phong chay', 've sinh moi truong', ''];
// Rounds of the six: the slowest of one round moves by several ms from one
// round to the next on this machine (a GC, another process), for the floor
// page as much as for news-feed.
const ROUNDS = 5;

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * `ROUNDS` rounds of the six searches: `search(query)` makes the change (and
 * may return a promise for the update); `laidOut()` reads a box, forcing the
 * layout. The times, in ms, a list per round.
 */
export async function timeSearches(search, laidOut) {
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times = [];
    for (const query of QUERIES) {
      await frame();
      const started = performance.now();
      await search(query);
      laidOut();
      times.push(performance.now() - started);
    }
    rounds.push(times);
  }
  return rounds;
}
