// npm run prove -w server: the proofs at full size, on SQLite and on
// Redis (two server instances on one Redis), then the feed relay's
// (`node scripts/prove.js relay`: the relay's only). Exits non-zero if one fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { backupDuringLoad, exactCount, gracefulStop, killNine } from './proofs.js';
import { singleFlight, staleWhileDown } from './relay-proofs.js';

const VISITS = Number(process.env.PROVE_VISITS ?? 10_000);
let failures = 0;

function report(name, result, summary) {
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${name}: ${summary}`);
  if (!result.ok) {
    failures++;
    console.log(JSON.stringify(result, null, 2));
  }
}

const counter = process.argv[2] !== 'relay';

for (const store of counter ? ['sqlite', 'redis'] : []) {
  const result = await exactCount({ store, visits: VISITS, concurrency: 500 });
  const counts = result.counts.map((c) => `total ${c.total}, today ${c.today}, online ${c.online}`).join(' | ');
  report(
    `${VISITS} concurrent distinct visits on ${store} (${result.instances} instance${result.instances > 1 ? 's' : ''})`,
    result,
    `${result.acknowledged} acknowledged, ${counts}; the same ${VISITS} again: total ${result.countsAfterRepeat[0].total}`,
  );
}

for (const store of counter ? ['sqlite', 'redis'] : []) {
  const result = await killNine({ store, visits: 2 * VISITS, killAfter: Math.round(VISITS / 2) });
  report(
    `kill -9 during a load on ${store}`,
    result,
    `${result.acknowledged} acknowledged before the kill, total ${result.totalAfterRestart} after restart, ` +
      `${result.totalAfterReplay} after sending the acknowledged visitors again`,
  );
}

for (const store of counter ? ['sqlite', 'redis'] : []) {
  const result = await gracefulStop({ store, visits: 2 * VISITS, stopAfter: Math.round(VISITS / 2) });
  report(
    `SIGTERM during a load on ${store}`,
    result,
    `exit ${result.exit.code}, ${result.acknowledged} acknowledged, total ${result.totalAfterRestart} after restart, ` +
      `${result.failedWhileStopping} refused while stopping`,
  );
}

if (counter) {
  const result = await backupDuringLoad({ visits: VISITS, backupAfter: Math.round(VISITS / 3) });
  report(
    'backup during a load on sqlite',
    result,
    `taken with ${result.during.acknowledgedBefore}-${result.during.acknowledgedAfter} acknowledged, restores to ${result.during.total}; ` +
      `after the load: ${result.final.total} of ${result.acknowledged} acknowledged`,
  );
}

if (counter) {
  // The Dockerfile's install line in a copy made as its COPY lines say, then its start line.
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--test', '--test-name-pattern=install line', fileURLToPath(new URL('../test/deploy.test.js', import.meta.url))], {
    env: { ...process.env, NEWS_DEPLOY_INSTALL: '1' },
    encoding: 'utf8',
  });
  const passed = run.status === 0 && /^# pass 1$/m.test(run.stdout);
  report('the Dockerfile installs and starts the server', { ok: passed, output: run.stdout.slice(-3000) }, `npm ci --omit=dev -w server in a copy, start line, /healthz: ${Math.round((Date.now() - started) / 1000)} s`);
}

const flight = await singleFlight({ requests: 1000 });
report(
  'feed relay: 1,000 concurrent requests for one uncached feed',
  flight,
  `${flight.answered} answered in ${flight.seconds.toFixed(2)} s with ${flight.upstreamRequests} upstream request(s), ${flight.fullFetches} without validators; ` +
    `after the TTL: ${flight.afterTtl} (If-None-Match ${flight.revalidationSent}), ${flight.upstreamRequestsAfterTtl} upstream requests in all`,
);
const down = await staleWhileDown();
report('feed relay: the feed server stopped, then back', down, `first ${down.first}, while down ${down.whileDown}, back: ${down.back}`);

console.log(failures ? `\n${failures} proof(s) failed.` : '\nAll proofs hold.');
process.exitCode = failures ? 1 : 0;
