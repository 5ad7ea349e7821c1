import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../src/news-feed.js';
import '../../src/news-date-archive.js';
import type { NewsFeed } from '../../src/news-feed.js';
import type { ArchiveChangeDetail, NewsDateArchive } from '../../src/news-date-archive.js';
import { dayKey } from '../../src/feed/dates.js';
import { jsonFeed, respondUrl } from '../helpers.js';

const item = (id: string, published: string) => ({ id, title: `Tin ${id}`, url: `https://example.vn/${id}`, date_published: published });

/** A feed at 23:30 and 00:30 in Hồ Chí Minh City on either side of midnight, and a few more days. */
const EDGE_ITEMS = [
  item('a', '2021-06-21T16:30:00Z'), // 23:30 on 21/06 in UTC+7
  item('b', '2021-06-21T17:30:00Z'), // 00:30 on 22/06 in UTC+7
  item('c', '2021-06-03T02:00:00Z'),
  item('d', '2021-04-28T01:00:00Z'),
  item('e', '2021-04-28T03:00:00Z'),
  item('f', '2021-04-28T09:00:00Z'),
  item('g', '2021-04-12T09:00:00Z'),
];

/** A calendar before a feed in one container; resolves once the feed has loaded and the calendar shows it. */
async function setup(items: Record<string, unknown>[], archive: Record<string, string> = {}, feedAttributes: Record<string, string> = {}) {
  // One feed on the page at a time: a calendar drives the first it finds.
  fixtureCleanup();
  const root = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('news-date-archive');
  for (const [name, value] of Object.entries(archive)) el.setAttribute(name, value);
  const feed = document.createElement('news-feed');
  for (const [name, value] of Object.entries(feedAttributes)) feed.setAttribute(name, value);
  feed.src = respondUrl({ body: jsonFeed(items) });
  const loaded = oneEvent(feed, 'news-load');
  root.append(el, feed);
  await loaded;
  await el.updateComplete;
  return { el, feed };
}

const $ = <T extends HTMLElement = HTMLButtonElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends HTMLElement = HTMLButtonElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const day = (el: Element, key: string) => $(el, `[data-key="${key}"]`);
const heading = (el: Element) => $(el, '[part="heading"]').textContent!.trim();
const dayButtons = (el: Element) => $$(el, 'button[part~="day"]');

async function click(el: NewsDateArchive, target: HTMLElement) {
  target.click();
  await el.updateComplete;
}

