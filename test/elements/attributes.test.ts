// Frameworks remove attributes and clear properties (React sets a custom
// element's property to undefined when its prop goes away): every element
// then goes back to the property's starting value and keeps working.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/index.js';
import { respondUrl } from '../helpers.js';

const COUNTS = JSON.stringify({ total: 6407820, online: 1229, today: 3009 });

/** A working value for every attribute of every element, beside a feed with id "f". */
const ATTRIBUTES: Record<string, Record<string, string>> = {
  'news-feed': {
    src: '/test/fixtures/ward-feed.json', relay: '/__test/relay', 'date-format': 'dd/MM/yyyy', format: 'jsonfeed', map: '{}', limit: '3', paging: 'more', page: '2',
    category: 'noi-chinh', date: '2021-06-21', month: '2021-06', query: 'hoi', layout: 'cards', hide: 'image',
    exclude: 'tin-1', lang: 'en', timezone: 'UTC', 'heading-level': '2', target: '_blank', 'sync-url': '',
  },
  'news-category-tabs': { for: 'f', value: 'noi-chinh', 'all-label': 'Mọi tin', lang: 'en' },
  'news-date-archive': {
    for: 'f', value: '2021-06-21', month: '2021-06', min: '2021-01-01', max: '2021-12-31', href: '/tin?ngay={date}',
    'days-src': '/ngay/{month}.json', view: 'months', lang: 'en', timezone: 'UTC',
  },
  'news-search': { for: 'f', value: 'hoi', placeholder: 'Tìm', debounce: '10', href: '/tim?q={q}', lang: 'en' },
  'news-visit-counter': { src: respondUrl({ body: COUNTS }), map: '{}', count: '', refresh: '0', rows: 'today total', hide: 'online', lang: 'en' },
};

type Host = LitElement & Record<string, unknown>;

/** Public properties and their attributes, as the element class declares them. */
function declared(tag: string): [string, string][] {
  const element = customElements.get(tag) as unknown as typeof LitElement;
  return [...element.elementProperties]
    .filter(([, options]) => !options.state && options.attribute !== false)
    .map(([name, options]) => [String(name), typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase()]);
}

describe('attributes taken away and properties cleared', () => {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  /** The element with every attribute set, beside a feed, once both have rendered. */
  async function setUp(tag: string): Promise<Host> {
    errors.length = 0;
    const page = await fixture(html`<div><news-feed id="f" src="/test/fixtures/ward-feed.json"></news-feed></div>`);
    const el = document.createElement(tag) as Host;
    for (const [name, value] of Object.entries(ATTRIBUTES[tag])) el.setAttribute(name, value);
    page.append(el);
    await aTimeout(100);
    return el;
  }

  it('a fresh element carries no empty attributes; a filter cleared takes its attribute away', async () => {
    const page = await fixture(html`<div><news-category-tabs></news-category-tabs><news-date-archive></news-date-archive>
      <news-feed src="/test/fixtures/ward-feed.json"></news-feed></div>`);
    const [tabs, archive, feed] = [...page.children] as Host[];
    await aTimeout(100);
    const empty = (el: Element) => el.getAttributeNames().filter((name) => el.getAttribute(name) === '');
    for (const el of [tabs, archive, feed]) expect(empty(el), el.localName).to.deep.equal([]);
    (tabs.shadowRoot!.querySelectorAll('[role="tab"]')[1] as HTMLElement).click();
    await feed.updateComplete;
    await tabs.updateComplete;
    expect(feed.getAttribute('category')).to.equal('dang-doan-the');
    expect(tabs.getAttribute('value')).to.equal('dang-doan-the');
    feed.category = '';
    await feed.updateComplete;
    await tabs.updateComplete;
    expect(feed.hasAttribute('category')).to.equal(false);
    expect(tabs.hasAttribute('value')).to.equal(false);
  });

  it("marks its UI text with its own language, for screen readers on a page in another", async () => {
    const page = await fixture(html`<div lang="en"><news-category-tabs></news-category-tabs><news-date-archive></news-date-archive>
      <news-search></news-search><news-visit-counter src=${respondUrl({ body: COUNTS })}></news-visit-counter>
      <news-feed src="/test/fixtures/ward-feed.json" limit="2"></news-feed></div>`);
    const [tabs, archive, search, counter, feed] = [...page.children] as Host[];
    await aTimeout(100);
    // The language a screen reader takes for a node: its nearest lang, through shadow roots.
    const langOf = (node: Element | null): string | null => {
      for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode) {
        if (at instanceof Element && at.hasAttribute('lang')) return at.getAttribute('lang');
      }
      return null;
    };
    const uiText = () => [
      tabs.shadowRoot!.querySelector('[role="tab"]'),
      archive.shadowRoot!.querySelector('[part~="heading"]'),
      search.shadowRoot!.querySelector('button'),
      counter.shadowRoot!.querySelector('[part~="label"]'),
      feed.shadowRoot!.querySelector('[part~="status"]'),
      feed.shadowRoot!.querySelector('[part~="page"]'),
    ];
    expect(uiText().map(langOf)).to.deep.equal(['vi', 'vi', 'vi', 'vi', 'vi', 'vi']);
    // The items are the feed's own text, in the page's language.
    expect(langOf(feed.shadowRoot!.querySelector('[part~="title"]'))).to.equal('en');
    for (const el of [tabs, archive, search, counter, feed]) el.lang = 'en';
    await aTimeout(50);
    expect(uiText().map(langOf)).to.deep.equal(['en', 'en', 'en', 'en', 'en', 'en']);
  });

  for (const tag of Object.keys(ATTRIBUTES)) {
    it(`${tag}: the test sets every attribute the element has`, () => {
      expect(declared(tag).map(([, attribute]) => attribute).sort()).to.deep.equal(Object.keys(ATTRIBUTES[tag]).sort());
    });

    for (const [name, attribute] of declared(tag)) {
      it(`${tag}: without ${attribute}, or with ${name} set to null or undefined, ${name} is back to its start`, async () => {
        const start = (document.createElement(tag) as Host)[name];
        for (const clear of [(el: Host) => el.removeAttribute(attribute), (el: Host) => (el[name] = null), (el: Host) => (el[name] = undefined)]) {
          const el = await setUp(tag);
          clear(el);
          await el.updateComplete;
          await aTimeout(50);
          expect(el[name], clear.toString()).to.deep.equal(start);
          expect(errors, errors.join('\n')).to.deep.equal([]);
          expect(el.shadowRoot!.childElementCount).to.be.greaterThan(0);
        }
      });
    }
  }
});
