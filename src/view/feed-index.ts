/**
 * The feed view: filters, categories and day counts over loaded items.
 * Pure data work, no DOM; what the benchmark times.
 */
import { dayKey } from '../feed/dates.js';
import { fold, slugify } from '../feed/text.js';
import { memo } from '../memo.js';
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

/** Letters outside ASCII: Vietnamese marks, which a name spelt without them lacks. */
const marks = (name: string) => name.replace(/[\x00-\x7f]/g, '').length;

/**
 * An index over one feed's items in one time zone. Search keys and day keys
 * are built on first use and kept, so the first page never waits for them.
 * A search looks its terms up in a word index (each folded word, with the
 * items that have it), so that it costs what it finds, not the feed's size.
 */
export class FeedIndex {
  readonly items: readonly NewsItem[];
  readonly timeZone: string;
  /** Items before this one are in the word index. */
  private searched = 0;
  /** Each item's search key, by position. */
  private readonly keys: string[] = [];
  /** Each word of the keys, with the positions of the items that have it, in feed order. */
  private readonly postings = new Map<string, number[]>();
  /** The words of `postings`, sorted, once every item is in: the words a term starts are a run of them. */
  private words?: string[];
  private dayKeys?: (string | undefined)[];
  private categoryList?: CategoryCount[];
  private itemsBySlug?: Map<string, number[]>;
  private excluded?: { keys: string; positions: ReadonlySet<number> };
  private dayCountMap?: Map<string, number>;
  private categorySlugs = new Map<string, string>();

  constructor(items: readonly NewsItem[], timeZone: string) {
    this.items = items;
    this.timeZone = timeZone;
  }

