import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/news-feed.js';
import '../src/news-search.js';
import type { NewsFeed } from '../src/news-feed.js';
import type { NewsSearch } from '../src/news-search.js';
import { FEEDS, attributes, columns, find, parts, texts, waitForStatus, viewportApplied } from './support.js';

// The search field in a sidebar beside the list it searches. (The docs page takes its description from the class JSDoc.)
const meta = {
  title: 'Elements/news-search',
  component: 'news-search',
  args: { for: 'tin-tuc' },
  render: (args) => html`
    <div style=${columns}>
      <news-feed id="tin-tuc" src=${FEEDS.ward} limit="5" layout="compact" paging="none"></news-feed>
      <news-search ${attributes(args)}></news-search>
    </div>
  `,
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function setup(canvas: HTMLElement) {
  const search = await find<NewsSearch>(canvas, 'news-search');
  const feed = canvas.querySelector<NewsFeed>('news-feed');
  if (feed) await waitForStatus(feed, 'ready');
  return { search, feed, input: parts(search, 'input')[0] as HTMLInputElement };
}

/** Typing filters the list once the reader pauses; marks do not matter ("ve sinh" finds "vệ sinh"). */
export const FiltersTheList: Story = {
  play: async ({ canvasElement }) => {
    const { search, feed, input } = await setup(canvasElement);
    expect(input.getAttribute('aria-label')).toBe('Tìm kiếm thông tin');
    await userEvent.type(input, 've sinh');
    await waitFor(() => expect(feed!.query).toBe('ve sinh'));
    await waitFor(() => expect(feed!.total).toBe(2));
    await waitFor(() => expect(search.shadowRoot!.querySelector('[role="status"]')!.textContent).toBe('2 kết quả'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(feed!.query).toBe(''));
  },
};

/** Nothing matches: the list says so. */
export const NoResults: Story = {
  play: async ({ canvasElement }) => {
    const { feed, input } = await setup(canvasElement);
    await userEvent.type(input, 'không có tin này{Enter}');
    await waitForStatus(feed!, 'empty');
    expect(texts(feed!, 'status')).toEqual(['Không có tin nào']);
  },
};

/**
 * A field for the sidebar of every page: with `href`, submitting opens the
 * search page (here `/tin-tuc?news-q=…`, read by a `<news-feed sync-url>`).
 */
export const OpensASearchPage: Story = {
  args: { for: '', href: '/tin-tuc?news-q={q}' },
  render: (args) => html`<div style="max-width: 20rem"><news-search ${attributes(args)}></news-search></div>`,
  play: async ({ canvasElement }) => {
    const { search } = await setup(canvasElement);
    expect(texts(search, 'button')).toEqual(['Tìm kiếm']);
  },
};

/** `lang="en"` and a placeholder of one's own. */
export const English: Story = {
  args: { lang: 'en', placeholder: 'Search ward news' },
  render: (args) => html`
    <div style=${columns}>
      <news-feed id="tin-tuc" lang="en" src=${FEEDS.english} limit="5" layout="compact" paging="none"></news-feed>
      <news-search ${attributes(args)}></news-search>
    </div>
  `,
  play: async ({ canvasElement }) => {
    const { search, feed, input } = await setup(canvasElement);
    expect(input.getAttribute('aria-label')).toBe('Search ward news');
    expect(texts(search, 'button')).toEqual(['Search']);
    await userEvent.type(input, 'camera{Enter}');
    await waitFor(() => expect(feed!.total).toBe(1));
  },
};

/** On a 320 px phone the field and button share the width. */
export const OnSmallPhone: Story = {
  globals: { viewport: { value: 'phone320', isRotated: false } },
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const { search } = await setup(canvasElement);
    expect(search.scrollWidth).toBeLessThanOrEqual(search.clientWidth + 1);
    expect(parts(search, 'button')[0].getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
  },
};
