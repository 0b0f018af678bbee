// The storefront's cost of carrying the widgets, and their start-up: one page load of
// /bench/store.html?variant=… (bench/store.js) in a fresh browser context at one CPU throttling
// rate, observed from navigation until the widgets are all rendered and a quiet window after.
// And the memory section: heap after many create/remove cycles of each widget.

// Installed before any page script. Long tasks (for TBT), long animation frames, LCP, layout
// shifts and the first contentful paint, all buffered; takeRecords() at read time collects what a
// busy main thread has not delivered yet. `__benchWatch()` (called by the page's start mark) polls
// each frame until the first widget has content, then notes the time after that frame's paint.
const OBSERVERS = `(() => {
  const bench = (window.__bench = { tasks: [], frames: [], lcp: [], shifts: [], fcp: null, observers: [], unsupported: [], firstWidget: null });
  const observe = (type, onEntry) => {
    try {
      const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
      observer.observe({ type, buffered: true });
      bench.observers.push({ observer, onEntry });
    } catch (error) {
      bench.unsupported.push(type);
    }
  };
  observe('longtask', (entry) => bench.tasks.push({ start: entry.startTime, duration: entry.duration }));
  observe('long-animation-frame', (entry) =>
    bench.frames.push({ start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration,
      scripts: (entry.scripts || []).map((script) => ({ source: script.sourceURL, duration: script.duration })) }));
  observe('largest-contentful-paint', (entry) => bench.lcp.push({ time: entry.startTime, size: entry.size,
    element: entry.element ? entry.element.localName + (entry.element.className ? '.' + String(entry.element.className).split(' ')[0] : '') : entry.url }));
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) bench.shifts.push({ time: entry.startTime, value: entry.value });
  });
  observe('paint', (entry) => {
    if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
  });
  // A widget shows something: a Lit element (Vitrine's, Shoelace's) that rendered content into its
  // shadow root, a countdown with digits, a wheel's canvas.
  const shows = () => {
    for (const element of document.querySelectorAll('*')) {
      const name = element.localName;
      if ((name.startsWith('vitrine-') || name.startsWith('sl-')) && element.hasUpdated && element.shadowRoot &&
          element.shadowRoot.querySelector('*:not(style)') && element.getBoundingClientRect().height > 0) return name;
    }
    for (const element of document.querySelectorAll('.peer-countdown')) if (/\\d/.test(element.textContent)) return 'simplyCountdown';
    if (document.querySelector('.peer-wheel canvas')) return 'spin-wheel';
    return null;
  };
  window.__benchWatch = () => {
    // The profile's loads go without it: its boxes measured each frame are the bench's work, not the page's.
    if (window.__benchNoProbe) return;
    const poll = () => {
      const name = shows();
      if (!name) return requestAnimationFrame(poll);
      // The frame whose rAF saw it paints it; a task queued now runs after that paint.
      setTimeout(() => { bench.firstWidget = { name, time: performance.now() }; }, 0);
    };
    requestAnimationFrame(poll);
  };
})();`;

/** True once every widget of the variant has rendered (evaluated in the page). */
function storeReady(variant) {
  if (variant === 'none' || variant === 'ticker') return document.readyState === 'complete';
  const prefix = variant === 'vitrine' ? 'vitrine-' : 'sl-';
  const tags = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith(prefix));
  // Every tag defined, and every Lit element among them (the widgets; not the wheel's segments or an
  // experiment, which render nothing of their own) rendered once.
  if (!tags.length || !tags.every((element) => window.customElements.get(element.localName))) return false;
  if (!tags.every((element) => !('hasUpdated' in element) || element.hasUpdated)) return false;
  if (variant === 'vitrine') {
    // The shipping progress shows the cart once /cart.js has answered.
    const progress = document.querySelector('vitrine-shipping-progress')?.shadowRoot;
    return !!progress?.querySelector('[part="track"]') && !progress.querySelector('.waiting');
  }
  return (
    !!document.querySelector('.peer-wheel canvas') &&
    [...document.querySelectorAll('.peer-countdown')].every((element) => /\d/.test(element.textContent ?? '')) &&
    /\S/.test(document.querySelector('[data-peer-progress-message]')?.textContent?.replace(/\u200b/g, '') ?? '')
  );
}

