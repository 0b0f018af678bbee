/**
 * The Liquid files of `examples/shopify/` rendered the way Shopify renders them, with liquidjs in
 * the test's browser: sections (markup + `{% schema %}`), the snippets they render, and the app
 * embed. Shopify-only tags get stand-ins: `schema` outputs nothing (Shopify reads it, never prints
 * it), `style` prints a `<style>` element, `javascript`/`stylesheet` print nothing.
 * Used by test/shopify.test.ts and test/shopify-dawn.test.ts.
 */
import { Liquid, Tag, TypeGuards, type Context, type Template, type TagToken, type TopLevelToken } from 'liquidjs';

const FILES = import.meta.glob<string>(
  ['../examples/shopify/**/*.liquid', '../examples/shopify-app/extensions/vitrine/blocks/*.liquid'],
  { query: '?raw', import: 'default', eager: true },
);

/**
 * `sections/vitrine-countdown.liquid` → its source; the theme app extension's blocks as
 * `app/blocks/vitrine-embed.liquid` (its app blocks are written by `npm run build`).
 */
export const themeFiles: Record<string, string> = Object.fromEntries(
  Object.entries(FILES).map(([path, source]) => [
    path.replace('../examples/shopify/', '').replace('../examples/shopify-app/extensions/vitrine/', 'app/'),
    source,
  ]),
);

export const EMBED = 'app/blocks/vitrine-embed.liquid';

/** The theme app extension's app blocks (not the embed). */
export const APP_BLOCKS = Object.keys(themeFiles)
  .filter((path) => path.startsWith('app/blocks/') && path !== EMBED)
  .sort();

/** The schema locales: `t:` keys → the theme editor's text, in English and French. */
const LOCALES = import.meta.glob<Record<string, unknown>>('../examples/shopify/locales/*.schema.json', {
  import: 'default',
  eager: true,
});
export const schemaLocales = {
  en: LOCALES['../examples/shopify/locales/en.default.schema.json'],
  fr: LOCALES['../examples/shopify/locales/fr.schema.json'],
};

/** What the theme editor shows for a schema string: a `t:` key looked up in a locale, else the text. */
export function translated(text: string, language: keyof typeof schemaLocales = 'en'): string | undefined {
  if (!text.startsWith('t:')) return text;
  let value: unknown = schemaLocales[language];
  for (const part of text.slice(2).split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Where `{{ 'vitrine.js' | asset_url }}` points in these tests: the flat build served as Shopify's
 * CDN serves a theme's assets, one folder and a `?v=` version query (test/hardening/server.ts serves
 * packages/vitrine/dist/ as built, query ignored).
 */
export const ASSET_BASE = '/__hardening/dist/shopify/';
export const ASSET_VERSION = '?v=1733480000';

export const SECTIONS = Object.keys(themeFiles)
  .filter((path) => path.startsWith('sections/'))
  .sort();

/** A setting of a `{% schema %}` as the theme editor reads it. */
export interface Setting {
  type: string;
  id?: string;
  label?: string;
  content?: string;
  default?: unknown;
  info?: string;
  placeholder?: string;
  options?: Array<{ value: string; label: string }>;
  min?: number;
  max?: number;
  step?: number;
}

export interface BlockSchema {
  type: string;
  name: string;
  settings?: Setting[];
}

export interface Schema {
  name: string;
  target?: string;
  settings: Setting[];
  blocks?: BlockSchema[];
  max_blocks?: number;
  presets?: Array<{
    name: string;
    settings?: Record<string, unknown>;
    blocks?: Array<{ type: string; settings?: Record<string, unknown> }>;
  }>;
}

/** The JSON between `{% schema %}` and `{% endschema %}` of a file, parsed (throws when it is not JSON). */
export function schemaOf(path: string): Schema {
  const match = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(themeFiles[path] ?? '');
  if (!match) throw new Error(`no {% schema %} in ${path}`);
  return JSON.parse(match[1]) as Schema;
}

/** What the theme editor gives a section that the merchant has not touched: each setting's default. */
export function defaultsOf(settings: Setting[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const setting of settings) {
    if (!setting.id) continue;
    values[setting.id] = setting.default ?? (setting.type === 'checkbox' ? false : undefined);
  }
  return values;
}

/** Skips a block tag's body: Shopify reads `{% schema %}` and friends, and never prints them. */
function silentBlock(end: string) {
  return class extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      while (remain.length) {
        const next = remain.shift()!;
        if (TypeGuards.isTagToken(next) && next.name === end) return;
      }
      throw new Error(`{% ${token.name} %} not closed`);
    }
    render(): string {
      return '';
    }
  };
}

/** `{% style %}…{% endstyle %}`: Shopify prints `<style data-shopify>` around the rendered body. */
class StyleTag extends Tag {
  private templates: Template[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    while (remain.length) {
      const next = remain.shift()!;
      if (TypeGuards.isTagToken(next) && next.name === 'endstyle') return;
      this.templates.push(liquid.parser.parseToken(next, remain));
    }
    throw new Error('{% style %} not closed');
  }
  *render(context: Context): Generator<unknown, string, string> {
    const css = yield this.liquid.renderer.renderTemplates(this.templates, context);
    return `<style data-shopify>${css}</style>`;
  }
}