  /**
   * Puts up to `count` more items in the word index (all that are missing
   * by default), e.g. a slice at a time while the browser is idle. True
   * when all are in.
   */
  prepareSearch(count = Infinity): boolean {
    const { items, postings } = this;
    for (let done = 0; this.searched < items.length && done < count; done++) {
      const at = this.searched++;
      for (const word of this.keyAt(at).split(' ')) {
        if (!word) continue; // The key starts with a space.
        const list = postings.get(word);
        if (!list) postings.set(word, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
    }
    if (this.searched < items.length) return false;
    this.words ??= [...postings.keys()].sort();
    return true;
  }

  /** An item's search key, folded the first time any index asks for it. */
  private keyAt(at: number): string {
    const item = this.items[at];
    return (this.keys[at] ??= memo(searchKeys, item, () => searchKey(`${item.title} ${item.summary ?? ''} ${item.categories.join(' ')}`)));
  }

  /** The day each item was published, in the index's zone. */
  private days(): (string | undefined)[] {
    return (this.dayKeys ??= this.items.map((item) => (item.published ? dayKey(item.published, this.timeZone) : undefined)));
  }

  private slugOf(name: string): string {
    return memo(this.categorySlugs, name, () => slugify(name));
  }

  /**
   * Every item that passes the filters, in feed order. With no filter, the
   * index's own list (not a copy: it is read only).
   */
  filter(filters: FeedFilters): readonly NewsItem[] {
    const category = filters.category?.trim() ? slugify(filters.category) : '';
    const terms = searchTerms(filters.query);
    const day = filters.date || '';
    const month = day ? '' : filters.month || '';
    const excluded = this.excludedPositions(filters.exclude);
    const days = day || month ? this.days() : undefined;
    const items = this.items;
    // Where to look: the items a search finds, else those of the category, else all;
    // the other conditions are checked on each of them.
    const candidates = terms.length ? this.searchHits(terms) : category ? (this.categoryItems().get(category) ?? []) : undefined;
    if (!days && !excluded.size && !(category && terms.length)) return candidates ? candidates.map((at) => items[at]) : items;
    const passes = (at: number) => {
      if (excluded.has(at)) return false;
      const itemDay = days?.[at];
      if (days && (!itemDay || (day ? itemDay !== day : !itemDay.startsWith(month)))) return false;
      return !category || !terms.length || items[at].categories.some((name) => this.slugOf(name) === category);
    };
    const result: NewsItem[] = [];
    for (const at of candidates ?? items.keys()) if (passes(at)) result.push(items[at]);
    return result;
  }

  /**
   * The positions of the items left out by id or URL (the article being
   * read, say). Usually the same keys filter after filter: kept for them.
   */
  private excludedPositions(exclude: ReadonlySet<string> | undefined): ReadonlySet<number> {
    const keys = exclude ? [...exclude].join('\n') : '';
    if (this.excluded?.keys !== keys) {
      const positions = new Set<number>();
      if (exclude?.size) this.items.forEach((item, at) => (exclude.has(item.id) || (item.url !== undefined && exclude.has(item.url))) && positions.add(at));
      this.excluded = { keys, positions };
    }
    return this.excluded.positions;
  }

  /**
   * The positions of the items whose key has a word that each term starts,
   * in feed order. The term whose words fewest items have gives the
   * candidates; the other terms are looked for in their keys.
   */
  private searchHits(terms: string[]): number[] {
    // Until every item is in the word index (a search right after a big feed
    // came), each key is asked in turn: building the index first would hold
    // up this answer (at 50,000 items, about as long again as folding the keys).
    if (!this.prepareSearch(0)) {
      const spaced = terms.map((term) => ` ${term}`);
      const hits: number[] = [];
      for (let at = 0; at < this.items.length; at++) {
        const key = this.keyAt(at);
        if (spaced.every((term) => key.includes(term))) hits.push(at);
      }
      return hits;
    }
    const found = terms.map((term) => this.withWordsStartedBy(term));
    const sizes = found.map((lists) => lists.reduce((sum, list) => sum + list.length, 0));
    const best = sizes.indexOf(Math.min(...sizes));
    const lists = found[best];
    let hits = lists[0] ?? [];
    if (lists.length > 1) {
      // Several words ("hoa", "hoach"…): an item may have more than one of them.
      const marked = new Uint8Array(this.items.length);
      for (const list of lists) for (const at of list) marked[at] = 1;
      hits = [];
      for (let at = 0; at < marked.length; at++) if (marked[at]) hits.push(at);
    }
    const others = terms.filter((_, t) => t !== best).map((term) => ` ${term}`);
    return others.length ? hits.filter((at) => others.every((term) => this.keys[at].includes(term))) : hits;
  }

  /** The lists of items of each word that `term` starts: a run of the sorted words, found by halving. */
  private withWordsStartedBy(term: string): number[][] {
    const words = this.words!;
    let low = 0;
    for (let high = words.length; low < high; ) {
      const middle = (low + high) >>> 1;
      if (words[middle] < term) low = middle + 1;
      else high = middle;
    }
    const lists: number[][] = [];
    for (let w = low; w < words.length && words[w].startsWith(term); w++) lists.push(this.postings.get(words[w])!);
    return lists;
  }

  /** Categories over the whole feed, in order of first appearance. */
  categories(): CategoryCount[] {
    if (!this.categoryList) this.categoryItems();
    return this.categoryList!;
  }

  /** Each category's slug, with the positions of its items in feed order. */
  private categoryItems(): Map<string, number[]> {
    if (!this.itemsBySlug) {
      const found = new Map<string, { entry: CategoryCount; positions: number[] }>();
      this.items.forEach((item, at) => {
        for (const name of item.categories) {
          const slug = this.slugOf(name);
          if (!slug) continue;
          const known = found.get(slug);
          if (!known) found.set(slug, { entry: { name, slug, count: 0 }, positions: [at] });
          // An item counts once per category even if the feed repeats a tag.
          else if (known.positions[known.positions.length - 1] !== at) {
            known.positions.push(at);
            // Feeds that spell a name two ways ("TIN TUC", "Tin tức"): the one with its marks reads best.
            if (name !== known.entry.name && marks(name) > marks(known.entry.name)) known.entry.name = name;
          }
        }
      });
      this.categoryList = [...found.values()].map(({ entry, positions }) => ({ ...entry, count: positions.length }));
      this.itemsBySlug = new Map([...found].map(([slug, { positions }]) => [slug, positions]));
    }
    return this.itemsBySlug;
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
