import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/news-date-archive.js';
import '../src/news-feed.js';
import type { NewsDateArchive } from '../src/news-date-archive.js';
import type { NewsFeed } from '../src/news-feed.js';
import { FEEDS, attributes, columns, find, parts, texts, waitForStatus, viewportApplied } from './support.js';

// The calendar in a sidebar beside the list it filters. (The docs page takes its description from the class JSDoc.)
const meta = {
  title: 'Elements/news-date-archive',
  component: 'news-date-archive',
  args: { for: 'tin-tuc' },
  render: (args) => html`
    <div style=${columns}>
      <news-feed id="tin-tuc" src=${FEEDS.ward} limit="5" layout="compact" paging="none"></news-feed>
      <news-date-archive ${attributes(args)}></news-date-archive>
    </div>
  `,
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function setup(canvas: HTMLElement) {
  const archive = await find<NewsDateArchive>(canvas, 'news-date-archive');
  const feed = canvas.querySelector<NewsFeed>('news-feed');
  return { archive, feed };
}

const day = (archive: NewsDateArchive, key: string) =>
  archive.shadowRoot!.querySelector<HTMLButtonElement>(`[data-key="${key}"]`)!;

/** Clicks a day of a calendar with `href` and gives the address it would open, staying on the story as an app routing it would. */
async function hrefOpenedBy(archive: NewsDateArchive, key: string): Promise<string> {
  let opened = '';
  const stay = (event: Event) => {
    event.preventDefault();
    opened = (event as CustomEvent<{ href?: string }>).detail.href ?? '';
  };
  archive.addEventListener('change', stay, { once: true });
  await userEvent.click(day(archive, key));
  return opened;
}

/** Days with news are marked; choosing one filters the list, choosing it again clears the filter. */
export const LinkedToFeed: Story = {
  play: async ({ canvasElement }) => {
    const { archive, feed } = await setup(canvasElement);
    await waitForStatus(feed!, 'ready');
    await waitFor(() => expect(texts(archive, 'heading')).toEqual(['Tháng 11 2025']));
    expect(texts(archive, 'weekday')).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    expect(parts(archive, 'has-news')).toHaveLength(11);
    expect(day(archive, '2025-11-21').getAttribute('aria-label')).toBe('21 tháng 11, 2025: 2 tin');
    await userEvent.click(day(archive, '2025-11-21'));
    await waitFor(() => expect(feed!.date).toBe('2025-11-21'));
    await waitFor(() => expect(feed!.total).toBe(2));
    await userEvent.click(day(archive, '2025-11-21'));
    await waitFor(() => expect(feed!.date).toBe(''));
  },
};

/** `view="months"`: months with their counts, newest first; a choice sets the list's `month`. */
export const MonthList: Story = {
  args: { view: 'months' },
  play: async ({ canvasElement }) => {
    const { archive, feed } = await setup(canvasElement);
    await waitForStatus(feed!, 'ready');
    await waitFor(() => expect(texts(archive, 'month')).toEqual(['Tháng 11/2025 (12)', 'Tháng 10/2025 (8)', 'Tháng 9/2025 (6)']));
    await userEvent.click(parts(archive, 'month')[1]);
    await waitFor(() => expect(feed!.month).toBe('2025-10'));
  },
};

/**
 * A calendar for the sidebar of every page: no list on the page, the days
 * come from `days-src` one month at a time, and a choice opens `href`. The
 * `change` event is cancelable, so a single-page app can route it itself, as
 * this story does.
 */
export const SidebarOnEveryPage: Story = {
  args: {
    for: '',
    href: '/tin-tuc?news-date={date}',
    'days-src': 'fixtures/days/{month}.json',
    month: '2025-11',
    min: '2025-09-01',
    max: '2025-11-30',
  },
  render: (args) => html`<div style="max-width: 20rem"><news-date-archive ${attributes(args)}></news-date-archive></div>`,
  play: async ({ canvasElement }) => {
    const { archive } = await setup(canvasElement);
    await waitFor(() => expect(parts(archive, 'has-news')).toHaveLength(11));
    expect(await hrefOpenedBy(archive, '2025-11-24')).toContain('/tin-tuc?news-date=2025-11-24');
    await userEvent.click(parts(archive, 'previous')[0]);
    await waitFor(() => expect(texts(archive, 'heading')).toEqual(['Tháng 10 2025']));
    await waitFor(() => expect(parts(archive, 'has-news')).toHaveLength(8));
  },
};

/**
 * The plainest sidebar calendar: only `href`, no list and no `days-src`. It
 * cannot know which days have news, so no day is marked and every day can be
 * chosen.
 */
export const SidebarWithoutDays: Story = {
  args: { for: '', href: '/tin-tuc?news-date={date}', month: '2025-11', max: '2025-11-30' },
  render: (args) => html`<div style="max-width: 20rem"><news-date-archive ${attributes(args)}></news-date-archive></div>`,
  play: async ({ canvasElement }) => {
    const { archive } = await setup(canvasElement);
    await waitFor(() => expect(texts(archive, 'heading')).toEqual(['Tháng 11 2025']));
    expect(parts(archive, 'has-news')).toHaveLength(0);
    expect(day(archive, '2025-11-05').getAttribute('aria-disabled')).toBe('false');
    expect(await hrefOpenedBy(archive, '2025-11-05')).toContain('/tin-tuc?news-date=2025-11-05');
  },
};

/** `days-src` answers HTTP 503: the calendar still works as a calendar and says what failed. */
export const DaysUnavailable: Story = {
  args: { for: '', 'days-src': `${FEEDS.unavailable}&thang={month}`, month: '2025-11', max: '2025-11-30' },
  render: (args) => html`<div style="max-width: 20rem"><news-date-archive ${attributes(args)}></news-date-archive></div>`,
  play: async ({ canvasElement }) => {
    const { archive } = await setup(canvasElement);
    await waitFor(() => expect(texts(archive, 'status')[0]).toContain('503'));
    expect(parts(archive, 'has-news')).toHaveLength(0);
  },
};

/** While the list is still loading, the calendar is busy. */
export const WhileTheFeedLoads: Story = {
  render: (args) => html`
    <div style=${columns}>
      <news-feed id="tin-tuc" src=${FEEDS.hang} limit="5" layout="compact" paging="none"></news-feed>
      <news-date-archive ${attributes(args)}></news-date-archive>
    </div>
  `,
  play: async ({ canvasElement }) => {
    const { archive } = await setup(canvasElement);
    await waitFor(() => expect(parts(archive, 'grid')[0]?.getAttribute('aria-busy')).toBe('true'));
  },
};

/** `lang="en"`: weeks from Sunday, English month names. */
export const English: Story = {
  args: { lang: 'en' },
  render: (args) => html`
    <div style=${columns}>
      <news-feed id="tin-tuc" lang="en" src=${FEEDS.english} limit="5" layout="compact" paging="none"></news-feed>
      <news-date-archive ${attributes(args)}></news-date-archive>
    </div>
  `,
  play: async ({ canvasElement }) => {
    const { archive, feed } = await setup(canvasElement);
    await waitForStatus(feed!, 'ready');
    await waitFor(() => expect(texts(archive, 'heading')).toEqual(['November 2025']));
    expect(parts(archive, 'weekday')[0].getAttribute('abbr')).toBe('Sunday');
    expect(day(archive, '2025-11-21').getAttribute('aria-label')).toBe('21 November 2025: 2 news items');
  },
};

/** On a 360 px phone the calendar goes below the list and keeps its day buttons tappable. */
export const OnPhone: Story = {
  globals: { viewport: { value: 'phone360', isRotated: false } },
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const { archive, feed } = await setup(canvasElement);
    await waitForStatus(feed!, 'ready');
    await waitFor(() => expect(parts(archive, 'has-news')).toHaveLength(11));
    expect(archive.scrollWidth).toBeLessThanOrEqual(archive.clientWidth + 1);
    expect(day(archive, '2025-11-21').getBoundingClientRect().height).toBeGreaterThanOrEqual(32);
  },
};
