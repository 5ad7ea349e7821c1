import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FeedBinding } from '../../controllers/feed-binding.js';
import { keptDayCounts, loadDayCounts } from '../../data/day-counts.js';
import { emit, errorDetail, type NewsErrorDetail, type ValueChangeDetail } from '../../events.js';
import { DEFAULT_TIMEZONE, dayKey, isDayKey, isMonthKey, resolveTimeZone } from '../../feed/dates.js';
import { LoadError, type LoadErrorInfo } from '../../net/load-error.js';
import { navigate, templateUrl } from '../navigate.js';
import { addDays, addMonths, clampDay, monthCounts, monthOf, monthWeeks, weekStart } from '../../view/calendar.js';
import { archiveStrings, dayLabel, monthEntry, monthHeading, weekdayNames } from '../../i18n/news-date-archive.js';
import { strings } from '../../i18n/strings.js';
import { FeedControl } from '../feed-control.js';
import { omitEmpty } from '../news-element.js';
import { styles } from './news-date-archive.styles.js';

export type ArchiveView = 'days' | 'months';

/** Detail of `<news-date-archive>`'s `change` event. */
export interface ArchiveChangeDetail extends ValueChangeDetail {
  /** The chosen day (`YYYY-MM-DD`) or month (`YYYY-MM`); empty when the choice was cleared. */
  value: string;
  /** With `href`: the URL about to be opened. */
  href?: string;
}

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * "Xem tin theo ngày": a month calendar whose days with news choose the
 * feed's `date`, or, with `view="months"`, a list of months that choose its
 * `month`.
 *
 * Navigation mode: with `href`, a choice opens the template's URL instead of
 * filtering a feed. The `change` event that comes first is cancelable, so a
 * single-page app can call `preventDefault()` and route by `detail.href`
 * itself.
 *
 * @summary The date archive: a calendar of days with news, or a list of months.
 *
 * @fires change - A user chose a day or month, or cleared the choice; `value` and the feed already have it. Detail `{ value }`. With `href`, it comes before the page is left, with `{ value, href }`, and is cancelable: `preventDefault()` stays on the page (to route the URL itself).
 * @fires news-error - `days-src` could not be read. Detail `{ message, kind, url, status }`.
 *
 * @csspart header - The row of month buttons and heading.
 * @csspart previous - The previous month button.
 * @csspart next - The next month button.
 * @csspart heading - The month's name, a polite live region.
 * @csspart grid - The table of days.
 * @csspart weekday - A weekday's column heading.
 * @csspart day - A day button; also `has-news`, `selected`, `today` where they apply.
 * @csspart has-news - A day with news.
 * @csspart selected - The chosen day or month.
 * @csspart today - Today, in the feed's time zone.
 * @csspart months - The list of months (`view="months"`).
 * @csspart month - A month button.
 * @csspart status - The message line, e.g. when `days-src` fails.
 *
 * @cssprop --news-accent-color - Days with news, the chosen day.
 * @cssprop --news-accent-text-color - Text on the chosen day.
 * @cssprop --news-muted-color - Weekday names and days without news.
 * @cssprop --news-radius - Corner radius of the buttons.
 * @cssprop --news-day-size - Height of a day button.
 * @cssprop --news-focus-color - The focus ring; `--news-accent-color` when unset.
 */
export class NewsDateArchive extends FeedControl<ArchiveChangeDetail> {
  static override styles = styles;

  /** The chosen day, `YYYY-MM-DD` (with `view="months"`, the chosen month, `YYYY-MM`). */
  @property({ reflect: true, converter: omitEmpty }) value = '';

  /** The month shown, `YYYY-MM`; default: the chosen day's, else the newest item's (with `days-src`, today's). */
  @property({ reflect: true, converter: omitEmpty }) month = '';

  /** First day that can be reached, `YYYY-MM-DD`; default: the feed's first day. */
  @property() min = '';

  /** Last day that can be reached; default: the feed's last day (with `days-src`, today). */
  @property() max = '';

  /**
   * URL template such as `/tin-tuc?news-date={date}` (`{month}` too): a choice
   * opens it. Alone on a page (no feed, no `days-src`), every day can be chosen.
   */
  @property() href = '';

  /** URL template with `{month}` answering `{ "YYYY-MM-DD": count }`, for a server-filtered feed. */
  @property({ attribute: 'days-src' }) daysSrc = '';

  /** `days` (a month calendar) or `months` (a list of months with counts). */
  @property({ reflect: true }) view: ArchiveView = 'days';

