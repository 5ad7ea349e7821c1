import type { StorybookConfig } from '@storybook/web-components-vite';
import { fixtureRoutes } from './fixture-routes.mjs';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // Feeds, images and the counter come from here: no story reaches the network.
  staticDirs: [{ from: '../stories/fixtures', to: '/fixtures' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      {
        name: 'news-widgets-story-routes',
        configureServer(server) {
          server.middlewares.use(fixtureRoutes);
        },
        // package.json's "sideEffects" names only dist/ files, so a production
        // build would drop the stories' `import '../src/news-feed.js'` and with
        // it the element's registration.
        transform(code, id) {
          return /[/\\]src[/\\](index|news-[a-z-]+)\.ts$/.test(id) ? { code, map: null, moduleSideEffects: true } : null;
        },
      },
    ];
    return viteConfig;
  },
};

export default config;
