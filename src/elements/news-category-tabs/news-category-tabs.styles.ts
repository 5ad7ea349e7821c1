import { css } from '../css.js';
import { sharedStyles } from '../shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --_accent: var(--news-accent-color, #0b57a4);
    }
    .tabs {
      position: relative;
      display: flex;
      overflow-x: auto;
      scrollbar-width: thin;
      border-bottom: 1px solid var(--news-border-color, color-mix(in srgb, currentColor 16%, transparent));
    }
    /* More tabs than fit (a phone): the edge with more to scroll to fades
       out. Two mask layers, each a 2.5rem fade on a layer as much wider than
       the row, so its position shows the fade or pushes it out: the first
       fades the end (shown at 100%), the second the start (shown at 0). The
       row's own scroll moves them; a row that fits has no scroll timeline,
       so no fade. */
    @supports (animation-timeline: scroll()) {
      .tabs {
        mask-image: linear-gradient(-90deg, #0000, #000 2.5rem), linear-gradient(90deg, #0000, #000 2.5rem);
        mask-position: 0, 100%;
        mask-size: calc(100% + 2.5rem);
        mask-repeat: no-repeat;
        mask-composite: intersect;
        animation: news-tabs-more linear both;
        animation-timeline: scroll(self inline);
      }
    }
    @keyframes news-tabs-more {
      from {
        mask-position: 100%, 100%;
      }
      10%, 90% {
        mask-position: 100%, 0;
      }
      to {
        mask-position: 0, 0;
      }
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
