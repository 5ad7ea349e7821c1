/** Registers `<news-feed>`. */
import { defineElement } from './define.js';
import { NewsFeed } from './elements/news-feed/news-feed.js';

defineElement('news-feed', NewsFeed);

export { NewsFeed };
export type { FeedStatus, FeedPaging, FeedLayout } from './elements/news-feed/news-feed.js';
