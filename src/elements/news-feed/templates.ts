/**
 * `<news-feed>`'s templates: plain functions of what to show, so that the
 * element's render() only picks among them, and the warm-up can render
 * them off the page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { NewsItem } from '../../feed/types.js';
import { formatDate } from '../../i18n/format.js';
import type { Strings } from '../../i18n/strings.js';
import { pageWindow } from '../../view/paging.js';

export type HideablePart = 'image' | 'summary' | 'date' | 'category' | 'source';

/** How items look: the element's settings, read once per render. */
export interface ItemLook {
  lang: string;
  /** The language of the feed's own text, where it differs from the UI's (`lang` on the host). */
  textLang?: string;
  zone: string;
  headingLevel: number;
  target: string;
  hidden: (part: HideablePart) => boolean;
}

export type PageChoice = (page: number) => void;

/** The settings of `<news-feed>` that decide how its items look. */
export interface LookSettings extends HTMLElement {
  layout: string;
  hide: string;
  headingLevel: number;
  target: string;
}

/** How `host`'s items look now, their dates shown in `zone`. */
export function itemLook(host: LookSettings, zone: string): ItemLook {
  const hide = host.hide.split(/\s+/);
  // The host's lang is the UI's; the feed's own text keeps the page's language.
  const textLang = host.hasAttribute('lang') ? (host.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '') : undefined;
  return {
    lang: host.lang,
    textLang,
    zone,
    headingLevel: host.headingLevel,
    target: host.target,
    // Compact items are a title and a date.
    hidden: (part) => (host.layout === 'compact' && part !== 'date') || hide.includes(part),
  };
}

/**
 * A picture that fails to load is hidden, its box kept: no broken-image icon,
 * and nothing moves. A picture that loads is shown again (an element that
 * failed once may load on a later try, from the cache).
 */
const markBroken = (event: Event) => (event.target as HTMLElement).classList.toggle('broken', event.type === 'error');

export function renderFeed(items: NewsItem[], look: ItemLook, busy: boolean, paging: TemplateResult | typeof nothing): TemplateResult {
  return html`<div class="feed" aria-busy=${busy ? 'true' : 'false'}>${items.length
    ? html`<ul part="list" class="list" lang=${ifDefined(look.textLang)}>${items.map((item) => renderItem(item, look))}</ul>`
    : nothing}</div>${paging}`;
}

function renderItem(item: NewsItem, look: ItemLook): TemplateResult {
  const date = item.published ?? item.modified;
  const level = Math.min(Math.max(Math.floor(look.headingLevel) || 3, 2), 6);
  const showImage = item.image && !look.hidden('image');
  const showDate = date && !look.hidden('date');
  const showCategory = item.categories.length > 0 && !look.hidden('category');
  const showSource = item.source && !look.hidden('source');
  const target = look.target;
  return html`
    <li part="item" class="item ${showImage ? 'has-image' : ''}">
      ${showImage
        ? // A new element for each picture: giving a picture that failed another
          // src took Chromium about 4 ms more per update of ten items than making
          // a new one (a search over pictures on a dead host).
          keyed(item.image, html`<img part="image" class="image" src=${item.image!} alt=${item.imageAlt ?? ''}
            loading="lazy" decoding="async" width="400" height="300" @error=${markBroken} @load=${markBroken} />`)
        : nothing}
      <div class="body">
        <div part="title" class="title" role="heading" aria-level=${level}>
          ${item.url
            ? html`<a part="link" class="link" href=${item.url} target=${target || nothing}
                rel=${target ? 'noopener' : nothing}>${item.title}</a>`
            : html`<span class="link">${item.title}</span>`}
        </div>
        ${showDate || showCategory || showSource
          ? html`<p class="meta">
              ${showDate
                ? html`<time part="date" class="date" datetime=${date.toISOString()}>${formatDate(date, look.lang, look.zone)}</time>`
                : nothing}
              ${showSource ? html`<span part="source" class="source">${item.source}</span>` : nothing}
              ${showCategory ? html`<span part="category" class="category">${item.categories.join(', ')}</span>` : nothing}
            </p>`
          : nothing}
        ${item.summary && !look.hidden('summary') ? html`<p part="summary" class="summary">${item.summary}</p>` : nothing}
      </div>
    </li>`;
}

/** The skeleton that holds the first page's space while it loads. */
export function renderSkeleton(rows: number, withImage: boolean): TemplateResult {
  const row = html`
    <li class="item">
      ${withImage ? html`<span class="image"></span>` : nothing}
      <span class="body"><span class="line"></span><span class="line short"></span></span>
    </li>`;
  return html`<div class="feed" aria-busy="true"><ul part="skeleton" class="list skeleton" aria-hidden="true">${
    Array.from({ length: rows }, () => row)}</ul></div>`;
}

export function renderMore(t: Strings, lang: string, choose: () => void): TemplateResult {
  return html`<div part="pagination" class="pagination" lang=${lang}>
    <button part="more" class="button" type="button" @click=${choose}>${t.more}</button>
  </div>`;
}

/** `label` names the navigation: after its feed when the page has several (see landmark-name.ts). */
export function renderPageNav(t: Strings, lang: string, page: number, count: number, choose: PageChoice, label = t.pagination): TemplateResult {
  const button = (target: number, label: string, text: string | number, current = false) => html`
    <li><button part="page" class="page" type="button" aria-label=${label}
      aria-current=${current ? 'page' : 'false'}
      @click=${() => choose(target)}>${text}</button></li>`;
  return html`<nav part="pagination" class="pagination" aria-label=${label} lang=${lang}>
    <ul class="pages">
      ${page > 1 ? button(page - 1, t.previousPage, '‹') : nothing}
      ${pageWindow(page, count).map((n) =>
        n === null ? html`<li class="gap" aria-hidden="true">…</li>` : button(n, t.page(n), n, n === page))}
      ${page < count ? button(page + 1, t.nextPage, '›') : nothing}
    </ul>
  </nav>`;
}
