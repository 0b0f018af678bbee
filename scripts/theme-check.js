// Shopify's Theme Check (@shopify/theme-check-node, the checker behind `shopify theme check`, the
// VS Code extension and `shopify app build`) over the two Shopify examples, as a merchant's copy of
// them would be checked:
// - the theme: examples/shopify/ in a theme whose layout renders `vitrine-head` as its README says
//   (every theme has a layout/theme.liquid; the example does not ship one, so it would not overwrite
//   the merchant's), with the flat build in assets/;
// - the theme app extension: examples/shopify-app/extensions/vitrine/, with the theme's snippets and
//   the flat build copied in as `npm run build` does, under the app-extension configuration.
// `node scripts/theme-check.js` prints every offence and exits 1 if there is one (after `npm run
// build`); test/node/theme-check.test.ts runs the same in `npm test`.
//
// Offline and pinned: Theme Check would download Shopify's latest docs and JSON schemas at run time
// (theme-check-docs-updater, from raw.githubusercontent.com) and cache them in ~/.cache. Here it
// reads a file: root that does not exist and a fresh cache, so it falls back to the docs and schemas
// bundled with the installed version: no network, and the same verdict on every machine until the
// devDependency is bumped on purpose.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { EXTENSION, writeExtension, writeThemeAssets } from './shopify-app.js';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const THEME = join(root, 'examples/shopify');

/** layout/theme.liquid reduced to what Shopify requires, plus the line the README adds before </head>. */
const LAYOUT = `<!doctype html>
<html lang="{{ request.locale.iso_code }}">
  <head>
    <title>{{ page_title }}</title>
    {{ content_for_header }}
    {% render 'vitrine-head' %}
  </head>
  <body>
    {{ content_for_layout }}
  </body>
</html>
`;

/** The theme as a merchant has it after following examples/shopify/README.md. */
function composeTheme(dir) {
  for (const folder of ['sections', 'snippets', 'locales'])
    cpSync(join(THEME, folder), join(dir, folder), { recursive: true });
  mkdirSync(join(dir, 'layout'));
  writeFileSync(join(dir, 'layout/theme.liquid'), LAYOUT);
  writeThemeAssets(join(dir, 'assets'));
}

/** The extension as `shopify app deploy` uploads it after `npm run build`: its own files, and the generated ones. */
function composeExtension(dir) {
  for (const entry of ['shopify.extension.toml', 'blocks'])
    cpSync(join(EXTENSION, entry), join(dir, entry), { recursive: true });
  writeExtension(dir);
}

/**
 * Runs Theme Check over one example; resolves to its offences (empty when clean), each with the
 * file relative to the example and a 1-based line. `extra` adds files (path → source) on top, so a
 * test can show that the run does catch a broken file.
 * @param {'theme' | 'extension'} which
 * @param {Record<string, string>} [extra]
 */
export async function themeCheck(which, extra = {}) {
  const work = mkdtempSync(join(tmpdir(), 'vitrine-theme-check-'));
  const saved = { SHOPIFY_TLD_ROOT: process.env.SHOPIFY_TLD_ROOT, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
  try {
    const dir = join(work, which);
    mkdirSync(dir);
    if (which === 'theme') composeTheme(dir);
    else composeExtension(dir);
    for (const [path, source] of Object.entries(extra)) writeFileSync(join(dir, path), source);
    const config = join(work, '.theme-check.yml');
    writeFileSync(config, `extends: theme-check:${which === 'theme' ? 'recommended' : 'theme-app-extension'}\n`);

    // Read when the docs module loads (the cache folder) and when it fetches (the docs root).
    process.env.XDG_CACHE_HOME = join(work, 'cache');
    process.env.SHOPIFY_TLD_ROOT = join(work, 'no-remote-docs');
    const { themeCheckRun } = require('@shopify/theme-check-node');
    const log = [];
    const run = await themeCheckRun(dir, config, (message) => log.push(message));
    // The pin holds only if nothing was fetched: every resource came from the bundled fallback.
    const remote = log.filter((message) => /https?:\/\//.test(message) && !/^Loaded fallback/.test(message));
    if (remote.length) throw new Error(`Theme Check tried the network:\n${remote.join('\n')}`);

    return run.offenses.map((offense) => ({
      check: offense.check,
      severity: ['error', 'warning', 'info'][offense.severity] ?? String(offense.severity),
      file: relative(dir, fileURLToPath(offense.uri)),
      line: offense.start.line + 1,
      message: offense.message,
    }));
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let total = 0;
  for (const which of /** @type {const} */ (['theme', 'extension'])) {
    const offenses = await themeCheck(which);
    total += offenses.length;
    for (const o of offenses) console.log(`${which}: ${o.file}:${o.line} ${o.severity} ${o.check}: ${o.message}`);
    console.log(`Theme Check, ${which}: ${offenses.length} offence(s)`);
  }
  process.exitCode = total ? 1 : 0;
}
