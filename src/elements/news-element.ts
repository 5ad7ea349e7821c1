import { LitElement, type PropertyValues } from 'lit';

type Values = Record<PropertyKey, unknown>;

/**
 * The converter of a reflected text property: empty removes the attribute,
 * so a fresh element carries no `category=""`, and `[category]` in a
 * theme's CSS means a category is chosen.
 */
export const omitEmpty = { toAttribute: (value: string) => value || null };

/**
 * The base of every element here. A public property set to null or
 * undefined, or an attribute taken away, goes back to its starting value:
 * Lit would leave null there, which frameworks that remove attributes or
 * clear properties would then hand to code expecting text or numbers.
 */
export class NewsElement extends LitElement {
  /**
   * Each property's starting value: the first one it is given, which is its
   * class field's initializer, run in the constructor (a value set before
   * the element was defined is applied only at its first update).
   */
  private starts?: Map<PropertyKey, unknown>;

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    const name = args[0];
    // Lit's own constructor asks for an update before this class's fields exist.
    if (name !== undefined && !(this.starts ??= new Map()).has(name)) this.starts.set(name, (this as unknown as Values)[name]);
    super.requestUpdate(...args);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const self = this as unknown as Values;
    const properties = (this.constructor as typeof LitElement).elementProperties;
    for (const name of changed.keys()) {
      if (self[name] != null || properties.get(name)?.state) continue;
      self[name] = this.starts?.get(name);
      // Cleared to the value it had: no change to react to.
      if (changed.get(name) === self[name]) changed.delete(name);
    }
  }
}
