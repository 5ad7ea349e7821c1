/**
 * The elements in React 19's JSX (TSX): an app imports this module's types
 * once (`import type {} from` news-widgets/react). Each takes its properties, typed, React's own HTML props
 * (className, style, ref, children), and its events as `onnews-load`,
 * `onchange`: React 19 adds a listener for the event named after `on`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { NewsWidgetsElements } from './jsx.js';

type ReactElements = {
  [Tag in keyof NewsWidgetsElements]: NewsWidgetsElements[Tag] & DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[Tag]>, HTMLElementTagNameMap[Tag]>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ReactElements {}
  }
}
