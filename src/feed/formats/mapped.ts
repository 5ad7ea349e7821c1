/**
 * Any other JSON: fields found through `map` (dotted paths), else under the
 * names such feeds usually use.
 */
import { parseDate } from '../dates.js';
import { type NewsItem, type ParseContext, type ParsedFeed } from '../types.js';
import { LoadError } from '../../net/load-error.js';
import { isObject, newsItem, readItems, type Json } from './item.js';

type Field = 'id' | 'title' | 'url' | 'date' | 'summary' | 'image' | 'category' | 'author';

// The usual names for each field, most common first, in lower case: a key
// is found whatever its case, as .NET writes "Title" and "PublishDate".
const USUAL: Record<Field, string> = {
  id: 'id guid _id slug',
  title: 'title name headline',
  url: 'url link href',
  date: 'date pubdate published publishdate published_at created_at createdat createddate',
  summary: 'summary description excerpt sapo content',
  image: 'image thumbnail image_url featured_image',
  category: 'categories category tags',
  author: 'author authors creator',
};

/** A dotted path; over an array, a name segment is read in every element. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current) && !/^\d*$/.test(key)) current = current.map((entry) => (isObject(entry) ? entry[key] : undefined));
    else if (key) current = isObject(current) || Array.isArray(current) ? (current as Json)[key] : undefined;
  }
  return current;
}

/** The first list of objects in a JSON object (`items`, `data`, `posts`…). */
export const listIn = (body: Json): unknown[] | undefined =>
  Object.values(body).find((value): value is unknown[] => Array.isArray(value) && isObject(value[0]));

export function parseMapped(body: unknown, context: ParseContext): ParsedFeed {
  const map = context.map ?? {};
  const list = map.items ? getPath(body, map.items) : isObject(body) ? listIn(body) : body;
  if (!Array.isArray(list)) {
    throw new LoadError({ kind: 'format', url: context.baseUrl, format: 'JSON', field: map.items || 'items' });
  }
  const read = (raw: unknown): NewsItem | undefined => {
    if (!isObject(raw)) return undefined;
    // Made when a field has no path in the map: a fully mapped feed never needs it.
    let byLowerCase: Map<string, unknown> | undefined;
    const field = (name: Field): unknown => {
      const path = map[name];
      if (path) return getPath(raw, path);
      byLowerCase ??= new Map(Object.entries(raw).map(([key, value]) => [key.toLowerCase(), value]));
      for (const usual of USUAL[name].split(' ')) {
        const value = byLowerCase.get(usual);
        if (value != null && value !== '') return value;
      }
    };
    return newsItem({
      id: field('id'),
      title: field('title'),
      url: field('url'),
      summary: field('summary'),
      image: field('image'),
      published: parseDate(field('date'), context.timezone, map.dateFormat ?? context.dateFormat),
      authors: field('author'),
      categories: field('category'),
    }, context.baseUrl);
  };
  return { ...readItems(list, read, context.first), total: isObject(body) && typeof body.total === 'number' ? body.total : undefined };
}
