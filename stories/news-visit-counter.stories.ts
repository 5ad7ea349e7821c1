import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/news-visit-counter.js';
import type { NewsVisitCounter } from '../src/news-visit-counter.js';
import { COUNTER, COUNTING_COUNTER, FEEDS, attributes, find, parts, texts, waitForStatus, viewportApplied } from './support.js';

// A sidebar box: the counter takes the width of its box. (The docs page takes its description from the class JSDoc.)
const meta = {
  title: 'Elements/news-visit-counter',
  component: 'news-visit-counter',
  args: { src: COUNTER },
  render: (args) => html`<div style="max-width: 20rem"><news-visit-counter ${attributes(args)}></news-visit-counter></div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const counterIn = (canvas: HTMLElement) => find<NewsVisitCounter>(canvas, 'news-visit-counter');
/** A Vietnamese or English count: `6.407.820`, `6,407,820`. */
const NUMBER = /^\d{1,3}([.,]\d{3})*$/;

/** Reads the counter (GET) and shows its three numbers, grouped the Vietnamese way. */
export const Totals: Story = {
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'ready');
    expect(texts(counter, 'label')).toEqual(['Truy cập tổng', 'Truy cập hiện tại', 'Hôm nay']);
    const [total, online, today] = texts(counter, 'value');
    expect(total).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(online).toMatch(NUMBER);
    expect(today).toMatch(NUMBER);
  },
};

/**
 * `count`: this visit is registered with one POST per browser session (the
 * story's counter adds it to "Truy cập tổng" and "Hôm nay"), then the visitor
 * is re-announced every `refresh` seconds while the page is visible.
 */
export const CountingVisits: Story = {
  args: { src: COUNTING_COUNTER, count: true },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'ready');
    expect(counter.counts!.total!).toBeGreaterThan(6407820);
  },
};

/** Numbers that arrive as strings with group separators (`"6,407,820"`, `"1.229"`). */
export const NumbersAsStrings: Story = {
  args: { src: 'fixtures/counter-strings.json' },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'ready');
    expect(texts(counter, 'value')).toEqual(['6.407.820', '1.229', '3.009']);
  },
};

/** Another server's field names, through `map`. */
export const OtherFieldNames: Story = {
  args: {
    src: 'fixtures/counter-custom.json',
    map: '{"total": "data.tongLuotTruyCap", "online": "data.dangTruyCap", "today": "data.homNay"}',
  },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'ready');
    expect(texts(counter, 'value')).toEqual(['6.407.820', '1.229', '3.009']);
  },
};

/** `hide="online"`: rows can be left out. */
export const WithoutOnline: Story = {
  args: { hide: 'online' },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'ready');
    expect(texts(counter, 'label')).toEqual(['Truy cập tổng', 'Hôm nay']);
  },
};

/** Against a counter that never answers: placeholders hold the space. */
export const Loading: Story = {
  args: { src: FEEDS.hang },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitFor(() => expect(parts(counter, 'list')[0]?.getAttribute('aria-busy')).toBe('true'));
    expect(counter.status).toBe('loading');
  },
};

/** The counter answers HTTP 503: each number shows "—" with a message. */
export const Unavailable: Story = {
  args: { src: FEEDS.unavailable },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'error');
    // "—" is read out as "không có số liệu" (visually hidden text beside it).
    expect(texts(counter, 'value').map((text) => text.charAt(0))).toEqual(['—', '—', '—']);
    expect(texts(counter, 'status')[0]).toContain('503');
  },
};

/** `lang="en"`: English labels, numbers grouped with commas. */
export const English: Story = {
  args: { src: 'fixtures/counter-strings.json', lang: 'en' },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'ready');
    expect(texts(counter, 'value')).toEqual(['6,407,820', '1,229', '3,009']);
    expect(texts(counter, 'label')[0]).not.toBe('Truy cập tổng');
  },
};

/** On a 320 px phone the labels and numbers still fit. */
export const OnSmallPhone: Story = {
  globals: { viewport: { value: 'phone320', isRotated: false } },
  tags: ['phone'],
  play: async ({ canvasElement, globals, parameters }) => {
    await viewportApplied({ globals, parameters });
    const counter = await counterIn(canvasElement);
    await waitForStatus(counter, 'ready');
    expect(counter.scrollWidth).toBeLessThanOrEqual(counter.clientWidth + 1);
  },
};
