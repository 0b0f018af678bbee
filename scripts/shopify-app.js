// Completes the theme app extension of examples/shopify-app/extensions/vitrine/ from the theme of
// examples/shopify/, so the two never drift apart: one app block per in-flow widget (countdown,
// shipping progress, loyalty badge, inline wheel) made from the widget's section, the snippets and
// the schema locales as they are, and the flat build in assets/. The app embed, the extension's
// TOML and its README are written by hand. `npm run build` runs it; scripts/theme-check.js runs it
// into a temporary copy.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const THEME = join(root, 'examples/shopify');
export const EXTENSION = join(root, 'examples/shopify-app/extensions/vitrine');
export const FLAT_BUILD = join(root, 'packages/vitrine/dist/shopify');

const SCHEMA = /({%-?\s*schema\s*-?%})([\s\S]*?)({%-?\s*endschema\s*-?%})/;

/** Settings that only a pop-up wheel has: an app block's wheel is in the page (the embed has the pop-up). */
const POPUP_ONLY = new Set([
  'wheel_mode',
  'wheel_trigger',
  'wheel_min_time',
  'wheel_dismiss_for',
  'wheel_after_overlay',
]);

/**
 * App blocks cannot hold blocks, so a section's child blocks become one textarea, a line each, that
 * the widget's snippet reads: `field | field | …` in the order of `fields`.
 */
const NESTED = {
  'vitrine-shipping-progress': { setting: 'goals', type: 'goal', fields: ['amount', 'label'] },
  'vitrine-wheel': { setting: 'wheel_segments', type: 'segment', fields: ['label', 'code', 'weight', 'color'] },
};

export const APP_BLOCKS = ['vitrine-countdown', 'vitrine-shipping-progress', 'vitrine-loyalty-badge', 'vitrine-wheel'];

/** sections/<name>.liquid → the app block of the same widget (Liquid and schema). */
export function appBlockOf(name) {
  const source = readFileSync(join(THEME, 'sections', `${name}.liquid`), 'utf8');
  const match = SCHEMA.exec(source);
  if (!match) throw new Error(`no {% schema %} in sections/${name}.liquid`);
  const { presets, settings, blocks, name: title } = JSON.parse(match[2]);

  const kept = settings.filter(
    (setting) => !POPUP_ONLY.has(setting.id) && setting.content !== 't:content.headers.pop_up_mode',
  );
  // The section's "E-mail tool" block (a block, to keep the section under Theme Check's 40 settings):
  // in an app block, which holds no blocks, its settings join the block's own, after the lead form's.
  const emailTool = blocks?.find((block) => block.type === 'email_tool');
  if (emailTool) {
    const after = kept.findIndex((setting) => /_action$/.test(setting.id ?? ''));
    kept.splice(after < 0 ? kept.length : after + 1, 0, ...emailTool.settings);
  }
  const nested = NESTED[name];
  if (nested) {
    const lines = (presets?.[0]?.blocks ?? [])
      .filter((block) => block.type === nested.type)
      .map((block) =>
        nested.fields
          .map((field) => block.settings?.[field] ?? '')
          .join(' | ')
          .replace(/( \| )+$/, ''),
      );
    const textarea = {
      type: 'textarea',
      id: nested.setting,
      label: `t:settings.${nested.setting}.label`,
      info: `t:settings.${nested.setting}.info`,
      ...(lines.length ? { default: lines.join('\n') } : {}),
    };
    // After the settings of the widget itself, before colours, schedule and targeting.
    const at = kept.findIndex((setting) => setting.content === 't:content.headers.colours');
    kept.splice(at < 0 ? kept.length : at, 0, textarea);
  }
  const schema = { name: title, target: 'section', settings: kept };

  const liquid = source
    .slice(0, match.index)
    .replace(/section\.settings/g, 'block.settings')
    .replace(/section\.id/g, 'block.id')
    .replace(/,\s*blocks: section\.blocks/g, '')
    .replace(/{%-? assign email_tool = [^%]*%}\n?/g, '')
    .replace(/,\s*lead: email_tool\.settings/g, '')
    .trimEnd();
  return `{%- comment -%}
  Written by \`npm run build\` (scripts/shopify-app.js) from examples/shopify/sections/${name}.liquid:
  edit that section, not this copy.
{%- endcomment -%}
${liquid}

{% schema %}
${JSON.stringify(schema, null, 2)}
{% endschema %}
`;
}

function replaceFolder(from, to, filter = () => true) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter(filter)) cpSync(join(from, file), join(to, file));
}

/** Writes the generated parts of the extension into `dir` (the example itself, or a copy of it). */
export function writeExtension(dir = EXTENSION) {
  if (!existsSync(join(FLAT_BUILD, 'vitrine.js')))
    throw new Error('packages/vitrine/dist/shopify is missing: build first');
  mkdirSync(join(dir, 'blocks'), { recursive: true });
  for (const name of APP_BLOCKS) writeFileSync(join(dir, 'blocks', `${name}.liquid`), appBlockOf(name));
  replaceFolder(join(THEME, 'snippets'), join(dir, 'snippets'));
  replaceFolder(join(THEME, 'locales'), join(dir, 'locales'));
  replaceFolder(FLAT_BUILD, join(dir, 'assets'));
}

/** The flat build in the theme example's assets/, as a merchant copies it into a theme. */
export function writeThemeAssets(dir = join(THEME, 'assets')) {
  replaceFolder(FLAT_BUILD, dir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeThemeAssets();
  writeExtension();
  console.log('wrote examples/shopify/assets and the theme app extension (blocks, snippets, locales, assets)');
}
