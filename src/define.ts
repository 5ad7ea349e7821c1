/**
 * Registers an element unless the tag is taken: a page may load two copies
 * (or two versions) of the library, and the second must not throw.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
