// An app that wants the news list only: registers <news-feed> and nothing else.
import 'news-widgets/news-feed.js';

const feed = document.querySelector('news-feed');
if (feed) feed.limit = 5;
