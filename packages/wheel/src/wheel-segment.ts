/**
 * One slice of a `<vitrine-wheel>`: what it says, the code it wins (none: a losing slice), its
 * odds and its colour. It shows nothing by itself: the wheel draws every slice from its
 * segments' attributes, and draws again when one is added, removed or changed. Each attribute
 * is also a property of the same name (setting it sets the attribute).
 *
 * @summary A slice of `<vitrine-wheel>`: label, code (none for a losing slice), weight, colour.
 *
 * @attr {string} label - The text on the slice, also the prize's name in the result and the odds (plain text). Required: a segment without it is left out, with a warning.
 * @attr {string} code - The coupon code this slice wins. Without it the slice is a losing one. Two segments with the same code: the second is left out, with a warning.
 * @attr {string} weight - Relative odds (default `1`): a slice of weight 3 comes up three times as often as one of weight 1. A number from 0.01 to 10000 (to two decimals).
 * @attr {string} color - The slice's colour: any CSS colour (`#0f766e`, `rebeccapurple`, `oklch(…)`, `var(--brand)`). Default: the wheel's palette. The label is black or white, whichever reads better on it.
 */
export class VitrineWheelSegment extends HTMLElement {
  /** The `label` attribute. */
  declare label: string | null;
  /** The `code` attribute. */
  declare code: string | null;
  /** The `weight` attribute. */
  declare weight: string | null;
  /** The `color` attribute. */
  declare color: string | null;

  static {
    // Attributes are the truth (the wheel watches them): each property reads and writes its attribute.
    for (const name of ['label', 'code', 'weight', 'color'])
      Object.defineProperty(this.prototype, name, {
        get(this: Element) {
          return this.getAttribute(name);
        },
        set(this: Element, value: string | number | null) {
          if (value == null) this.removeAttribute(name);
          else this.setAttribute(name, String(value));
        },
      });
  }
}
