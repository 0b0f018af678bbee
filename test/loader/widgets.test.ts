/**
 * The script-tag build (`packages/vitrine/dist/vitrine.js`, built before the tests) with the
 * sticky bar and the exit pop-up: each tag fetches its widget's chunk and the chunks that
 * chunk imports, and nothing else. One fresh page, in order, as a storefront grows: a
 * countdown alone (never the pop-up kit), then a sticky bar, then an exit pop-up whose code
 * reaches the bar through the bus.
 */
import { beforeAll, expect, test } from 'vitest';
import {
  BUNDLE_URL,
  countdownElement,
  loadBundle,
  usePageErrors,
  renderedDigits,
  settle,
  vitrineGlobal,
} from './page.js';

const CHUNKS_URL = new URL('chunks/', new URL(BUNDLE_URL, location.href));

/** A file of the bundle without its content hash: `chunks/sticky-bar-B2s68L7F.js` → `chunks/sticky-bar`. */
const unhashed = (path: string) => path.replace(/-[\w-]{6,8}\.js$/, '');

/**
 * The files of the bundle the page has imported, unhashed, in order. Unlike loadBundle's
 * `bundleRequests()`, the test's own `fetch()` of a chunk's source (below) does not count.
 */
function imported(): string[] {
  const dist = new URL('.', new URL(BUNDLE_URL, location.href)).pathname;
  return performance
    .getEntriesByType('resource')
    .filter((entry) => (entry as PerformanceResourceTiming).initiatorType !== 'fetch')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(dist))
    .map((path) => unhashed(path.slice(dist.length)));
}

/** What the page imported since the previous call, sorted. */
let seen = 0;
function newImports(): string[] {
  const all = imported();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh.sort();
}

/** The hashed file names of the chunks, read from the loader: `{ 'chunks/countdown': 'countdown-….js' }`. */
const chunkFiles = new Map<string, string>();

/** Static imports of a chunk (`import … from"./x.js"`, `import"./x.js"`; not a lazy `import("./x.js")`), unhashed. */
async function staticImports(file: string): Promise<string[]> {
  const source = await (await fetch(new URL(file, CHUNKS_URL), { cache: 'no-store' })).text();
  // In the build the specifier is `./x.js`; the tests' Vite server rewrites it to an absolute path.
  return [...source.matchAll(/(?:\bfrom|\bimport)\s*["'`](?:[^"'`]*\/)?([\w.-]+\.js)["'`]/g)].map(([, name]) => {
    chunkFiles.set(unhashed(`chunks/${name}`), name);
    return unhashed(`chunks/${name}`);
  });
}

/** A widget's chunk and every chunk it imports, directly or not: what its tag may fetch. */
async function closure(chunk: string): Promise<string[]> {
  const found = new Set([chunk]);
  const pending = [chunk];
  while (pending.length) {
    const file = chunkFiles.get(pending.pop()!);
    if (!file) throw new Error(`no file for ${chunk} in the build`);
    for (const dependency of await staticImports(file)) {
      if (!found.has(dependency)) pending.push(dependency);
      found.add(dependency);
    }
  }
  return [...found].sort();
}

/** `closure(chunk)` without what the page had already imported. */
async function expectedFor(chunk: string, before: string[]): Promise<string[]> {
  return (await closure(chunk)).filter((name) => !before.includes(name));
}

usePageErrors();

beforeAll(async () => {
  await loadBundle();
  await settle();
  expect(newImports()).toEqual(['chunks/bus', 'vitrine.js']);
  // The loader names every widget chunk; the chunks name the ones they import.
  const loader = await (await fetch(BUNDLE_URL, { cache: 'no-store' })).text();
  for (const [, name] of loader.matchAll(/\bchunks\/([\w.-]+\.js)["'`]/g)) {
    chunkFiles.set(unhashed(`chunks/${name}`), name);
  }
  expect([...chunkFiles.keys()]).toEqual(
    expect.arrayContaining(['chunks/countdown', 'chunks/sticky-bar', 'chunks/exit-popup']),
  );
});

