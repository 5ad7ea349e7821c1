import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Feeds, images and a counter's answer come from here, the rest from
  // story-requests.ts in the page: no story reaches the network, and the
  // static build needs nothing but a file server.
  staticDirs: [{ from: '../stories/fixtures', to: '/fixtures' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      {
        name: 'news-widgets-side-effects',
        // package.json's "sideEffects" names only dist/ files, so a production
        // build would drop the stories' `import '../src/news-feed.js'` and with
        // it the element's registration.
        transform(code, id) {
          return /[/\\]src[/\\](index|news-[a-z-]+)\.ts$/.test(id) ? { code, map: null, moduleSideEffects: true } : null;
        },
      },
    ];
    // The renderer's own `lit/directive-helpers.js` is not pre-bundled with the
    // stories' lit: served raw, it brought a second lit-html ("Multiple
    // versions of Lit loaded" in the dev server's console).
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return viteConfig;
  },
};

export default config;
