/**
 * Navigation mode, shared by the controls: with `href`, a control leads to
 * the page that has the feed, through a URL template such as
 * `/tim-kiem?q={q}`.
 */
import { emit, type ValueChangeDetail } from '../events.js';
import { safeUrl } from '../feed/text.js';

/** Fills `{name}` placeholders with URL-encoded values; unknown ones stay as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? encodeURIComponent(values[name]) : match);
}

/**
 * The filled template resolved against the page, if it is an http(s) or
 * relative URL; undefined for anything else (`javascript:`, `data:`).
 */
export function templateUrl(template: string, values: Record<string, string>): string | undefined {
  return safeUrl(fillTemplate(template, values), document.baseURI);
}

/**
 * Tells the page with a cancelable `change` (detail `{ value, href }`) and,
 * unless it called `preventDefault()` to route the URL itself, goes to
 * `href` when there is one. False when the page cancelled the choice.
 */
export function navigate(host: HTMLElement, value: string, href: string | undefined): boolean {
  const proceed = emit<ValueChangeDetail>(host, 'change', { value, href }, true);
  if (proceed && href) location.assign(href);
  return proceed;
}
