/**
 * Hostile host pages: a theme's global CSS that resets everything (`all: unset !important`,
 * 40 px root font, `box-sizing`, a full-screen header at z-index 2147483647), and scripts that
 * replace `fetch`, `localStorage`/`sessionStorage`/`document.cookie` (throwing getters), fill storage
 * (every write throws QuotaExceededError),
 * pollute `Array.prototype` and `Object.prototype`, replace `JSON.stringify` or `CustomEvent`,
 * all before Vitrine loads; and a page that writes itself with `document.write`. The six
 * widgets of the built bundle still render and behave (a pop-up opens above everything, the
 * wheel spins), or fail safe: nothing is thrown into the page, a warning at most.
 */
import { afterEach, expect, test } from 'vitest';
import { openPage, pageWidgetsReady, shownText, type OpenedPage, type Widget } from './support.js';

type Popup = Widget & { show(): Promise<boolean>; hide(): void };
type Wheel = Widget & { spin(): Promise<{ label: string; code: string | null } | null> };

let page: OpenedPage | undefined;
afterEach(() => page?.close());

/** What a shopper would notice on `page`, as readable problems. */
async function shopperProblems(opened: OpenedPage): Promise<string[]> {
  const problems: string[] = [];
  const widgets = await pageWidgetsReady(opened);
  for (const element of widgets) {
    if (element.localName === 'vitrine-exit-popup') continue;
    if (!shownText(element).trim()) problems.push(`${element.localName} shows nothing`);
    // The host may be `display: contents` (the sticky bar): its base part is what shows.
    const box = (element.shadowRoot!.querySelector('[part~="base"]') ?? element).getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0))
      problems.push(`${element.localName} has no size (${box.width}×${box.height})`);
  }
  // The pop-up opens in the top layer: above the header at z-index 2147483647.
  const popup = opened.document.querySelector<Popup>('vitrine-exit-popup')!;
  if (!(await popup.show())) problems.push('the pop-up did not open');
  else {
    const dialog = popup.shadowRoot!.querySelector('dialog')!;
    const box = dialog.getBoundingClientRect();
    const hit = opened.document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (hit !== popup) problems.push(`the pop-up is under ${hit?.localName ?? 'nothing'}`);
    if (!shownText(popup).includes('10% off')) problems.push('the pop-up shows no heading');
    popup.hide();
  }
  // The wheel spins and stops on a slice.
  const wheel = opened.document.querySelector<Wheel>('vitrine-wheel')!;
  const result = await Promise.race([
    wheel.spin(),
    new Promise((resolve) => setTimeout(() => resolve('timeout'), 5_000)),
  ]);
  if (!result || result === 'timeout') problems.push(`the wheel did not spin (${String(result)})`);
  const report = opened.report();
  problems.push(...report.errors.map((error) => `uncaught: ${error.slice(0, 300)}`));
  problems.push(...report.consoleErrors.map((error) => `render failed: ${error.slice(0, 300)}`));
  const repeated = report.warnings.filter((warning, index) => report.warnings.indexOf(warning) !== index);
  if (repeated.length) problems.push(`a warning repeated: ${repeated[0]}`);
  return problems;
}

/** Each hostility alone, then all at once. */
const HOSTILITIES = ['css', 'fetch', 'storage', 'quota', 'prototypes', 'json', 'customevent', 'customevent-throws'];

for (const hostility of [...HOSTILITIES, HOSTILITIES.filter((name) => name !== 'customevent-throws').join(',')]) {
  test(`a page that breaks ${hostility.replaceAll(',', ' + ')} before Vitrine loads`, async () => {
    page = await openPage(`/__hardening/page/six?break=${hostility}`);
    expect(await shopperProblems(page)).toEqual([]);
  });
}

test('a page written with document.write', async () => {
  page = await openPage('/__hardening/page/document-write');
  const widgets = await pageWidgetsReady(page);
  expect(widgets).toHaveLength(6);
  for (const element of widgets) {
    if (element.localName !== 'vitrine-exit-popup') expect(shownText(element).trim(), element.localName).not.toBe('');
  }
  expect(page.report().errors).toEqual([]);
  expect(page.report().consoleErrors).toEqual([]);
});
