import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/news-category-tabs.js';
import '../src/news-date-archive.js';
import '../src/news-feed.js';
import '../src/news-search.js';
import '../src/news-visit-counter.js';
import type { NewsCategoryTabs } from '../src/news-category-tabs.js';
import type { NewsDateArchive } from '../src/news-date-archive.js';
import type { NewsFeed } from '../src/news-feed.js';
import type { NewsSearch } from '../src/news-search.js';
import type { NewsVisitCounter } from '../src/news-visit-counter.js';
import { customPropertyArgTypes, themeStyle } from './custom-properties.js';
import { COUNTING_COUNTER, FEEDS, find, parts, waitForStatus, viewportApplied } from './support.js';

/** What a ward portal's own stylesheet might say; the elements inherit its font and colors. */
const portalStyles = html`<style>
  .ward-portal { color: #222; }
  .ward-portal .banner { display: flex; gap: 1rem; align-items: center; padding: 1rem 1.25rem; background: #a50e0e; color: #fff; }
  .ward-portal .banner p { margin: 0; }
  .ward-portal .banner .name { font-size: 1.5rem; font-weight: 700; color: #ffd54f; text-transform: uppercase; }
  .ward-portal .menu { display: flex; flex-wrap: wrap; gap: 0 1.25rem; padding: 0.5rem 1.25rem; background: #7a0b0b; }
  .ward-portal .menu a { color: #fff; text-decoration: none; line-height: 2; }
  .ward-portal .page { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 1.5rem; padding: 1.25rem; }
  .ward-portal h1 { margin: 0 0 0.75rem; font-size: 1.5rem; color: #7a0b0b; }
  .ward-portal news-category-tabs { margin-bottom: 1rem; }
  .ward-portal aside { display: grid; gap: 1.25rem; align-content: start; }
  .ward-portal .box { border: 1px solid #e8c9a0; }
  .ward-portal .box h2 { margin: 0; padding: 0.4rem 0.75rem; background: #a50e0e; color: #fff; font-size: 1rem; text-transform: uppercase; }
  .ward-portal .box > :not(h2) { display: block; padding: 0.75rem; }
  .ward-portal footer { padding: 1rem 1.25rem; background: #f4ede4; font-size: 0.875rem; }
  @media (max-width: 48rem) {
    .ward-portal .page { grid-template-columns: minmax(0, 1fr); }
  }
</style>`;

/**
 * The five elements on one ward page, as a webmaster pastes them: the tabs,
 * the search field and the calendar all drive the "Tin tức - Sự kiện" list;
 * "Tin mới nhất" is a second, independent list; the counter counts the visit.
 * The controls are the `--news-` custom properties, set on the page's wrapper
 * as a portal's stylesheet would: try another accent on the whole page.
 */
