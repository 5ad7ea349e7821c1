import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedBinding } from '../../src/controllers/feed-binding.js';
import type { FeedTarget } from '../../src/elements/feed-target.js';
import '../../src/news-feed.js';
import '../../src/news-category-tabs.js';
import '../../src/news-search.js';
import '../../src/news-date-archive.js';
import type { NewsFeed } from '../../src/news-feed.js';
import { respondUrl } from '../helpers.js';

const WARD_FEED = '/test/fixtures/ward-feed.json';

/** A bare control: records what it links to and keeps `value` in step with the feed's category. */
class LinkProbe extends LitElement {
  @property() for = '';
  @property() value = '';
  links: (FeedTarget | null)[] = [];
  renders = 0;
  readonly link = new FeedBinding(this, { key: () => 'category' });

  protected override willUpdate(): void {
    this.link.sync();
    // Each feed it linked to in turn, after the none it starts with.
    if (this.link.feed !== (this.links.at(-1) ?? null)) this.links.push(this.link.feed);
  }

  override render() {
    this.renders++;
    return html`${this.link.feed?.id ?? ''}`;
  }
}
customElements.define('link-probe', LinkProbe);

function feedElement(id = ''): NewsFeed {
  const feed = document.createElement('news-feed');
  if (id) feed.id = id;
  feed.src = WARD_FEED;
  return feed;
}

/** Mutation observers report after a microtask; the host then updates. */
async function settled(probe: LinkProbe): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await probe.updateComplete;
}

