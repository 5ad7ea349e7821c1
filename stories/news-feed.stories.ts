import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/news-feed.js';
import type { NewsFeed } from '../src/news-feed.js';
import { FEEDS, attributes, find, parts, shadow, texts, waitForStatus, viewportApplied } from './support.js';

const meta = {
  title: 'Elements/news-feed',
  component: 'news-feed',
  args: { src: FEEDS.ward, limit: 5 },
  render: (args) => html`<news-feed ${attributes(args)}></news-feed>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const feedIn = (canvas: HTMLElement) => find<NewsFeed>(canvas, 'news-feed');

/** No element may be wider than the feed: long words wrap, images shrink. */
async function expectNoOverflow(feed: NewsFeed) {
  await waitFor(() => expect(feed.scrollWidth).toBeLessThanOrEqual(feed.clientWidth + 1));
}

/** The default: a list with images, summaries, dates, categories and numbered pages. */
export const List: Story = {
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(parts(feed, 'item')).toHaveLength(5);
    expect(texts(feed, 'title')[0]).toBe('Hội nghị tổng kết công tác năm 2025 của Đảng ủy phường Thanh Bình');
    expect(texts(feed, 'date')[0]).toBe('26/11/2025');
    expect(parts(feed, 'pagination')).toHaveLength(1);
  },
};

/** A grid of cards; the whole card is the link's hit area. */
export const Cards: Story = {
  args: { layout: 'cards', limit: 6 },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(parts(feed, 'item')).toHaveLength(6);
    expect(parts(feed, 'image').length).toBeGreaterThan(0);
  },
};

/** Title and date only, like an "other news" box in a sidebar. */
export const Compact: Story = {
  args: { layout: 'compact', paging: 'none' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(parts(feed, 'item')).toHaveLength(5);
    expect(parts(feed, 'image')).toHaveLength(0);
    expect(parts(feed, 'summary')).toHaveLength(0);
    expect(parts(feed, 'pagination')).toHaveLength(0);
  },
};

/** `paging="more"`: a "Xem thêm" button adds the next page below. */
export const ShowMore: Story = {
  args: { paging: 'more' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    const [more] = parts(feed, 'more');
    expect(more.textContent!.trim()).toBe('Xem thêm');
    await userEvent.click(more);
    await waitFor(() => expect(parts(feed, 'item')).toHaveLength(10));
  },
};

/** Only one category (its name or slug; case and diacritics do not matter). */
export const OneCategory: Story = {
  args: { category: 'thong-bao' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(texts(feed, 'category').every((text) => text === 'Thông báo')).toBe(true);
    expect(feed.total).toBe(5);
  },
};

/** `query` searches titles, summaries and categories, with or without diacritics. */
export const SearchResults: Story = {
  args: { query: 've sinh' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(feed.total).toBeGreaterThan(0);
    expect(texts(feed, 'title')).toContain('Ra quân tổng vệ sinh môi trường các tổ dân phố');
  },
};

/** `hide="image summary"`: titles, dates and categories only. */
export const HiddenParts: Story = {
  args: { hide: 'image summary' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(parts(feed, 'image')).toHaveLength(0);
    expect(parts(feed, 'summary')).toHaveLength(0);
    expect(parts(feed, 'date').length).toBeGreaterThan(0);
  },
};

/** WordPress REST posts (`/wp-json/wp/v2/posts?_embed`): featured images, categories, entities decoded. */
export const FromWordPress: Story = {
  name: 'From WordPress',
  args: { src: FEEDS.wordpress },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(texts(feed, 'title')[0]).toBe('Hội nghị tổng kết công tác năm 2025 của Đảng ủy phường Thanh Bình');
    // The excerpt's HTML is dropped and its entities decoded: plain text only.
    expect(texts(feed, 'summary')[0]).toMatch(/^Hội nghị đánh giá kết quả/);
    expect(texts(feed, 'summary')[0]).not.toMatch(/<p>|&hellip;|&#/);
    expect(parts(feed, 'image')[0].getAttribute('alt')).toContain('Hội nghị tổng kết');
    expect(texts(feed, 'category')[0]).toBe('Đảng, đoàn thể');
  },
};

/** A portal's RSS 2.0 (RSS 0.9x, 1.0 and Atom read the same way). */
export const FromPortalRss: Story = {
  name: 'From portal RSS',
  args: { src: FEEDS.rss },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(texts(feed, 'title')[1]).toBe('Thông báo lịch tiếp công dân tháng 12 năm 2025');
    expect(texts(feed, 'date')[0]).toBe('26/11/2025');
    expect(parts(feed, 'image').length).toBeGreaterThan(0);
  },
};

/** Any JSON, with `map` naming its fields; dates written `dd/MM/yyyy HH:mm` in Vietnam's time. */
export const FromCustomJson: Story = {
  name: 'From custom JSON',
  args: {
    src: FEEDS.custom,
    map: JSON.stringify({
      items: 'data.posts', id: 'postId', title: 'tieuDe', url: 'duongDan', date: 'ngayDang',
      dateFormat: 'dd/MM/yyyy HH:mm', summary: 'tomTat', image: 'anhDaiDien.url', category: 'chuyenMuc.ten',
    }),
  },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(texts(feed, 'title')[0]).toBe('Hội nghị tổng kết công tác năm 2025 của Đảng ủy phường Thanh Bình');
    expect(texts(feed, 'date')[0]).toBe('26/11/2025');
    expect(texts(feed, 'category')[0]).toBe('Đảng, đoàn thể');
  },
};

/**
 * Against a feed that never answers: the skeleton holds the space with
 * `aria-busy`, for as long as you look at it (the story's request ignores the
 * element's 10-second timeout; a real server that never answers gets the
 * timeout message).
 */
export const Loading: Story = {
  args: { src: FEEDS.hang },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitFor(() => expect(parts(feed, 'skeleton')).toHaveLength(1));
    expect(feed.status).toBe('loading');
    expect(shadow(feed).querySelector('[aria-busy="true"]')).not.toBeNull();
  },
};

/** While loading (and beside an error) the webmaster's own links stay visible. */
export const LoadingWithFallbackLinks: Story = {
  args: { src: FEEDS.hang },
  render: (args) => html`
    <news-feed ${attributes(args)}>
      <ul>
        <li><a href="https://thanhbinh.example.vn/tin-tuc">Xem tất cả tin tức</a></li>
        <li><a href="https://thanhbinh.example.vn/thong-bao">Thông báo của Ủy ban nhân dân phường</a></li>
      </ul>
    </news-feed>
  `,
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    expect(feed.status).toBe('loading');
    expect(parts(feed, 'skeleton')).toHaveLength(0);
    const link = canvasElement.querySelector('news-feed a')!;
    expect(link.getBoundingClientRect().height).toBeGreaterThan(0);
  },
};

/**
 * Several feeds as one list (a ward formed from former wards): a JSON Feed, a
 * portal's RSS and a feed whose server answers HTTP 503. The two that
 * answer are merged newest first, each item naming its source; the status
 * line names the one that failed, with a retry that asks only it again.
 */
export const SeveralFeeds: Story = {
  args: { src: `${FEEDS.ward} ${FEEDS.rss} ${FEEDS.unavailable}`, limit: 6 },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    await waitFor(() => expect(texts(feed, 'status')[0]).toContain('Không tải được tin từ'), { timeout: 5000 });
    expect(texts(feed, 'retry')).toEqual(['Thử lại']);
    const sources = new Set(texts(feed, 'source'));
    expect(sources.size, 'items from both feeds that answered').toBe(2);
    expect(parts(feed, 'item')).toHaveLength(6);
  },
};

/** The feed server answers HTTP 503: a clear message and a retry button. */
export const ServerError: Story = {
  args: { src: FEEDS.unavailable },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'error');
    expect(texts(feed, 'status')[0]).toContain('HTTP 503');
    expect(texts(feed, 'retry')).toEqual(['Thử lại']);
  },
};

/**
 * `paging="more"` on a server's pages, and the next page fails: the items
 * read stay, with the error and a retry button above them.
 */
export const ShowMoreFails: Story = {
  args: { src: FEEDS.secondPageFails, paging: 'more' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    await userEvent.click(parts(feed, 'more')[0]);
    await waitFor(() => expect(texts(feed, 'status')[0]).toContain('HTTP 503'), { timeout: 5000 });
    expect(parts(feed, 'item')).toHaveLength(5);
    expect(texts(feed, 'retry')).toEqual(['Thử lại']);
  },
};

/** The feed is not valid JSON or XML. */
export const BrokenFeed: Story = {
  args: { src: FEEDS.broken },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'error');
    expect(texts(feed, 'status')[0]).toContain('không đọc được');
  },
};

/** The feed has no items (or none match the filters). */
export const Empty: Story = {
  args: { src: FEEDS.empty },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'empty');
    expect(texts(feed, 'status')).toEqual(['Không có tin nào']);
  },
};

/** Very long Vietnamese titles and summaries wrap; summaries are cut after three lines. */
export const LongVietnameseTitles: Story = {
  args: { src: FEEDS.longTitles },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(texts(feed, 'title')[0].length).toBeGreaterThan(200);
    await expectNoOverflow(feed);
  },
};

/** Items without images: the text takes the whole width. */
export const NoImages: Story = {
  args: { src: FEEDS.noImages },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(parts(feed, 'image')).toHaveLength(0);
    expect(parts(feed, 'item')).toHaveLength(5);
  },
};

/** `lang="en"`: English UI text and dates. */
export const English: Story = {
  args: { src: FEEDS.english, lang: 'en', limit: 4, paging: 'more' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    expect(texts(feed, 'date')[0]).toBe('26 Nov 2025');
    expect(texts(feed, 'more')).toEqual(['Show more']);
  },
};

/** An English error message. */
export const EnglishError: Story = {
  args: { src: FEEDS.unavailable, lang: 'en' },
  play: async ({ canvasElement }) => {
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'error');
    expect(texts(feed, 'retry')).toEqual(['Try again']);
  },
};

const phone = { viewport: { value: 'phone360', isRotated: false } };

/** The list on a 360 px phone: images shrink beside the text. */
export const ListOnPhone: Story = {
  globals: phone,
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    await expectNoOverflow(feed);
  },
};

/** Cards on a 360 px phone: one column. */
export const CardsOnPhone: Story = {
  args: { layout: 'cards' },
  globals: phone,
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    const [first, second] = parts(feed, 'item');
    expect(second.getBoundingClientRect().top).toBeGreaterThanOrEqual(first.getBoundingClientRect().bottom);
    await expectNoOverflow(feed);
  },
};

/** Long titles on a 320 px phone. */
export const LongTitlesOnSmallPhone: Story = {
  args: { src: FEEDS.longTitles },
  globals: { viewport: { value: 'phone320', isRotated: false } },
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const feed = await feedIn(canvasElement);
    await waitForStatus(feed, 'ready');
    await expectNoOverflow(feed);
  },
};
