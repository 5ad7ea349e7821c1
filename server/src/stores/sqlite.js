// The embedded store: one SQLite file in WAL mode. Every visit is its own
// transaction, committed before the server answers. With WAL and
// synchronous=NORMAL a committed transaction survives the process being
// killed (only a power cut can lose the last few), and one file serves
// several processes on the same machine.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { addDays } from '../calendar.js';
import { newSalt } from '../visitor.js';
import { HOUR_DAYS, OTHER_PATHS, PATH_DAYS, PATHS_PER_DAY, TOP_PATHS, topPaths } from './kept.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS totals (site TEXT PRIMARY KEY, visits INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS days (
    site TEXT NOT NULL, day TEXT NOT NULL, visits INTEGER NOT NULL, PRIMARY KEY (site, day)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS visitors (
    site TEXT NOT NULL, visitor TEXT NOT NULL, seen INTEGER NOT NULL, visited INTEGER, PRIMARY KEY (site, visitor)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS visitors_by_seen ON visitors (site, seen);
  CREATE TABLE IF NOT EXISTS online (site TEXT PRIMARY KEY, count INTEGER NOT NULL, cutoff INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS hours (
    site TEXT NOT NULL, day TEXT NOT NULL, hour INTEGER NOT NULL, visits INTEGER NOT NULL, PRIMARY KEY (site, day, hour)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS paths (
    site TEXT NOT NULL, day TEXT NOT NULL, path TEXT NOT NULL, visits INTEGER NOT NULL, PRIMARY KEY (site, day, path)
  ) WITHOUT ROWID;
`;

/**
 * @param {string} file path of the database (created with its folder), or `:memory:`
 * @param {{ sessionMs: number, onlineMs: number, pathsPerDay?: number }} windows
 */
export function openSqliteStore(file, { sessionMs, onlineMs, pathsPerDay = PATHS_PER_DAY }) {
  if (file !== ':memory:') makePrivate(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Deleted rows (yesterday's salt) are overwritten, not left in the file's free pages.
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);
  // `seen` is any request (online); `visited` the visit's last request, which
  // a heartbeat extends but never starts. Files from before it had one time for both.
  if (!db.pragma('table_info(visitors)').some((column) => column.name === 'visited')) {
    db.exec('ALTER TABLE visitors ADD COLUMN visited INTEGER; UPDATE visitors SET visited = seen;');
  }

  const lastSeen = db.prepare('SELECT seen, visited FROM visitors WHERE site = ? AND visitor = ?');
  const markSeen = db.prepare(
    `INSERT INTO visitors (site, visitor, seen, visited) VALUES (?, ?, ?, ?)
     ON CONFLICT (site, visitor) DO UPDATE SET seen = max(seen, excluded.seen),
       visited = coalesce(max(visited, excluded.visited), visited, excluded.visited)`,
  );
  const addTotal = db.prepare(
    'INSERT INTO totals (site, visits) VALUES (?, 1) ON CONFLICT (site) DO UPDATE SET visits = visits + 1',
  );
  const addDay = db.prepare(
    'INSERT INTO days (site, day, visits) VALUES (?, ?, 1) ON CONFLICT (site, day) DO UPDATE SET visits = visits + 1',
  );
  const addHour = db.prepare(
    'INSERT INTO hours (site, day, hour, visits) VALUES (?, ?, ?, 1) ON CONFLICT (site, day, hour) DO UPDATE SET visits = visits + 1',
  );
  const bumpPath = db.prepare('UPDATE paths SET visits = visits + 1 WHERE site = ? AND day = ? AND path = ?');
  const addPath = db.prepare(
    'INSERT INTO paths (site, day, path, visits) VALUES (?, ?, ?, 1) ON CONFLICT (site, day, path) DO UPDATE SET visits = visits + 1',
  );
  const countPaths = db.prepare('SELECT count(*) FROM paths WHERE site = ? AND day = ?').pluck();
  const dropOldHours = db.prepare('DELETE FROM hours WHERE day < ?');
  const dropOldPaths = db.prepare('DELETE FROM paths WHERE day < ?');
  const total = db.prepare('SELECT visits FROM totals WHERE site = ?').pluck();
  const dayRange = db.prepare('SELECT day, visits FROM days WHERE site = ? AND day >= ? AND day <= ?');
  const hoursOf = db.prepare('SELECT hour, visits FROM hours WHERE site = ? AND day = ?');
  const pathsSince = db.prepare(
    'SELECT path, sum(visits) AS visits FROM paths WHERE site = ? AND day >= ? AND day <= ? GROUP BY path ORDER BY visits DESC, path LIMIT ?',
  );
  const seenAfter = db.prepare('SELECT count(*) FROM visitors WHERE site = ? AND seen > ?').pluck();
  const seenBetween = db.prepare('SELECT count(*) FROM visitors WHERE site = ? AND seen > ? AND seen <= ?').pluck();
  const onlineState = db.prepare('SELECT count, cutoff FROM online WHERE site = ?');
  const saveOnline = db.prepare(
    `INSERT INTO online (site, count, cutoff) VALUES (?, ?, ?)
     ON CONFLICT (site) DO UPDATE SET count = excluded.count, cutoff = excluded.cutoff`,
  );
  const forget = db.prepare('DELETE FROM visitors WHERE site = ? AND seen <= ?');
  const findSalt = db.prepare('SELECT salt FROM salts WHERE day = ?').pluck();
  const addSalt = db.prepare('INSERT OR IGNORE INTO salts (day, salt) VALUES (?, ?)');
  const dropOtherSalts = db.prepare('DELETE FROM salts WHERE day <> ?');

  // Visitors quiet for a whole session window are forgotten (they would
  // count again anyway): at most once a minute per site.
  const lastForget = new Map();
  const forgetOld = (site, now) => {
    if (now - (lastForget.get(site) ?? 0) < 60_000) return;
    lastForget.set(site, now);
    forget.run(site, now - sessionMs);
  };

  // "Online" is kept as a running count of the visitors seen after a cutoff,
  // so it costs the visitors who left since the last request, not a count
  // over everyone online (thousands, on a busy site) at every request.
  const onlineAt = (site, now) => {
    const cutoff = now - onlineMs;
    const state = onlineState.get(site) ?? { count: seenAfter.get(site, cutoff), cutoff };
    if (cutoff > state.cutoff) {
      state.count -= seenBetween.get(site, state.cutoff, cutoff);
      state.cutoff = cutoff;
    }
    return state;
  };

  /** Visits on each of `days` (consecutive, oldest first). */
  const visitsOn = (site, days) => {
    const found = new Map(dayRange.raw().all(site, days[0], days.at(-1)));
    return days.map((day) => found.get(day) ?? 0);
  };
  const counts = (site, online, days) => ({ total: total.get(site) ?? 0, online, days: visitsOn(site, days) });

  // How many paths each site has today, so the bound costs no count per visit.
  const pathCounts = new Map();
  let prunedDay = '';
  const countPath = (site, day, path) => {
    if (bumpPath.run(site, day, path).changes) return;
    const key = `${site}\n${day}`;
    let known = pathCounts.get(key);
    if (known === undefined) {
      if (day !== prunedDay) {
        prunedDay = day;
        pathCounts.clear();
        dropOldHours.run(addDays(day, -HOUR_DAYS));
        dropOldPaths.run(addDays(day, -PATH_DAYS));
      }
      known = countPaths.get(site, day);
    }
    if (known < pathsPerDay) {
      addPath.run(site, day, path);
      pathCounts.set(key, known + 1);
    } else {
      addPath.run(site, day, OTHER_PATHS);
      pathCounts.set(key, known);
    }
  };

  const record = db.transaction((site, visitor, heartbeat, now, days, hour, path, allowNew) => {
    const day = days.at(-1);
    const online = onlineAt(site, now);
    const known = lastSeen.get(site, visitor);
    // A visitor not seen before, over its address's hourly allowance: answered, not counted.
    if (!known && !allowNew) return { ...counts(site, online.count, days), refused: true, counted: false };
    const { seen, visited } = known ?? {};
    // A heartbeat keeps a visit going but starts none: one that arrives before
    // the visit it follows (two tabs opened together) must not swallow it.
    const ongoing = visited != null && now - visited <= sessionMs;
    const counted = !heartbeat && !ongoing;
    if (counted) {
      addTotal.run(site);
      addDay.run(site, day);
      addHour.run(site, day, hour);
      countPath(site, day, path);
    }
    const wasOnline = seen !== undefined && seen > online.cutoff;
    const isOnline = Math.max(seen ?? now, now) > online.cutoff;
    online.count += Number(isOnline) - Number(wasOnline);
    markSeen.run(site, visitor, now, heartbeat && !ongoing ? null : now);
    saveOnline.run(site, online.count, online.cutoff);
    forgetOld(site, now);
    return { ...counts(site, online.count, days), isNew: !known, counted };
  });

  // A read transaction: one consistent snapshot even while others write.
  const read = db.transaction((site, now, days) => counts(site, onlineAt(site, now).count, days));

  const stats = db.transaction((site, days, pathDays) => {
    const hours = Array(24).fill(0);
    for (const row of hoursOf.all(site, days.at(-1))) hours[row.hour] = row.visits;
    return {
      days: visitsOn(site, days),
      hours,
      paths: topPaths(pathsSince.raw().all(site, pathDays[0], pathDays.at(-1), TOP_PATHS)),
    };
  });
  const ping = db.prepare('SELECT 1').pluck();

  const salt = db.transaction((day) => {
    let value = findSalt.get(day);
    if (value === undefined) {
      addSalt.run(day, newSalt());
      value = findSalt.get(day);
    }
    const dropped = dropOtherSalts.run(day).changes > 0;
    return { value, dropped };
  });

  return {
    kind: 'sqlite',
    description: `SQLite ${file}`,
    db,
    /** The salt of `day`; every other day's is deleted, and wiped from the WAL too. */
    salt: (day) => {
      const { value, dropped } = salt.immediate(day);
      // The WAL still holds the pages from before the delete: copy it into the
      // (securely overwritten) database and cut it to nothing.
      if (dropped && file !== ':memory:') db.pragma('wal_checkpoint(TRUNCATE)');
      return value;
    },
    /**
     * Counts a visit (or a heartbeat) of `visitor` at `now`; `days` are the
     * days to answer for, today last; `hour` and `path` are where a visit
     * that starts is counted too.
     */
    record: ({ site, visitor, heartbeat, now, days, hour = 0, path = '/', allowNew = true }) =>
      record.immediate(site, visitor, heartbeat, now, days, hour, path, allowNew),
    read: ({ site, now, days }) => read(site, now, days),
    /** Visits on each of `days` (today last), today's by hour, the most-read paths over `pathDays`. */
    stats: async ({ site, days, pathDays }) => stats(site, days, pathDays),
    ping: async () => ping.get(),
    close: async () => {
      if (db.open) db.close();
    },
  };
}

/**
 * Creates the database's folder (0700) and file (0600) when missing, and
 * takes group and world access off an existing file and its -wal and -shm
 * (SQLite gives those the database file's mode). The salt of the day is in
 * there: nobody but the server's user should read it.
 */
function makePrivate(file) {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}
