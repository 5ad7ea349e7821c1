/**
 * The browser's own parser, for what only it knows in full: XML, and the
 * 2,231 character reference names of HTML. Documents it makes are never
 * attached: no script runs in them and nothing they name is loaded.
 */

interface HtmlPolicy {
  createHTML(input: string): string;
}
type TrustedTypesApi = { createPolicy(name: string, rules: HtmlPolicy): HtmlPolicy };

// Under Trusted Types (`require-trusted-types-for 'script'`) parseFromString
// takes only TrustedHTML, even for XML. The parsed document is inert, so a
// pass-through policy is safe. A page that lists its allowed policies must
// name `news-widgets`, as it names Lit's `lit-html`; if it does not,
// parseFromString throws, which callers turn into a `parse` error or a name
// left as written.
let policy: HtmlPolicy | null | undefined;

export function parseDocument(source: string, type: DOMParserSupportedType): Document {
  if (policy === undefined) {
    try {
      const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesApi }).trustedTypes;
      policy = trustedTypes?.createPolicy('news-widgets', { createHTML: (input) => input }) ?? null;
    } catch {
      policy = null;
    }
  }
  return new DOMParser().parseFromString(policy ? policy.createHTML(source) : source, type);
}
