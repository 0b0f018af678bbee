/**
 * Every widget in every language (issue 20): each language's chunk has every text of every widget
 * (and every plural form its language needs), nothing is left in English on a German page, each
 * language passes axe, an unknown language falls back quietly, and the merchant's own texts win.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import axe from 'axe-core';
import {
  addTexts,
  couponTexts,
  getBus,
  LANGUAGES,
  leadFormTexts,
  pageValue,
  placeholdersOf,
  loadCoupon,
  popupTexts,
  type Catalog,
  type Language,
  type LanguagePack,
} from '@vitrine/core';
import { countdownTexts } from '../packages/countdown/src/countdown.js';
import { stickyBarTexts } from '../packages/sticky-bar/src/sticky-bar.js';
import { exitPopupTexts } from '../packages/exit-popup/src/exit-popup.js';
import { wheelTexts } from '../packages/wheel/src/wheel.js';
import { shippingProgressTexts } from '../packages/shipping-progress/src/shipping-progress.js';
import { loyaltyBadgeTexts } from '../packages/loyalty-badge/src/loyalty-badge.js';
import de from '../packages/core/src/i18n/texts/de.js';
import es from '../packages/core/src/i18n/texts/es.js';
import it from '../packages/core/src/i18n/texts/it.js';
import nl from '../packages/core/src/i18n/texts/nl.js';
import pt from '../packages/core/src/i18n/texts/pt.js';
import pl from '../packages/core/src/i18n/texts/pl.js';
import sv from '../packages/core/src/i18n/texts/sv.js';
import da from '../packages/core/src/i18n/texts/da.js';
import ar from '../packages/core/src/i18n/texts/ar.js';
import he from '../packages/core/src/i18n/texts/he.js';
import 'vitrine/define';
import * as apiChunk from '../packages/vitrine/src/api.js';
import { installApi } from '../packages/vitrine/src/window.js';
import { useTestPage } from './support/fixture.js';

// The code block (copy button) is a chunk fetched when a code is about to show (coupon-later.ts);
// here codes show right after a render, so it is here from the start.
beforeAll(() => loadCoupon());

const page = useTestPage({ freshBus: true });

const PACKS: Record<Exclude<Language, 'en' | 'fr'>, LanguagePack> = { de, es, it, nl, pt, pl, sv, da, ar, he };

/** Each widget with the catalogs of what it shows (core's lead form, coupon and pop-up close button included). */
const WIDGETS: Array<[string, Array<Catalog<string>>]> = [
  ['countdown', [countdownTexts]],
  ['sticky-bar', [stickyBarTexts, couponTexts]],
  ['exit-popup', [exitPopupTexts, leadFormTexts, couponTexts, popupTexts]],
  ['wheel', [wheelTexts, leadFormTexts, couponTexts, popupTexts]],
  ['shipping-progress', [shippingProgressTexts]],
  ['loyalty-badge', [loyaltyBadgeTexts]],
];

const PLURAL = /(Zero|One|Two|Few|Many|Other)$/;
const capitalized = (category: string) => `${category[0].toUpperCase()}${category.slice(1)}`;

/** What a catalog's English keys ask of `language`: every key, and each plural base in every form the language has. */
function problemsOf(catalog: Catalog<string>, language: Exclude<Language, 'en' | 'fr'>): string[] {
  const texts = PACKS[language][catalog.scope] ?? {};
  const problems: string[] = [];
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const [key, english] of Object.entries(catalog.en)) {
    const plural = key.endsWith('Other') ? key.slice(0, -'Other'.length) : null;
    // English's own plural forms (`daysOne`) are asked for with the base's, in the language's forms.
    if (!plural && PLURAL.test(key) && key.replace(PLURAL, 'Other') in catalog.en) continue;
    const keys = plural ? categories.map((category) => `${plural}${capitalized(category)}`) : [key];
    for (const wanted of keys) {
      const text = texts[wanted];
      if (!text?.trim()) {
        problems.push(`${language}.${catalog.scope}.${wanted} is missing`);
        continue;
      }
      // A plural form may say its number in words ("نقطتان", two points): {count} alone may go.
      const needed = placeholdersOf(english).filter((name) => !(plural && name === 'count'));
      for (const name of needed)
        if (!placeholdersOf(text).includes(name))
          problems.push(`${language}.${catalog.scope}.${wanted} lacks {${name}}`);
      for (const name of placeholdersOf(text))
        if (!placeholdersOf(english).includes(name))
          problems.push(`${language}.${catalog.scope}.${wanted} has an unknown {${name}}`);
    }
  }
  for (const key of Object.keys(texts)) {
    const known = key in catalog.en || (PLURAL.test(key) && key.replace(PLURAL, 'Other') in catalog.en);
    if (!known) problems.push(`${language}.${catalog.scope}.${key} is not a key of the English catalog`);
  }
  return problems;
}

