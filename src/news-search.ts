/** Registers `<news-search>`. */
import { defineElement } from './define.js';
import { NewsSearch } from './elements/news-search/news-search.js';

defineElement('news-search', NewsSearch);

export { NewsSearch };
