/**
 * A WordPress site's own categories, for the tabs beside a feed the server
 * pages: each answer then holds one page, whose categories are not the
 * site's. Read once per page and site, from the `/wp/v2/categories` route
 * beside the posts route (through the relay when the feed goes through one).
 */
import { requestUrl } from '../feed/load.js';
import { parseWordPressCategories, wordpressCategoriesUrl } from '../feed/formats/wordpress.js';
import { fetchJson } from '../net/fetch-json.js';
import type { CategoryCount } from '../view/feed-index.js';
import { memo } from '../memo.js';

const TIMEOUT = 10_000;
const answers = new Map<string, Promise<CategoryCount[] | undefined>>();

/**
 * The site's categories for a posts URL, or undefined when it is not a
 * WordPress posts route. The promise never rejects: a failure is undefined,
 * and the tabs keep the categories of the answers read.
 */
export function siteCategories(postsUrl: string, relay?: string): Promise<CategoryCount[] | undefined> | undefined {
  const url = wordpressCategoriesUrl(postsUrl);
  if (!url) return undefined;
  return memo(answers, url, () => fetchJson(requestUrl(url, relay), { timeout: TIMEOUT, signal: new AbortController().signal })
    .then((body) => parseWordPressCategories(body, url), () => undefined));
}