test('a countdown alone fetches its chunk and what it imports, never the pop-up kit', async () => {
  const countdown = countdownElement({ campaign: 'loader-widgets' });
  document.body.append(countdown);
  await renderedDigits(countdown);
  await settle();

  // After its first view, the track bridge fetches the funnel's memory (core's attribution chunk).
  await expect.poll(() => imported()).toContain('chunks/record');
  const fetched = newImports();
  expect(fetched).toEqual([...(await expectedFor('chunks/countdown', ['chunks/bus'])), 'chunks/record'].sort());
  expect(fetched).toContain('chunks/shared');
  // What only the bar and the pop-up need (their chunks, the pop-up kit) stays on the server.
  const countdownChunks = await closure('chunks/countdown');
  const notForCountdown = [...(await closure('chunks/sticky-bar')), ...(await closure('chunks/exit-popup'))].filter(
    (chunk) => !countdownChunks.includes(chunk),
  );
  expect(notForCountdown).toEqual(expect.arrayContaining(['chunks/popup', 'chunks/sticky-bar', 'chunks/exit-popup']));
  for (const chunk of notForCountdown) expect(imported(), chunk).not.toContain(chunk);
});

test('a sticky bar fetches its chunk and the chunks it imports (not the pop-up kit), and renders', async () => {
  const before = imported();
  const bar = document.createElement('vitrine-sticky-bar');
  bar.setAttribute('campaign', 'loader-widgets-bar');
  bar.setAttribute('show-coupon', '');
  bar.innerHTML = '<p>Free shipping from €60</p><p>New scents every month</p>';
  document.body.prepend(bar);

  await expect.poll(() => bar.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await (bar as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await settle();

  const fetched = newImports();
  expect(fetched).toEqual(await expectedFor('chunks/sticky-bar', before));
  expect(fetched).toContain('chunks/sticky-bar');
  expect(fetched).not.toContain('chunks/popup');
  expect(fetched).not.toContain('chunks/exit-popup');

  const base = bar.shadowRoot!.querySelector('[part~="base"]')!;
  expect(base).not.toBeNull();
  expect(base.getBoundingClientRect().height).toBeGreaterThan(20);
  const slot = bar.shadowRoot!.querySelector('slot')!;
  expect(slot.assignedElements().map((element) => element.textContent)).toEqual(['Free shipping from €60']);
});

test('an exit pop-up fetches its chunk and the pop-up kit; its code reaches the bar through the bus', async () => {
  const before = imported();
  const popup = document.createElement('vitrine-exit-popup') as HTMLElement & {
    show(): Promise<boolean>;
    hide(): void;
    updateComplete: Promise<unknown>;
  };
  popup.setAttribute('campaign', 'loader-widgets-popup');
  popup.setAttribute('heading', '10% off your first order');
  popup.setAttribute('code', 'LOADER10');
  document.body.append(popup);

  await expect.poll(() => popup.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await popup.updateComplete;
  await settle();

  const fetched = newImports();
  expect(fetched).toEqual(await expectedFor('chunks/exit-popup', before));
  expect(fetched).toEqual(expect.arrayContaining(['chunks/exit-popup', 'chunks/popup']));

  // Opened from code (no trigger to wait for); without `capture` the code shows at once and goes on the bus.
  expect(await popup.show()).toBe(true);
  const dialog = popup.shadowRoot!.querySelector('dialog')!;
  expect(dialog.open).toBe(true);
  expect(popup.shadowRoot!.querySelector('[part~="heading"]')!.textContent.trim()).toBe('10% off your first order');
  await expect.poll(() => vitrineGlobal()!.last('coupon')?.code).toBe('LOADER10');

  const bar = document.querySelector('vitrine-sticky-bar')!;
  await expect
    .poll(() => bar.shadowRoot!.querySelector<HTMLInputElement>('[part~="coupon-code"]')?.value)
    .toBe('LOADER10');

  popup.hide();
  await expect.poll(() => dialog.open).toBe(false);
  await settle();
  // Nothing more was fetched by opening, closing or the coupon, but the code block with its copy button
  // (once, for the pop-up and the bar), which a page that shows no code never downloads.
  expect(newImports()).toEqual(['chunks/coupon']);
});
