import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { FeedBinding } from '../../controllers/feed-binding.js';
import { emit, type ValueChangeDetail } from '../../events.js';
import { slugify } from '../../feed/text.js';
import { tabsStrings } from '../../i18n/news-category-tabs.js';
import { FeedControl } from '../feed-control.js';
import { omitEmpty } from '../news-element.js';
import { styles } from './news-category-tabs.styles.js';

interface Tab {
  label: string;
  value: string;
}

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1 };

/**
 * Category tabs that filter a `<news-feed>`.
 *
 * @summary Category tabs: "Tất cả", "Nội chính", "An ninh"…
 *
 * @slot - The CMS's own category links, `<a href="…" data-value="noi-chinh">Nội chính</a>`: they become the tabs, and stay plain links before the script runs or when there is no feed on the page.
 *
 * @fires change - The reader chose a tab. Detail `{ value }`; never fired when `value` is set from code.
 *
 * @csspart tablist - The row of tabs; it scrolls sideways when narrow, the edge with more tabs faded out.
 * @csspart tab - A tab; the chosen one also has part `selected`.
 * @csspart selected - The chosen tab.
 *
 * @cssprop --news-accent-color - Color of the chosen tab and the focus ring.
 * @cssprop --news-border-color - The line under the tabs.
 * @cssprop --news-focus-color - The focus ring; `--news-accent-color` when unset.
 */
export class NewsCategoryTabs extends FeedControl<ValueChangeDetail> {
  static override styles = styles;

  /** The chosen category (empty: all). */
  @property({ reflect: true, converter: omitEmpty }) value = '';

  /** Label of the first tab, the one that clears the filter. Default "Tất cả". */
  @property({ attribute: 'all-label' }) allLabel = '';

  /** `vi` or `en`: UI text. */
  @property() override lang = 'vi';

  @state() private links: Tab[] = [];
  private readonly link = new FeedBinding(this, { key: () => 'category' });
  private tabs: Tab[] = [];
  private selected = -1;
  private scrolledTo?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.link.sync();
    const feed = this.link.feed;
    const categories = this.links.length
      ? this.links
      : (feed?.categories ?? []).map(({ name, slug }) => ({ label: name, value: slug }));
    this.tabs = [{ label: this.allLabel || tabsStrings(this.lang).all, value: '' }, ...categories];
    const key = slugify(this.value);
    this.selected = this.tabs.findIndex((tab) => slugify(tab.value) === key);
  }

  override render(): TemplateResult {
    const feed = this.link.feed;
    return html`${feed
        ? html`<div part="tablist" class="tabs" role="tablist" aria-label=${tabsStrings(this.lang).label}
            @keydown=${this.onKeydown}>
            ${this.tabs.map((tab, index) => {
              const selected = index === this.selected;
              return html`<button part=${selected ? 'tab selected' : 'tab'} class="tab" type="button" role="tab"
                aria-selected=${selected ? 'true' : 'false'} lang=${ifDefined(index ? undefined : this.lang)}
                tabindex=${selected || (this.selected < 0 && !index) ? 0 : -1}
                @click=${() => this.choose(index)}>${tab.label}</button>`;
            })}
          </div>`
        : nothing}<slot ?hidden=${!!feed} @slotchange=${this.readLinks}></slot>`;
  }

  protected override updated(): void {
    // Keep the chosen tab in view in a row that scrolls sideways, without
    // scrolling the page (scrollIntoView would) and without undoing the
    // reader's own scrolling on every render.
    const tab = this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!tab || this.scrolledTo === this.value) return;
    this.scrolledTo = this.value;
    const list = tab.parentElement!;
    list.scrollLeft = Math.min(Math.max(list.scrollLeft, tab.offsetLeft + tab.offsetWidth - list.clientWidth), tab.offsetLeft);
  }

  private readLinks(): void {
    this.links = [...this.querySelectorAll('a')].map((a) => {
      const label = a.textContent!.replace(/\s+/g, ' ').trim();
      return { label, value: a.dataset.value ?? label };
    });
  }

  private onKeydown(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    const count = tabs.length;
    const from = tabs.indexOf(event.target as HTMLElement);
    const step = KEY_STEPS[event.key];
    const index = step ? (from + step + count) % count : event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : -1;
    if (index < 0 || from < 0) return;
    event.preventDefault();
    tabs[index].focus();
    this.choose(index, true);
  }

  private choose(index: number, passing = false): void {
    if (index === this.selected) return;
    const value = this.tabs[index].value;
    this.link.choose(value, passing ? 'passing' : 'choice');
    emit<ValueChangeDetail>(this, 'change', { value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-category-tabs': NewsCategoryTabs;
  }
}
