/**
 * The feed view: filters, categories and day counts over loaded items.
 * Pure data work, no DOM; what the benchmark times.
 */
import { dayKey } from '../feed/dates.js';
import { fold, slugify } from '../feed/text.js';
import type { NewsItem } from '../feed/types.js';

export interface FeedFilters {
  /** Category name or slug; matching ignores case and Vietnamese marks. */
  category?: string;
  /** `YYYY-MM-DD` in the index's time zone. */
  date?: string;
  /** `YYYY-MM` in the index's time zone. */
  month?: string;
  /** Search text: every word must start a word of the title, summary or categories. */
  query?: string;
  /** Item ids or absolute URLs to leave out. */
  exclude?: ReadonlySet<string>;
}

export interface CategoryCount {
  name: string;
  slug: string;
  count: number;
}

/** Search text past this many characters is not read. */
const MAX_QUERY = 256;
/** Words of a search past this many are not matched. */
const MAX_TERMS = 12;

/** Splits search text into folded words, each once, at most MAX_TERMS of them. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  // A search is a few words: a crafted 400 KB `news-q` must not be folded and
  // matched word by word against every item. Repeated words count once.
  // Cut at a word's end: a word cut in two would match what the reader did not type.
  const text = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY).replace(/\S+$/, '') : query;
  const words = new Set(fold(text).split(/[^a-z0-9]+/).filter(Boolean));
  return [...words].slice(0, MAX_TERMS);
}

// What each UTF-16 code unit below TABLE_SIZE adds to a search key, learnt
// from fold() the first time the unit is met: DROP (a combining mark), a
// letter or digit's ASCII code, SPACE (anything else), or OTHER (several
// characters: looked up in `unitKeys`, like every unit from TABLE_SIZE up).
const TABLE_SIZE = 0x2000;
const UNKNOWN = 0xff;
const DROP = 0;
const OTHER = 1;
const SPACE = 0x20;
const unitCodes = new Uint8Array(TABLE_SIZE).fill(UNKNOWN);
const unitKeys = new Map<number, string>();

function unitKey(unit: number): string {
  let key = unitKeys.get(unit);
  if (key === undefined) unitKeys.set(unit, (key = fold(String.fromCharCode(unit)).replace(/[^a-z0-9]+/g, ' ')));
  return key;
}

function learn(unit: number): number {
  const key = unitKey(unit);
  return (unitCodes[unit] = key === '' ? DROP : key.length === 1 ? key.charCodeAt(0) : OTHER);
}

/**
 * Folded words with a space before each, so that a word start is found with
 * `includes(' ' + term)`: "huong tra" finds "Hương Trà" but not "phường trao".
 * The same as ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')}` with runs of spaces
 * made one, in one pass through a table: about twice as fast, which is what
 * a first search pays for a big feed whose keys are not built yet.
 */
export function searchKey(text: string): string {
  const codes = [SPACE];
  const put = (code: number) => {
    if (code !== SPACE || codes[codes.length - 1] !== SPACE) codes.push(code);
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let code = unit < TABLE_SIZE ? unitCodes[unit] : OTHER;
    if (code === UNKNOWN) code = learn(unit);
    if (code === OTHER) {
      const key = unitKey(unit);
      for (let j = 0; j < key.length; j++) put(key.charCodeAt(j));
    } else if (code !== DROP) put(code);
  }
  let key = '';
  // In slices: a function takes only so many arguments.
  for (let start = 0; start < codes.length; start += 8192) key += String.fromCharCode(...codes.slice(start, start + 8192));
  return key;
}

/**
 * Each item's search key, kept with the item: an item carried into a newer
 * index (the rest of a big feed read, the next page added) is not folded again.
 */
const searchKeys = new WeakMap<NewsItem, string>();

interface JoinedKeys {
  corpus: string;
  /** Where each key starts in `corpus`; one more entry past the end. */
  starts: Int32Array;
  keys: string[];
}

/**
 * An index over one feed's items in one time zone. Search keys and day keys
 * are built on first use and kept, so the first page never waits for them
 * and each later filter is one pass over prepared strings.
 */
/** Letters outside ASCII: Vietnamese marks, which a name spelt without them lacks. */
const marks = (name: string) => name.replace(/[\x00-\x7f]/g, '').length;

export class FeedIndex {
  readonly items: readonly NewsItem[];
  readonly timeZone: string;
  /** Items before this one have their search keys. */
  private searched = 0;
  private dayKeys?: (string | undefined)[];
  private categoryList?: CategoryCount[];
  private dayCountMap?: Map<string, number>;
  private categorySlugs = new Map<string, string>();
  private joined?: JoinedKeys;

  constructor(items: readonly NewsItem[], timeZone: string) {
    this.items = items;
    this.timeZone = timeZone;
  }

