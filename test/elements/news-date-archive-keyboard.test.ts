import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/news-feed.js';
import '../../src/news-date-archive.js';
import type { NewsDateArchive } from '../../src/news-date-archive.js';
import { archiveBesideFeed } from './news-date-archive.helpers.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;
const heading = (el: Element) => $(el, '[part="heading"]').textContent!.trim();
const focused = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.key;
const tabStops = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="day"]')].filter((button) => button.tabIndex === 0);

/** A calendar with no feed and wide limits, its tab stop focused on `start`. */
async function calendarAt(start: string, attributes = '') {
  const el = await fixture<NewsDateArchive>(html`<news-date-archive min="2020-01-01" max="2025-12-31"></news-date-archive>`);
  for (const attribute of attributes.split(' ').filter(Boolean)) {
    const [name, value] = attribute.split('=');
    el.setAttribute(name, value);
  }
  el.month = start.slice(0, 7);
  await el.updateComplete;
  $(el, `[data-key="${start}"]`).focus();
  expect(focused(el)).to.equal(start);
  return el;
}

/** Presses a key and waits for the calendar to render what it moved to. */
async function press(el: NewsDateArchive, key: string) {
  const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: name });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
  return focused(el);
}

describe('<news-date-archive> keyboard', () => {
  it('moves by day with Left and Right, across months', async () => {
    const el = await calendarAt('2021-06-30');
    expect(await press(el, 'ArrowRight')).to.equal('2021-07-01');
    expect(heading(el)).to.equal('Tháng 7 2021');
    expect(await press(el, 'ArrowLeft')).to.equal('2021-06-30');
    expect(heading(el)).to.equal('Tháng 6 2021');
    expect(tabStops(el).map((button) => button.dataset.key)).to.deep.equal(['2021-06-30']);
  });

  it('moves by week with Up and Down', async () => {
    const el = await calendarAt('2021-06-21');
    expect(await press(el, 'ArrowDown')).to.equal('2021-06-28');
    expect(await press(el, 'ArrowDown')).to.equal('2021-07-05');
    expect(await press(el, 'ArrowUp')).to.equal('2021-06-28');
    expect(await press(el, 'ArrowUp')).to.equal('2021-06-21');
  });

  it('crosses the year boundary by day, week and month', async () => {
    const el = await calendarAt('2021-12-31');
    expect(await press(el, 'ArrowRight')).to.equal('2022-01-01');
    expect(heading(el)).to.equal('Tháng 1 2022');
    expect(el.month).to.equal('2022-01');
    expect(await press(el, 'ArrowUp')).to.equal('2021-12-25');
    expect(heading(el)).to.equal('Tháng 12 2021');
    expect(await press(el, 'PageDown')).to.equal('2022-01-25');
    expect(await press(el, 'PageUp')).to.equal('2021-12-25');
    expect(await press(el, 'ArrowDown')).to.equal('2022-01-01');
  });

  it('moves by month with PageUp and PageDown, to the last day of a shorter month', async () => {
    const el = await calendarAt('2024-01-31');
    expect(await press(el, 'PageDown')).to.equal('2024-02-29');
    expect(heading(el)).to.equal('Tháng 2 2024');
    expect(await press(el, 'PageDown')).to.equal('2024-03-29');
    expect(await press(el, 'PageUp')).to.equal('2024-02-29');
    expect(await press(el, 'PageUp')).to.equal('2024-01-29');
  });

  it('moves by year with Shift+PageUp and Shift+PageDown, from 29 February to 28', async () => {
    const el = await calendarAt('2024-02-29');
    expect(await press(el, 'Shift+PageDown')).to.equal('2025-02-28');
    expect(heading(el)).to.equal('Tháng 2 2025');
    expect(await press(el, 'Shift+PageUp')).to.equal('2024-02-28');
    expect(await press(el, 'Shift+PageUp')).to.equal('2023-02-28');
  });

  it('goes to the week\'s start and end with Home and End: Monday to Sunday in vi', async () => {
    const el = await calendarAt('2021-06-24');
    expect(await press(el, 'Home')).to.equal('2021-06-21');
    expect(await press(el, 'End')).to.equal('2021-06-27');
    // A week that starts in the month before.
    const edge = await calendarAt('2021-07-02');
    expect(await press(edge, 'Home')).to.equal('2021-06-28');
    expect(heading(edge)).to.equal('Tháng 6 2021');
  });

  it('goes to the week\'s start and end with Home and End: Sunday to Saturday in en', async () => {
    const el = await calendarAt('2021-06-24', 'lang=en');
    expect(await press(el, 'Home')).to.equal('2021-06-20');
    expect(await press(el, 'End')).to.equal('2021-06-26');
  });

  it('never lets focus leave min..max', async () => {
    const el = await calendarAt('2020-01-02');
    expect(await press(el, 'ArrowLeft')).to.equal('2020-01-01');
    expect(await press(el, 'ArrowLeft')).to.equal('2020-01-01');
    expect(await press(el, 'ArrowUp')).to.equal('2020-01-01');
    expect(await press(el, 'PageUp')).to.equal('2020-01-01');
    expect(await press(el, 'Shift+PageUp')).to.equal('2020-01-01');
    expect(await press(el, 'Home')).to.equal('2020-01-01');
    expect(heading(el)).to.equal('Tháng 1 2020');
    const end = await calendarAt('2025-12-30');
    expect(await press(end, 'ArrowDown')).to.equal('2025-12-31');
    expect(await press(end, 'Shift+PageDown')).to.equal('2025-12-31');
    expect(await press(end, 'End')).to.equal('2025-12-31');
    expect(await press(end, 'PageDown')).to.equal('2025-12-31');
    expect(heading(end)).to.equal('Tháng 12 2025');
  });

  it('leaves other keys alone', async () => {
    const el = await calendarAt('2021-06-21');
    const event = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
    $(el, '[data-key="2021-06-21"]').dispatchEvent(event);
    expect(event.defaultPrevented).to.be.false;
    const arrow = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    $(el, '[data-key="2021-06-21"]').dispatchEvent(arrow);
    expect(arrow.defaultPrevented).to.be.true;
  });

  it('chooses with Enter and with Space, and clears with a second press', async () => {
    const items = [
      { id: 'a', title: 'A', date_published: '2021-06-21T03:00:00Z' },
      { id: 'b', title: 'B', date_published: '2021-06-22T03:00:00Z' },
      { id: 'c', title: 'C', date_published: '2021-06-25T03:00:00Z' },
    ];
    const { el, feed } = await archiveBesideFeed(html`<news-date-archive></news-date-archive>`, items);
    // Tab into the grid: the tab stop is the first day with news.
    $(el, '[part="next"]').focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('2021-06-21');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await feed.updateComplete;
    expect(feed.date).to.equal('2021-06-21');
    expect(await press(el, 'ArrowRight')).to.equal('2021-06-22');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await feed.updateComplete;
    expect(feed.date).to.equal('2021-06-22');
    expect(el.value).to.equal('2021-06-22');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await feed.updateComplete;
    expect(feed.date).to.equal('');
    // A day without news takes focus but no choice.
    expect(await press(el, 'ArrowRight')).to.equal('2021-06-23');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(feed.date).to.equal('');
  });
});
