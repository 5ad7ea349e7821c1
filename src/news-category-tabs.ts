/** Registers `<news-category-tabs>`. */
import { defineElement } from './define.js';
import { NewsCategoryTabs } from './elements/news-category-tabs/news-category-tabs.js';

defineElement('news-category-tabs', NewsCategoryTabs);

export { NewsCategoryTabs };
