/** Registers every element and exports their classes and types, and the feed diagnosis. */
export * from './news-feed.js';
export * from './news-date-archive.js';
export * from './news-visit-counter.js';
export * from './news-category-tabs.js';
export * from './news-search.js';
export * from './inspect.js';
export type { NewsItem, FeedFormat, FeedErrorKind } from './feed/types.js';
export type { CategoryCount } from './view/feed-index.js';
export type { NewsLoadDetail, NewsErrorDetail, NewsChangeDetail, ValueChangeDetail } from './events.js';
export type { NewsWidgetsElements, ElementProps, EventProps } from './jsx.js';
