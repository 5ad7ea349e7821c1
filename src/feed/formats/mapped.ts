/**
 * Any other JSON: fields found through `map` (dotted paths), else under the
 * names such feeds usually use.
 */
import { parseDate } from '../dates.js';
import { type NewsItem, type ParseContext, type ParsedFeed } from '../types.js';
import { LoadError } from '../../net/load-error.js';
import { isObject, newsItem, readItems, type Json } from './item.js';

export type Field = 'id' | 'title' | 'url' | 'date' | 'summary' | 'image' | 'category' | 'author';

// The usual names for each field, most common first, in lower case: a key
// is found whatever its case, as .NET writes "Title" and "PublishDate".
// Vietnamese portals' own APIs name them in Vietnamese without marks
// (TieuDe, TomTat, NgayDang, AnhDaiDien, LienKet, ChuyenMuc).
export const USUAL: Record<Field, string> = {
  id: 'id guid _id slug ma',
  title: 'title name headline tieude ten',
  url: 'url link href lienket duongdan',
  date: 'date pubdate published publishdate published_at created_at createdat createddate ngaydang ngayxuatban ngaytao',
  summary: 'summary description excerpt sapo content tomtat motangan mota',
  image: 'image thumbnail image_url featured_image anhdaidien hinhanh anh',
  category: 'categories category tags chuyenmuc danhmuc',
  author: 'author authors creator tacgia',
};

/** `object[key]`, else the key that differs from it only in case ("tieude" finds "TieuDe"). */
function member(object: Json, key: string): unknown {
  if (key in object) return object[key];
  const lower = key.toLowerCase();
  const found = Object.keys(object).find((name) => name.toLowerCase() === lower);
  return found === undefined ? undefined : object[found];
}

/** A dotted path, each name matched whatever its case; over an array, a name segment is read in every element. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current) && !/^\d*$/.test(key)) current = current.map((entry) => (isObject(entry) ? member(entry, key) : undefined));
    else if (key) current = Array.isArray(current) ? (current as unknown as Json)[key] : isObject(current) ? member(current, key) : undefined;
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
  const feed = { ...readItems(list, read, context.first), total: isObject(body) && typeof body.total === 'number' ? body.total : undefined };
  // Records, yet no item: say what they hold and which role found no field, not "no news".
  if (list.length && !feed.items.length && !feed.unread) {
    // An item cannot do without a title (or a summary to stand for it): that is the field to name.
    const names = Object.keys(list.find(isObject) ?? {});
    throw new LoadError({
      kind: 'format', url: context.baseUrl, format: 'JSON', field: map.title ?? 'title',
      found: `${list.length} × { ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''} }`,
    });
  }
  return feed;
}
