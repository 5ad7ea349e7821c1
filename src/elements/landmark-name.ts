/**
 * Names for landmarks a page may hold several of with one default name (two
 * `<news-search>` are two "Tìm kiếm thông tin" search landmarks, two paged
 * feeds two "Phân trang" navigations): each is named after the feed it
 * belongs to, so that a screen reader's list of landmarks tells them apart.
 *
 * The feed's name is the one a reader already has for it: its `aria-label`
 * when the page gave one, else the heading nearest before it, which is what
 * the page shows above the list ("Tin tức", "Thông báo"). An `id` is not
 * used: it is written for code ("tb-list"), not for people. Two that still
 * share a name get their place on the page.
 */

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** What a reader knows a feed by: its `aria-label`, else the heading nearest before it. */
export function feedName(feed: Element): string {
  let name = feed.getAttribute('aria-label') ?? '';
  if (!name.trim()) {
    for (const heading of feed.ownerDocument.querySelectorAll(HEADING)) {
      if (!(heading.compareDocumentPosition(feed) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      name = heading.textContent ?? '';
    }
  }
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * `base` alone when `own` is the only one of `kin` (the elements sharing
 * that default name, `own` among them); else `base – <its feed's name>`,
 * with its place on the page when that name is not its own alone.
 */
export function landmarkName(base: string, own: Element, kin: Element[], feedOf: (member: Element) => Element | null | undefined): string {
  if (kin.length < 2) return base;
  const names = kin.map((member) => {
    const feed = feedOf(member);
    return feed ? feedName(feed) : '';
  });
  const at = kin.indexOf(own);
  const name = names[at];
  return `${base} – ${name && names.indexOf(name) === names.lastIndexOf(name) ? name : `${name} ${at + 1}`.trim()}`;
}

/** The paged feeds of the page: those whose page navigations share a name. */
export const pagedFeeds = (feed: Element): Element[] =>
  [...feed.ownerDocument.querySelectorAll('news-feed')].filter((other) => (other as Element & { paging?: string }).paging === 'pages');
