import { css } from './css.js';

/** Base rules every element shares: a block box, box model, buttons, focus ring, hidden text. */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35em;
    min-height: 2.25rem;
    padding: 0.35rem 0.9rem;
    border: 1px solid var(--news-accent-color, #0b57a4);
    border-radius: var(--news-radius, 4px);
    background: var(--news-accent-color, #0b57a4);
    color: var(--news-accent-text-color, #fff);
    font: inherit;
    cursor: pointer;
  }
  .button:hover {
    filter: brightness(1.1);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--news-focus-color, var(--news-accent-color, #0b57a4));
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
