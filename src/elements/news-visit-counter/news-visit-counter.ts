import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { PollingTask } from '../../controllers/polling-task.js';
import { COUNTER_FIELDS, counterPaths, DEFAULT_ROWS, readVisitCounts, type CounterField, type VisitCounts } from '../../data/visit-counts.js';
import { emit, errorDetail, type NewsErrorDetail } from '../../events.js';
import { formatNumber } from '../../i18n/format.js';
import { counterStrings } from '../../i18n/news-visit-counter.js';
import { fetchJson } from '../../net/fetch-json.js';
import { LoadError, type LoadErrorInfo } from '../../net/load-error.js';
import { NewsElement } from '../news-element.js';
import { styles } from './news-visit-counter.styles.js';

export type CounterStatus = 'loading' | 'ready' | 'error';
export type { CounterField, VisitCounts } from '../../data/visit-counts.js';

const TIMEOUT = 10_000;
/** Visits registered on this page, for when cookies are not there. */
const registeredHere = new Set<string>();

/**
 * Whether this browser session registered the visit to `key`; with `mark`,
 * records it (or forgets it). In a session cookie, which every tab of the
 * session shares (sessionStorage is one tab's).
 */
function registered(key: string, mark?: boolean): boolean {
  if (mark !== undefined) registeredHere[mark ? 'add' : 'delete'](key);
  // A cookie name is a token: `news_visit_counter_https___phuong_vn_api_visits`.
  const name = key.replace(/\W/g, '_');
  try {
    if (mark !== undefined) document.cookie = `${name}=${mark ? 1 : '; max-age=0'}; path=/; SameSite=Lax`;
    else if (document.cookie.split('; ').includes(`${name}=1`)) return true;
  } catch {
    // Cookies blocked (a sandboxed frame): this page's memory still stops a second visit.
  }
  return registeredHere.has(key);
}

/**
 * Visit statistics from a counter endpoint: total visits, visitors online
 * now and today's visits. With `count` it registers the visit (once per
 * browser session) and keeps the visitor online while the page is visible.
 *
 * A failed read fires `news-error` and shows a message; numbers already
 * shown stay, dimmed and read out as possibly out of date, and "—" shows
 * only where no number was ever read. The next good read brings them back.
 *
 * @summary "Thống kê truy cập": total, online and today's visits.
 *
 * @fires news-error - The counter could not be read, or its answer lacks a number. Detail `{ message, kind, url, status }`.
 *
 * @csspart list - The list of rows (a `<dl>`).
 * @csspart row - One row; also `total`, `online` or `today`.
 * @csspart total - The row of all visits.
 * @csspart online - The row of visitors online now.
 * @csspart today - The row of today's visits (likewise `yesterday`, `week`, `month` with `rows`).
 * @csspart label - A row's label.
 * @csspart value - A row's number, or "—".
 * @csspart stale - A number from before a failed re-read, shown dimmed and read out as possibly out of date.
 * @csspart status - The message shown when the counter cannot be read.
 *
 * @cssprop --news-border-color - Lines between rows.
 * @cssprop --news-muted-color - Color of the message.
 * @cssprop --news-skeleton-color - Placeholder of a number while loading.
 * @cssprop --news-counter-value-color - Color of the numbers.
 * @cssprop --news-counter-row-padding - Padding of each row.
 */
export class NewsVisitCounter extends NewsElement {
  static override styles = styles;

  /** The counter endpoint: `GET` answers `{ total, online, today }`. */
  @property() src = '';

  /** JSON of dotted paths for other field names, e.g. `{"total": "data.all"}`. */
  @property() map = '';

  /** Register this visit (one `POST` per browser session) and keep the visitor online while the page is visible. */
  @property({ type: Boolean, reflect: true }) count = false;

  /** Seconds between re-reads while the page is visible (at least 1); `0` reads once. */
  @property({ type: Number }) refresh = 60;

  /**
   * Which rows, in which order, from `total online today yesterday week
   * month` ("Hôm qua", "Tuần này", "Tháng này", as many portals show).
   */
  @property() rows = DEFAULT_ROWS.join(' ');

  /** Space-separated rows to leave out of `rows`. */
  @property() hide = '';

  /** `vi` or `en`: labels and number format; reflected, so screen readers speak them in it. */
  @property({ reflect: true }) override lang = 'vi';

