import { css } from 'lit';
import { sharedStyles } from '../shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
      --_accent: var(--news-accent-color, #0b57a4);
    }
    .tabs {
      position: relative;
      display: flex;
      overflow-x: auto;
      scrollbar-width: thin;
      border-bottom: 1px solid var(--news-border-color, color-mix(in srgb, currentColor 16%, transparent));
    }
    .tab {
      flex: none;
      padding: 0.5rem 0.9rem;
      border: 0;
      border-bottom: 3px solid transparent;
      background: none;
      color: inherit;
      font: inherit;
      white-space: nowrap;
      cursor: pointer;
    }
    .tab:hover,
    .tab[aria-selected='true'] {
      color: var(--_accent);
    }
    .tab[aria-selected='true'] {
      border-bottom-color: var(--_accent);
    }
    .tab:focus-visible {
      outline-offset: -2px;
    }
  `,
];
