// Shopify's own Theme Check over both Shopify examples, as `shopify theme check` and `shopify app
// build` would run it: 0 offences of any severity (errors, warnings and suggestions alike). Offline
// and pinned to the docs bundled with the installed @shopify/theme-check-node (see the script).
// Runs after `npm run build` (the flat build goes in assets/, which Theme Check looks into).
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JS script, without declarations
import { themeCheck } from '../../scripts/theme-check.js';

interface Offence {
  check: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}
const run = themeCheck as (which: 'theme' | 'extension', extra?: Record<string, string>) => Promise<Offence[]>;

describe('Theme Check', () => {
  it('does check: a comment with an apostrophe inside a start tag is the syntax error it is', async () => {
    // What snippets/vitrine-shipping-progress.liquid once held; rendered by a section so it is no orphan.
    const broken = `<div\n  {%- comment -%} the visitor's currency {%- endcomment %}\n  class="x"></div>\n`;
    const offences = await run('theme', {
      'snippets/vitrine-broken.liquid': broken,
      'sections/vitrine-broken.liquid':
        '{% render \'vitrine-broken\' %}\n{% schema %}\n{ "name": "Broken" }\n{% endschema %}\n',
    });
    expect(offences.map(({ check, file }) => `${check} ${file}`)).toContain(
      'LiquidHTMLSyntaxError snippets/vitrine-broken.liquid',
    );
  });

  it('reports nothing on the theme (sections, snippets, locales, the flat build in assets/)', async () => {
    expect(await run('theme')).toEqual([]);
  });

  it('reports nothing on the theme app extension, with the app-extension configuration', async () => {
    expect(await run('extension')).toEqual([]);
  });
});
