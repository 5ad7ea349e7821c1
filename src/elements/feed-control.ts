import { property } from 'lit/decorators.js';
import type { ControlEventMap, TypedEvents } from '../events.js';
import { NewsElement } from './news-element.js';

/**
 * The base of the controls that drive a `<news-feed>` (tabs, calendar,
 * search): `for`, which names the feed, and listeners that know the detail
 * of their `change` event.
 */
export class FeedControl<Detail> extends NewsElement {
  /** @internal Listeners that know `change`'s detail (see TypedEvents); the methods are HTMLElement's. */
  declare addEventListener: TypedEvents<this, ControlEventMap<Detail>>['addEventListener'];
  /** @internal */
  declare removeEventListener: TypedEvents<this, ControlEventMap<Detail>>['removeEventListener'];

  /** Id of the `<news-feed>` to drive; without it, the first `<news-feed>` in the document. */
  @property() for = '';
}