/** A Liquid engine that finds `{% render 'name' %}` in `snippets/`, as Shopify does. */
export function themeEngine(): Liquid {
  const snippets = Object.fromEntries(
    Object.entries(themeFiles)
      .filter(([path]) => path.startsWith('snippets/'))
      .map(([path, source]) => [path.slice('snippets/'.length), source]),
  );
  const engine = new Liquid({ templates: snippets, extname: '.liquid' });
  engine.registerTag('schema', silentBlock('endschema'));
  // {% doc %} documents a snippet's parameters for Theme Check and editors; Shopify prints nothing.
  engine.registerTag('doc', silentBlock('enddoc'));
  engine.registerFilter('asset_url', (name: string) => `${ASSET_BASE}${name}${ASSET_VERSION}`);
  engine.registerTag('javascript', silentBlock('endjavascript'));
  engine.registerTag('stylesheet', silentBlock('endstylesheet'));
  engine.registerTag('style', StyleTag);
  return engine;
}

/** Shopify's global objects, as a storefront in French with a logged-in VIP customer has them. */
export function shopGlobals(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    shop: { currency: 'EUR', name: 'Maison Test' },
    cart: { total_price: 4590, item_count: 2, currency: { iso_code: 'EUR' } },
    localization: { language: { iso_code: 'fr' } },
    request: { design_mode: false, page_type: 'product' },
    customer: {
      id: 7301,
      tags: ['vip', 'newsletter'],
      metafields: { loyalty: { points: { value: 1380 }, tier: { value: 'Silver' } } },
    },
    product: { price: 4990, selected_or_first_available_variant: { price: 4990 } },
    ...overrides,
  };
}

export interface SectionInput {
  settings?: Record<string, unknown>;
  blocks?: Array<{ type: string; settings: Record<string, unknown> }>;
  globals?: Record<string, unknown>;
  id?: string;
}

/**
 * Renders a section as the theme editor would: its settings are the schema's defaults with
 * `settings` on top, its blocks those given (default: the first preset's).
 */
export async function renderSection(path: string, input: SectionInput = {}): Promise<string> {
  const schema = schemaOf(path);
  const blockDefaults = (type: string) => defaultsOf(schema.blocks?.find((block) => block.type === type)?.settings);
  const blocks = (input.blocks ?? schema.presets?.[0]?.blocks ?? []).map((block, index) => ({
    id: `block-${index}`,
    type: block.type,
    settings: { ...blockDefaults(block.type), ...block.settings },
    shopify_attributes: `data-shopify-editor-block="block-${index}"`,
  }));
  const section = {
    id: input.id ?? 'template--1__main',
    settings: { ...defaultsOf(schema.settings), ...input.settings },
    blocks,
  };
  const globals = shopGlobals(input.globals);
  return renderLiquid(themeFiles[path] ?? '', { section, ...globals }, globals);
}

/** Renders Liquid source; `globals` are also seen by the snippets it renders, as Shopify's objects are. */
export async function renderLiquid(source: string, scope: object, globals: object): Promise<string> {
  return String(await themeEngine().parseAndRender(source, scope, { globals }));
}

/** Renders the app embed block with its defaults and `settings` on top. */
export async function renderEmbed(settings: Record<string, unknown> = {}, globals: Record<string, unknown> = {}) {
  return renderBlock(EMBED, settings, globals);
}

/** Renders a block of the theme app extension (the embed or an app block) with its defaults and `settings` on top. */
export async function renderBlock(
  path: string,
  settings: Record<string, unknown> = {},
  globals: Record<string, unknown> = {},
): Promise<string> {
  const block = {
    id: 'block-1',
    settings: { ...defaultsOf(schemaOf(path).settings), ...settings },
    shopify_attributes: 'data-shopify-editor-block="block-1"',
  };
  const all = shopGlobals(globals);
  return renderLiquid(themeFiles[path] ?? '', { block, ...all }, all);
}

/** HTML parsed without running or upgrading anything (a template's content is inert). */
export function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/**
 * Puts rendered `<head>` markup (the head snippet) into this page as the HTML parser would: markup
 * set through innerHTML never runs its scripts, so each script is made anew. Resolves once every
 * external script has loaded (a module has then run).
 */
export async function appendToHead(markup: string): Promise<void> {
  const head = document.createElement('template');
  head.innerHTML = markup;
  const loaded: Array<Promise<void>> = [];
  for (const node of [...head.content.children]) {
    if (node.localName !== 'script') {
      document.head.append(node);
      continue;
    }
    const script = document.createElement('script');
    for (const { name, value } of node.attributes) script.setAttribute(name, value);
    script.textContent = node.textContent;
    if (script.src) {
      loaded.push(
        new Promise((resolve, reject) => {
          script.addEventListener('load', () => resolve(), { once: true });
          script.addEventListener('error', () => reject(new Error(`could not load ${script.src}`)), { once: true });
        }),
      );
    }
    document.head.append(script);
  }
  await Promise.all(loaded);
}
