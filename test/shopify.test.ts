/**
 * The Shopify examples (`examples/shopify/`): each section renders its widget with attributes the
 * widget has, from the theme editor's settings and Shopify's objects (cart in cents → major units,
 * the customer, the language, the theme editor → preview), every value escaped; every
 * `{% schema %}` is JSON the theme editor accepts. Rendered with liquidjs, as Shopify would.
 */
import { describe, expect, test } from 'vitest';
import manifest from '../custom-elements.json';
import {
  APP_BLOCKS,
  ASSET_BASE,
  ASSET_VERSION,
  EMBED,
  SECTIONS,
  defaultsOf,
  renderBlock,
  schemaLocales,
  translated,
  fragmentOf,
  renderEmbed,
  renderSection,
  schemaOf,
  renderLiquid,
  themeFiles,
  shopGlobals,
  type Setting,
} from './shopify-theme.js';

const HOSTILE = '"><img src=x onerror=alert(1)>';

/** SPEC section 2's targeting attributes, common to all six widgets. */
const TARGETING = ['pages', 'exclude-pages', 'device', 'visitor', 'cart-min', 'cart-max', 'customer', 'utm-source'];

/** The attributes each tag has, from the custom-elements manifest. */
const ATTRIBUTES = new Map<string, Set<string>>();
for (const module of (manifest as { modules: Array<{ declarations?: Array<Record<string, unknown>> }> }).modules) {
  for (const declaration of module.declarations ?? []) {
    const tag = declaration.tagName as string | undefined;
    const attributes = (declaration.attributes as Array<{ name: string }> | undefined) ?? [];
    if (tag) ATTRIBUTES.set(tag, new Set(attributes.map((attribute) => attribute.name)));
  }
}

/** sections/vitrine-countdown.liquid → vitrine-countdown */
const tagOf = (path: string) => path.replace(/^sections\/|\.liquid$/g, '');

async function widgetOf(path: string, input: Parameters<typeof renderSection>[1] = {}): Promise<Element> {
  const fragment = fragmentOf(await renderSection(path, input));
  const widgets = fragment.querySelectorAll(tagOf(path));
  expect(widgets, `${path} renders one <${tagOf(path)}>`).toHaveLength(1);
  return widgets[0];
}

const attributesOf = (element: Element) =>
  Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value]));

/** Every setting a merchant types (text-like): the ones a hostile value could come through. */
const typedSettings = (settings: Setting[] = []) =>
  settings.filter((setting) => setting.id && ['text', 'textarea', 'url'].includes(setting.type));

test('there is a section per widget, a head snippet and an app embed', () => {
  expect(SECTIONS.map(tagOf)).toEqual([
    'vitrine-countdown',
    'vitrine-exit-popup',
    'vitrine-loyalty-badge',
    'vitrine-shipping-progress',
    'vitrine-sticky-bar',
    'vitrine-wheel',
  ]);
  expect(themeFiles['snippets/vitrine-head.liquid']).toBeDefined();
  expect(themeFiles[EMBED]).toBeDefined();
  // Written by `npm run build` from the sections: one app block per in-flow widget.
  expect(APP_BLOCKS).toEqual([
    'app/blocks/vitrine-countdown.liquid',
    'app/blocks/vitrine-loyalty-badge.liquid',
    'app/blocks/vitrine-shipping-progress.liquid',
    'app/blocks/vitrine-wheel.liquid',
  ]);
});

