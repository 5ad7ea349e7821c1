// npm run prove -w server: the proofs at full size, on SQLite and on
// Redis (two server instances on one Redis). Exits non-zero if one fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { backupDuringLoad, exactCount, gracefulStop, killNine } from './proofs.js';

const VISITS = Number(process.env.PROVE_VISITS ?? 10_000);
let failures = 0;

function report(name, result, summary) {
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${name}: ${summary}`);
  if (!result.ok) {
    failures++;
    console.log(JSON.stringify(result, null, 2));
  }
}

for (const store of ['sqlite', 'redis']) {
  const result = await exactCount({ store, visits: VISITS, concurrency: 500 });
  const counts = result.counts.map((c) => `total ${c.total}, today ${c.today}, online ${c.online}`).join(' | ');
  report(
    `${VISITS} concurrent distinct visits on ${store} (${result.instances} instance${result.instances > 1 ? 's' : ''})`,
    result,
    `${result.acknowledged} acknowledged, ${counts}; the same ${VISITS} again: total ${result.countsAfterRepeat[0].total}`,
  );
}

for (const store of ['sqlite', 'redis']) {
  const result = await killNine({ store, visits: 2 * VISITS, killAfter: Math.round(VISITS / 2) });
  report(
    `kill -9 during a load on ${store}`,
    result,
    `${result.acknowledged} acknowledged before the kill, total ${result.totalAfterRestart} after restart, ` +
      `${result.totalAfterReplay} after sending the acknowledged visitors again`,
  );
}

for (const store of ['sqlite', 'redis']) {
  const result = await gracefulStop({ store, visits: 2 * VISITS, stopAfter: Math.round(VISITS / 2) });
  report(
    `SIGTERM during a load on ${store}`,
    result,
    `exit ${result.exit.code}, ${result.acknowledged} acknowledged, total ${result.totalAfterRestart} after restart, ` +
      `${result.failedWhileStopping} refused while stopping`,
  );
}

{
  const result = await backupDuringLoad({ visits: VISITS, backupAfter: Math.round(VISITS / 3) });
  report(
    'backup during a load on sqlite',
    result,
    `taken with ${result.during.acknowledgedBefore}-${result.during.acknowledgedAfter} acknowledged, restores to ${result.during.total}; ` +
      `after the load: ${result.final.total} of ${result.acknowledged} acknowledged`,
  );
}

{
  // The Dockerfile's install line in a copy made as its COPY lines say, then its start line.
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--test', '--test-name-pattern=install line', fileURLToPath(new URL('../test/deploy.test.js', import.meta.url))], {
    env: { ...process.env, NEWS_DEPLOY_INSTALL: '1' },
    encoding: 'utf8',
  });
  const passed = run.status === 0 && /^# pass 1$/m.test(run.stdout);
  report('the Dockerfile installs and starts the server', { ok: passed, output: run.stdout.slice(-3000) }, `npm ci --omit=dev -w server in a copy, start line, /healthz: ${Math.round((Date.now() - started) / 1000)} s`);
}

console.log(failures ? `\n${failures} proof(s) failed.` : '\nAll proofs hold.');
process.exitCode = failures ? 1 : 0;
