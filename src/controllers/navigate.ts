/**
 * Navigation mode, shared by the controls: with no feed to drive, a control
 * leads to the page that has one, through a URL template such as
 * `/tim-kiem?q={q}`.
 */
import { safeUrl } from '../feed/text.js';

/** Fills `{name}` placeholders with URL-encoded values; unknown ones stay as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? encodeURIComponent(values[name]) : match);
}

/**
 * Goes to the filled template, resolved against the page. Only http(s) and
 * relative URLs are followed; returns whether it navigated.
 */
export function navigate(template: string, values: Record<string, string>): boolean {
  const url = safeUrl(fillTemplate(template, values), document.baseURI);
  if (url) location.assign(url);
  return !!url;
}
