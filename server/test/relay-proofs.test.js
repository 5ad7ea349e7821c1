// The relay's proofs on a real server process (npm run prove -w server runs
// the same): one upstream request for 1,000 concurrent visitors, then one
// revalidation; a copy served stale while the feed server is down; the
// cache's memory under its cap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryAfter, singleFlight, staleWhileDown } from '../scripts/relay-proofs.js';

describe('relay under load, as a process', () => {
  it('answers 1,000 concurrent requests for one uncached feed with one upstream request, and revalidates after the TTL', async () => {
    const result = await singleFlight({ requests: 1000 });
    assert.equal(result.answered, 1000, JSON.stringify(result.errors));
    assert.equal(result.fullFetches, 1, 'one upstream request without validators');
    // On a machine so busy that the load outlasts the TTL, the relay rightly revalidates meanwhile.
    if (result.seconds < result.ttlSeconds) assert.equal(result.upstreamRequests, 1);
    assert.equal(result.afterTtl, 'revalidated');
    assert.equal(result.revalidationSent, '"p1"');
    assert.equal(result.upstreamRequestsAfterTtl, result.upstreamRequests + 1);
    assert.ok(result.ok);
  });

  it('serves the copy stale while the feed server is stopped, and a fresh one once it is back', async () => {
    const result = await staleWhileDown();
    assert.deepEqual([result.first, result.whileDown, result.back], ['miss', '200 stale', 'miss']);
    assert.ok(result.ok);
  });

  it('keeps 2,000 distinct feeds within a 1 MB cap', async () => {
    const result = await memoryAfter({ urls: 2000, cacheBytes: 1024 * 1024, feedBytes: 2000 });
    assert.equal(result.upstreamRequests, 2000);
    assert.ok(result.largestCachedBytes <= 1024 * 1024, `${result.largestCachedBytes} bytes`);
    assert.ok(result.entries > 300 && result.entries < 2000, `${result.entries} copies`);
    assert.ok(result.ok);
  });
});
