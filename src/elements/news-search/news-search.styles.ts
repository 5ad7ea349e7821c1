import { css } from '../css.js';
import { sharedStyles } from '../shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    .form {
      display: flex;
      gap: 0.375rem;
    }
    .input {
      flex: 1;
      min-width: 0;
      min-height: 2.25rem;
      padding: 0.35rem 0.6rem;
      border: 1px solid var(--news-border-color, color-mix(in srgb, currentColor 35%, transparent));
      border-radius: var(--news-radius, 4px);
      background: transparent;
      color: inherit;
      font: inherit;
    }
  `,
];
