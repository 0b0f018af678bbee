import { afterEach, describe, expect, test } from 'vitest';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { formatMoney, formatNumber, languageOf, normalizeLanguage, translateFrom, type Catalog } from '@vitrine/core';

/** Intl separates with no-break spaces (U+00A0, U+202F); compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => {
  fixtureCleanup();
});

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
  });
});