describe('<news-date-archive> calendar', () => {
  it('shows the newest item\'s month with Vietnamese weekday names from Monday', async () => {
    const { el } = await setup(EDGE_ITEMS);
    expect(heading(el)).to.equal('Tháng 6 2021');
    expect($$(el, 'th[part="weekday"]').map((th) => th.textContent)).to.deep.equal(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    expect($(el, 'th[part="weekday"]').getAttribute('abbr')).to.equal('Thứ Hai');
    // 1 June 2021 was a Tuesday: one empty cell before it.
    const firstRow = $$(el, 'tbody tr')[0].querySelectorAll('td');
    expect(firstRow[0].children.length).to.equal(0);
    expect(firstRow[1].textContent!.trim()).to.equal('1');
    expect(dayButtons(el).length).to.equal(30);
  });

  it('starts weeks on Sunday in English, with Intl\'s names', async () => {
    const { el } = await setup(EDGE_ITEMS, { lang: 'en' });
    expect(heading(el)).to.equal('June 2021');
    const names = $$(el, 'th[part="weekday"]');
    expect(names[0].getAttribute('abbr')).to.equal('Sunday');
    expect(names[6].getAttribute('abbr')).to.equal('Saturday');
    expect(names.map((th) => th.textContent)).to.deep.equal(['S', 'M', 'T', 'W', 'T', 'F', 'S']);
    const firstRow = $$(el, 'tbody tr')[0].querySelectorAll('td');
    expect(firstRow[2].textContent!.trim()).to.equal('1');
    expect(day(el, '2021-06-21').getAttribute('aria-label')).to.equal('21 June 2021: 1 news item');
  });

  it('puts an item at 23:30 in Hồ Chí Minh City on its day, and one at 00:30 on the next', async () => {
    const { el } = await setup(EDGE_ITEMS);
    const the21st = day(el, '2021-06-21');
    const the22nd = day(el, '2021-06-22');
    expect(the21st.getAttribute('part')).to.equal('day has-news');
    expect(the21st.getAttribute('aria-label')).to.equal('21 tháng 6, 2021: 1 tin');
    expect(the22nd.getAttribute('part')).to.equal('day has-news');
    expect(the22nd.getAttribute('aria-label')).to.equal('22 tháng 6, 2021: 1 tin');
    expect(day(el, '2021-06-23').getAttribute('part')).to.equal('day');
  });

  it('follows the feed\'s time zone: in UTC both items fall on the 21st', async () => {
    const { el } = await setup(EDGE_ITEMS, {}, { timezone: 'UTC' });
    expect(day(el, '2021-06-21').getAttribute('aria-label')).to.equal('21 tháng 6, 2021: 2 tin');
    expect(day(el, '2021-06-22').getAttribute('part')).to.equal('day');
    expect(day(el, '2021-06-22').getAttribute('aria-label')).to.equal('22 tháng 6, 2021');
  });

  it('names a day with its count and marks days without news disabled but focusable', async () => {
    const { el } = await setup(EDGE_ITEMS, { month: '2021-04' });
    expect(heading(el)).to.equal('Tháng 4 2021');
    expect(dayButtons(el).length).to.equal(30);
    const busy = day(el, '2021-04-28');
    expect(busy.getAttribute('aria-label')).to.equal('28 tháng 4, 2021: 3 tin');
    expect(busy.getAttribute('aria-disabled')).to.equal('false');
    const quiet = day(el, '2021-04-27');
    expect(quiet.getAttribute('aria-disabled')).to.equal('true');
    expect(quiet.disabled).to.be.false;
    quiet.focus();
    expect(el.shadowRoot!.activeElement).to.equal(quiet);
    // Before min (the feed's first day, 12/04) days cannot be reached at all.
    expect(day(el, '2021-04-11').disabled).to.be.true;
    expect(day(el, '2021-04-12').disabled).to.be.false;
  });

  it('keeps one tab stop in the grid', async () => {
    const { el } = await setup(EDGE_ITEMS);
    const stops = dayButtons(el).filter((button) => button.tabIndex === 0);
    expect(stops.length).to.equal(1);
    // Nothing chosen, and today is far from June 2021: the first day with news.
    expect(stops[0].dataset.key).to.equal('2021-06-03');
  });

  it('marks today in the feed\'s time zone, not the browser\'s', async () => {
    // Kiritimati (UTC+14) and Pago Pago (UTC−11) are always on different days.
    const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const todays: string[] = [];
    for (const timezone of zones) {
      const today = dayKey(new Date(), timezone);
      todays.push(today);
      const { el } = await setup([item('x', new Date().toISOString())], { month: today.slice(0, 7), min: '2000-01-01', max: '2100-01-01' }, { timezone });
      const current = $$(el, '[aria-current="date"]');
      expect(current.length, timezone).to.equal(1);
      expect(current[0].dataset.key).to.equal(today);
      expect(current[0].getAttribute('part')).to.contain('today');
    }
    expect(todays[0]).to.not.equal(todays[1]);
  });

  it('chooses a day: sets the feed\'s date and fires change; choosing it again clears both', async () => {
    const { el, feed } = await setup(EDGE_ITEMS);
    // A listener reads the new choice on the element and on the feed, as with the tabs and the search.
    const seen: string[][] = [];
    el.addEventListener('change', () => seen.push([el.value, feed.date]));
    const changed = oneEvent(el, 'change');
    await click(el, day(el, '2021-06-22'));
    const event = (await changed) as CustomEvent<ArchiveChangeDetail>;
    expect(event.detail).to.deep.equal({ value: '2021-06-22' });
    expect(event.bubbles && event.composed).to.be.true;
    expect(el.value).to.equal('2021-06-22');
    expect(el.getAttribute('value')).to.equal('2021-06-22');
    await feed.updateComplete;
    expect(feed.date).to.equal('2021-06-22');
    expect(feed.items.map((news) => news.id)).to.deep.equal(['b']);
    await el.updateComplete;
    const chosen = day(el, '2021-06-22');
    expect(chosen.getAttribute('aria-pressed')).to.equal('true');
    expect(chosen.getAttribute('part')).to.equal('day has-news selected');
    expect(day(el, '2021-06-21').getAttribute('aria-pressed')).to.equal('false');

    const cleared = oneEvent(el, 'change');
    await click(el, chosen);
    expect(((await cleared) as CustomEvent<ArchiveChangeDetail>).detail.value).to.equal('');
    await feed.updateComplete;
    expect(feed.date).to.equal('');
    expect(el.hasAttribute('value') ? el.getAttribute('value') : '').to.equal('');
    expect(feed.items.length).to.equal(EDGE_ITEMS.length);
    expect(seen).to.deep.equal([['2021-06-22', '2021-06-22'], ['', '']]);
  });

  it('ignores a choice of a day without news', async () => {
    const { el, feed } = await setup(EDGE_ITEMS);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await click(el, day(el, '2021-06-10'));
    await feed.updateComplete;
    expect(changes).to.equal(0);
    expect(feed.date).to.equal('');
    expect(el.value).to.equal('');
    // The tab stop still follows the click.
    expect(day(el, '2021-06-10').tabIndex).to.equal(0);
  });

  it('fires change only on a user\'s choice: values set from code follow each other silently', async () => {
    const { el, feed } = await setup(EDGE_ITEMS);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.value = '2021-04-28';
    await el.updateComplete;
    await feed.updateComplete;
    expect(feed.date).to.equal('2021-04-28');
    expect(feed.total).to.equal(3);
    await el.updateComplete;
    expect(heading(el)).to.equal('Tháng 4 2021');
    expect(day(el, '2021-04-28').getAttribute('aria-pressed')).to.equal('true');

    feed.date = '2021-06-03';
    await feed.updateComplete;
    await el.updateComplete;
    expect(el.value).to.equal('2021-06-03');
    expect(heading(el)).to.equal('Tháng 6 2021');
    expect(day(el, '2021-06-03').getAttribute('aria-pressed')).to.equal('true');
    expect(changes).to.equal(0);
  });

  it('on linking, takes a date the feed already has, else applies its own value', async () => {
    const { el } = await setup(EDGE_ITEMS, {}, { date: '2021-06-21' });
    expect(el.value).to.equal('2021-06-21');
    expect(day(el, '2021-06-21').getAttribute('aria-pressed')).to.equal('true');
    const second = await setup(EDGE_ITEMS, { value: '2021-04-28' });
    await second.feed.updateComplete;
    expect(second.feed.date).to.equal('2021-04-28');
    expect(heading(second.el)).to.equal('Tháng 4 2021');
  });

  it('drives the feed named by for', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <news-feed id="other" src=${respondUrl({ body: jsonFeed(EDGE_ITEMS.slice(0, 1)) })}></news-feed>
      <news-date-archive for="main"></news-date-archive>
      <news-feed id="main" src=${respondUrl({ body: jsonFeed(EDGE_ITEMS) })}></news-feed>
    </div>`);
    const main = root.querySelector<NewsFeed>('#main')!;
    const other = root.querySelector<NewsFeed>('#other')!;
    const el = root.querySelector('news-date-archive')!;
    if (main.status === 'loading') await oneEvent(main, 'news-load');
    await el.updateComplete;
    await click(el, day(el, '2021-06-03'));
    await main.updateComplete;
    expect(main.date).to.equal('2021-06-03');
    expect(other.date).to.equal('');
  });

  it('shows 29 February 2024 and chooses it', async () => {
    const { el, feed } = await setup([item('leap', '2024-02-29T05:00:00Z'), item('march', '2024-03-01T05:00:00Z')], { month: '2024-02' });
    expect(heading(el)).to.equal('Tháng 2 2024');
    expect(dayButtons(el).length).to.equal(29);
    const leap = day(el, '2024-02-29');
    expect(leap.getAttribute('aria-label')).to.equal('29 tháng 2, 2024: 1 tin');
    await click(el, leap);
    await feed.updateComplete;
    expect(feed.date).to.equal('2024-02-29');
    expect(feed.items.map((news) => news.id)).to.deep.equal(['leap']);
  });

  it('shows each month with its own length', async () => {
    const el = await fixture<NewsDateArchive>(html`<news-date-archive min="2023-01-01" max="2024-12-31" month="2023-01"></news-date-archive>`);
    const lengths: number[] = [];
    const next = $(el, '[part="next"]');
    for (let i = 0; i < 24; i++) {
      lengths.push(dayButtons(el).length);
      await click(el, next);
    }
    expect(lengths).to.deep.equal([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
      31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  it('moves by month with its buttons, disabled at min and max, and announces the month', async () => {
    const { el } = await setup(EDGE_ITEMS);
    const previous = $(el, '[part="previous"]');
    const next = $(el, '[part="next"]');
    const live = $(el, '[part="heading"]');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect($(el, '[part="grid"]').getAttribute('aria-labelledby')).to.equal(live.id);
    expect(previous.getAttribute('aria-label')).to.equal('Tháng trước');
    expect(next.getAttribute('aria-label')).to.equal('Tháng sau');
    // June holds the feed's last day.
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    await click(el, next);
    expect(heading(el)).to.equal('Tháng 6 2021');
    await click(el, previous);
    expect(heading(el)).to.equal('Tháng 5 2021');
    expect(el.month).to.equal('2021-05');
    expect(el.getAttribute('month')).to.equal('2021-05');
    await click(el, previous);
    expect(heading(el)).to.equal('Tháng 4 2021');
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    await click(el, previous);
    expect(heading(el)).to.equal('Tháng 4 2021');
    // Focus stays on the button, which stays in the tab order.
    expect(previous.disabled).to.be.false;
  });

  it('honours min and max set as attributes', async () => {
    const { el } = await setup(EDGE_ITEMS, { min: '2021-06-05', max: '2021-06-21', month: '2021-01' });
    // A month outside the limits shows the nearest one.
    expect(heading(el)).to.equal('Tháng 6 2021');
    expect(day(el, '2021-06-03').disabled).to.be.true;
    expect(day(el, '2021-06-22').disabled).to.be.true;
    expect(day(el, '2021-06-21').disabled).to.be.false;
    expect($(el, '[part="previous"]').getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[part="next"]').getAttribute('aria-disabled')).to.equal('true');
    expect(dayButtons(el).find((button) => button.tabIndex === 0)!.dataset.key).to.equal('2021-06-21');
  });

  it('survives bad attributes', async () => {
    const { el } = await setup(EDGE_ITEMS, { value: 'hôm qua', month: '2021-13', min: 'x', max: '2021-02-30' });
    expect(heading(el)).to.equal('Tháng 6 2021');
    expect($$(el, '[aria-pressed="true"]').length).to.equal(0);
  });

  it('works alone, with no feed on the page and a zone it does not know', async () => {
    const lone = await fixture<NewsDateArchive>(html`<news-date-archive view="days" lang="fr" timezone="Mars/Olympus"></news-date-archive>`);
    expect(dayButtons(lone).length).to.be.within(28, 31);
    expect($$(lone, '[aria-current="date"]').length).to.equal(1);
  });

  it('is accessible', async () => {
    const { el } = await setup(EDGE_ITEMS, { value: '2021-06-21' });
    await expect(el).to.be.accessible();
    const en = await setup(EDGE_ITEMS, { lang: 'en', month: '2021-04' });
    await expect(en.el).to.be.accessible();
  });
});

describe('<news-date-archive view="months">', () => {
  it('lists months with counts, newest first', async () => {
    const { el } = await setup(EDGE_ITEMS, { view: 'months' });
    const months = $$(el, 'button[part~="month"]');
    expect(months.map((button) => button.textContent!.trim())).to.deep.equal(['Tháng 6/2021 (3)', 'Tháng 4/2021 (4)']);
    expect($(el, '[part="months"]').getAttribute('aria-label')).to.equal('Tin theo tháng');
    const en = await setup(EDGE_ITEMS, { view: 'months', lang: 'en' });
    expect($$(en.el, 'button[part~="month"]').map((button) => button.textContent!.trim())).to.deep.equal(['June 2021 (3)', 'April 2021 (4)']);
  });

  it('chooses a month for the feed, clearing its day, and clears it when chosen again', async () => {
    const { el, feed } = await setup(EDGE_ITEMS, { view: 'months' }, { date: '2021-06-21' });
    const changed = oneEvent(el, 'change');
    await click(el, $(el, '[data-key="2021-04"]'));
    expect(((await changed) as CustomEvent<ArchiveChangeDetail>).detail.value).to.equal('2021-04');
    await feed.updateComplete;
    expect(feed.month).to.equal('2021-04');
    expect(feed.date).to.equal('');
    expect(feed.total).to.equal(4);
    await el.updateComplete;
    expect($(el, '[data-key="2021-04"]').getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[data-key="2021-04"]').getAttribute('part')).to.equal('month selected');
    await click(el, $(el, '[data-key="2021-04"]'));
    await feed.updateComplete;
    expect(feed.month).to.equal('');
    expect(feed.total).to.equal(EDGE_ITEMS.length);
  });

  it('is accessible', async () => {
    const { el } = await setup(EDGE_ITEMS, { view: 'months', value: '2021-06' });
    await expect(el).to.be.accessible();
  });
});
