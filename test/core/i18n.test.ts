import { describe, expect, test } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import {
  formatMoney,
  formatNumber,
  languageOf,
  normalizeLanguage,
  textDirection,
  textsReady,
  translateFrom,
  translatePlural,
  type Catalog,
} from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

/** Intl separates with no-break spaces (U+00A0, U+202F); compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

useTestPage();

describe('normalizeLanguage', () => {
  test.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR_be', 'fr'],
    ['en-GB', 'en'],
    ['de', 'de'],
    ['de-CH', 'de'],
    ['pt-BR', 'pt'],
    ['pt_PT', 'pt'],
    ['he-IL', 'he'],
    ['xx', 'en'],
    ['zh-Hant', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%j → %s', (value, language) => {
    expect(normalizeLanguage(value)).toBe(language);
  });
});

describe('languageOf', () => {
  test('the element’s own lang, else the nearest ancestor’s', async () => {
    const root = await fixture(html`
      <div lang="fr">
        <section>
          <p><span id="deep"></span></p>
          <p lang="en-US"><span id="english"></span></p>
          <p lang="de"><span id="german"></span></p>
          <p lang="xx-YY"><span id="unknown"></span></p>
          <span id="own" lang="fr-CA"></span>
        </section>
      </div>
    `);
    expect(languageOf(root.querySelector('#deep')!)).toBe('fr');
    expect(languageOf(root.querySelector('#english')!)).toBe('en');
    expect(languageOf(root.querySelector('#german')!)).toBe('de');
    expect(languageOf(root.querySelector('#unknown')!)).toBe('en');
    expect(languageOf(root.querySelector('#own')!)).toBe('fr');
  });

  test('crosses shadow roots, nested ones too', async () => {
    const outerHost = await fixture(html`<div lang="fr"><div id="host"></div></div>`);
    const host = outerHost.querySelector('#host')!;
    const outerShadow = host.attachShadow({ mode: 'open' });
    const innerHost = document.createElement('div');
    outerShadow.append(innerHost);
    const innerShadow = innerHost.attachShadow({ mode: 'open' });
    const target = document.createElement('span');
    innerShadow.append(target);
    expect(languageOf(target)).toBe('fr');
    expect(languageOf(innerHost)).toBe('fr');

    innerHost.setAttribute('lang', 'en');
    expect(languageOf(target)).toBe('en');
  });

  test('en when no ancestor has a lang', () => {
    const detached = document.createElement('span');
    document.createElement('div').append(detached);
    expect(languageOf(detached)).toBe('en');
  });
});

describe('texts', () => {
  const catalog: Catalog<'name' | 'close'> = {
    scope: 'countdown',
    en: { name: 'Countdown, ends {date}', close: 'Close' },
    fr: { name: 'Compte à rebours, se termine {date}' },
  };

  test('translateFrom fills placeholders, in fr and en, and falls back to en for a missing text', () => {
    expect(translateFrom(catalog, 'en', 'name', { date: 'Friday' })).toBe('Countdown, ends Friday');
    expect(translateFrom(catalog, 'fr', 'name', { date: 'vendredi' })).toBe('Compte à rebours, se termine vendredi');
    expect(translateFrom(catalog, 'fr', 'close')).toBe('Close');
    expect(translateFrom(catalog, 'en', 'name')).toBe('Countdown, ends {date}');
  });

  // First in the file: nothing has fetched the texts loader yet, so this is the shared chunk's own rule.
  test('English and French plurals, without the texts loader, are the forms Intl.PluralRules names', () => {
    const units: Catalog<'daysOne' | 'daysOther'> = {
      scope: 'countdown',
      en: { daysOne: 'day', daysOther: 'days' },
      fr: { daysOne: 'jour', daysOther: 'jours' },
    };
    // Counts the widgets show: units of a countdown, spins left, points (0.5 with a rate of 0.5).
    const counts = [0, 0.5, 1, 1.5, 2, 3, 10, 21, 100, 1_000_000];
    for (const language of ['en', 'fr'] as const) {
      const rules = new Intl.PluralRules(language);
      // French's `many` (1 000 000) has no text of its own: Other, as the built-in catalogs have it.
      const expected = counts.map((count) => units[language][rules.select(count) === 'one' ? 'daysOne' : 'daysOther']);
      expect(counts.map((count) => translatePlural(units, language, 'days', count))).toEqual(expected);
    }
    expect(translatePlural(units, 'fr', 'days', 1.5)).toBe('jour');
    expect(translatePlural(units, 'en', 'days', 1.5)).toBe('days');
  });

  test('en and fr need no chunk; another language resolves once its chunk is here', async () => {
    expect(textsReady('en', true)).toBeUndefined();
    expect(textsReady('fr', true)).toBeUndefined();
    const pending = textsReady('sv', true);
    expect(pending).toBeInstanceOf(Promise);
    // Before it arrives: English, never a missing text.
    expect(translateFrom(catalog, 'sv', 'name', { date: 'fredag' })).toBe('Countdown, ends fredag');
    await pending;
    expect(textsReady('sv', false)).toBeUndefined();
    expect(translateFrom(catalog, 'sv', 'name', { date: 'fredag' })).toBe('Nedräkning, slutar fredag');
  });

  test('translatePlural picks the form Intl.PluralRules names, else Other', async () => {
    const units: Catalog<'daysOne' | 'daysOther'> = {
      scope: 'countdown',
      en: { daysOne: 'day', daysOther: 'days' },
      fr: {},
    };
    await textsReady('pl', true);
    await textsReady('ar', true);
    expect([1, 2, 5, 22, 1.5].map((count) => translatePlural(units, 'pl', 'days', count))).toEqual([
      'dzień',
      'dni',
      'dni',
      'dni',
      'dnia',
    ]);
    expect([0, 1, 2, 3, 11, 100].map((count) => translatePlural(units, 'ar', 'days', count))).toEqual([
      'يوم',
      'يوم',
      'يومان',
      'أيام',
      'يومًا',
      'يوم',
    ]);
    expect([0, 1, 2].map((count) => translatePlural(units, 'en', 'days', count))).toEqual(['days', 'day', 'days']);
    // French: 0 and 1 are singular; the catalog has no French here, so English words.
    expect([0, 1, 2].map((count) => translatePlural(units, 'fr', 'days', count))).toEqual(['day', 'day', 'days']);
  });

  test('textDirection: rtl for Arabic and Hebrew only', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('de')).toBe('ltr');
    expect(textDirection('en')).toBe('ltr');
  });
});

describe('Intl formatting', () => {
  test('formatMoney in fr and en', () => {
    expect(plain(formatMoney(59.9, 'EUR', 'fr'))).toBe('59,90 €');
    expect(plain(formatMoney(59.9, 'EUR', 'en'))).toBe('€59.90');
    expect(plain(formatMoney(1500, 'EUR', 'fr'))).toBe('1 500,00 €');
    expect(plain(formatMoney(1500, 'USD', 'en'))).toBe('$1,500.00');
    expect(plain(formatMoney(5990, 'JPY', 'en'))).toBe('¥5,990');
    expect(plain(formatMoney(5, 'CHF', 'fr'))).toBe('5,00 CHF');
  });

  test('formatMoney falls back to plain text for a code Intl refuses', () => {
    expect(formatMoney(59.9, 'EURO', 'en')).toBe('59.90 EURO');
  });

  test('formatNumber', () => {
    expect(plain(formatNumber(1500, 'fr'))).toBe('1 500');
    expect(formatNumber(1500, 'en')).toBe('1,500');
    expect(formatNumber(1500, 'de')).toBe('1.500');
    expect(plain(formatNumber(1500, 'pl'))).toBe('1500');
  });

  test('money in the other languages, Arabic with Latin digits', () => {
    expect(plain(formatMoney(59.9, 'EUR', 'de'))).toBe('59,90 €');
    expect(plain(formatMoney(59.9, 'EUR', 'nl'))).toBe('€ 59,90');
    expect(plain(formatMoney(1500, 'SEK', 'sv'))).toBe('1 500,00 kr');
    expect(formatMoney(59.9, 'AED', 'ar')).toMatch(/59\.90/);
    expect(formatMoney(59.9, 'ILS', 'he')).toMatch(/59\.90/);
  });
});
