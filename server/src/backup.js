// news-widgets-server backup FILE / restore FILE: a consistent copy of the
// SQLite database while the server runs (SQLite's online backup API), and
// putting one back while it does not.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

export class BackupError extends Error {}

/** Throws unless `file` is a sound counter database. Resolves to its totals. */
function check(file) {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = db.pragma('integrity_check').map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new BackupError(`${file} is damaged: ${problems.slice(0, 3).join('; ')}`);
    const totals = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'totals'").get()
      ? db.prepare('SELECT site, visits FROM totals').all()
      : undefined;
    if (!totals) throw new BackupError(`${file} is not a news-widgets-server database (no totals table).`);
    return totals;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite database: ${error.message}`);
  } finally {
    db?.close();
  }
}

const syncFile = (file) => {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Copies the database `dbFile` into `target` while the server may be
 * writing to it: every page of one consistent moment. The copy keeps no
 * salt (a backup kept for months must not let anyone link that day's hashes
 * to addresses) and is one self-contained file, mode 0600.
 * @returns {Promise<{ site: string, visits: number }[]>} the totals in the copy
 */
export async function backup(dbFile, target) {
  if (!existsSync(dbFile)) throw new BackupError(`No database at ${dbFile} (--db or NEWS_DB).`);
  const part = `${target}.part-${process.pid}`;
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    closeSync(openSync(part, 'w', 0o600));
    await source.backup(part);
  } catch (error) {
    rmSync(part, { force: true });
    throw new BackupError(`Could not copy ${dbFile}: ${error.message}`);
  } finally {
    source.close();
  }
  try {
    const copy = new Database(part);
    copy.pragma('secure_delete = ON');
    copy.exec('DELETE FROM salts');
    copy.pragma('journal_mode = DELETE');
    copy.exec('VACUUM');
    copy.close();
    chmodSync(part, 0o600);
    const totals = check(part);
    syncFile(part);
    renameSync(part, target);
    return totals;
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
}

/**
 * Puts the backup `source` in place of `dbFile`: checks it first, refuses
 * while a server has the database open, then replaces the file in one
 * rename (a crash leaves the old database or the new one, never a mix).
 * @returns {{ site: string, visits: number }[]} the totals restored
 */
export function restore(source, dbFile) {
  const totals = check(source);
  if (existsSync(dbFile)) {
    // Leaving WAL mode needs the database to itself: it fails while any other connection has it open.
    let db;
    try {
      db = new Database(dbFile, { fileMustExist: true, timeout: 0 });
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      if (error.code === 'SQLITE_BUSY') throw new BackupError(`${dbFile} is open in another process: stop news-widgets-server first, then restore.`);
      throw new BackupError(`Could not open ${dbFile}: ${error.message}`);
    } finally {
      db?.close();
    }
  }
  const part = `${dbFile}.restore-${process.pid}`;
  try {
    copyFileSync(source, part);
    chmodSync(part, 0o600);
    syncFile(part);
    for (const leftover of [`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) rmSync(leftover, { force: true });
    renameSync(part, dbFile);
    syncFile(dirname(dbFile));
  } catch (error) {
    rmSync(part, { force: true });
    throw new BackupError(`Could not restore ${dbFile}: ${error.message}`);
  }
  return totals;
}
