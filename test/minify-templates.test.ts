/** The build's template minifier must never change what a template means, only its whitespace. */
import { expect, test } from 'vitest';
import { minifyTemplates } from '../scripts/minify-templates.ts';

test('html: attributes split over lines around bindings keep a separating space', () => {
  const source =
    'html`<button\n  part=${part}\n  class="icon"\n  aria-label=${label}\n  aria-pressed=${pressed}\n>\n  ${icon}\n</button>`';
  const out = minifyTemplates(source);
  expect(out).toBe(
    'html`<button part=${part} class="icon" aria-label=${label} aria-pressed=${pressed}>${icon}</button>`',
  );
});

test('css: the spaces calc() needs around an interpolation are kept', () => {
  const out = minifyTemplates('css`\n  a {\n    height: calc(${h} + env(safe-area-inset-top, 0px));\n  }\n`');
  expect(out).toContain('calc(${h} + env(safe-area-inset-top,0px))');
  expect(out.replace(/\s/g, '')).toBe('css`a{height:calc(${h}+env(safe-area-inset-top,0px))}`');
});

test('a regular expression with quotes or backticks does not hide the templates after it', () => {
  const source = [
    'const email = /^[^\\s@"(),]+@x$/i.test(value);',
    "const tick = value.replace(/[`']/g, '');",
    'const half = total / 2 / count;',
    'return html`<p\n  part="a"\n>${email}</p>`;',
  ].join('\n');
  const out = minifyTemplates(source);
  expect(out).toContain('html`<p part="a">${email}</p>`');
  // Code outside the templates is copied as it was: divisions stay divisions.
  expect(out.split('\n').slice(0, 3)).toEqual(source.split('\n').slice(0, 3));
});

test('css: leading zeros and the spaces inside brackets go, every other digit and space stays', () => {
  const out = minifyTemplates(
    'css`\n  a {\n    gap: 0.625rem;\n    margin: -0.5em 10.5px 0 0.25em;\n    fill: color( from var(--c) xyz 0.1 y z );\n    opacity: 0;\n  }\n`',
  );
  expect(out).toBe('css` a{gap:.625rem;margin:-.5em 10.5px 0 .25em;fill:color(from var(--c) xyz .1 y z);opacity:0}`');
});

test('css: an nth-child formula and a product lose their spaces; sums, descendants and universal selectors keep them', () => {
  const out = minifyTemplates(
    'css`\n  .s:nth-child(6n + 1), .s:nth-child(2n - 3) {\n    r: calc(var(--r) * 2);\n    w: calc(1px + 2px);\n    f: clamp(0, (0.179 - y) * 1e5, 1);\n  }\n  .a * .b, :host * {\n    x: 1;\n  }\n`',
  );
  expect(out).toBe(
    'css` .s:nth-child(6n+1),.s:nth-child(2n-3){r:calc(var(--r)*2);w:calc(1px + 2px);f:clamp(0,(.179 - y)*1e5,1)}.a * .b,:host *{x:1}`',
  );
});
