/**
 * `@property()` and `@state()` as TypeScript's experimentalDecorators call
 * them, which is how src/ is compiled: each declares its reactive property
 * through Lit's `createProperty`, as lit/decorators.js does for that kind of
 * decorator. The paste-in bundle takes these in place of lit/decorators.js
 * (see rollup.config.mjs), whose code for standard decorators it never runs;
 * the ES modules of the package keep Lit's own.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

export const property =
  (options?: PropertyDeclaration) =>
  (prototype: ReactiveElement, name: string): PropertyDescriptor | undefined => {
    // A member written as an accessor keeps its own get and set: its
    // descriptor, as createProperty leaves it, goes back to __decorate.
    const accessor = Object.prototype.hasOwnProperty.call(prototype, name);
    (prototype.constructor as typeof ReactiveElement).createProperty(name, options);
    return accessor ? Object.getOwnPropertyDescriptor(prototype, name) : undefined;
  };

/** Internal reactive state: a property with no attribute. */
export const state = (options?: PropertyDeclaration) => property({ ...options, state: true, attribute: false });