const meta = {
  title: 'Ward portal',
  parameters: { layout: 'fullscreen' },
  argTypes: customPropertyArgTypes(),
  // The portal's red, as its stylesheet would set it.
  args: { '--news-accent-color': '#a50e0e', '--news-link-hover-color': '#a50e0e' },
  render: (args) => html`
    ${portalStyles}
    <div class="ward-portal" lang="vi" style=${styleMap(themeStyle(args))}>
      <header class="banner">
        <p aria-hidden="true" style="font-size: 2rem">★</p>
        <div>
          <p>Đảng bộ - Chính quyền - Nhân dân</p>
          <p class="name">Phường Thanh Bình</p>
        </div>
      </header>
      <nav class="menu" aria-label="Menu chính">
        <a href="https://thanhbinh.example.vn/">Trang chủ</a>
        <a href="https://thanhbinh.example.vn/tin-tuc" aria-current="page">Tin tức - Sự kiện</a>
        <a href="https://thanhbinh.example.vn/thu-tuc">Thủ tục hành chính</a>
        <a href="https://thanhbinh.example.vn/lien-he">Liên hệ</a>
      </nav>
      <div class="page">
        <main>
          <h1>Tin tức - Sự kiện</h1>
          <news-category-tabs for="tin-tuc">
            <a href="https://thanhbinh.example.vn/chuyen-muc/kinh-te-chinh-tri-van-hoa-xa-hoi" data-value="kinh-te-chinh-tri-van-hoa-xa-hoi">Kinh tế - Chính trị - Văn hóa - Xã hội</a>
            <a href="https://thanhbinh.example.vn/chuyen-muc/noi-chinh" data-value="noi-chinh">Nội chính</a>
            <a href="https://thanhbinh.example.vn/chuyen-muc/dang-doan-the" data-value="dang-doan-the">Đảng, đoàn thể</a>
            <a href="https://thanhbinh.example.vn/chuyen-muc/quoc-phong-an-ninh" data-value="quoc-phong-an-ninh">Quốc phòng - An ninh</a>
            <a href="https://thanhbinh.example.vn/chuyen-muc/cai-cach-hanh-chinh" data-value="cai-cach-hanh-chinh">Cải cách hành chính</a>
            <a href="https://thanhbinh.example.vn/chuyen-muc/thong-bao" data-value="thong-bao">Thông báo</a>
          </news-category-tabs>
          <news-feed id="tin-tuc" src=${FEEDS.ward} limit="6" heading-level="2">
            <a href="https://thanhbinh.example.vn/tin-tuc/luu-tru">Xem tất cả tin tức</a>
          </news-feed>
        </main>
        <aside>
          <section class="box">
            <h2>Tìm kiếm thông tin</h2>
            <news-search for="tin-tuc"></news-search>
          </section>
          <section class="box">
            <h2>Xem tin theo ngày</h2>
            <news-date-archive for="tin-tuc"></news-date-archive>
          </section>
          <section class="box">
            <h2>Tin mới nhất</h2>
            <news-feed id="tin-moi" src=${FEEDS.ward} layout="compact" limit="5" paging="none" heading-level="3"></news-feed>
          </section>
          <section class="box">
            <h2>Thống kê truy cập</h2>
            <news-visit-counter src=${COUNTING_COUNTER} count></news-visit-counter>
          </section>
        </aside>
      </div>
      <footer>Ủy ban nhân dân phường Thanh Bình (tên và tin tức là dữ liệu minh họa).</footer>
    </div>
  `,
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function portal(canvas: HTMLElement) {
  const news = await find<NewsFeed>(canvas, '#tin-tuc');
  const latest = await find<NewsFeed>(canvas, '#tin-moi');
  const tabs = await find<NewsCategoryTabs>(canvas, 'news-category-tabs');
  const search = await find<NewsSearch>(canvas, 'news-search');
  const archive = await find<NewsDateArchive>(canvas, 'news-date-archive');
  const counter = await find<NewsVisitCounter>(canvas, 'news-visit-counter');
  await waitForStatus(news, 'ready');
  await waitForStatus(latest, 'ready');
  await waitForStatus(counter, 'ready');
  return { news, latest, tabs, search, archive, counter };
}

const tab = (tabs: NewsCategoryTabs, label: string) => parts(tabs, 'tab').find((node) => node.textContent!.trim() === label)!;

/**
 * A reader's visit: a category tab, then a search inside it, then clearing
 * both and choosing a day in the calendar. Each control narrows the same
 * list and shows the others' choices; "Tin mới nhất" never changes.
 */
export const WardPortal: Story = {
  play: async ({ canvasElement }) => {
    const { news, latest, tabs, search, archive, counter } = await portal(canvasElement);
    expect(news.total).toBe(26);
    expect(parts(counter, 'value')[0].textContent).toMatch(/^\d{1,3}(\.\d{3})+/);
    // The accent control (the portal's red) reaches the elements.
    const [current] = parts(news, 'page').filter((button) => button.getAttribute('aria-current') === 'page');
    expect(getComputedStyle(current).backgroundColor).toBe('rgb(165, 14, 14)');

    await userEvent.click(tab(tabs, 'Thông báo'));
    await waitFor(() => expect(news.category).toBe('thong-bao'));
    expect(news.total).toBe(5);

    const input = parts(search, 'input')[0] as HTMLInputElement;
    await userEvent.type(input, 'tiep cong dan{Enter}');
    await waitFor(() => expect(news.query).toBe('tiep cong dan'));
    await waitFor(() => expect(news.total).toBe(1));

    await userEvent.keyboard('{Escape}');
    await userEvent.click(tab(tabs, 'Tất cả'));
    await waitFor(() => expect([news.query, news.category]).toEqual(['', '']));

    const day = archive.shadowRoot!.querySelector<HTMLElement>('[data-key="2025-11-21"]')!;
    await userEvent.click(day);
    await waitFor(() => expect(news.date).toBe('2025-11-21'));
    expect(news.total).toBe(2);
    expect(archive.value).toBe('2025-11-21');

    expect(latest.total).toBe(26);
    expect(parts(latest, 'item')).toHaveLength(5);
  },
};

/** The same page on a 390 px phone: the sidebar boxes go below the list. */
export const WardPortalOnPhone: Story = {
  globals: { viewport: { value: 'phone390', isRotated: false } },
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const { news, archive } = await portal(canvasElement);
    expect(archive.getBoundingClientRect().top).toBeGreaterThan(news.getBoundingClientRect().bottom);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
