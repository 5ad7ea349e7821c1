/** One news item, whatever format it came from. */
export interface NewsItem {
  id: string;
  title: string;
  url?: string;
  summary?: string;
  image?: string;
  /** Alternative text of `image`, when the feed carries one. */
  imageAlt?: string;
  published?: Date;
  modified?: Date;
  authors: string[];
  categories: string[];
  /** With several feeds read as one: the feed it came from (its title, else its host). */
  source?: string;
}

export type FeedFormat = 'auto' | 'jsonfeed' | 'wordpress' | 'rss' | 'custom';

export type { LoadErrorKind as FeedErrorKind } from '../net/load-error.js';

/** Entries a parser has not read yet, and how to read one. */
export interface UnreadItems {
  entries: unknown[];
  read: (entry: unknown) => NewsItem | undefined;
}

/** What a format parser returns for one response. */
export interface ParsedFeed {
  items: NewsItem[];
  /**
   * With `first` in the context: the entries after the first ones, left for
   * later so that the first page is shown without waiting for them.
   */
  unread?: UnreadItems;
  /** URL of the next page, when the feed links one (JSON Feed `next_url`). */
  nextUrl?: string;
  /** Item count over all pages, when the server tells it. */
  total?: number;
  /** Page count, when the server tells it (WordPress `X-WP-TotalPages`). */
  totalPages?: number;
  /** The feed's own name, when it has one (JSON Feed, RSS and Atom `title`). */
  title?: string;
}

/**
 * Dotted paths into a custom JSON feed (`data.posts`, `thumbnail.url`), and
 * `dateFormat` such as `dd/MM/yyyy HH:mm` for its dates (tokens `yyyy yy MM M
 * dd d HH H hh h mm m ss s`, and `a` for AM/PM or the Vietnamese SA/CH; words
 * such as `tháng` stay words, and `'…'` quotes text).
 */
export interface FeedMap {
  items?: string;
  id?: string;
  title?: string;
  url?: string;
  date?: string;
  summary?: string;
  image?: string;
  category?: string;
  author?: string;
  dateFormat?: string;
}

/** Options every parser receives. */
export interface ParseContext {
  /** The feed's own URL: relative links in it resolve against this. */
  baseUrl: string;
  /** IANA zone for dates that carry no offset. */
  timezone: string;
  /** Paths for a custom JSON feed. */
  map?: FeedMap;
  /** How dates are written when not in a standard form (the `date-format` attribute). */
  dateFormat?: string;
  /** Response headers (WordPress totals). */
  headers?: Headers;
  /** Read only this many entries now; the rest go to `unread`. */
  first?: number;
}
