import { css } from '../css.js';
import { sharedStyles } from '../shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      max-width: 22rem;
      --_accent: var(--news-accent-color, #0b57a4);
      --_muted: var(--news-muted-color, color-mix(in srgb, currentColor 62%, transparent));
    }
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .heading {
      font-weight: 600;
    }
    button {
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      border-radius: var(--news-radius, 4px);
      cursor: pointer;
    }
    .nav {
      min-width: 2.25rem;
      min-height: 2.25rem;
      font-size: 1.25em;
    }
    button:hover:not([part~='selected']) {
      background: color-mix(in srgb, currentColor 8%, transparent);
    }
    [aria-disabled='true'],
    :disabled {
      cursor: default;
    }
    .nav[aria-disabled='true'],
    .day:disabled {
      opacity: 0.35;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
      text-align: center;
    }
    th {
      padding: 0.25rem 0;
      font-size: 0.85em;
      font-weight: 600;
      color: var(--_muted);
    }
    td {
      padding: 1px;
    }
    .day {
      width: 100%;
      height: var(--news-day-size, 2.25rem);
      padding: 0;
      color: var(--_muted);
    }
    [part~='has-news'] {
      font-weight: 700;
      color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 10%, transparent);
    }
    [part~='today'] {
      box-shadow: inset 0 0 0 1px currentColor;
    }
    [part~='selected'] {
      color: var(--news-accent-text-color, #fff);
      background: var(--_accent);
    }
    .months {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='month'] {
      width: 100%;
      padding: 0.35rem 0.5rem;
      text-align: start;
    }
    .status:empty {
      display: none;
    }
  `,
];
