// The script-tag builds (dist/ and dist/shopify/) mark each chunk with code for V8's eager compilation
// (`//# allFunctionsCalledOnLoad` first, vite.config.ts): compiled while it streams in, off the main
// thread, rather than function by function on it. The language chunks (texts) and the few tiny ones
// are not marked. A marked chunk's source map starts one line later, so DevTools and the bench's profile
// still point at the right source. Runs after `npm run build`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../../packages/vitrine/dist');
const HINT = '//# allFunctionsCalledOnLoad\n';

/** Every script of a build folder, by its name without the hash (`countdown`, `texts-de`, `vitrine`). */
function scripts(folder: string, prefix: string): Map<string, string> {
  const byName = new Map<string, string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.js')))
    byName.set(file.replace(prefix, '').replace(/-[\w]{6,8}\.js$|\.js$/, ''), join(folder, file));
  return byName;
}

const WIDGET_CHUNKS = ['countdown', 'sticky-bar', 'exit-popup', 'wheel', 'shipping-progress', 'loyalty-badge'];

describe.each([
  ['dist/chunks', join(dist, 'chunks'), ''],
  ['dist/shopify', join(dist, 'shopify'), 'vitrine-'],
])('%s', (_label, folder, prefix) => {
  const byName = scripts(folder, prefix);
  const hinted = (name: string) => readFileSync(byName.get(name)!, 'utf8').startsWith(HINT);

  it('marks Lit and core, the pop-up machinery, the cart source and every widget for eager compilation', () => {
    for (const name of ['shared', 'popup', 'cart', ...WIDGET_CHUNKS])
      expect([name, hinted(name)]).toEqual([name, true]);
  });

  it('leaves the language chunks (texts, no code) and the bus unmarked', () => {
    const texts = [...byName.keys()].filter((name) => name.startsWith('texts-'));
    expect(texts).toHaveLength(10);
    for (const name of [...texts, 'bus']) expect([name, hinted(name)]).toEqual([name, false]);
  });

  it("a marked chunk's source map skips the mark's line", () => {
    const map = `${byName.get('countdown')!}.map`;
    // dist/shopify has no maps (they would be public theme files).
    if (!existsSync(map)) return;
    expect((JSON.parse(readFileSync(map, 'utf8')) as { mappings: string }).mappings).toMatch(/^;[^;]/);
  });
});

it('marks the loader itself, which runs whole as soon as it arrives', () => {
  expect(readFileSync(join(dist, 'vitrine.js'), 'utf8').startsWith(HINT)).toBe(true);
});
