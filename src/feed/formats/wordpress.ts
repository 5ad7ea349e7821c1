/**
 * WordPress REST posts (`/wp-json/wp/v2/posts?_embed`): rendered HTML fields,
 * UTC dates in `date_gmt`, the featured image and category names from
 * `_embedded`, and page counts from the `X-WP-Total*` headers.
 */
import { parseDate } from '../dates.js';
import { FIELD_MAX, replaceRuns, toPlainText } from '../text.js';
import { type NewsItem, type ParseContext, type ParsedFeed } from '../types.js';
import { LoadError } from '../../net/load-error.js';
import { isObject, newsItem, readItems, type Json } from './item.js';

/** An array whose first post has WordPress's `title.rendered`. */
export function isWordPress(body: unknown): boolean {
  return Array.isArray(body) && isObject(body[0]) && isObject(body[0].title) && 'rendered' in body[0].title;
}

const object = (value: unknown): Json => (isObject(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.flat() : []);
// Themes append "Continue reading" links to excerpts: not part of the summary.
const MORE_LINK = /<a\b[^<>]*more-link/g;
const dropMoreLinks = (html: string) => replaceRuns(html.slice(0, FIELD_MAX), MORE_LINK, () => '</a>', () => '');

function readPost(post: Json, context: ParseContext): NewsItem | undefined {
  const embedded = object(post._embedded);
  const media = object(list(embedded['wp:featuredmedia'])[0]);
  const sizes = object(object(media.media_details).sizes);
  const excerpt = object(post.excerpt).rendered;
  // `date_gmt` is UTC without an offset; `date` is the site's wall clock.
  const date = (gmt: unknown, local: unknown) =>
    typeof gmt === 'string' ? parseDate(gmt, 'UTC') : parseDate(local, context.timezone, context.dateFormat);
  return newsItem({
    id: post.id,
    title: post.title,
    url: post.link,
    summary: typeof excerpt === 'string' ? dropMoreLinks(excerpt) : undefined,
    image: object(sizes.medium_large ?? sizes.large).source_url ?? media.source_url,
    imageAlt: media.alt_text,
    published: date(post.date_gmt, post.date),
    modified: date(post.modified_gmt, post.modified),
    authors: embedded.author,
    categories: list(embedded['wp:term']).filter((term) => object(term).taxonomy === 'category'),
  }, context.baseUrl);
}

export function parseWordPress(body: unknown, context: ParseContext): ParsedFeed {
  const url = context.baseUrl;
  if (!Array.isArray(body)) {
    // WordPress answers errors as { code, message }.
    const code = isObject(body) && typeof body.code === 'string' ? body.code : undefined;
    throw new LoadError({ kind: 'format', url, format: 'WordPress REST', field: 'title.rendered', found: code });
  }
  const read = (post: unknown) => (isObject(post) ? readPost(post, context) : undefined);
  const header = (name: string) => Number(context.headers?.get(name)) || undefined;
  const totalPages = header('x-wp-totalpages');
  // The next page is the same URL with page + 1, read when the whole feed is wanted.
  const next = new URL(url);
  const page = Number(next.searchParams.get('page')) || 1;
  next.searchParams.set('page', String(page + 1));
  return {
    ...readItems(body, read, context.first),
    total: header('x-wp-total'),
    totalPages,
    nextUrl: totalPages && totalPages > page ? next.href : undefined,
  };
}

/**
 * Under server paging each answer is one page of posts, so its categories
 * are that page's. WordPress lists the site's own, with their post counts:
 * this is where, for a posts URL (`/wp-json/wp/v2/posts?…`, or
 * `?rest_route=/wp/v2/posts`), and undefined for any other URL. At most 100,
 * the most used first (one request: WordPress answers 100 at most).
 */
export function wordpressCategoriesUrl(postsUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(postsUrl);
  } catch {
    return undefined;
  }
  const route = url.searchParams.get('rest_route');
  const path = route ?? url.pathname;
  if (!/\/wp\/v2\/posts\/?$/.test(path)) return undefined;
  const categories = path.replace(/posts\/?$/, 'categories');
  const query = 'per_page=100&hide_empty=true&orderby=count&order=desc&_fields=id,name,count';
  return route ? `${url.origin}${url.pathname}?rest_route=${categories}&${query}` : `${url.origin}${categories}?${query}`;
}

/**
 * A `/wp/v2/categories` answer as the tabs' categories: the name as text
 * (WordPress stores "&amp;"), the id as the value (the posts route filters
 * categories by id), and the count of posts. Empty ones are left out.
 */
export function parseWordPressCategories(body: unknown, url: string): { name: string; slug: string; count: number }[] {
  if (!Array.isArray(body)) throw new LoadError({ kind: 'format', url, format: 'WordPress REST', field: 'categories' });
  return body.flatMap((term) => {
    const { id, name, count } = isObject(term) ? term : {};
    const label = toPlainText(name);
    return typeof id === 'number' && label && typeof count === 'number' && count > 0 ? [{ name: label, slug: String(id), count }] : [];
  });
}

