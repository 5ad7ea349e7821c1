import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/news-category-tabs.js';
import '../src/news-feed.js';
import type { NewsCategoryTabs } from '../src/news-category-tabs.js';
import type { NewsFeed } from '../src/news-feed.js';
import { FEEDS, attributes, find, parts, texts, waitForStatus, viewportApplied } from './support.js';

/** The CMS's own category links: they become tabs, and stay links without a list or a script. */
const links = html`
  <a href="https://thanhbinh.example.vn/chuyen-muc/noi-chinh" data-value="noi-chinh">Nội chính</a>
  <a href="https://thanhbinh.example.vn/chuyen-muc/dang-doan-the" data-value="dang-doan-the">Đảng, đoàn thể</a>
  <a href="https://thanhbinh.example.vn/chuyen-muc/quoc-phong-an-ninh" data-value="quoc-phong-an-ninh">Quốc phòng - An ninh</a>
  <a href="https://thanhbinh.example.vn/chuyen-muc/cai-cach-hanh-chinh" data-value="cai-cach-hanh-chinh">Cải cách hành chính</a>
  <a href="https://thanhbinh.example.vn/chuyen-muc/thong-bao" data-value="thong-bao">Thông báo</a>
`;

// Tabs above the list they filter. (The docs page takes its description from the class JSDoc.)
const meta = {
  title: 'Elements/news-category-tabs',
  component: 'news-category-tabs',
  args: { for: 'tin-tuc' },
  render: (args) => html`
    <news-category-tabs ${attributes(args)}>${links}</news-category-tabs>
    <news-feed id="tin-tuc" src=${FEEDS.ward} limit="4" layout="compact" paging="none" style="margin-top: 1rem"></news-feed>
  `,
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function setup(canvas: HTMLElement) {
  const tabs = await find<NewsCategoryTabs>(canvas, 'news-category-tabs');
  const feed = canvas.querySelector<NewsFeed>('news-feed');
  if (feed) await waitForStatus(feed, 'ready');
  return { tabs, feed };
}

/** From the CMS's links, after "Tất cả"; a click filters the list, and the arrow keys move between tabs. */
export const FromLinks: Story = {
  play: async ({ canvasElement }) => {
    const { tabs, feed } = await setup(canvasElement);
    await waitFor(() => expect(texts(tabs, 'tab')).toEqual(['Tất cả', 'Nội chính', 'Đảng, đoàn thể', 'Quốc phòng - An ninh', 'Cải cách hành chính', 'Thông báo']));
    await userEvent.click(parts(tabs, 'tab')[5]);
    await waitFor(() => expect(feed!.category).toBe('thong-bao'));
    await waitFor(() => expect(feed!.total).toBe(5));
    expect(tabs.value).toBe('thong-bao');
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(tabs.value).toBe(''));
    expect(parts(tabs, 'selected')[0].textContent!.trim()).toBe('Tất cả');
  },
};

/** Without links inside, the tabs are the feed's own categories. */
export const FromTheFeed: Story = {
  render: (args) => html`
    <news-category-tabs ${attributes(args)}></news-category-tabs>
    <news-feed id="tin-tuc" src=${FEEDS.ward} limit="4" layout="compact" paging="none" style="margin-top: 1rem"></news-feed>
  `,
  play: async ({ canvasElement }) => {
    const { tabs } = await setup(canvasElement);
    await waitFor(() => expect(parts(tabs, 'tab')).toHaveLength(7));
    expect(texts(tabs, 'tab')).toContain('Kinh tế - Chính trị - Văn hóa - Xã hội');
  },
};

/** With no list on the page the links stay links, to be followed. */
export const WithoutAList: Story = {
  args: { for: '' },
  render: (args) => html`<news-category-tabs ${attributes(args)}>${links}</news-category-tabs>`,
  play: async ({ canvasElement }) => {
    const { tabs } = await setup(canvasElement);
    expect(parts(tabs, 'tablist')).toHaveLength(0);
    const link = canvasElement.querySelector('news-category-tabs a')!;
    expect(link.getBoundingClientRect().height).toBeGreaterThan(0);
  },
};

/** `lang="en"` and `all-label`. */
export const English: Story = {
  args: { lang: 'en', 'all-label': 'All news' },
  render: (args) => html`
    <news-category-tabs ${attributes(args)}></news-category-tabs>
    <news-feed id="tin-tuc" lang="en" src=${FEEDS.english} limit="4" layout="compact" paging="none" style="margin-top: 1rem"></news-feed>
  `,
  play: async ({ canvasElement }) => {
    const { tabs } = await setup(canvasElement);
    await waitFor(() => expect(texts(tabs, 'tab')[0]).toBe('All news'));
    expect(parts(tabs, 'tablist')[0].getAttribute('aria-label')).toBe('Categories');
  },
};

/** On a 360 px phone the row scrolls sideways; the page does not. */
export const OnPhone: Story = {
  globals: { viewport: { value: 'phone360', isRotated: false } },
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const { tabs } = await setup(canvasElement);
    const [list] = parts(tabs, 'tablist');
    await waitFor(() => expect(list.scrollWidth).toBeGreaterThan(list.clientWidth));
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
