// @storybook/test-runner's Jest configuration (npm run check-stories): its
// defaults, with Chromium from this machine (scripts/chrome.mjs: CHROME_PATH
// or Debian's chromium, never a downloaded browser) and the same flags as every
// other browser check here, so no story can reach a host off this machine.
import { getJestConfig } from '@storybook/test-runner';
import { CHROME_ARGS, ensureChrome } from './scripts/chrome.mjs';

const defaults = getJestConfig();

/** @type {import('@jest/types').Config.InitialOptions} */
export default {
  ...defaults,
  // Our hooks (viewports, upgraded elements): see the file for why not .storybook/test-runner.ts.
  setupFilesAfterEnv: [...defaults.setupFilesAfterEnv, '<rootDir>/.storybook/test-runner-hooks.ts'],
  testEnvironmentOptions: {
    'jest-playwright': {
      ...defaults.testEnvironmentOptions['jest-playwright'],
      browsers: ['chromium'],
      launchOptions: { executablePath: ensureChrome(), headless: true, args: CHROME_ARGS },
      contextOptions: { viewport: { width: 1280, height: 800 } },
    },
  },
};
