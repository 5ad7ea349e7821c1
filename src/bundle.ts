/**
 * The paste-in bundle's entry (dist/news-widgets.min.js and the classic
 * script): every element, and none of the package's tools (inspectFeed),
 * which a page showing news never needs.
 */
export * from './news-feed.js';
export * from './news-date-archive.js';
export * from './news-visit-counter.js';
export * from './news-category-tabs.js';
export * from './news-search.js';
