// Hooks of @storybook/test-runner (npm run check-stories), around each story
// it renders from the static build and checks (render, play function, axe).
//
// Set from a Jest setup file (test-runner-jest.config.js), not from the usual
// .storybook/test-runner.ts: Storybook 10.6 loads that file through
// module.register(), which Jest 30.5 refuses, so every suite failed with
// "module.register() is not supported in Jest" (storybook issue 36116).
import { getStoryContext, setPostVisit, setPreVisit, type TestRunnerConfig } from '@storybook/test-runner';

import type { Page } from 'playwright';

const DESKTOP = { width: 1280, height: 800 };

/**
 * Requests each page made to anything but the Storybook it shows (the
 * browser cannot reach other hosts, but a request that fails is not always
 * a console error: a story must not try).
 */
const offSite = new WeakMap<Page, string[]>();

function watchRequests(page: Page) {
  if (offSite.has(page)) return;
  const seen: string[] = [];
  offSite.set(page, seen);
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== new URL(page.url()).origin) seen.push(url);
  });
}

interface ViewportOption {
  styles?: { width?: string; height?: string };
}

const config: TestRunnerConfig = {
  // A story with a viewport (the phone widths) renders and plays at that
  // size, as the manager's frame would show it; every other one at a desktop's.
  async preVisit(page, context) {
    watchRequests(page);
    offSite.get(page)!.length = 0;
    const story = await getStoryContext(page, context);
    // The story's own globals (`globals: { viewport }` in its CSF).
    const chosen = (story.storyGlobals?.viewport as { value?: string } | undefined)?.value;
    const option = chosen ? (story.parameters?.viewport?.options as Record<string, ViewportOption> | undefined)?.[chosen] : undefined;
    const width = Number.parseInt(option?.styles?.width ?? '', 10);
    const height = Number.parseInt(option?.styles?.height ?? '', 10);
    await page.setViewportSize(width && height ? { width, height } : DESKTOP);
  },
  // What a play function may not think to check: every news element the
  // story shows was defined (its module ran), the story showed something, and
  // it asked nothing of another host.
  async postVisit(page) {
    const { empty, undefinedTags } = await page.evaluate(() => ({
      empty: !document.querySelector('#storybook-root')?.children.length,
      undefinedTags: [...document.querySelectorAll('#storybook-root :not(:defined)')]
        .map((element) => element.localName)
        .filter((name) => name.startsWith('news-')),
    }));
    if (empty) throw new Error('the story rendered nothing');
    if (undefinedTags.length) throw new Error(`never defined: ${[...new Set(undefinedTags)].join(', ')}`);
    const reached = offSite.get(page) ?? [];
    if (reached.length) throw new Error(`reached for the network: ${[...new Set(reached)].join(', ')}`);
  },
};

setPreVisit(config.preVisit!);
setPostVisit(config.postVisit!);
