// An app that wants the news list only: registers <news-feed> and nothing else.
import 'news-widgets/news-feed.js';
// A binding from the subpath, so that a resolution that cannot find its types fails the type check.
import type { NewsFeed } from 'news-widgets/news-feed.js';

const feed: NewsFeed | null = document.querySelector('news-feed');
if (feed) feed.limit = 5;
