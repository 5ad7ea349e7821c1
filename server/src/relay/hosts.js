// The operator's list of feed hosts: `tinh.gov.vn` (that host only) or
// `*.tinh.gov.vn` (any subdomain of it, not the domain itself). A host listed
// exactly may resolve to a private address (an intranet CMS the operator
// chose); a host matched only by a wildcard may not.
import { domainToASCII } from 'node:url';

/** The host as URL gives it: lower case, punycode, IPv6 in brackets, no trailing dot. */
function canonicalHost(text) {
  let host = text.trim().toLowerCase().replace(/\.$/, '');
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  if (host.startsWith('[')) return host;
  return domainToASCII(host);
}

/**
 * Reads `--feed-host` values (each may hold several, comma-separated).
 * Throws a TypeError naming the first entry that is not a host name.
 * @param {string[]} entries
 * @returns {{ exact: Set<string>, suffixes: string[], size: number, list: string[] }}
 */
export function parseFeedHosts(entries) {
  const exact = new Set();
  const suffixes = [];
  const list = [];
  for (const entry of entries.flatMap((text) => String(text).split(','))) {
    const text = entry.trim();
    if (!text) continue;
    const wildcard = text.startsWith('*.');
    const host = canonicalHost(wildcard ? text.slice(2) : text);
    if (!host || /[/\s@?#*]/.test(host) || (wildcard && host.startsWith('['))) {
      throw new TypeError(`"${text}" is not a host name such as tinh.gov.vn or *.tinh.gov.vn`);
    }
    if (wildcard) suffixes.push(`.${host}`);
    else exact.add(host);
    list.push(wildcard ? `*.${host}` : host);
  }
  return { exact, suffixes, size: list.length, list };
}

/**
 * How `hostname` (as `new URL(...).hostname` gives it) stands on the list:
 * `exact`, `wildcard`, or undefined when it is not listed.
 */
export function hostListing(hosts, hostname) {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  if (hosts.exact.has(host)) return 'exact';
  if (hosts.suffixes.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)) return 'wildcard';
  return undefined;
}