describe.each(SECTIONS)('%s', (path) => {
  const tag = tagOf(path);

  test('renders the widget, with only attributes the widget has', async () => {
    const fragment = fragmentOf(await renderSection(path));
    expect(fragment.querySelectorAll(tag)).toHaveLength(1);
    // The widget and what it holds (segments, goals, a bar's countdown): every attribute is real.
    for (const element of fragment.querySelectorAll('*')) {
      const known = ATTRIBUTES.get(element.localName);
      if (!known) continue;
      for (const name of element.getAttributeNames()) {
        if (name === 'id' || name.startsWith('data-shopify-editor') || TARGETING.includes(name)) continue;
        expect(known, `<${element.localName} ${name}> in ${path}`).toContain(name);
      }
    }
  });

  test('every typed setting is escaped: a hostile value stays text', async () => {
    const schema = schemaOf(path);
    const settings = Object.fromEntries(typedSettings(schema.settings).map((setting) => [setting.id!, HOSTILE]));
    const blocks = (schema.blocks ?? []).map((block) => ({
      type: block.type,
      settings: {
        ...defaultsOf(block.settings),
        ...Object.fromEntries(typedSettings(block.settings).map((s) => [s.id!, HOSTILE])),
      },
    }));
    const html = await renderSection(path, { settings, blocks });
    const fragment = fragmentOf(html);
    expect(fragment.querySelector('img')).toBeNull();
    expect(html).not.toContain('<img');
    // The value reaches the widget as the merchant typed it (once decoded), e.g. the campaign.
    expect(fragment.querySelector(tag)!.getAttribute('campaign')).toBe(HOSTILE);
  });

  test('in the theme editor the widget is in preview; outside it is not', async () => {
    const editing = await widgetOf(path, { globals: { request: { design_mode: true } } });
    expect(editing.hasAttribute('preview')).toBe(true);
    const live = await widgetOf(path);
    expect(live.hasAttribute('preview')).toBe(false);
  });

  test('speaks the storefront language', async () => {
    expect((await widgetOf(path)).getAttribute('lang')).toBe('fr');
    const english = await widgetOf(path, { globals: { localization: { language: { iso_code: 'en' } } } });
    expect(english.getAttribute('lang')).toBe('en');
  });

  test('targeting settings become the targeting attributes; blank ones are left out', async () => {
    expect(Object.keys(attributesOf(await widgetOf(path))).filter((name) => TARGETING.includes(name))).toEqual([]);
    const targeted = await widgetOf(path, {
      settings: {
        pages: '/products/* /collections/sale',
        exclude_pages: '/cart',
        device: 'mobile',
        visitor: 'returning',
        cart_min: 30,
        cart_max: 200,
        customer: 'tag',
        customer_tag: 'vip',
        utm_source: 'newsletter',
        campaign: 'bf-2026',
        start: '2026-11-27T00:00',
        end: '2026-11-30T23:59',
        timezone: 'Europe/Paris',
        variant: 'B',
      },
    });
    expect(attributesOf(targeted)).toMatchObject({
      pages: '/products/* /collections/sale',
      'exclude-pages': '/cart',
      device: 'mobile',
      visitor: 'returning',
      'cart-min': '30',
      'cart-max': '200',
      customer: 'tag:vip',
      'utm-source': 'newsletter',
      campaign: 'bf-2026',
      start: '2026-11-27T00:00',
      end: '2026-11-30T23:59',
      timezone: 'Europe/Paris',
      variant: 'B',
    });
    expect((await widgetOf(path, { settings: { customer: 'member' } })).getAttribute('customer')).toBe('member');
    expect((await widgetOf(path, { settings: { customer: 'tag', customer_tag: '' } })).hasAttribute('customer')).toBe(
      false,
    );
  });

  test('recurrence settings become every, days, from and until; "every day" and blank ones are left out', async () => {
    const none = attributesOf(await widgetOf(path));
    for (const name of ['every', 'days', 'from', 'until']) expect(none).not.toHaveProperty(name);
    const weekends = attributesOf(
      await widgetOf(path, {
        settings: { repeat_every: 'day', repeat_days: 'fri,sat,sun', repeat_from: '18:00', repeat_until: '23:59' },
      }),
    );
    expect(weekends).toMatchObject({ days: 'fri,sat,sun', from: '18:00', until: '23:59' });
    expect(weekends).not.toHaveProperty('every');
    const weekly = attributesOf(
      await widgetOf(path, { settings: { repeat_every: 'week', repeat_from: 'fri 18:00', repeat_until: 'sun 23:59' } }),
    );
    expect(weekly).toMatchObject({ every: 'week', from: 'fri 18:00', until: 'sun 23:59' });
    expect(weekly).not.toHaveProperty('days');
  });

  test('theme-editor colours become the custom properties of this widget only', async () => {
    const html = await renderSection(path, { settings: { color_accent: '#b91c1c', color_text: '#111827' } });
    const fragment = fragmentOf(html);
    const style = fragment.querySelector('style')!;
    const widget = fragment.querySelector(tag)!;
    expect(style.textContent).toContain(`#${widget.id}`);
    expect(style.textContent).toContain('--vitrine-color-accent: #b91c1c;');
    expect(style.textContent).toContain('--vitrine-color-text: #111827;');
    expect(style.textContent).not.toContain('--vitrine-color-surface');
    // Blank colours: no stylesheet at all; never a style="" attribute (strict CSP).
    expect(fragmentOf(await renderSection(path)).querySelector('style')).toBeNull();
    expect(fragment.querySelector('[style]')).toBeNull();
  });
});

