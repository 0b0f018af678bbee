/**
 * Vitrine self-hosted on Shopify: the flat build (packages/vitrine/dist/shopify/, `npm run build`)
 * served the way Shopify's CDN serves a theme's assets, every file in one folder and the loader's
 * URL from `{{ 'vitrine.js' | asset_url }}` with its `?v=` version query, on a page rendered from
 * the theme's files by liquidjs: the head snippet with its defaults, and one section per widget.
 * All six widgets must upgrade, and one in German find its texts; every file they fetched must come
 * from that folder and exist.
 * Its own file: the loader is loaded once per page.
 */
import { afterAll, beforeAll, expect, test, vi, type MockInstance } from 'vitest';
import { usePageErrors } from './loader/page.js';
import {
  ASSET_BASE,
  ASSET_VERSION,
  SECTIONS,
  appendToHead,
  renderLiquid,
  renderSection,
  shopGlobals,
} from './shopify-theme.js';

const TAGS = SECTIONS.map((path) => path.replace(/^sections\/|\.liquid$/g, ''));

let errors: MockInstance<typeof console.error>;
let warnings: MockInstance<typeof console.warn>;
const pageErrors = usePageErrors();

beforeAll(async () => {
  errors = vi.spyOn(console, 'error');
  warnings = vi.spyOn(console, 'warn');
  // A Shopify page: the AJAX cart answers (test/hardening/server.ts answers cart.js like Shopify).
  (window as unknown as { Shopify: unknown }).Shopify = { routes: { root: '/__hardening/shopify-cdn/' } };
  // The pop-ups stay shut: an exit pop-up waits for exit intent, the wheel is in the page.
  const sections = await Promise.all(
    SECTIONS.map(async (path, index) => {
      const id = `template--1__vitrine_${index}`;
      const settings = path.includes('countdown') ? { daily: '14:00' } : {};
      return `<div id="shopify-section-${id}" class="shopify-section">${await renderSection(path, { id, settings })}</div>`;
    }),
  );
  document.body.innerHTML = `<main id="MainContent">${sections.join('\n')}</main>`;
  await appendToHead(await renderLiquid("{% render 'vitrine-head' %}", {}, shopGlobals()));
});

afterAll(() => {
  errors.mockRestore();
  warnings.mockRestore();
});

test("the head snippet loads the loader and its stylesheet from the theme's assets, with Shopify's ?v=", () => {
  const loader = document.querySelector<HTMLScriptElement>('script[type="module"][src*="vitrine.js"]')!;
  expect(loader.getAttribute('src')).toBe(`${ASSET_BASE}vitrine.js${ASSET_VERSION}`);
  expect(
    document.querySelector(`link[rel="stylesheet"][href="${ASSET_BASE}vitrine.css${ASSET_VERSION}"]`),
  ).not.toBeNull();
});

test('all six widgets upgrade from the flat folder', async () => {
  expect(TAGS).toHaveLength(6);
  for (const tag of TAGS) {
    const element = document.querySelector(tag);
    expect(element, tag).not.toBeNull();
    await expect.poll(() => element!.matches(':defined'), { timeout: 10_000, message: tag }).toBe(true);
    await expect.poll(() => !!element!.shadowRoot, { message: tag }).toBe(true);
  }
});

test('a widget in German finds the German texts in the same flat folder', async () => {
  const german = document.createElement('vitrine-countdown');
  german.setAttribute('lang', 'de');
  german.setAttribute('daily', '14:00');
  document.querySelector('main')!.append(german);
  const name = () => german.shadowRoot?.querySelector('[role="timer"]')?.getAttribute('aria-label') ?? '';
  await expect.poll(name, { timeout: 10_000 }).toMatch(/^Countdown, endet am /);
  // One file for German: its texts carry the reader of texts with them.
  const texts = () =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /\/vitrine-texts-/.test(path))
      .map((path) => path.slice(ASSET_BASE.length));
  await expect.poll(texts).toEqual([expect.stringMatching(/^vitrine-texts-de-[\w-]{8}\.js$/)]);
});

test('every file fetched is one flat file of that folder, and none is missing (no 404)', async () => {
  const fetched = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.pathname.includes('/__hardening/dist/'));
  const names = fetched.map((url) => url.pathname.slice(ASSET_BASE.length));
  // The loader, the stylesheet, the six widgets' chunks and what they share: nothing outside the folder.
  expect(
    fetched.every((url) => url.pathname.startsWith(ASSET_BASE)),
    names.join(' '),
  ).toBe(true);
  expect(
    names.every((name) => /^vitrine(-[\w-]+)?\.(js|css)$/.test(name)),
    names.join(' '),
  ).toBe(true);
  expect(
    names.filter((name) =>
      /^vitrine-(countdown|sticky-bar|exit-popup|wheel|shipping-progress|loyalty-badge)-/.test(name),
    ),
  ).toHaveLength(6);
  for (const url of fetched) expect((await fetch(url)).status, url.pathname).toBe(200);
  const vitrine = (calls: unknown[][]) => calls.filter(([message]) => String(message).startsWith('[vitrine]'));
  expect(vitrine(errors.mock.calls)).toEqual([]);
  expect(vitrine(warnings.mock.calls)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