describe('FeedBinding', () => {
  it('links the first <news-feed> in the document when there is no `for`', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <news-feed id="a" src=${WARD_FEED}></news-feed><news-feed id="b" src=${WARD_FEED}></news-feed><link-probe></link-probe>
    </div>`);
    const probe = root.querySelector('link-probe') as LinkProbe;
    expect(probe.link.feed).to.equal(root.querySelector('#a'));
  });

  it('links the feed named by `for`, whichever comes first in the document', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <link-probe for="b"></link-probe><news-feed id="a" src=${WARD_FEED}></news-feed><news-feed id="b" src=${WARD_FEED}></news-feed>
    </div>`);
    const probe = root.querySelector('link-probe') as LinkProbe;
    expect(probe.link.feed).to.equal(root.querySelector('#b'));
    expect(probe.shadowRoot!.textContent).to.equal('b');
  });

  it('finds a feed added later, follows a replaced one, and lets go of a removed one', async () => {
    const root = await fixture<HTMLElement>(html`<div><link-probe for="news"></link-probe></div>`);
    const probe = root.querySelector('link-probe') as LinkProbe;
    expect(probe.link.feed).to.equal(null);

    const first = feedElement('news');
    root.append(first);
    await settled(probe);
    expect(probe.link.feed).to.equal(first);

    const second = feedElement('news');
    first.replaceWith(second);
    await settled(probe);
    expect(probe.link.feed).to.equal(second);

    second.remove();
    await settled(probe);
    expect(probe.link.feed).to.equal(null);
    expect(probe.links).to.deep.equal([first, second, null]);
  });

  it('finds a feed once an element gets the id it names', async () => {
    const root = await fixture<HTMLElement>(html`<div><link-probe for="later"></link-probe><news-feed src=${WARD_FEED}></news-feed></div>`);
    const probe = root.querySelector('link-probe') as LinkProbe;
    expect(probe.link.feed).to.equal(null);
    root.querySelector('news-feed')!.id = 'later';
    await settled(probe);
    expect(probe.link.feed).to.equal(root.querySelector('news-feed'));
  });

  it('follows a changed `for` without being told', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <news-feed id="a" src=${WARD_FEED}></news-feed><news-feed id="b" src=${WARD_FEED}></news-feed><link-probe for="a"></link-probe>
    </div>`);
    const probe = root.querySelector('link-probe') as LinkProbe;
    probe.for = 'b';
    await settled(probe);
    expect(probe.link.feed).to.equal(root.querySelector('#b'));
    expect(probe.shadowRoot!.textContent).to.equal('b');
  });

  it('ignores an element that is not a <news-feed>, and a `for` that names nothing', async () => {
    const root = await fixture<HTMLElement>(html`<div><div id="x"></div><link-probe for="x"></link-probe><link-probe for="nothing"></link-probe></div>`);
    const [onDiv, onNothing] = root.querySelectorAll<LinkProbe>('link-probe');
    expect(onDiv.link.feed).to.equal(null);
    expect(onNothing.link.feed).to.equal(null);
  });

  it('re-renders the host when the feed loads and when its filters change', async () => {
    const root = await fixture<HTMLElement>(html`<div><link-probe></link-probe></div>`);
    const probe = root.querySelector('link-probe') as LinkProbe;
    const feed = feedElement();
    // Answered after the link is made and rendered.
    feed.src = respondUrl({ file: 'ward-feed.json', delay: 300 });
    const load = oneEvent(feed, 'news-load');
    root.append(feed);
    // Linked in a moment; the feed's answer comes later, over the network.
    await waitUntil(() => probe.link.feed === feed, 'linked');
    await probe.updateComplete;
    expect(feed.status).to.equal('loading');
    const linked = probe.renders;
    await load;
    await probe.updateComplete;
    expect(probe.renders, 'rendered again when the feed loaded').to.be.greaterThan(linked);
    const before = probe.renders;
    feed.category = 'an-ninh';
    await oneEvent(feed, 'news-change');
    await probe.updateComplete;
    expect(probe.renders).to.be.greaterThan(before);
  });

  it('disconnects: stops listening to the feed and watching the page', async () => {
    const root = await fixture<HTMLElement>(html`<div><link-probe></link-probe><news-feed src=${WARD_FEED}></news-feed></div>`);
    const probe = root.querySelector('link-probe') as LinkProbe;
    const feed = root.querySelector('news-feed')!;
    probe.remove();
    expect(probe.link.feed).to.equal(null);
    await probe.updateComplete;
    const renders = probe.renders;
    feed.category = 'an-ninh';
    await oneEvent(feed, 'news-change');
    root.append(feedElement());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(probe.renders).to.equal(renders);
    expect(probe.link.feed).to.equal(null);
  });

  describe('sync', () => {
    it('takes the filter the feed already has when it links', async () => {
      const root = await fixture<HTMLElement>(html`<div>
        <news-feed src=${WARD_FEED} category="an-ninh"></news-feed><link-probe value="noi-chinh"></link-probe>
      </div>`);
      const probe = root.querySelector('link-probe') as LinkProbe;
      await probe.updateComplete;
      expect(probe.value).to.equal('an-ninh');
      expect(root.querySelector('news-feed')!.category).to.equal('an-ninh');
    });

    it("applies the host's value to a feed without the filter, also one added later", async () => {
      const root = await fixture<HTMLElement>(html`<div><link-probe value="noi-chinh"></link-probe></div>`);
      const probe = root.querySelector('link-probe') as LinkProbe;
      const feed = feedElement();
      root.append(feed);
      await settled(probe);
      expect(feed.category).to.equal('noi-chinh');
      await waitUntil(() => feed.status === 'ready');
      expect(feed.items.map((item) => item.id)).to.deep.equal(['10', 'tin-9']);
    });

    it("controls after the feed in the page: their starting values are the feed's set-up, read in its one first request", async () => {
      const key = `after-feed-${Math.random().toString(36).slice(2)}`;
      const src = `/__test/wp-posts?key=${key}&total=23&page={page}&per_page={limit}&search={q}`;
      const changes: unknown[] = [];
      const onChange = (event: Event) => changes.push((event as CustomEvent).detail);
      document.addEventListener('news-change', onChange);
      const root = await fixture<HTMLElement>(html`<div>
        <news-feed src=${src} limit="5" page="2"></news-feed>
        <news-search value="số 1"></news-search><news-category-tabs value="tin-tuc"></news-category-tabs>
        <news-date-archive view="months" value="2021-06"></news-date-archive></div>`);
      const feed = root.querySelector('news-feed')!;
      await waitUntil(() => feed.status === 'ready', 'the feed loads');
      expect([feed.query, feed.category, feed.month, feed.page]).to.deep.equal(['số 1', 'tin-tuc', '2021-06', 2]);
      const requests = await (await fetch(`/__test/requests?key=${key}`)).json() as { url: string }[];
      expect(requests.map((request) => new URLSearchParams(request.url).get('search'))).to.deep.equal(['số 1']);
      document.removeEventListener('news-change', onChange);
      expect(changes).to.deep.equal([]);
    });

    it('a value set on the host drives the feed; a filter changed on the feed becomes the value', async () => {
      const root = await fixture<HTMLElement>(html`<div><news-feed src=${WARD_FEED}></news-feed><link-probe></link-probe></div>`);
      const probe = root.querySelector('link-probe') as LinkProbe;
      const feed = root.querySelector('news-feed')!;
      probe.value = 'an-ninh';
      await probe.updateComplete;
      expect(feed.category).to.equal('an-ninh');
      feed.category = 'noi-chinh';
      await oneEvent(feed, 'news-change');
      await probe.updateComplete;
      expect(probe.value).to.equal('noi-chinh');
    });
  });
});
