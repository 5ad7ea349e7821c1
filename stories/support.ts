/** What the stories share: fixture URLs, an attribute spreader, waiting for states. */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { expect, waitFor } from 'storybook/test';

/**
 * Feeds served by Storybook itself: files in stories/fixtures, and the
 * `__story/` routes that .storybook/story-requests.ts answers in the page
 * (the same in `storybook dev` and in the static build). Relative, so a
 * Storybook published under a sub-path still finds them.
 */
export const FEEDS = {
  ward: 'fixtures/ward-feed.json',
  english: 'fixtures/en-feed.json',
  longTitles: 'fixtures/long-titles.json',
  noImages: 'fixtures/no-images.json',
  empty: 'fixtures/empty.json',
  broken: 'fixtures/broken.json',
  /** WordPress REST posts (`/wp-json/wp/v2/posts?_embed`). */
  wordpress: 'fixtures/wordpress-posts.json',
  /** A portal's RSS 2.0. */
  rss: 'fixtures/portal-rss.xml',
  /** A portal's own JSON, read through `map`. */
  custom: 'fixtures/portal-custom.json',
  /** Never answers: the element stays in its loading state, its own timeout never fires. */
  hang: '__story/hang',
  /** Answers HTTP 503. */
  unavailable: '__story/status?code=503',
  /** A server's pages of 5: page 1 answers, every later page answers HTTP 503. */
  secondPageFails: '__story/pages?page={page}',
} as const;

/** A visit counter's answer (GET only): `{ total, online, today }`. */
export const COUNTER = 'fixtures/counter.json';

/** A visit counter that counts: GET reads, POST counts a visit (see .storybook/story-requests.ts). */
export const COUNTING_COUNTER = '__story/counter';

/** Two columns that stack on a phone: a news list beside a sidebar control. */
export const columns = 'display: grid; gap: 1.5rem; align-items: start; grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));';

type Args = Record<string, unknown>;

/**
 * Sets each arg whose name is an attribute name (lower case, dashes) as that
 * attribute: `true` as present, `false`, `''` and `undefined` as absent; and
 * each `--news-` custom property that has a value on the element's style.
 * Lit has no attribute spread of its own; the stories' args are attributes.
 */
class AttributesDirective extends Directive {
  private set = new Set<string>();
  private styled = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attributes() belongs on an element');
  }

  render(_args: Args) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [Args]) {
    const element = part.element as HTMLElement;
    const next = new Set<string>();
    const nextStyled = new Set<string>();
    for (const [name, value] of Object.entries(args)) {
      if (name.startsWith('--news-') && typeof value === 'string' && value.trim()) {
        nextStyled.add(name);
        element.style.setProperty(name, value);
        continue;
      }
      if (!/^[a-z][a-z0-9-]*$/.test(name) || typeof value === 'function' || typeof value === 'object') continue;
      if (value === undefined || value === false || value === '') continue;
      next.add(name);
      element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const name of this.set) if (!next.has(name)) element.removeAttribute(name);
    for (const name of this.styled) if (!nextStyled.has(name)) element.style.removeProperty(name);
    this.set = next;
    this.styled = nextStyled;
    return nothing;
  }
}

export const attributes = directive(AttributesDirective);

/** The first element matching `selector` in the story's canvas, once it is there. */
export async function find<T extends Element>(canvas: HTMLElement, selector: string): Promise<T> {
  let found: T | null = null;
  await waitFor(() => {
    found = canvas.querySelector<T>(selector);
    expect(found, `${selector} in the story`).not.toBeNull();
  });
  return found!;
}

/**
 * Waits until the page is as wide as the story's viewport (its `globals`,
 * such as a 360 px phone). Storybook applies a viewport by resizing the
 * story's frame, which can come after the story rendered: a layout checked
 * before that is the desktop's.
 */
export async function viewportApplied({ globals, parameters }: { globals: Args; parameters: Args }) {
  const chosen = (globals.viewport as { value?: string } | undefined)?.value;
  const options = (parameters.viewport as { options?: Record<string, { styles?: { width?: string } }> } | undefined)?.options;
  const width = chosen ? Number.parseInt(options?.[chosen]?.styles?.width ?? '', 10) : NaN;
  expect(width, `the width of viewport ${chosen}`).toBeGreaterThan(0);
  await waitFor(() => expect(window.innerWidth, `the page's width, for viewport ${chosen}`).toBe(width), { timeout: 5000 });
  // One frame more: layout and the elements' resize observers have seen the new width.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/** Waits until an element's `status` is `status` (loading, ready, empty, error). */
export async function waitForStatus(element: Element & { status: string }, status: string, timeout = 8000) {
  await waitFor(() => expect(element.status).toBe(status), { timeout });
}

/** Shadow-DOM nodes with this part. */
export function parts(element: Element, part: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

/** Trimmed text of the shadow-DOM nodes with this part. */
export function texts(element: Element, part: string): string[] {
  return parts(element, part).map((node) => node.textContent!.trim());
}

/** The element's shadow root, which every element here has. */
export function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}
