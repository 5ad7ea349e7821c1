// backup and restore on their own: what a copy holds, and what restore refuses.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from '../scripts/proofs.js';
import { tempDir } from '../scripts/processes.js';
import { counter } from './support.js';

describe('backup and restore', () => {
  it('copy a database without its salt, 0600, and put it back over another', async () => {
    const { dir, remove } = tempDir();
    try {
      const c = await counter('sqlite', { dir: `${dir}/live` });
      for (let n = 0; n < 5; n++) await c.visit(n);
      const salt = await c.store.salt('2026-03-10');
      const made = await runCli(['backup', `${dir}/copy.db`, '--db', `${dir}/live/visits.db`]);
      assert.equal(made.code, 0, made.stderr);
      assert.match(made.stdout, /copied to .*copy\.db \(default 5\)/);
      assert.equal(statSync(`${dir}/copy.db`).mode & 0o777, 0o600);
      assert.equal(readFileSync(`${dir}/copy.db`).indexOf(salt), -1, 'the copy holds no salt');
      assert.ok(!existsSync(`${dir}/copy.db-wal`), 'one self-contained file');
      await c.visit(6);
      await c.close();

      const restored = await runCli(['restore', `${dir}/copy.db`, '--db', `${dir}/live/visits.db`]);
      assert.equal(restored.code, 0, restored.stderr);
      const db = new Database(`${dir}/live/visits.db`, { readonly: true });
      assert.equal(db.prepare("SELECT visits FROM totals WHERE site = 'default'").pluck().get(), 5, 'the visit after the backup is gone: the copy is back');
      db.close();
      assert.equal(statSync(`${dir}/live/visits.db`).mode & 0o777, 0o600);
    } finally {
      remove();
    }
  });

  it('restore refuses a damaged file or another database, and leaves the live one alone', async () => {
    const { dir, remove } = tempDir();
    try {
      const c = await counter('sqlite', { dir });
      await c.visit(1);
      await c.close();
      writeFileSync(`${dir}/garbage.db`, 'SQLite format 3\0'.padEnd(8192, 'x'));
      const other = new Database(`${dir}/other.db`);
      other.exec('CREATE TABLE notes (text)');
      other.close();
      const backupOfNothing = await runCli(['backup', `${dir}/x.db`, '--db', `${dir}/missing.db`]);
      assert.equal(backupOfNothing.code, 1);
      assert.match(backupOfNothing.stderr, /No database at/);
      for (const [file, message] of [['garbage.db', /not a readable SQLite database|damaged/], ['other.db', /not a news-widgets-server database/], ['none.db', /does not exist/]]) {
        const result = await runCli(['restore', `${dir}/${file}`, '--db', `${dir}/visits.db`]);
        assert.equal(result.code, 1, file);
        assert.match(result.stderr, message, file);
      }
      const usage = await runCli(['restore']);
      assert.equal(usage.code, 2);
      const db = new Database(`${dir}/visits.db`, { readonly: true });
      assert.equal(db.prepare('SELECT visits FROM totals').pluck().get(), 1);
      db.close();
    } finally {
      remove();
    }
  });
});
