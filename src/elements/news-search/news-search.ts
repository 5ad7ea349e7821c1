import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedBinding } from '../../controllers/feed-binding.js';
import { landmarkName } from '../landmark-name.js';
import { navigate, templateUrl } from '../navigate.js';
import { emit, type ValueChangeDetail } from '../../events.js';
import { formatNumber } from '../../i18n/format.js';
import { searchStrings } from '../../i18n/news-search.js';
import { strings } from '../../i18n/strings.js';
import { FeedControl } from '../feed-control.js';
import { styles } from './news-search.styles.js';

/**
 * A search box that filters a `<news-feed>` as the reader types, or leads to
 * a search page.
 *
 * @summary "Tìm kiếm thông tin": a search field for a news list.
 *
 * @fires change - The search text settled (after `debounce`, on submit, or cleared with Escape). Detail `{ value }`.
 * With `href`, fired on submit only, with detail `{ value, href }` and cancelable: `preventDefault()` keeps the
 * page, so a single-page app can route `href` itself.
 *
 * @csspart form - The form around the field and the button.
 * @csspart input - The search field.
 * @csspart button - The submit button.
 *
 * @cssprop --news-accent-color - The button and the focus ring.
 * @cssprop --news-accent-text-color - Text on the button.
 * @cssprop --news-border-color - The field's border.
 * @cssprop --news-radius - Corner radius of the field and the button.
 * @cssprop --news-focus-color - The focus ring; `--news-accent-color` when unset.
 */
export class NewsSearch extends FeedControl<ValueChangeDetail> {
  static override styles = styles;

  /** The search text. */
  @property() value = '';

  /**
   * Placeholder, and the field's accessible name. Default "Tìm kiếm thông
   * tin"; when several searches on the page have the default, each is named
   * after the feed it drives ("Tìm kiếm thông tin – Thông báo"): the feed's
   * `aria-label`, else the heading just before it.
   */
  @property() placeholder = '';

  /** Milliseconds after the last keystroke before the feed is filtered; `0` for none. */
  @property({ type: Number }) debounce = 250;

  /**
   * A URL template such as `/tim-kiem?q={q}`: with it, submitting goes there
   * (the text URL-encoded) instead of filtering a feed on this page. Only
   * http(s) and relative URLs are followed.
   */
  @property() href = '';

  /** `vi` or `en`: UI text and number formats; reflected, so screen readers speak them in it. */
  @property({ reflect: true }) override lang = 'vi';

  private readonly link = new FeedBinding(this, {
    key: () => 'query',
    drives: () => !this.href,
    holding: () => this.timer !== undefined,
  });
  private timer?: ReturnType<typeof setTimeout>;
  private sent = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.href) this.link.sync();
    // Text the feed brought (Back, code): submitting the old text again is a change again.
    if (changed.has('value') && this.timer === undefined) this.sent = this.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.renameOthers();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
    this.renameOthers();
  }

  /** One search more or less on the page: the others' names may change (see landmarkName). */
  private renameOthers(): void {
    for (const other of this.ownerDocument.querySelectorAll('news-search')) if (other !== this) other.requestUpdate();
  }

  override render(): TemplateResult {
    const t = searchStrings(this.lang);
    const label = this.placeholder || t.label;
    // With the default text, several searches would be search landmarks of one name: each is named after its feed.
    const searches = this.placeholder ? [] : [...this.ownerDocument.querySelectorAll('news-search')].filter((search) => !search.placeholder);
    const name = landmarkName(label, this, searches, (search) => (search as NewsSearch).link?.feed as Element | null | undefined);
    return html`<form part="form" class="form" role="search" aria-label=${name} @submit=${this.onSubmit}>
        <input part="input" class="input" type="search" name="q" autocomplete="off"
          placeholder=${label} aria-label=${name} .value=${this.value}
          @input=${this.onInput} @keydown=${this.onKeydown} />
        <button part="button" class="button" type="submit">${t.submit}</button>
      </form>
      <div class="visually-hidden" role="status">${this.resultText()}</div>`;
  }

  /** "12 kết quả" once the feed shows the results of the current text. */
  private resultText(): string {
    const feed = this.link.feed;
    const ready = feed && !this.href && this.value.trim() && feed.query === this.value && /ready|empty/.test(feed.status);
    return ready ? strings(this.lang).results(formatNumber(feed.total, this.lang)) : '';
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    if (this.href) return;
    this.stopTimer();
    if (this.debounce > 0) this.timer = setTimeout(() => this.apply(), this.debounce);
    else this.apply();
  }

  private onKeydown(event: KeyboardEvent): void {
    // Escape while an input method composes a word only cancels that word.
    if (event.key !== 'Escape' || event.isComposing || !this.value) return;
    event.preventDefault();
    this.value = '';
    if (!this.href) this.apply();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.href) navigate(this, this.value, templateUrl(this.href, { q: this.value.trim() }));
    else this.apply();
  }

  /** No text waiting for the debounce any more. */
  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The text settled: filter the feed and tell the page. */
  private apply(): void {
    this.stopTimer();
    const value = this.value;
    this.link.choose(value);
    this.requestUpdate();
    if (value === this.sent) return;
    this.sent = value;
    emit<ValueChangeDetail>(this, 'change', { value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-search': NewsSearch;
  }
}
