// Run by bench.js with --expose-gc: 10,000 distinct feeds into a relay whose
// cache is capped (BENCH_CACHE_BYTES, default 16 MB); prints the figures as JSON.
import { memoryAfter } from './relay-proofs.js';

const result = await memoryAfter({
  urls: Number(process.env.BENCH_URLS ?? 10_000),
  cacheBytes: Number(process.env.BENCH_CACHE_BYTES ?? 16 * 1024 * 1024),
  feedBytes: Number(process.env.BENCH_FEED_BYTES ?? 4096),
});
process.stdout.write(JSON.stringify(result));
