import { css } from '../css.js';
import { sharedStyles } from '../shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    .list {
      margin: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: baseline;
      gap: 0 1em;
      padding: var(--news-counter-row-padding, 0.3rem 0);
      border-top: 1px solid var(--news-border-color, color-mix(in srgb, currentColor 16%, transparent));
    }
    .row:first-child {
      border-top: 0;
    }
    .label,
    .value {
      margin: 0;
    }
    .value {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: var(--news-counter-value-color, inherit);
    }
    /* As tall and about as wide as a number, so nothing moves when it comes. */
    /* A number from before a failed re-read: dimmed, and named so (see its accessible text). */
    .value.stale {
      opacity: 0.6;
    }
    .skeleton {
      display: inline-block;
      width: 6ch;
      height: 1em;
      vertical-align: -0.125em;
      border-radius: 3px;
      background: var(--news-skeleton-color, color-mix(in srgb, currentColor 10%, transparent));
    }
    .status {
      margin: 0.5rem 0 0;
      font-size: 0.875em;
      color: var(--news-muted-color, color-mix(in srgb, currentColor 62%, transparent));
    }
  `,
];