describe('values from Shopify objects', () => {
  test('countdown: deadline, label, format, layout and the expired text', async () => {
    const countdown = await widgetOf('sections/vitrine-countdown.liquid', {
      settings: {
        deadline: '2026-11-27T23:59',
        daily: '',
        label: 'Fin des soldes dans',
        format: 'dhms',
        on_end: 'stay',
        expired_text: 'Trop tard !',
      },
    });
    expect(attributesOf(countdown)).toMatchObject({
      deadline: '2026-11-27T23:59',
      label: 'Fin des soldes dans',
      format: 'dhms',
      'on-end': 'stay',
    });
    expect(countdown.hasAttribute('daily')).toBe(false);
    expect(countdown.querySelector('[slot="expired"]')!.textContent).toBe('Trop tard !');
  });

  test('shipping progress in attribute mode: cart.total_price in cents becomes major units', async () => {
    const progress = await widgetOf('sections/vitrine-shipping-progress.liquid', {
      settings: { cart_source: 'attribute', threshold: 60 },
      globals: { cart: { total_price: 4590, item_count: 1, currency: { iso_code: 'CHF' } } },
    });
    expect(attributesOf(progress)).toMatchObject({
      'cart-source': 'attribute',
      total: '45.9',
      currency: 'CHF',
      threshold: '60',
    });
    const round = await widgetOf('sections/vitrine-shipping-progress.liquid', {
      settings: { cart_source: 'attribute' },
      globals: { cart: { total_price: 6000, item_count: 1, currency: { iso_code: 'EUR' } } },
    });
    expect(Number(round.getAttribute('total'))).toBe(60);
    const empty = await widgetOf('sections/vitrine-shipping-progress.liquid', {
      settings: { cart_source: 'attribute' },
      globals: { cart: { total_price: 0, item_count: 0, currency: { iso_code: 'EUR' } } },
    });
    expect(Number(empty.getAttribute('total'))).toBe(0);
  });

  test('shipping progress by default follows the live cart, thresholds in the shop currency, with goals', async () => {
    const progress = await widgetOf('sections/vitrine-shipping-progress.liquid', {
      settings: { threshold: 59.9 },
      blocks: [{ type: 'goal', settings: { amount: 100, label: 'une bougie offerte' } }],
      globals: { shop: { currency: 'GBP' }, cart: { total_price: 1000, currency: { iso_code: 'EUR' } } },
    });
    expect(progress.hasAttribute('total')).toBe(false);
    expect(progress.getAttribute('cart-source')).toBe('shopify');
    expect(progress.getAttribute('currency')).toBe('GBP');
    expect(progress.getAttribute('threshold')).toBe('59.9');
    expect(attributesOf(progress.querySelector('vitrine-goal')!)).toMatchObject({
      amount: '100',
      label: 'une bougie offerte',
    });
  });

  test('loyalty badge: the product price in cents becomes major units', async () => {
    const badge = await widgetOf('sections/vitrine-loyalty-badge.liquid', {
      globals: { product: { price: 4990, selected_or_first_available_variant: { price: 3990 } } },
    });
    expect(attributesOf(badge)).toMatchObject({ price: '39.9', rate: '1', currency: 'EUR' });
    expect(badge.hasAttribute('cart')).toBe(false);
  });

  test('loyalty badge: cart mode, and customer mode from the customer metafields', async () => {
    const cart = await widgetOf('sections/vitrine-loyalty-badge.liquid', { settings: { badge_mode: 'cart' } });
    expect(cart.hasAttribute('cart')).toBe(true);
    expect(cart.hasAttribute('price')).toBe(false);
    const member = await widgetOf('sections/vitrine-loyalty-badge.liquid', {
      settings: { badge_mode: 'customer', tier_metafield: 'loyalty.tier' },
    });
    expect(attributesOf(member)).toMatchObject({
      points: '1380',
      tier: 'Silver',
      tiers: 'Bronze:0, Silver:500, Gold:1500',
    });
    const guest = await widgetOf('sections/vitrine-loyalty-badge.liquid', {
      settings: { badge_mode: 'customer' },
      globals: { customer: null },
    });
    expect(guest.hasAttribute('points')).toBe(false);
  });

  test('wheel: one segment per slice block, losing slices without a code; pop-up settings only in pop-up mode', async () => {
    const wheel = await widgetOf('sections/vitrine-wheel.liquid', { settings: { wheel_trigger: 'time:20s' } });
    const segments = [...wheel.querySelectorAll('vitrine-wheel-segment')].map(attributesOf);
    expect(segments.map((segment) => [segment.label, segment.code ?? null, segment.weight])).toEqual([
      ['-10 %', 'WHEEL10', '3'],
      ['Free shipping', 'WHEELSHIP', '2'],
      ['-20 %', 'WHEEL20', '1'],
      ['Try again', null, '4'],
    ]);
    expect(wheel.getAttribute('mode')).toBe('inline');
    expect(wheel.hasAttribute('trigger')).toBe(false);
    const popup = await widgetOf('sections/vitrine-wheel.liquid', {
      settings: { wheel_mode: 'popup', wheel_trigger: 'time:20s' },
    });
    expect(popup.getAttribute('trigger')).toBe('time:20s');
  });

  test('the e-mail tool: Klaviyo or Mailchimp from the section\'s "E-mail tool" block, else "Send emails to" as it was', async () => {
    const klaviyo = await widgetOf('sections/vitrine-exit-popup.liquid', {
      settings: { popup_reveal: 'confirmed' },
      blocks: [
        {
          type: 'email_tool',
          settings: {
            lead_provider: 'klaviyo',
            lead_public_key: 'AbC123',
            lead_list: 'Y6nRLr',
            lead_double_opt_in: true,
          },
        },
      ],
    });
    expect(attributesOf(klaviyo)).toMatchObject({
      action: 'klaviyo',
      'public-key': 'AbC123',
      list: 'Y6nRLr',
      'double-opt-in': '',
      reveal: 'confirmed',
    });
    const formUrl = 'https://shop.us21.list-manage.com/subscribe/post?u=1a2b&id=9f8e';
    const mailchimp = await widgetOf('sections/vitrine-wheel.liquid', {
      blocks: [
        { type: 'segment', settings: { label: '-10 %', code: 'TEN' } },
        {
          type: 'email_tool',
          settings: { lead_provider: 'mailchimp', lead_form_url: formUrl, lead_code_endpoint: '/apps/codes' },
        },
      ],
    });
    // The e-mail tool's block is no slice of the wheel.
    expect(mailchimp.querySelectorAll('vitrine-wheel-segment')).toHaveLength(1);
    expect(attributesOf(mailchimp)).toMatchObject({
      action: 'mailchimp',
      'form-url': formUrl,
      'code-endpoint': '/apps/codes',
    });
    expect(mailchimp.hasAttribute('public-key')).toBe(false);
    const asBefore = await widgetOf('sections/vitrine-exit-popup.liquid');
    expect(asBefore.getAttribute('action')).toBe('shopify');
    expect(asBefore.hasAttribute('public-key') || asBefore.hasAttribute('double-opt-in')).toBe(false);
    // An app block holds no blocks: there the e-mail tool's settings are the block's own.
    const appWheel = fragmentOf(
      await renderBlock('app/blocks/vitrine-wheel.liquid', {
        lead_provider: 'klaviyo',
        lead_public_key: 'AbC123',
        lead_list: 'L1',
      }),
    ).querySelector('vitrine-wheel')!;
    expect(attributesOf(appWheel)).toMatchObject({ action: 'klaviyo', 'public-key': 'AbC123', list: 'L1' });
  });

  test('sticky bar: one message per block, rich text kept, a countdown after a message', async () => {
    const bar = await widgetOf('sections/vitrine-sticky-bar.liquid', {
      settings: {
        bar_message: 'Livraison <strong>offerte</strong>',
        bar_deadline: '2026-11-27T23:59',
        timezone: 'Europe/Paris',
      },
      blocks: [{ type: 'message', settings: { text: 'Nouvelle collection', deadline: '' } }],
    });
    const messages = [...bar.children];
    expect(messages.map((message) => message.localName)).toEqual(['p', 'p']);
    expect(messages[0].querySelector('strong')!.textContent).toBe('offerte');
    expect(attributesOf(messages[0].querySelector('vitrine-countdown')!)).toMatchObject({
      layout: 'inline',
      deadline: '2026-11-27T23:59',
      timezone: 'Europe/Paris',
    });
    expect(messages[1].getAttribute('data-shopify-editor-block')).toBe('block-0');
    expect(bar.hasAttribute('dismissible')).toBe(true);
  });
});

