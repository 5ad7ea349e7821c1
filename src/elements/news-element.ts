import { LitElement, type PropertyValues } from 'lit';

type Values = Record<PropertyKey, unknown>;
type ElementClass = typeof LitElement & (new () => LitElement);

/**
 * The converter of a reflected text property: empty removes the attribute,
 * so a fresh element carries no `category=""`, and `[category]` in a
 * theme's CSS means a category is chosen.
 */
export const omitEmpty = { toAttribute: (value: string) => value || null };

/** An untouched instance of each element class: where starting values are read. */
const pristine = new Map<ElementClass, Values>();

/**
 * The base of every element here. A public property set to null or
 * undefined, or an attribute taken away, goes back to its starting value:
 * Lit would leave null there, which frameworks that remove attributes or
 * clear properties would then hand to code expecting text or numbers.
 */
export class NewsElement extends LitElement {
  protected override willUpdate(changed: PropertyValues): void {
    const element = this.constructor as ElementClass;
    const self = this as unknown as Values;
    for (const name of changed.keys()) {
      if (self[name] != null || element.elementProperties.get(name)?.state) continue;
      let start = pristine.get(element);
      if (!start) pristine.set(element, (start = new element() as unknown as Values));
      self[name] = start[name];
      // Cleared to the value it had: no change to react to.
      if (changed.get(name) === self[name]) changed.delete(name);
    }
  }
}