  /** `vi` or `en`; reflected, so screen readers speak the calendar in it. */
  @property({ reflect: true }) override lang = 'vi';

  /** IANA time zone of "today" when no feed is linked; a linked feed's zone wins. */
  @property() timezone = DEFAULT_TIMEZONE;

  /** The day the user last moved to, which keeps the tab stop while it is shown. */
  @state() private userFocus = '';
  /** The day that holds the grid's one tab stop. */
  private focusDay = '';

  // The calendar's value is the feed's `date` (`month` with view="months"); see FeedBinding for who wins.
  private readonly link = new FeedBinding(this, {
    key: () => (this.months ? 'month' : 'date'),
    accepts: (value) => this.valid(value),
    drives: () => !this.href,
  });
  private counts: ReadonlyMap<string, number> = NONE;
  private lo = '';
  private hi = '';
  private shown = '';
  private today = '';
  private loadingUrl = '';
  private abort?: AbortController;
  private error?: LoadErrorInfo;
  private moveFocus = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.abort = undefined;
    this.loadingUrl = '';
  }

  private get months(): boolean {
    return this.view === 'months';
  }

  /**
   * A day with news, the chosen one (to clear it), or any day when which
   * have news is unknown: no feed and no `days-src` (a sidebar calendar with
   * only `href`). The others are aria-disabled and ignore a click.
   */
  private choosable(day: string): boolean {
    return !!this.counts.get(day) || day === this.value || (!this.link.feed && !this.daysSrc);
  }

  private valid(value: string): boolean {
    return this.months ? isMonthKey(value) : isDayKey(value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('for') && this.hasUpdated) this.link.resolve();
    const feed = this.link.feed;
    const before = this.value;
    this.link.sync();
    // A day chosen elsewhere (the feed, page code) brings its month into view.
    if (this.hasUpdated && (changed.has('value') || this.value !== before) && isDayKey(this.value)) this.month = monthOf(this.value);

    const today = (this.today = dayKey(new Date(), resolveTimeZone(feed?.timezone || this.timezone)));
    // `days-src` speaks for the calendar; the month list always sums the feed's days.
    const feedCounts = ((!this.daysSrc || this.months) && feed?.dayCounts) || NONE;
    let first = '';
    let last = '';
    for (const day of feedCounts.keys()) {
      if (!first || day < first) first = day;
      if (day > last) last = day;
    }
    const lo = (this.lo = isDayKey(this.min) ? this.min : first);
    const hi = (this.hi = isDayKey(this.max) ? this.max : last || today);
    const chosen = isDayKey(this.value) ? this.value : '';
    let shown = isMonthKey(this.month) ? this.month : monthOf(chosen || clampDay(last || today, lo, hi));
    if (lo && shown < monthOf(lo)) shown = monthOf(lo);
    if (shown > monthOf(hi)) shown = monthOf(hi);
    this.shown = shown;

    this.counts = feedCounts;
    if (this.daysSrc && !this.months) {
      const url = this.daysSrc.replaceAll('{month}', shown);
      const kept = keptDayCounts(url);
      this.counts = kept ?? NONE;
      // A failed month is asked again only after another month was shown.
      if (!kept && url !== this.loadingUrl && url !== this.error?.url) this.loadDays(url);
    }

    const firstNews = [...this.counts.keys()].filter((day) => monthOf(day) === shown && day === clampDay(day, lo, hi)).sort()[0];
    const candidate = [this.userFocus, chosen, today, firstNews].find((day) => day && monthOf(day) === shown);
    this.focusDay = clampDay(candidate || `${shown}-01`, lo, hi);
  }

  private loadDays(url: string): void {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loadingUrl = url;
    loadDayCounts(url, abort.signal)
      .then(() => {
        this.error = undefined;
      })
      .catch((error: unknown) => {
        if (abort !== this.abort) return;
        this.error = error instanceof LoadError ? error.info : { kind: 'network', url };
        // Its url is the one asked for: every LoadError of a days-src request names it.
        emit<NewsErrorDetail>(this, 'news-error', errorDetail(this.errorText(), this.error));
      })
      .finally(() => {
        if (abort !== this.abort) return;
        this.loadingUrl = '';
        this.requestUpdate();
      });
  }

  private errorText(): string {
    return this.error ? strings(this.lang).error(this.error) : '';
  }

  /**
   * A user's choice: opens `href`, or toggles the day or month. Like the
   * tabs and the search, `change` comes once `value` and the feed have it.
   */
  private choose(key: string): void {
    if (!this.months && !this.choosable(key)) return;
    if (this.href) {
      if (navigate(this, key, templateUrl(this.href, { date: this.months ? '' : key, month: monthOf(key) }))) this.value = key;
      return;
    }
    this.link.choose(key === this.value ? '' : key);
    emit<ValueChangeDetail>(this, 'change', { value: this.value });
  }

  /** Moves the tab stop (and the month shown with it), never past `min`/`max`. */
  private goTo(day: string, focus = true): void {
    day = this.userFocus = clampDay(day, this.lo, this.hi);
    if (monthOf(day) !== this.shown) this.month = monthOf(day);
    this.moveFocus = focus;
  }

  private onKeydown(event: KeyboardEvent): void {
    const day = (event.target as HTMLElement).dataset.key || this.focusDay;
    const firstDay = this.firstDay;
    const step: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      PageUp: () => addMonths(day, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(day, event.shiftKey ? 12 : 1),
      Home: () => weekStart(day, firstDay),
      End: () => addDays(weekStart(day, firstDay), 6),
    };
    if (!step[event.key] || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.goTo(step[event.key]());
  }

  private onClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLElement>('[data-key]');
    if (!button) return;
    const key = button.dataset.key!;
    if (!this.months) this.goTo(key, false);
    this.choose(key);
  }

  /** Weeks start on Sunday in English, on Monday in Vietnamese. */
  private get firstDay(): number {
    return this.lang === 'en' ? 0 : 1;
  }

  protected override updated(): void {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>(`[data-key="${this.focusDay}"]`)?.focus();
  }

  override render(): TemplateResult {
    const t = archiveStrings(this.lang);
    const status = html`<p part="status" class="status" role="status">${this.errorText()}</p>`;
    if (this.months) {
      return html`<ul part="months" class="months" aria-label=${t.months} @click=${this.onClick}>
          ${monthCounts(this.counts).map(([month, count]) => html`<li>
            <button type="button" part="month${month === this.value ? ' selected' : ''}" data-key=${month}
              aria-pressed=${month === this.value ? 'true' : 'false'}>${monthEntry(month, this.lang, count)}</button>
          </li>`)}
        </ul>${status}`;
    }
    const shown = this.shown;
    const canGoBack = !this.lo || shown > monthOf(this.lo);
    const canGoOn = shown < monthOf(this.hi);
    const busy = !!this.loadingUrl || this.link.feed?.status === 'loading';
    return html`<div role="group" aria-label=${t.label}>
        <div part="header" class="header">
          <button type="button" part="previous" class="nav" aria-label=${t.previous} aria-disabled=${canGoBack ? 'false' : 'true'}
            @click=${() => canGoBack && this.goTo(addMonths(this.focusDay, -1), false)}>‹</button>
          <div part="heading" id="heading" class="heading" aria-live="polite">${monthHeading(shown, this.lang)}</div>
          <button type="button" part="next" class="nav" aria-label=${t.next} aria-disabled=${canGoOn ? 'false' : 'true'}
            @click=${() => canGoOn && this.goTo(addMonths(this.focusDay, 1), false)}>›</button>
        </div>
        <table part="grid" role="grid" aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}
          @keydown=${this.onKeydown} @click=${this.onClick}>
          <thead><tr>${weekdayNames(this.lang, this.firstDay).map(([short, long]) =>
            html`<th part="weekday" scope="col" abbr=${long}>${short}</th>`)}</tr></thead>
          <tbody>${monthWeeks(shown, this.firstDay).map((week) =>
            html`<tr>${week.map((day) => html`<td>${day ? this.renderDay(day) : nothing}</td>`)}</tr>`)}</tbody>
        </table>
      </div>${status}`;
  }

  private renderDay(day: string): TemplateResult {
    const count = this.counts.get(day);
    const selected = day === this.value;
    const today = day === this.today;
    const parts = `day${count ? ' has-news' : ''}${selected ? ' selected' : ''}${today ? ' today' : ''}`;
    return html`<button type="button" part=${parts} class="day" data-key=${day}
      tabindex=${day === this.focusDay ? 0 : -1} ?disabled=${day !== clampDay(day, this.lo, this.hi)}
      aria-label=${dayLabel(day, this.lang, count)} aria-pressed=${selected ? 'true' : 'false'}
      aria-current=${today ? 'date' : 'false'} aria-disabled=${this.choosable(day) ? 'false' : 'true'}>${+day.slice(8)}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-date-archive': NewsDateArchive;
  }
}