  /**
   * Builds up to `count` more search keys (all that are missing by default),
   * e.g. a slice at a time while the browser is idle. True when all are built.
   */
  prepareSearch(count = Infinity): boolean {
    const items = this.items;
    for (let built = 0; this.searched < items.length && built < count; this.searched++) {
      const item = items[this.searched];
      if (!searchKeys.has(item)) {
        searchKeys.set(item, searchKey(`${item.title} ${item.summary ?? ''} ${item.categories.join(' ')}`));
        built++;
      }
    }
    if (this.searched < items.length) return false;
    this.joined ??= this.joinKeys();
    return true;
  }

  /** The day each item was published, in the index's zone. */
  private days(): (string | undefined)[] {
    return (this.dayKeys ??= this.items.map((item) => (item.published ? dayKey(item.published, this.timeZone) : undefined)));
  }

  private slugOf(name: string): string {
    let slug = this.categorySlugs.get(name);
    if (slug === undefined) this.categorySlugs.set(name, (slug = slugify(name)));
    return slug;
  }

  /** Every item that passes the filters, in feed order. */
  filter(filters: FeedFilters): NewsItem[] {
    const { exclude } = filters;
    const category = filters.category?.trim() ? slugify(filters.category) : '';
    const terms = searchTerms(filters.query).map((term) => ` ${term}`);
    const day = filters.date || '';
    const month = day ? '' : filters.month || '';
    if (!category && !terms.length && !day && !month && !exclude?.size) return this.items.slice();

    const days = day || month ? this.days() : undefined;
    const items = this.items;
    const result: NewsItem[] = [];
    const consider = (i: number) => {
      const item = items[i];
      if (exclude?.size && (exclude.has(item.id) || (item.url !== undefined && exclude.has(item.url)))) return;
      if (days) {
        const itemDay = days[i];
        if (!itemDay || (day ? itemDay !== day : !itemDay.startsWith(month))) return;
      }
      if (category && !item.categories.some((name) => this.slugOf(name) === category)) return;
      result.push(item);
    };
    if (terms.length) this.searchHits(terms).forEach(consider);
    else for (let i = 0; i < items.length; i++) consider(i);
    return result;
  }

  /**
   * The items whose search key has every term, by index in feed order. The
   * longest term is looked for in all the keys joined into one string, a
   * native scan that jumps from match to match; the other terms are checked
   * in the keys it lands in. Past 5,000 items this is several times faster
   * than asking each item's key in turn.
   */
  private searchHits(terms: string[]): number[] {
    this.prepareSearch();
    const { corpus, starts, keys } = this.joined!;
    const [longest, ...others] = [...terms].sort((a, b) => b.length - a.length);
    // Scanned for without its leading space: a space starts every word, and
    // a scan for a first character that common stops at every word.
    const scanned = longest.slice(1);
    const hits: number[] = [];
    let i = 0;
    for (let at = corpus.indexOf(scanned); at >= 0; ) {
      if (corpus.charCodeAt(at - 1) !== SPACE) {
        at = corpus.indexOf(scanned, at + 1);
        continue;
      }
      while (starts[i + 1] <= at) i++;
      if (others.every((term) => keys[i].includes(term))) hits.push(i);
      at = corpus.indexOf(scanned, starts[++i]);
    }
    return hits;
  }

  /** Every key, in order, joined by a line break (no key has one, so no term spans two items). */
  private joinKeys(): JoinedKeys {
    const keys = this.items.map((item) => searchKeys.get(item)!);
    const starts = new Int32Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) starts[i + 1] = starts[i] + keys[i].length + 1;
    return { corpus: keys.join('\n'), starts, keys };
  }

  /** Categories over the whole feed, in order of first appearance. */
  categories(): CategoryCount[] {
    if (!this.categoryList) {
      const bySlug = new Map<string, CategoryCount>();
      for (const item of this.items) {
        // An item counts once per category even if the feed repeats a tag.
        const seen = new Set<string>();
        for (const name of item.categories) {
          const slug = this.slugOf(name);
          if (!slug || seen.has(slug)) continue;
          seen.add(slug);
          const entry = bySlug.get(slug);
          if (!entry) bySlug.set(slug, { name, slug, count: 1 });
          else {
            entry.count++;
            // Feeds that spell a name two ways ("TIN TUC", "Tin tức"): the one with its marks reads best.
            if (marks(name) > marks(entry.name)) entry.name = name;
          }
        }
      }
      this.categoryList = [...bySlug.values()];
    }
    return this.categoryList;
  }

  /** Items per `YYYY-MM-DD`, over the whole loaded feed. */
  dayCounts(): Map<string, number> {
    if (!this.dayCountMap) {
      const counts = new Map<string, number>();
      for (const day of this.days()) {
        if (day) counts.set(day, (counts.get(day) ?? 0) + 1);
      }
      this.dayCountMap = counts;
    }
    return this.dayCountMap;
  }
}