describe('the head snippet and the app embed', () => {
  const head = (globals: Record<string, unknown> = {}, base_url?: string) =>
    renderLiquid("{% render 'vitrine-head', base_url: base_url %}", { base_url }, shopGlobals(globals));

  /** Runs the snippet's inline script in this page, before any loader, and returns what it queued. */
  function queued(html: string): unknown {
    const source = [...fragmentOf(html).querySelectorAll('script')].find((element) => !element.src);
    const page = globalThis as { vitrine?: unknown };
    delete page.vitrine;
    const script = document.createElement('script');
    script.textContent = source?.textContent ?? '';
    document.head.append(script);
    script.remove();
    const queue = page.vitrine;
    delete page.vitrine;
    return queue;
  }

  test("the loader as a module and its stylesheet, from the theme's assets by default or a folder of your own", async () => {
    const fragment = fragmentOf(await head());
    expect(fragment.querySelector('script[type="module"]')!.getAttribute('src')).toBe(
      `${ASSET_BASE}vitrine.js${ASSET_VERSION}`,
    );
    expect(fragment.querySelector('link[rel="stylesheet"]')!.getAttribute('href')).toBe(
      `${ASSET_BASE}vitrine.css${ASSET_VERSION}`,
    );
    const own = fragmentOf(await head({}, 'https://cdn.example.com/vitrine'));
    expect(own.querySelector('script[type="module"]')!.getAttribute('src')).toBe(
      'https://cdn.example.com/vitrine/vitrine.js',
    );
    const hostile = await head({}, `https://x.test/${HOSTILE}/`);
    expect(fragmentOf(hostile).querySelector('img')).toBeNull();
  });

  test('publishes who is browsing on the customer topic: id and tags, or a guest', async () => {
    expect(queued(await head())).toEqual([['publish', 'customer', { id: '7301', tags: ['vip', 'newsletter'] }]]);
    expect(queued(await head({ customer: null }))).toEqual([['publish', 'customer', {}]]);
    // A tag can never close the script.
    const tricky = await head({ customer: { id: 1, tags: ['</script><img src=x onerror=alert(1)>'] } });
    expect(tricky).not.toContain('</script><img');
    expect(queued(tricky)).toEqual([
      ['publish', 'customer', { id: '1', tags: ['</script><img src=x onerror=alert(1)>'] }],
    ]);
  });

  test('the app embed loads Vitrine and switches the site-wide bar and pop-up on', async () => {
    const off = fragmentOf(await renderEmbed());
    expect(off.querySelector('script[type="module"]')).not.toBeNull();
    expect(off.querySelector('vitrine-sticky-bar, vitrine-exit-popup')).toBeNull();
    const on = fragmentOf(
      await renderEmbed({
        bar_enabled: true,
        popup_enabled: true,
        popup_heading: HOSTILE,
        base_url: 'https://cdn.example.com/v/',
      }),
    );
    expect(on.querySelector('script[type="module"]')!.getAttribute('src')).toBe('https://cdn.example.com/v/vitrine.js');
    expect(on.querySelector('vitrine-sticky-bar > p')!.textContent).toBe('Free shipping from 60 €');
    expect(attributesOf(on.querySelector('vitrine-exit-popup')!)).toMatchObject({
      heading: HOSTILE,
      capture: '',
      code: 'WELCOME10',
      action: 'shopify',
      trigger: 'exit',
      lang: 'fr',
    });
    expect(on.querySelector('img')).toBeNull();
  });

  test('the app embed can show a pop-up wheel, its slices one a line', async () => {
    expect(fragmentOf(await renderEmbed()).querySelector('vitrine-wheel')).toBeNull();
    const on = fragmentOf(
      await renderEmbed({
        wheel_enabled: true,
        wheel_segments: `-10 % | WHEEL10 | 3\n  Free shipping|SHIP\n\nSo close!\n${HOSTILE} | X | 1 | #123456`,
      }),
    );
    const wheel = on.querySelector('vitrine-wheel')!;
    expect(attributesOf(wheel)).toMatchObject({ mode: 'popup', trigger: 'time:20s', capture: '', action: 'shopify' });
    expect([...wheel.children].map(attributesOf)).toEqual([
      { label: '-10 %', code: 'WHEEL10', weight: '3' },
      { label: 'Free shipping', code: 'SHIP' },
      { label: 'So close!' },
      { label: HOSTILE, code: 'X', weight: '1', color: '#123456' },
    ]);
    expect(on.querySelector('img')).toBeNull();
  });
});

