import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';
import '../src/index.js';
import type { NewsFeed } from '../src/news-feed.js';
import { customPropertyArgTypes, themeStyle } from './custom-properties.js';
import { COUNTER, FEEDS, columns, find, parts, waitForStatus } from './support.js';

const argTypes = customPropertyArgTypes();

/** The elements side by side, as a ward page would show them. */
function page(args: Record<string, unknown>, extra: TemplateResult | string = ''): TemplateResult {
  return html`
    ${extra}
    <div class="theme" style=${styleMap(themeStyle(args))}>
      <news-category-tabs for="tin-tuc" style="margin-bottom: 1rem"></news-category-tabs>
      <div style=${columns}>
        <news-feed id="tin-tuc" src=${FEEDS.ward} limit="4" layout="cards"></news-feed>
        <div style="display: grid; gap: 1.5rem">
          <news-search for="tin-tuc"></news-search>
          <news-date-archive for="tin-tuc"></news-date-archive>
          <news-feed src=${FEEDS.ward} limit="4" layout="compact" paging="none" heading-level="4"></news-feed>
          <news-visit-counter src=${COUNTER}></news-visit-counter>
        </div>
      </div>
    </div>
  `;
}

/**
 * Controls are every `--news-` custom property the elements declare, with
 * the default each element falls back to. Leave one empty to keep that
 * default; set it on any ancestor (here a wrapper `<div>`, on a portal
 * usually `body` or the news column).
 */
const meta = {
  title: 'Theming',
  argTypes,
  args: {},
  render: (args) => page(args),
  parameters: { controls: { expanded: true } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function ready(canvas: HTMLElement) {
  const feed = await find<NewsFeed>(canvas, 'news-feed');
  await waitForStatus(feed, 'ready');
  return feed;
}

/** Every element with its defaults: blue accent, the page's font and text color. */
export const CustomProperties: Story = {
  play: async ({ canvasElement, argTypes: shown }) => {
    // What the Controls panel shows, after preview.ts's enhancers: every
    // property a control, with the default read from the elements' styles.
    const names = Object.keys(shown).filter((name) => name.startsWith('--news-'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect(shown[name].control, `${name}'s control`).toBeTruthy();
      const summary = shown[name].table?.defaultValue?.summary;
      expect(summary, `${name}'s default`).toMatch(/\S/);
      // Unset by default only where its description says what unset means.
      if (summary === 'unset') expect(shown[name].description, `${name}: what unset means`).toMatch(/unset/);
    }
    expect(shown['--news-accent-color'].table?.defaultValue?.summary).toBe('#0b57a4');
    await ready(canvasElement);
  },
};

/** A red-and-gold portal theme through custom properties alone. */
export const WardPortalRed: Story = {
  args: {
    '--news-accent-color': '#a50e0e',
    '--news-accent-text-color': '#ffffff',
    '--news-link-color': '#6b0a0a',
    '--news-link-hover-color': '#a50e0e',
    '--news-border-color': '#e8c9a0',
    '--news-radius': '0',
    '--news-title-font-weight': '700',
    '--news-image-ratio': '3 / 2',
  },
  play: async ({ canvasElement }) => {
    const feed = await ready(canvasElement);
    const [pageButton] = parts(feed, 'page').filter((button) => button.getAttribute('aria-current') === 'page');
    expect(getComputedStyle(pageButton).backgroundColor).toBe('rgb(165, 14, 14)');
  },
};

/** On a dark page the elements inherit its text color; borders and muted text follow it. */
export const DarkPage: Story = {
  args: {
    '--news-accent-color': '#ffd166',
    '--news-accent-text-color': '#1b1b1b',
    '--news-link-hover-color': '#ffd166',
    '--news-muted-color': '#c9d1d9',
  },
  render: (args) => html`<div style="background: #0f1b2d; color: #f0f3f6; padding: 1rem">${page(args)}</div>`,
  play: async ({ canvasElement }) => {
    const feed = await ready(canvasElement);
    const [title] = parts(feed, 'title');
    expect(getComputedStyle(title).color).toBe('rgb(240, 243, 246)');
  },
};

/**
 * Parts reach inside the elements for anything the custom properties do not
 * cover: `news-feed::part(title)`, `news-date-archive::part(day has-news)`…
 */
export const Parts: Story = {
  render: (args) => page(args, html`
    <style>
      .theme news-feed::part(item) { border-color: #c8102e33; }
      .theme news-feed::part(title) { font-family: Georgia, 'Times New Roman', serif; }
      .theme news-feed::part(date) { font-variant-numeric: tabular-nums; color: #5c2b00; }
      .theme news-feed::part(category) { text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.75rem; }
      .theme news-date-archive::part(has-news) { text-decoration: underline; }
      .theme news-visit-counter::part(value) { font-weight: 700; color: #8a1010; }
      .theme news-category-tabs::part(tab selected) { font-weight: 700; }
      .theme news-search::part(input) { border-style: dashed; }
    </style>
  `),
  play: async ({ canvasElement }) => {
    const feed = await ready(canvasElement);
    await waitFor(() => expect(getComputedStyle(parts(feed, 'title')[0]).fontFamily).toContain('Georgia'));
    expect(getComputedStyle(parts(feed, 'category')[0]).textTransform).toBe('uppercase');
  },
};