describe('every text in every language', () => {
  test.each(WIDGETS)('%s: each language has every key, plural form and placeholder', (_widget, catalogs) => {
    const problems = catalogs.flatMap((catalog) =>
      (Object.keys(PACKS) as Array<keyof typeof PACKS>).flatMap((language) => problemsOf(catalog, language)),
    );
    expect(problems).toEqual([]);
  });

  test('the language chunks hold nothing but the widgets’ catalogs', () => {
    const scopes = new Set(WIDGETS.flatMap(([, catalogs]) => catalogs.map((catalog) => catalog.scope)));
    for (const pack of Object.values(PACKS)) for (const scope of Object.keys(pack)) expect(scopes).toContain(scope);
  });

  test('Polish and Arabic have their plural forms', () => {
    expect(new Intl.PluralRules('pl').resolvedOptions().pluralCategories).toEqual(
      expect.arrayContaining(['one', 'few', 'many']),
    );
    expect(pl.countdown!.daysFew).not.toBe(pl.countdown!.daysOne);
    expect(ar['loyalty-badge']!.pointsTwo).not.toBe(ar['loyalty-badge']!.pointsFew);
  });
});

/** Merchant wording and numbers in the test widgets: the same in every language by design. */
const NEUTRAL = /^[\d\s.,:;%+\-–—()€$/|·•]*$|^(?:WELCOME10|Gold|Silver|Bronze|-10 %|-20 %|Rien)$/;