describe('the app blocks (theme app extension)', () => {
  test('one per in-flow widget, each rendering its widget from the same snippet as the section', async () => {
    for (const path of APP_BLOCKS) {
      const tag = path.replace(/^app\/blocks\/|\.liquid$/g, '');
      const widgets = fragmentOf(await renderBlock(path)).querySelectorAll(tag);
      expect(widgets, path).toHaveLength(1);
      expect(widgets[0].id, path).toBe(`${tag}-block-1`);
    }
  });

  test('the wheel is in the page, its slices and the progress goals come from one line each', async () => {
    const wheel = fragmentOf(await renderBlock('app/blocks/vitrine-wheel.liquid')).querySelector('vitrine-wheel')!;
    expect(wheel.hasAttribute('mode')).toBe(false);
    expect(wheel.querySelectorAll('vitrine-wheel-segment').length).toBeGreaterThan(2);
    const progress = fragmentOf(
      await renderBlock('app/blocks/vitrine-shipping-progress.liquid', { goals: '100 | une bougie offerte\n150' }),
    ).querySelector('vitrine-shipping-progress')!;
    expect([...progress.querySelectorAll('vitrine-goal')].map(attributesOf)).toEqual([
      { amount: '100', label: 'une bougie offerte' },
      { amount: '150' },
    ]);
  });
});

