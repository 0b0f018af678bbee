/**
 * A segment's `color`, checked before it reaches the slice's custom property: a CSS colour, or
 * one through the page's custom properties (`var(--brand)`, `var(--brand, #0f766e)`), which
 * `CSS.supports` accepts as written whatever is inside. So nothing that could fetch is let
 * through anywhere in the value (`url(`, `image-set(`: a slice's `fill` takes `url()`), nor CSS
 * escapes, which could spell them (`u\72 l(`).
 */
export function isCssColor(value: string): boolean {
  return !/url\(|image|\\/i.test(value) && CSS.supports('color', value);
}