/** Every text a shopper reads or hears in the widgets' shadow roots: text, names, values, placeholders. */
function shopperTexts(root: Element): string[] {
  const texts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (text) texts.push(text);
      return;
    }
    if (node instanceof Element) {
      for (const name of ['aria-label', 'aria-valuetext', 'placeholder', 'title', 'alt']) {
        const value = node.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
      // A widget's light DOM is the merchant's content; its shadow root is ours.
      if (node.shadowRoot && node.localName.startsWith('vitrine-')) {
        walk(node.shadowRoot);
        return;
      }
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return texts;
}

/** Each widget in a state that shows most of its texts. */
async function renderAll(language: string): Promise<HTMLElement> {
  getBus().publish('coupon', { code: 'WELCOME10', campaign: 'lang-test' });
  const deadline = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();
  const root = await fixture<HTMLElement>(html`
    <main lang=${language}>
      <vitrine-countdown deadline=${deadline}></vitrine-countdown>
      <vitrine-sticky-bar position="bottom" dismissible show-coupon preview
        ><p>A</p>
        <p>B</p></vitrine-sticky-bar
      >
      <vitrine-exit-popup preview capture code="WELCOME10" trigger="time:600s"></vitrine-exit-popup>
      <vitrine-wheel rules-href="/rules" spins="2" preview capture>
        <vitrine-wheel-segment label="-10 %" code="TEN"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="-20 %" code="TWENTY"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Rien"></vitrine-wheel-segment>
      </vitrine-wheel>
      <vitrine-shipping-progress threshold="60" total="42.5" currency="EUR" cart-source="attribute">
      </vitrine-shipping-progress>
      <vitrine-loyalty-badge points="1380" tiers="Bronze:0, Silver:500, Gold:1500"></vitrine-loyalty-badge>
      <vitrine-loyalty-badge price="49.90"></vitrine-loyalty-badge>
    </main>
  `);
  const widgets = [...root.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('*')].filter(
    (element) => element.localName.startsWith('vitrine-') && 'updateComplete' in element,
  );
  for (const widget of widgets) await widget.updateComplete;
  await root.querySelector('vitrine-exit-popup')!.show();
  for (const widget of widgets) await widget.updateComplete;
  return root;
}

describe('a German page', () => {
  test('shows no built-in text in English: visible texts, names and values all differ', async () => {
    const english = new Set(shopperTexts(await renderAll('en')));
    // The renders must have found the texts, or the comparison below would prove nothing.
    expect(english).toContain('Spin the wheel');
    expect(english).toContain('Sign up');
    expect([...english].some((text) => text.startsWith('Countdown, ends'))).toBe(true);
    const german = shopperTexts(await renderAll('de'));
    expect(german).toContain('Glücksrad drehen');
    expect(german.filter((text) => english.has(text) && !NEUTRAL.test(text))).toEqual([]);
  });
});

describe('axe in every language', () => {
  test.each(LANGUAGES.map((language) => [language]))('%s', async (language) => {
    const root = await renderAll(language);
    const { violations } = await axe.run(root);
    expect(
      violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
});

describe('which language', () => {
  test('pt-BR reads as pt, an unknown language as English, without a warning', async () => {
    const root = await fixture<HTMLElement>(html`
      <div>
        <vitrine-exit-popup id="pt" lang="pt-BR" preview></vitrine-exit-popup>
        <vitrine-exit-popup id="xx" lang="xx" preview></vitrine-exit-popup>
        <div lang="pl-PL"><vitrine-exit-popup id="pl" preview></vitrine-exit-popup></div>
      </div>
    `);
    const name = async (id: string) => {
      const popup = root.querySelector<HTMLElementTagNameMap['vitrine-exit-popup']>(`#${id}`)!;
      await popup.show();
      await popup.updateComplete;
      // Closed again, so that the next one may open (its dialog is rendered once it opens).
      popup.hide();
      return popup.shadowRoot!.querySelector('dialog')!.getAttribute('aria-label');
    };
    expect(await name('pt')).toBe('Oferta especial');
    expect(await name('xx')).toBe('Special offer');
    expect(await name('pl')).toBe('Oferta specjalna');
    expect(page.warn).not.toHaveBeenCalled();
  });

  test('Polish plural forms: 1 dzień, 2 dni; 1 punkt, 3 punkty, 5 punktów', async () => {
    const at = (days: number) => new Date(Date.now() + days * 86_400_000 + 30_000).toISOString();
    const root = await fixture<HTMLElement>(html`
      <div lang="pl">
        <vitrine-countdown id="one" deadline=${at(1)}></vitrine-countdown>
        <vitrine-countdown id="two" deadline=${at(2)}></vitrine-countdown>
        <vitrine-loyalty-badge id="p1" price="1"></vitrine-loyalty-badge>
        <vitrine-loyalty-badge id="p3" price="3"></vitrine-loyalty-badge>
        <vitrine-loyalty-badge id="p5" price="5"></vitrine-loyalty-badge>
      </div>
    `);
    const shadow = (id: string) => root.querySelector(`#${id}`)!.shadowRoot!;
    for (const element of root.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('[id]'))
      await element.updateComplete;
    const days = (id: string) =>
      shadow(id).querySelector('[part~="segment-days"] .visually-hidden')!.textContent.trim();
    expect(days('one')).toBe('dzień');
    expect(days('two')).toBe('dni');
    const earn = (id: string) => shadow(id).querySelector('[part="label"]')!.textContent.replace(/\s+/g, ' ').trim();
    expect(earn('p1')).toBe('Zdobądź 1 punkt');
    expect(earn('p3')).toBe('Zdobądź 3 punkty');
    expect(earn('p5')).toBe('Zdobądź 5 punktów');
  });
});

describe('the merchant’s own texts', () => {
  const clearAdded = () => {
    const added = pageValue<unknown[]>('vitrine.texts');
    if (added) added.length = 0;
  };

  test('a <script data-vitrine-texts> block: per widget in every language, per language winning', async () => {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.dataset.vitrineTexts = '';
    block.textContent = JSON.stringify({
      'exit-popup': { name: 'Our gift to you' },
      de: { 'exit-popup': { name: 'Unser Geschenk' } },
    });
    document.head.append(block);
    page.cleanups.push(() => block.remove());
    const root = await fixture<HTMLElement>(html`
      <div>
        <vitrine-exit-popup lang="en" preview></vitrine-exit-popup>
        <vitrine-exit-popup lang="fr" preview></vitrine-exit-popup>
        <vitrine-exit-popup lang="es" preview></vitrine-exit-popup>
        <vitrine-exit-popup lang="de" preview></vitrine-exit-popup>
      </div>
    `);
    const names: Array<string | null> = [];
    for (const popup of root.querySelectorAll('vitrine-exit-popup')) {
      await popup.show();
      await popup.updateComplete;
      names.push(popup.shadowRoot!.querySelector('dialog')!.getAttribute('aria-label'));
      // Closed again, so that the next one may open (its dialog is rendered once it opens).
      popup.hide();
    }
    expect(names).toEqual(['Our gift to you', 'Our gift to you', 'Our gift to you', 'Unser Geschenk']);
    expect(page.warn).not.toHaveBeenCalled();
  });

  test('addTexts (window.vitrine.texts) re-renders the widgets on the page at once', async () => {
    page.cleanups.push(clearAdded);
    const bar = await fixture<HTMLElementTagNameMap['vitrine-sticky-bar']>(
      html`<vitrine-sticky-bar lang="it" dismissible><p>Ciao</p></vitrine-sticky-bar>`,
    );
    const close = () => bar.shadowRoot!.querySelector('[part="close-button"]')!.getAttribute('aria-label');
    expect(close()).toBe('Chiudi la barra degli annunci');
    addTexts({ 'sticky-bar': { close: 'Chiudi' } });
    // The overrides' chunk arrives (a request to the server: not timed), then the bar renders again.
    await expect.poll(close).toBe('Chiudi');
  });

  test('window.vitrine: a ["texts", …] queued before the loader, then vitrine.texts()', async () => {
    page.cleanups.push(clearAdded, () => delete (globalThis as { vitrine?: unknown }).vitrine);
    (globalThis as { vitrine?: unknown }).vitrine = [['texts', { coupon: { copy: 'Copy it' } }]];
    const api = installApi(
      () => Promise.resolve(apiChunk),
      () => apiChunk,
    );
    getBus().publish('coupon', { code: 'SPRING', campaign: 'api-test' });
    const bar = await fixture<HTMLElementTagNameMap['vitrine-sticky-bar']>(
      html`<vitrine-sticky-bar lang="nl" show-coupon preview></vitrine-sticky-bar>`,
    );
    const copy = () => bar.shadowRoot!.querySelector('[part="copy-button"]')!.textContent.trim();
    expect(copy()).toBe('Copy it');
    api.texts({ nl: { coupon: { copy: 'Pak hem' } } });
    await expect.poll(copy).toBe('Pak hem');
    expect(page.warn).not.toHaveBeenCalled();
  });

  test('an override that drops a placeholder warns once and keeps the built-in text', async () => {
    page.cleanups.push(clearAdded);
    addTexts({ 'shipping-progress': { message: 'Almost there for {goal}!' } });
    const root = await fixture<HTMLElement>(html`
      <div lang="en">
        <vitrine-shipping-progress threshold="60" total="40" cart-source="attribute"></vitrine-shipping-progress>
        <vitrine-shipping-progress threshold="60" total="50" cart-source="attribute"></vitrine-shipping-progress>
      </div>
    `);
    const messages: string[] = [];
    for (const progress of root.querySelectorAll('vitrine-shipping-progress')) {
      await progress.updateComplete;
      messages.push(progress.shadowRoot!.querySelector('[part="message"]')!.textContent.replace(/\s+/g, ' ').trim());
    }
    expect(messages).toEqual(['You are €20.00 away from free shipping', 'You are €10.00 away from free shipping']);
    expect(page.vitrineWarnings()).toEqual([
      '[vitrine] texts: ignored shipping-progress.message="Almost there for {goal}!": expected the placeholder {remaining}',
    ]);
  });

  test('an unknown widget or key warns once, and the rest still applies', async () => {
    page.cleanups.push(clearAdded);
    addTexts({ weel: { none: 'x' }, wheel: { spinn: 'y', spin: 'Try your luck' } });
    const wheel = await fixture<HTMLElementTagNameMap['vitrine-wheel']>(html`
      <vitrine-wheel lang="en" preview>
        <vitrine-wheel-segment label="-10 %" code="TEN"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Rien"></vitrine-wheel-segment>
      </vitrine-wheel>
    `);
    await wheel.updateComplete;
    expect(wheel.shadowRoot!.querySelector('[part="spin-button"]')!.textContent.trim()).toBe('Try your luck');
    const warnings = page.vitrineWarnings();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^\[vitrine\] texts: ignored "weel": expected a language \(en, fr, de/);
    expect(warnings[1]).toMatch(/^\[vitrine\] texts: ignored wheel\.spinn: expected one of name, spin, /);
  });
});
