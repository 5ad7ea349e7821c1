// What an app written against the package looks like. consumer.test.mjs
// type-checks this against the packed package (its exports map and .d.ts
// files), bundles it with Rollup, and runs the bundle in Chromium. Each
// `@ts-expect-error` proves a type is specific: were it `any`, the check fails.
import 'news-widgets';
import {
  NewsCategoryTabs,
  NewsDateArchive,
  NewsFeed,
  NewsSearch,
  NewsVisitCounter,
  type ArchiveChangeDetail,
  type FeedErrorKind,
  type NewsChangeDetail,
  type NewsItem,
  type ValueChangeDetail,
  type VisitCounts,
} from 'news-widgets';
import { inspectFeed, type FeedInspection } from 'news-widgets';
import { inspectFeed as inspectWithoutElements, type InspectedFormat } from 'news-widgets/inspect.js';

interface Report {
  defined: string[];
  titles: string[];
  total: number;
}

// HTMLElementTagNameMap: createElement and querySelector know the classes.
const feed: NewsFeed = document.createElement('news-feed');
const found: NewsFeed | null = document.querySelector('news-feed');
// @ts-expect-error `limit` is a number.
feed.limit = 'ten';
// @ts-expect-error no such property.
feed.notAnAttribute = 1;

// Typed events: the detail of news-load, news-error and news-change.
feed.addEventListener('news-load', (event) => {
  const items: NewsItem[] = event.detail.items;
  const total: number = event.detail.total;
  // @ts-expect-error `total` is a number, not a string.
  const wrong: string = event.detail.total;
  void wrong;
  report({ titles: items.map((item) => item.title), total });
});
feed.addEventListener('news-error', (event) => {
  const kind: FeedErrorKind = event.detail.kind;
  const message: string = event.detail.message;
  void kind;
  void message;
});
feed.addEventListener('news-change', (event) => {
  const detail: NewsChangeDetail = event.detail;
  const page: number = detail.page;
  void page;
});

// Properties from the contract, with their types.
const status: 'loading' | 'ready' | 'empty' | 'error' = feed.status;
const categories: { name: string; slug: string; count: number }[] = feed.categories;
const days: Map<string, number> = feed.dayCounts;
void status;
void categories;
void days;
void found;

// <news-category-tabs> and <news-search>: a `for` and a `value`; `change` carries `{ value }`.
const tabs: NewsCategoryTabs = document.createElement('news-category-tabs');
tabs.for = 'tin';
tabs.allLabel = 'Tất cả tin';
const search: NewsSearch | null = document.querySelector('news-search');
if (search) search.debounce = 300;
// @ts-expect-error `debounce` is a number of milliseconds.
if (search) search.debounce = 'slow';
tabs.addEventListener('change', (event) => {
  const { value }: ValueChangeDetail = event.detail;
  feed.category = value;
});
// The search's change event is typed on the element, as the news-* events are.
search?.addEventListener('change', (event) => {
  const text: string = event.detail.value;
  void text;
});
// @ts-expect-error its detail has no `query`.
search?.addEventListener('change', (event) => event.detail.query);

// <news-date-archive>: its value is a day key, and its change event has a typed detail.
const archive: NewsDateArchive = document.createElement('news-date-archive');
archive.value = '2021-06-27';
archive.daysSrc = '/days/{month}.json';
// @ts-expect-error `value` is a string (`YYYY-MM-DD`).
archive.value = new Date();
archive.addEventListener('change', (event) => {
  const { value, href }: ArchiveChangeDetail = event.detail;
  void value;
  void href;
});

// <news-visit-counter>: numbers read so far, and the same news-error event.
const counter: NewsVisitCounter = document.createElement('news-visit-counter');
counter.refresh = 0;
// @ts-expect-error `count` is a boolean attribute.
counter.count = 'yes';
const counts: VisitCounts | undefined = counter.counts;
const total: number | undefined = counts?.total;
void total;
counter.addEventListener('news-error', (event) => {
  const kind: FeedErrorKind = event.detail.kind;
  void kind;
});

// The feed diagnosis, typed, from the package and from its subpath without Lit.
const diagnose = async (url: string): Promise<InspectedFormat | undefined> => {
  const found: FeedInspection = await inspectFeed(url, { relay: '/api/feed', map: { items: 'data.posts' } });
  // @ts-expect-error `format` is one of the formats it tells apart.
  await inspectWithoutElements(url, { format: 'xml' });
  return found.format;
};
void diagnose;

function report(result: Pick<Report, 'titles' | 'total'>): void {
  const tags = ['news-feed', 'news-category-tabs', 'news-search', 'news-date-archive', 'news-visit-counter'];
  const full: Report = { ...result, defined: tags.filter((tag) => customElements.get(tag)) };
  document.documentElement.dataset.report = JSON.stringify(full);
}

feed.src = document.documentElement.dataset.feed ?? '';
feed.limit = 3;
document.body.append(feed);
