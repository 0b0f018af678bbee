/**
 * A segment's `color`, checked before it reaches the slice's custom property: a CSS colour,
 * possibly through custom properties (`var(--brand)`, `var(--brand, #0f766e)`). `CSS.supports`
 * alone accepts anything inside `var()` (`var(--x, url(https://…))`), so each `var()` is first
 * replaced by its fallback (or a colour when it has none) and what is left must be a colour.
 */
const VAR = /var\(\s*--[\w-]+\s*(?:,\s*((?:[^()]|\([^()]*\))*))?\)/g;

export function isCssColor(value: string): boolean {
  let resolved = value;
  for (let depth = 0; depth < 4 && resolved.includes('var('); depth++) {
    resolved = resolved.replace(VAR, (_, fallback: string | undefined) => fallback?.trim() || 'black');
  }
  return !/var\(|url\(|image/i.test(resolved) && CSS.supports('color', resolved);
}
