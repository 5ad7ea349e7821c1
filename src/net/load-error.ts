/** The one error every request here ends in: what failed, as data. */

/** `cors`: the server answered, but its headers do not let this page read it (a relay can). */
export type LoadErrorKind = 'network' | 'timeout' | 'http' | 'parse' | 'format' | 'cors';

/**
 * What went wrong with a request or its answer (a feed, a day count, a
 * counter's numbers), as data: the UI turns it into a sentence in the page's
 * language, so the engine never holds user-facing text.
 */
export interface LoadErrorInfo {
  kind: LoadErrorKind;
  url: string;
  /** HTTP status, for `http`. */
  status?: number;
  /** The format that was tried, for `parse` and `format`. */
  format?: string;
  /** The field that was missing or wrong, for `format`. */
  field?: string;
  /** Seconds waited, for `timeout`. */
  seconds?: number;
  /** Line of the first syntax error, for `parse`. */
  line?: number;
  /** What came instead of a feed, e.g. `HTML` (a web page), for `format`. */
  found?: string;
}

export class LoadError extends Error {
  readonly info: LoadErrorInfo;
  constructor(info: LoadErrorInfo, cause?: unknown) {
    super(`${info.kind}: ${info.url}${info.status ? ` (${info.status})` : ''}${info.field ? ` [${info.field}]` : ''}`, { cause });
    this.name = 'LoadError';
    this.info = info;
  }
}