/** Everything the page observed, until now (evaluated in the page). */
function storeFigures() {
  const bench = window.__bench;
  for (const { observer, onEntry } of bench.observers) observer.takeRecords().forEach(onEntry);
  const now = performance.now();
  const fcp = bench.fcp ?? 0;
  // Total blocking time as Lighthouse counts it: of each long task, the part after FCP beyond 50 ms.
  const tbt = bench.tasks.reduce((sum, { start, duration }) => {
    const end = start + duration;
    return sum + Math.max(0, end - Math.max(start, fcp) - 50);
  }, 0);
  const resources = performance.getEntriesByType('resource');
  const start = performance.getEntriesByName('bench-widgets-start')[0]?.startTime ?? null;
  return {
    unsupported: bench.unsupported,
    observedMs: now,
    fcp: bench.fcp,
    tbt,
    longTasks: bench.tasks.length,
    loafCount: bench.frames.length,
    loafMs: bench.frames.reduce((sum, frame) => sum + frame.duration, 0),
    loafBlockingMs: bench.frames.reduce((sum, frame) => sum + (frame.blocking ?? 0), 0),
    // Where the long frames' script time went, by file (the frames' script attribution).
    loafScripts: bench.frames
      .flatMap((frame) => frame.scripts)
      .reduce((sums, { source, duration }) => {
        const path = source ? new URL(source).pathname : '(no source)';
        sums[path] = (sums[path] ?? 0) + duration;
        return sums;
      }, {}),
    lcp: bench.lcp.at(-1)?.time ?? null,
    lcpElement: bench.lcp.at(-1)?.element ?? null,
    cls: bench.shifts.reduce((sum, shift) => sum + shift.value, 0),
    blocking: resources
      .filter((entry) => entry.renderBlockingStatus === 'blocking')
      .map((entry) => new URL(entry.name).pathname),
    transferBytes: resources.reduce((sum, entry) => sum + entry.transferSize, 0),
    scripts: resources
      .filter((entry) => entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(entry.name))
      .map((entry) => new URL(entry.name).pathname),
    startup: start !== null && bench.firstWidget ? bench.firstWidget.time - start : null,
    firstWidget: bench.firstWidget?.name ?? null,
  };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * One page load of a storefront variant at one throttling rate.
 * @param {import('playwright').Browser} browser
 * `instrument` (bench/profile.js): `start(cdp)` runs just before navigation, `stop(cdp)` after the quiet
 * window; what `stop` returns comes back as `instrumented`.
 * @param {{ origin: string, variant: 'none' | 'vitrine' | 'peers' | 'ticker', throttle: number, quietMs: number, timeoutMs: number,
 *   instrument?: { start: (cdp: import('playwright').CDPSession) => Promise<void>, stop: (cdp: import('playwright').CDPSession) => Promise<unknown> },
 *   probe?: boolean, readyPollMs?: number }} run
 * `readyPollMs`: how often the page is asked whether every widget has rendered (storeReady walks the
 * document: on the Vitrine page, not on the others, each ask is work of the page's main thread).
 */
export async function measureStore(
  browser,
  { origin, variant, throttle, quietMs, timeoutMs, instrument, probe = true, readyPollMs = 100 },
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} for ${new URL(response.url()).pathname}`);
    });
    await page.addInitScript({ content: OBSERVERS });
    if (!probe) await page.addInitScript({ content: 'window.__benchNoProbe = true;' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await instrument?.start(cdp);
    const started = Date.now();
    await page.goto(`${origin}/bench/store.html?variant=${variant}`, { waitUntil: 'load', timeout: 60_000 });
    try {
      await page.waitForFunction(storeReady, variant, { timeout: timeoutMs, polling: readyPollMs });
    } catch (error) {
      const detail = errors.length ? ` (${errors.join('; ')})` : '';
      throw new Error(`store page, ${variant} at ${throttle}x: the widgets did not all render${detail}`, {
        cause: error,
      });
    }
    const readyMs = Date.now() - started;
    // A quiet window after the last widget rendered: work the widgets schedule later (a timer's
    // ticks, a late fetch) counts too.
    await sleep(quietMs);
    if (variant !== 'none' && variant !== 'ticker' && probe)
      await page.waitForFunction(() => window.__bench.firstWidget !== null, null, { timeout: timeoutMs });
    const figures = await page.evaluate(storeFigures);
    const instrumented = await instrument?.stop(cdp);
    if (figures.unsupported.length) throw new Error(`this Chromium lacks ${figures.unsupported.join(', ')} entries`);
    if (errors.length) throw new Error(`store page, ${variant} at ${throttle}x: ${errors.join('; ')}`);
    return { readyMs, ...figures, instrumented };
  } finally {
    await context.close();
  }
}

// Memory: a page with the script-tag build (one of each widget, so that every chunk is loaded)
// and the peers' bundles. For each widget, in the page: a few cycles to warm up (styles,
// templates, lazily built caches), garbage collection (CDP HeapProfiler.collectGarbage, twice),
// the heap's used size (CDP Runtime.getHeapUsage); then `cycles` times: create the element, connect
// it, wait for its first render, remove it; garbage collection again, the heap again.

/** The memory page: every widget once (so every chunk loads), and a stage for the cycles. */
export function memoryPageHtml(peers) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Memory: create and remove</title>
<script>window.Shopify = { routes: { root: '/' } };</script>
<script type="module" src="/cdn/vitrine/vitrine.js"></script>
<script type="module">
window.__peers = Object.assign({}, ...(await Promise.all([
  import('/bench/peers/${peers.get('simplycountdown').entryFile}'),
  import('/bench/peers/${peers.get('spinwheel').entryFile}'),
  import('/bench/peers/${peers.get('shoelace').entryFile}'),
])));
</script>
</head>
<body>
<vitrine-countdown deadline="2099-01-01T00:00:00Z"></vitrine-countdown>
<vitrine-sticky-bar><p>Hello</p></vitrine-sticky-bar>
<vitrine-exit-popup trigger="exit" code="HELLO10" heading="Hello"></vitrine-exit-popup>
<vitrine-wheel><vitrine-wheel-segment label="A" code="A"></vitrine-wheel-segment><vitrine-wheel-segment label="B" code="B"></vitrine-wheel-segment></vitrine-wheel>
<vitrine-shipping-progress threshold="60" total="20"></vitrine-shipping-progress>
<vitrine-loyalty-badge points="620" tiers="Bronze:0, Silver:500, Gold:1500"></vitrine-loyalty-badge>
<div id="stage"></div>
</body>
</html>
`;
}

/** What is measured: Vitrine's six widgets, then the peers that are elements or have a remove(). */
export const MEMORY_SUBJECTS = [
  { name: 'vitrine-countdown', who: 'vitrine', label: 'Vitrine countdown' },
  { name: 'vitrine-sticky-bar', who: 'vitrine', label: 'Vitrine sticky bar' },
  { name: 'vitrine-exit-popup', who: 'vitrine', label: 'Vitrine exit pop-up' },
  { name: 'vitrine-wheel', who: 'vitrine', label: 'Vitrine wheel' },
  { name: 'vitrine-shipping-progress', who: 'vitrine', label: 'Vitrine shipping progress' },
  { name: 'vitrine-loyalty-badge', who: 'vitrine', label: 'Vitrine loyalty badge' },
  { name: 'simplycountdown', who: 'peer', label: 'simplyCountdown.js (stopCountdown, then remove)' },
  { name: 'sl-dialog', who: 'peer', label: 'Shoelace dialog' },
  { name: 'spinwheel', who: 'peer', label: 'spin-wheel (wheel.remove())' },
  { name: 'sl-progress-bar', who: 'peer', label: 'Shoelace progress bar' },
  { name: 'sl-tooltip', who: 'peer', label: 'Shoelace tooltip + badge' },
];

/** `count` create/remove cycles of one subject (evaluated in the page). */
async function cycles({ name, count }) {
  const stage = document.getElementById('stage');
  const make = (tag, attributes, html = '') => {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    element.innerHTML = html;
    return element;
  };
  const lit = async (element) => {
    stage.append(element);
    await element.updateComplete;
    element.remove();
  };
  const once = {
    'vitrine-countdown': () => lit(make('vitrine-countdown', { deadline: '2099-01-01T00:00:00Z', format: 'hms' })),
    'vitrine-sticky-bar': () => lit(make('vitrine-sticky-bar', { campaign: 'memory' }, '<p>One</p><p>Two</p>')),
    'vitrine-exit-popup': () =>
      lit(make('vitrine-exit-popup', { trigger: 'exit time:45s', code: 'HELLO10', heading: 'Hello' })),
    'vitrine-wheel': () =>
      lit(
        make(
          'vitrine-wheel',
          { heading: 'Spin' },
          ['A', 'B', 'C', 'D']
            .map((label) => `<vitrine-wheel-segment label="${label}" code="${label}"></vitrine-wheel-segment>`)
            .join(''),
        ),
      ),
    'vitrine-shipping-progress': () => lit(make('vitrine-shipping-progress', { threshold: '60', total: '20' })),
    'vitrine-loyalty-badge': () =>
      lit(make('vitrine-loyalty-badge', { points: '620', tiers: 'Bronze:0, Silver:500, Gold:1500' })),
    simplycountdown: async () => {
      const element = make('div', { class: 'countdown' });
      stage.append(element);
      const controller = window.__peers.simplyCountdown(element, { year: 2099, month: 1, day: 1 });
      await Promise.resolve();
      controller.stopCountdown();
      element.remove();
    },
    'sl-dialog': () => lit(make('sl-dialog', { label: 'Hello' }, '<p>Hello</p>')),
    spinwheel: async () => {
      const element = make('div', {});
      element.style.width = element.style.height = '200px';
      stage.append(element);
      const wheel = new window.__peers.Wheel(element, { items: [{ label: 'A' }, { label: 'B' }] });
      await Promise.resolve();
      wheel.remove();
      element.remove();
    },
    'sl-progress-bar': () => lit(make('sl-progress-bar', { value: '40' })),
    'sl-tooltip': async () => {
      const element = make('sl-tooltip', { content: 'Hello' }, '<sl-badge>620</sl-badge>');
      stage.append(element);
      await element.updateComplete;
      await element.querySelector('sl-badge').updateComplete;
      element.remove();
    },
  }[name];
  for (let index = 0; index < count; index++) {
    await once();
    // Let timers and observers the widget scheduled run, as they would on a page.
    if (index % 50 === 49) await new Promise((done) => setTimeout(done, 0));
  }
}

/**
 * One page load, then for each subject: warm-up, heap, `count` cycles, heap.
 * @param {import('playwright').Browser} browser
 * @param {{ url: string, count: number, warmUp: number }} run
 * @returns {Promise<Record<string, { beforeBytes: number, afterBytes: number, growthBytes: number, ms: number }>>}
 */
export async function measureMemory(browser, { url, count, warmUp }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(
      () =>
        !!window.__peers &&
        [...document.querySelectorAll('body > *')]
          .filter((element) => element.localName.startsWith('vitrine-'))
          .every((element) => element.hasUpdated),
      null,
      { timeout: 60_000, polling: 100 },
    );
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const results = {};
    for (const subject of MEMORY_SUBJECTS) {
      await page.evaluate(cycles, { name: subject.name, count: warmUp });
      const beforeBytes = await heap();
      const started = Date.now();
      await page.evaluate(cycles, { name: subject.name, count });
      const ms = Date.now() - started;
      // Timers the last elements set (a debounce, an idle callback) get their chance to finish.
      await sleep(200);
      const afterBytes = await heap();
      results[subject.name] = { beforeBytes, afterBytes, growthBytes: afterBytes - beforeBytes, ms };
    }
    if (errors.length) throw new Error(`memory page: ${errors.join('; ')}`);
    return results;
  } finally {
    await context.close();
  }
}
