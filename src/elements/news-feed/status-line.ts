/**
 * `<news-feed>`'s message line (part `status`): what it says, and how it
 * looks, from the status and the failures beside what is shown.
 */
import { sourceName } from '../../feed/merge.js';
import type { Strings } from '../../i18n/strings.js';
import type { LoadError, LoadErrorInfo } from '../../net/load-error.js';
import type { FeedStatus } from '../feed-target.js';

/** What the element knows of its requests. */
export interface RequestState {
  /** Every URL whose latest request failed. */
  failures: LoadError[];
  /** Several feeds read as one. */
  merged: boolean;
  /** What shows is a copy from an earlier visit. */
  stale: boolean;
}

export interface StatusLine {
  /**
   * Why items show though a request failed: the other feeds of several
   * (`sources`), a copy from an earlier visit (`stale`), or the pages
   * "Xem thêm" read before the one that failed (`error`); else empty.
   */
  beside: '' | 'sources' | 'stale' | 'error';
  /** The line's class: the status, or `error` when a failure shows beside items. */
  look: string;
  text: string;
}

/** `error` is why the feed cannot be shown (the set-up, else the request). */
export function statusLine(t: Strings, status: FeedStatus, requests: RequestState, error: LoadErrorInfo): StatusLine {
  const beside = requests.failures.length && status !== 'error' ? (requests.merged ? 'sources' : requests.stale ? 'stale' : 'error') : '';
  // A feed whose server refuses this page (CORS): readers get one short sentence, the webmaster the event.
  const failure = () => (error.kind === 'cors' ? t.unreadable : t.error(error));
  const text = beside === 'sources'
    ? t.failedSources([...new Set(requests.failures.map((failed) => sourceName(failed.info.url)))].join(', '))
    : beside === 'stale' ? t.stale
    : beside || status === 'error' ? failure()
    : status === 'loading' ? t.loading : status === 'empty' ? t.empty : '';
  return { beside, look: beside ? 'error' : status, text };
}
