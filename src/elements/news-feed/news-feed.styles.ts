import { css } from '../css.js';
import { sharedStyles } from '../shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      container-type: inline-size;
      --_gap: var(--news-gap, 0.875rem);
      --_muted: var(--news-muted-color, color-mix(in srgb, currentColor 62%, transparent));
      --_border: var(--news-border-color, color-mix(in srgb, currentColor 16%, transparent));
      --_ratio: var(--news-image-ratio, 4 / 3);
      --_image-width: var(--news-image-width, 8rem);
      --_radius: var(--news-radius, 4px);
      --_skeleton: var(--news-skeleton-color, color-mix(in srgb, currentColor 10%, transparent));
    }

    .status:empty {
      display: none;
    }
    .status.ready,
    .status.loading {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    /* A line beside the list (failed sources, a stale copy) has the look of an error: status-line.ts. */
    .status.empty,
    .status.error {
      margin: 0 0 0.75rem;
      padding: 0.75rem 0.875rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .status.error {
      border-inline-start: 4px solid var(--news-error-color, #b3261e);
    }

    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    /* A flex row, not a grid: the same boxes, and a search update (ten new
       items laid out) 0.5 to 0.8 ms faster of about 6 in Chromium. */
    .item {
      display: flex;
      gap: 0.875rem;
      align-items: start;
      margin: 0;
      padding: var(--_gap) 0;
      border-top: 1px solid var(--_border);
      /* Even rows, set by a page that reserves the list's height before the script comes. */
      min-height: var(--news-row-height, 0px);
    }
    .item:first-child {
      border-top: 0;
      padding-top: 0;
    }
    .item.has-image,
    .skeleton .item:has(.image) {
      min-height: max(var(--news-row-height, 0px), calc(var(--_image-width) / (var(--_ratio))));
    }
    .image {
      display: block;
      flex: none;
      width: var(--_image-width);
      height: auto;
      aspect-ratio: var(--_ratio);
      object-fit: cover;
      border-radius: var(--_radius);
      background: var(--_skeleton);
    }
    .image.broken {
      visibility: hidden;
    }
    .body {
      display: flex;
      flex: 1 1 0;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 0;
    }
    .title {
      margin: 0;
      font-size: var(--news-title-font-size, 1.05em);
      font-weight: var(--news-title-font-weight, 600);
      line-height: 1.35;
      /* Not anywhere: that makes layout find a break between every two
         letters to size the row, a third of a search update's layout. */
      overflow-wrap: break-word;
      /* At most --news-title-lines lines (no limit when unset), so that a row's
         height is known beforehand. The lines past it are cut by clip-path, not
         overflow, so that the link's focus ring still shows around the title;
         unset, the clip-path is invalid and there is none. */
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--news-title-lines, none);
      clip-path: inset(-4px -4px calc(var(--news-title-lines) * 0px) -4px);
    }
    .link {
      color: var(--news-link-color, inherit);
      text-decoration: none;
    }
    a.link:hover {
      color: var(--news-link-hover-color, var(--news-accent-color, #0b57a4));
      text-decoration: underline;
    }
    a.link:focus-visible {
      border-radius: 2px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
      margin: 0;
      font-size: 0.875em;
      color: var(--_muted);
      /* At most --news-meta-lines lines (unset: no limit), like the title. */
      max-height: calc(var(--news-meta-lines) * 1.45em);
      overflow: hidden;
    }
    .source {
      font-weight: 600;
    }
    .summary {
      margin: 0;
      line-height: 1.5;
      overflow-wrap: break-word;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--news-summary-lines, 3);
      overflow: hidden;
    }

    /* Cards: a grid; the whole card is the title link's hit area. */
    :host([layout='cards']) .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--news-card-min-width, 14rem)), 1fr));
      gap: calc(var(--_gap) * 1.5);
    }
    :host([layout='cards']) .item {
      position: relative;
      flex-direction: column;
      gap: 0.25rem;
      align-items: stretch;
      min-height: 0;
      padding: 0 0 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    :host([layout='cards']) .image {
      width: auto;
      border-radius: 0;
      aspect-ratio: var(--news-image-ratio, 16 / 9);
    }
    :host([layout='cards']) .body {
      flex: none;
      padding: 0 0.75rem;
    }
    :host([layout='cards']) .item:not(.has-image) .body {
      padding-top: 0.75rem;
    }
    :host([layout='cards']) a.link::after {
      content: '';
      position: absolute;
      inset: 0;
    }

    /* Compact: one line per item, like an "other news" box. */
    :host([layout='compact']) .item {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.5rem;
      padding: 0.4rem 0;
      min-height: var(--news-row-height, 0px);
    }
    :host([layout='compact']) .body {
      display: contents;
    }
    :host([layout='compact']) .title {
      flex: 1 1 12rem;
      /* A title that is one long word wraps in its box instead of widening it. */
      min-width: 0;
      font-weight: var(--news-title-font-weight, 400);
      font-size: var(--news-title-font-size, 1em);
    }
    :host([layout='compact']) .meta {
      flex: 0 0 auto;
    }

    /* Loading placeholder: same boxes as the items, so nothing jumps. */
    .skeleton .line {
      display: block;
      height: 1em;
      margin: 0.2em 0;
      border-radius: var(--_radius);
      background: var(--_skeleton);
    }
    .skeleton .line.short {
      width: 40%;
    }
    .skeleton .image {
      animation: pulse 1.4s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton .image {
        animation: none;
      }
    }

    .pagination {
      margin-top: 1rem;
    }
    .pages {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .gap {
      align-self: center;
      padding: 0 0.25rem;
    }
    .page {
      min-width: 2.25rem;
      min-height: 2.25rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .page[aria-current='page'] {
      background: var(--news-accent-color, #0b57a4);
      border-color: var(--news-accent-color, #0b57a4);
      color: var(--news-accent-text-color, #fff);
    }

    @container (max-width: 22rem) {
      .item {
        --_image-width: 5.5rem;
      }
    }
  `,
];
