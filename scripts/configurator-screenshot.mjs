// Makes docs/configurator.png, the README's picture of the configurator:
// the demo served as `npm start` serves it, its feed checked, three elements
// chosen, the preview loaded. Run after `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './demo-server.mjs';
import { launchBrowser, openPage, waitFor } from '../test/e2e/harness.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'news-screenshot-'));
const demo = await startDemo({ port: 0, db: join(dataDir, 'visits.db'), provincePort: 0 });
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, { viewport: { width: 1280, height: 1500 } });
  await page.goto(`${demo.address}/cau-hinh/`);
  await page.click('#source-form button[type="submit"]');
  await page.waitForSelector('#diagnosis .result');
  for (const name of ['tabs', 'search']) await page.check(`#look input[name="${name}"]`);
  await page.fill('#limit', '4');
  await page.evaluate(() => document.activeElement.blur());
  const preview = page.frames().find((frame) => frame !== page.mainFrame());
  await waitFor(preview, () => document.querySelector('news-feed')?.getAttribute('limit') === '4' && document.querySelector('news-feed').status === 'ready'
    && [...document.querySelector('news-feed').shadowRoot.querySelectorAll('img')].every((image) => image.complete), undefined, 10000);
  await new Promise((done) => setTimeout(done, 300));
  await page.screenshot({ path: 'docs/configurator.png', fullPage: true });
  console.log('docs/configurator.png written');
} finally {
  await browser.close();
  await demo.app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