describe('every {% schema %} is one the theme editor accepts', () => {
  const FILES_WITH_SCHEMA = [...SECTIONS, EMBED, ...APP_BLOCKS];
  const TYPES = new Set([
    'text',
    'textarea',
    'richtext',
    'inline_richtext',
    'number',
    'range',
    'checkbox',
    'select',
    'color',
    'url',
    'product',
    'header',
    'paragraph',
  ]);

  /** Checks one list of settings: shape, unique ids, defaults valid for their type. */
  function checkSettings(where: string, settings: Setting[]): void {
    const ids = settings.filter((setting) => setting.id).map((setting) => setting.id!);
    expect(new Set(ids).size, `duplicate setting ids in ${where}`).toBe(ids.length);
    for (const setting of settings) {
      const name = `${where} ${setting.id ?? setting.type}`;
      expect(TYPES, name).toContain(setting.type);
      if (setting.type === 'header' || setting.type === 'paragraph') {
        expect(setting.content, name).toEqual(expect.any(String));
        continue;
      }
      expect(setting.id, name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(setting.label, name).toEqual(expect.any(String));
      const value = setting.default;
      if (value === undefined) continue;
      switch (setting.type) {
        case 'checkbox':
          expect(value, name).toEqual(expect.any(Boolean));
          break;
        case 'number':
          expect(value, name).toEqual(expect.any(Number));
          break;
        case 'range':
          // The theme editor refuses a range without bounds, or with more than 101 steps.
          expect(value, name).toEqual(expect.any(Number));
          expect(value, name).toBeGreaterThanOrEqual(setting.min!);
          expect(value, name).toBeLessThanOrEqual(setting.max!);
          expect((setting.max! - setting.min!) / setting.step!, name).toBeLessThanOrEqual(101);
          break;
        case 'select':
          expect(
            setting.options!.map((option) => option.value),
            name,
          ).toContain(value);
          break;
        case 'color':
          expect(value, name).toMatch(/^#[0-9a-f]{6}$/i);
          break;
        case 'richtext':
          expect(value, name).toMatch(/^<(p|ul|ol|h[1-6])>/);
          break;
        default:
          expect(value, name).toEqual(expect.any(String));
      }
    }
  }

  /** Every text the theme editor shows: a `t:` key found in the English and the French locale. */
  function checkTexts(path: string, schema: unknown): void {
    const walk = (value: unknown, key: string): void => {
      if (Array.isArray(value)) return value.forEach((item) => walk(item, key));
      if (value && typeof value === 'object') {
        // Defaults and a preset's settings (an object, where a schema's are a list) are values, not texts.
        for (const [name, inner] of Object.entries(value))
          if (name !== 'default' && !(name === 'settings' && !Array.isArray(inner))) walk(inner, name);
        return;
      }
      if (!['name', 'label', 'info', 'content'].includes(key) || typeof value !== 'string') return;
      expect(value, `${path}: ${key} "${value}" is not a t: key`).toMatch(/^t:/);
      for (const language of ['en', 'fr'] as const)
        expect(translated(value, language), `${path}: ${value} in ${language}`).toEqual(expect.any(String));
    };
    walk(schema, '');
  }

  test('the two schema locales hold the same keys', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
        typeof inner === 'object' ? keys(inner, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(schemaLocales.fr)).toEqual(keys(schemaLocales.en));
  });

  test.each(FILES_WITH_SCHEMA)('%s', (path) => {
    const schema = schemaOf(path);
    checkTexts(path, schema);
    for (const language of ['en', 'fr'] as const)
      expect(translated(schema.name, language)!.length).toBeLessThanOrEqual(25);
    expect(schema.settings).toEqual(expect.any(Array));
    checkSettings(path, schema.settings);
    for (const block of schema.blocks ?? []) {
      expect(block.type).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(block.name).toEqual(expect.any(String));
      checkSettings(`${path} block ${block.type}`, block.settings ?? []);
    }
    const ids = new Set(schema.settings.map((setting) => setting.id));
    for (const preset of schema.presets ?? []) {
      for (const id of Object.keys(preset.settings ?? {})) expect(ids, `${path} preset setting ${id}`).toContain(id);
      for (const block of preset.blocks ?? []) {
        const blockSchema = schema.blocks?.find((candidate) => candidate.type === block.type);
        expect(blockSchema, `${path} preset block ${block.type}`).toBeDefined();
        const blockIds = new Set(blockSchema!.settings?.map((setting) => setting.id));
        for (const id of Object.keys(block.settings ?? {}))
          expect(blockIds, `${path} preset block setting ${id}`).toContain(id);
      }
    }
  });

  test('every setting is used by the markup, and the markup reads no setting the schema lacks', () => {
    const snippets = Object.entries(themeFiles)
      .filter(([path]) => path.startsWith('snippets/'))
      .map(([, source]) => source)
      .join('\n');
    const read = new Set([...snippets.matchAll(/\bsettings\.([a-z0-9_]+)/g)].map((match) => match[1]));
    const declared = new Set<string>();
    for (const path of FILES_WITH_SCHEMA) {
      const schema = schemaOf(path);
      for (const setting of [...schema.settings, ...(schema.blocks ?? []).flatMap((block) => block.settings ?? [])]) {
        if (!setting.id) continue;
        declared.add(setting.id);
        // The embed's base_url goes to the head snippet as a parameter, not through `settings`.
        if (setting.id === 'base_url' || setting.id.endsWith('_enabled')) continue;
        expect(read, `${path}: setting ${setting.id} is never read`).toContain(setting.id);
      }
    }
    for (const id of read) expect(declared, `settings.${id} is declared nowhere`).toContain(id);
  });

  test('the schedule, targeting and colour settings are the same in every section', () => {
    const shared = (path: string) => {
      const settings = schemaOf(path).settings;
      return settings.slice(
        settings.findIndex((setting) => setting.type === 'header' && setting.content === 't:content.headers.colours'),
      );
    };
    const first = shared(SECTIONS[0]);
    expect(first.map((setting) => setting.id).filter(Boolean)).toEqual(
      expect.arrayContaining([
        'campaign',
        'pages',
        'exclude_pages',
        'device',
        'visitor',
        'cart_min',
        'cart_max',
        'customer',
        'customer_tag',
        'utm_source',
        'color_accent',
      ]),
    );
    for (const path of SECTIONS) expect(shared(path), path).toEqual(first);
  });
});