  private readonly task = new PollingTask<VisitCounts>(
    this,
    (signal) => this.read(signal),
    () => (this.refresh > 0 ? Math.max(this.refresh, 1) * 1000 : 0),
  );
  private announced?: unknown;

  /** `loading` until the first answer, then `ready`; `error` when the last read failed or a shown number is missing. */
  get status(): CounterStatus {
    if (this.problem()) return 'error';
    return this.task.value ? 'ready' : 'loading';
  }

  /** The numbers last read, as the counter answered them. */
  get counts(): VisitCounts | undefined {
    return this.task.value && { ...this.task.value };
  }

  /** Reads the counter again now. */
  reload(): void {
    void this.task.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('map') || (changed.has('count') && this.count)) this.reload();
    else if (changed.has('refresh')) this.task.schedule();
  }

  /** One read: with `count`, the first of the session registers the visit, the others are heartbeats. */
  private read(signal: AbortSignal): Promise<VisitCounts> | undefined {
    if (!this.src) return undefined;
    let url = this.src;
    try {
      url = new URL(url, document.baseURI).href;
    } catch {
      // fetch() will fail on it, and the failure is reported as usual.
    }
    const key = `news-visit-counter:${url}`;
    const register = this.count && !registered(key);
    // Marked before the answer, so a second counter on the page sends a heartbeat instead.
    if (register) registered(key, true);
    const body = this.count ? JSON.stringify(register ? { path: location.pathname } : { path: location.pathname, heartbeat: true }) : undefined;
    const map = this.map;
    return (async () => {
      try {
        const paths = counterPaths(map, url);
        return readVisitCounts(await fetchJson(url, { body, signal, timeout: TIMEOUT, cache: 'no-store' }), paths);
      } catch (error) {
        if (register) registered(key, false);
        throw error;
      }
    })();
  }

  /** The rows to show: `rows` in its order, each once, less `hide`; the default rows when none is valid. */
  private shown(): CounterField[] {
    const hidden = this.hide.split(/\s+/);
    const asked = [...new Set(this.rows.split(/\s+/))].filter((row): row is CounterField => COUNTER_FIELDS.includes(row as CounterField));
    return (asked.length ? asked : DEFAULT_ROWS).filter((field) => !hidden.includes(field));
  }

  /** What is wrong now, if anything: the first read failed, or the answer lacks a shown number. */
  private problem(): { info: LoadErrorInfo; cause: unknown } | undefined {
    const { error, value } = this.task;
    if (!this.src) return { info: { kind: 'format', url: '' }, cause: this };
    if (this.task.status === 'error') return { info: error instanceof LoadError ? error.info : { kind: 'network', url: this.src }, cause: error };
    const missing = value && this.shown().find((field) => value[field] === undefined);
    return missing ? { info: { kind: 'format', url: this.src, field: missing }, cause: value } : undefined;
  }

  protected override updated(): void {
    const problem = this.problem();
    if (problem && problem.cause !== this.announced) {
      emit<NewsErrorDetail>(this, 'news-error', errorDetail(counterStrings(this.lang).error(problem.info), problem.info));
    }
    this.announced = problem?.cause;
  }

  override render(): TemplateResult {
    const t = counterStrings(this.lang);
    const value = this.task.value;
    // Numbers from before a failed re-read stay, marked as possibly out of date.
    const stale = this.task.status === 'error';
    const problem = this.problem();
    const loading = !value && !problem;
    const message = problem ? t.error(problem.info) : '';
    const number = (field: CounterField) => {
      const count = value?.[field];
      if (count !== undefined) {
        return stale ? html`${formatNumber(count, this.lang)}<span class="visually-hidden"> ${t.stale}</span>` : formatNumber(count, this.lang);
      }
      if (loading) return html`<span class="skeleton"></span>`;
      return html`<span aria-hidden="true">—</span><span class="visually-hidden">${t.noNumber}</span>`;
    };
    return html`
      <dl part="list" class="list" aria-busy=${loading ? 'true' : 'false'}>
        ${this.shown().map(
          (field) => html`<div part="row ${field}" class="row">
            <dt part="label" class="label">${t[field]}</dt>
            <dd part=${stale && value?.[field] !== undefined ? 'value stale' : 'value'} class="value ${stale ? 'stale' : ''}">${number(field)}</dd>
          </div>`,
        )}
      </dl>
      <p part="status" class=${message ? 'status' : 'visually-hidden'} role="status">${loading ? t.loading : message}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-visit-counter': NewsVisitCounter;
  }
}
