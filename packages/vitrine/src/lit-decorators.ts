/**
 * What `lit/decorators.js` becomes in the script-tag build (vite.config.ts): `@property()` and
 * `@state()` as TypeScript's legacy decorators call them, and nothing else. Lit's own module also
 * carries the standard-decorator path and its checks, which this code base never runs (tsconfig's
 * `experimentalDecorators`), so every page would download them for nothing. Lit's legacy path
 * returns a descriptor only for a decorated accessor; no Vitrine class decorates one.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

export const property =
  (options?: PropertyDeclaration) =>
  (proto: object, name: PropertyKey): void =>
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);

export const state = (options?: PropertyDeclaration) => property({ ...options, state: true, attribute: false });
