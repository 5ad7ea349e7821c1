import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROME_ARGS, ensureChrome } from './scripts/chrome.mjs';
import { failureSummaryReporter } from './test/server/failure-summary.mjs';
import { testRoutes } from './test/server/routes.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: focus and keyboard tests need the page to have focus.
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: ensureChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  middleware: [testRoutes],
  reporters: [defaultReporter(), failureSummaryReporter()],
  testFramework: { config: { timeout: 8000 } },
  testsFinishTimeout: 600_000,
};
