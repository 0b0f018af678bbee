/* global CustomEvent */
// One measured page load: open the page in a fresh browser context (cold cache) at the
// first CPU throttling rate, wait until every countdown shows digits, then watch a fixed
// window at each throttling rate in turn (the first one, then the others on the same page:
// page loads are what makes the benchmark slow).
// Main-thread and script time come from CDP Performance.getMetrics (TaskDuration and
// ScriptDuration: seconds of wall time on the renderer's main thread, so throttling counts);
// long animation frames and layout shifts from PerformanceObservers installed before any
// page script.

// Installed before any page script. takeRecords() at read time also collects entries whose
// observer callback a busy main thread has not run yet.
const OBSERVERS = `(() => {
  const bench = (window.__bench = { frames: [], shifts: [], observers: [], unsupported: [] });
  const observe = (type, onEntry) => {
    try {
      const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
      observer.observe({ type, buffered: true });
      bench.observers.push({ observer, onEntry });
    } catch (error) {
      bench.unsupported.push(type);
    }
  };
  observe('long-animation-frame', (entry) =>
    bench.frames.push({ startTime: entry.startTime, duration: entry.duration }));
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) bench.shifts.push({ startTime: entry.startTime, value: entry.value });
  });
})();`;

/** True once `count` countdowns of `library` show digits (evaluated in the page). */
function countdownsReady({ library, count }) {
  const elements =
    library === 'vitrine'
      ? [...document.querySelectorAll('vitrine-countdown')].map((element) => element.shadowRoot)
      : [...document.querySelectorAll('.simply-countdown')];
  return elements.length === count && elements.every((root) => root !== null && /\d/.test(root.textContent ?? ''));
}

/** Long animation frames that started in [from, to) (evaluated in the page). */
function framesIn({ from, to }) {
  const bench = window.__bench;
  for (const { observer, onEntry } of bench.observers) observer.takeRecords().forEach(onEntry);
  const frames = bench.frames.filter((frame) => frame.startTime >= from && frame.startTime < to);
  return { count: frames.length, ms: frames.reduce((sum, frame) => sum + frame.duration, 0) };
}

/** What the page knows about its whole life: layout shifts and scripts (evaluated in the page). */
function lifeFigures() {
  const bench = window.__bench;
  for (const { observer, onEntry } of bench.observers) observer.takeRecords().forEach(onEntry);
  const scripts = performance
    .getEntriesByType('resource')
    .filter((entry) => /\.m?js(\?|$)/.test(entry.name) || entry.initiatorType === 'script');
  return {
    unsupported: bench.unsupported,
    cls: bench.shifts.reduce((sum, shift) => sum + shift.value, 0),
    transferBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
    scriptFiles: scripts.length,
    scriptNames: scripts.map((entry) => new URL(entry.name).pathname),
  };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Below this share of busy main thread over half a second, a page has finished loading (see settleUntilQuiet). */
export const QUIET_SHARE = 0.3;

/**
 * Waits until the page has finished loading: the first half second in which its main thread worked less
 * than QUIET_SHARE of the time, or maxMs. "Ready" (every countdown shows digits) comes before the work a
 * load leaves behind (chunks fetched after the first render, observers' first answers, garbage
 * collection): a window right after it measured that work as if it came each second (0.05 to 0.3 of
 * simplyCountdown for the same 500 countdowns, from one load to the next). A page that never quiets
 * (simplyCountdown's 500 timers keep the thread busy) is measured after maxMs.
 * Also returns the main thread's work per second over the first second after ready, the figure such a
 * window gave (the load's tail), reported beside the steady one.
 * @returns {Promise<{ settledMs: number, afterReadyMsPerS: number }>}
 */
async function settleUntilQuiet(cdp, maxMs) {
  const started = Date.now();
  const first = await metrics(cdp);
  let [before, at] = [first, started];
  let afterReadyMsPerS = NaN;
  for (let half = 1; ; half++) {
    await sleep(500);
    const after = await metrics(cdp);
    const now = Date.now();
    if (half === 2) afterReadyMsPerS = ((after.TaskDuration - first.TaskDuration) * 1e6) / (now - started);
    const quiet = ((after.TaskDuration - before.TaskDuration) * 1000) / (now - at) < QUIET_SHARE;
    if (half >= 2 && (quiet || now - started >= maxMs)) break;
    [before, at] = [after, now];
  }
  return { settledMs: Date.now() - started, afterReadyMsPerS };
}

/**
 * @param {import('playwright').Browser} browser
 * @param {{ url: string, library: string, count: number, throttles: number[], windowMs: number, settleMs: number, alignWindow: boolean, quietMaxMs?: number }} run
 * @returns {Promise<{ readyMs: number, settledMs: number, afterReadyMsPerS: number, cls: number, transferBytes: number, scriptFiles: number, scriptNames: string[],
 *   windows: Record<number, { taskMsPerS: number, scriptMsPerS: number, loafPerS: number, loafMsPerS: number }> }>}
 */
export async function measure(
  browser,
  { url, library, count, throttles, windowMs, settleMs, alignWindow, quietMaxMs = 0 },
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
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttles[0] });

    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    try {
      await page.waitForFunction(countdownsReady, { library, count }, { timeout: 60_000, polling: 100 });
    } catch (error) {
      const detail = errors.length ? ` (${errors.join('; ')})` : '';
      throw new Error(`${count} ${library} countdowns did not all show digits${detail}`, { cause: error });
    }
    const readyMs = Date.now() - started;
    const { settledMs, afterReadyMsPerS } = await settleUntilQuiet(cdp, quietMaxMs);

    const windows = {};
    for (const throttle of throttles) {
      if (throttle !== throttles[0]) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      // Start half-way through a second, at least settleMs from now: Vitrine's clock ticks on
      // the second, so a window of whole seconds holds whole ticks instead of cutting one in two.
      const settledAt = Date.now() + settleMs;
      await sleep(settleMs + (alignWindow ? (1500 - (settledAt % 1000)) % 1000 : 0));
      const from = await page.evaluate(() => performance.now());
      const before = await metrics(cdp);
      await sleep(windowMs);
      const after = await metrics(cdp);
      const to = await page.evaluate(() => performance.now());
      const seconds = (to - from) / 1000;
      const frames = await page.evaluate(framesIn, { from, to });
      windows[throttle] = {
        taskMsPerS: ((after.TaskDuration - before.TaskDuration) * 1000) / seconds,
        scriptMsPerS: ((after.ScriptDuration - before.ScriptDuration) * 1000) / seconds,
        loafPerS: frames.count / seconds,
        loafMsPerS: frames.ms / seconds,
      };
    }

    const life = await page.evaluate(lifeFigures);
    if (life.unsupported.length) throw new Error(`this Chromium lacks ${life.unsupported.join(', ')} entries`);
    if (errors.length) throw new Error(`${library}, N=${count}: ${errors.join('; ')}`);
    return {
      readyMs,
      settledMs,
      afterReadyMsPerS,
      cls: life.cls,
      transferBytes: life.transferBytes,
      scriptFiles: life.scriptFiles,
      scriptNames: life.scriptNames,
      windows,
    };
  } finally {
    await context.close();
  }
}

// The cart benchmark: one page load with three cart widgets, then three cart changes, counting
// the page's GET /cart.js at the server (the cart stand-in of bench/server.js, one cart per
// browser context through its cookie).

/** Variant ids of the cart stand-in (bench/server.js PRODUCTS): a €5.00 candle, €2.50 matches. */
const CANDLE = 101;
const MATCHES = 102;

/**
 * The cart changes, in order, each from the cart the one before left. `run` makes the change in
 * the page (after `server`, a change made on the server, if any) and notes `window.__changeAt`;
 * `adds` is how many POST /cart/add.js the server must see (a check of the benchmark itself).
 */
export const CART_CHANGES = [
  {
    name: 'one add',
    label: "one add: the theme's fetch('/cart/add.js')",
    adds: 1,
    run: () => {
      window.__changeAt = performance.now();
      return window
        .fetch('/cart/add.js', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ id: 101, quantity: 1 }),
        })
        .then((response) => response.json())
        .then(() => undefined);
    },
  },
  {
    name: 'burst',
    label: 'a burst of three adds in a row',
    adds: 3,
    run: async () => {
      window.__changeAt = performance.now();
      for (const id of [101, 102, 101]) {
        const response = await window.fetch('/cart/add.js', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ items: [{ id, quantity: 1 }] }),
        });
        await response.json();
      }
    },
  },
  {
    name: 'event',
    label: 'a cart:updated DOM event',
    adds: 0,
    server: [{ id: MATCHES, quantity: 1 }],
    run: () => {
      window.__changeAt = performance.now();
      document.dispatchEvent(new CustomEvent('cart:updated', { bubbles: true }));
    },
  },
];

/**
 * Whether every widget of the page shows `total` (in euros), evaluated in the page (one function:
 * Playwright sends it as text). Vitrine's progress: its bar's `aria-valuenow` (the total, below
 * the threshold); the badge: the points of its label (1 point per euro, floored); the naive apps:
 * the total they rendered (`data-total`). Returns the ms since `__changeAt` (or since navigation)
 * when they all do, else false.
 */
function showsTotal({ library, count, total }) {
  const values = [];
  if (library === 'vitrine') {
    for (const element of document.querySelectorAll('vitrine-shipping-progress, vitrine-loyalty-badge')) {
      const root = element.shadowRoot;
      if (!root) return false;
      if (element.localName === 'vitrine-shipping-progress') {
        const track = root.querySelector('[part="track"]');
        const base = root.querySelector('[part="base"]');
        // While the cart loads the widget shows no value (its message is hidden in its room).
        if (!track || !base || base.classList.contains('waiting')) return false;
        values.push({ kind: 'progress', value: Number(track.getAttribute('aria-valuenow')) });
      } else {
        const digits = /\d[\d,.\s]*/.exec(root.querySelector('[part="label"]')?.textContent ?? '');
        if (!digits) return false;
        values.push({ kind: 'points', value: Number(digits[0].replace(/\D/g, '')) });
      }
    }
  } else {
    for (const element of document.querySelectorAll('[data-app]')) {
      if (!element.dataset.total) return false;
      const kind = element.classList.contains('naive-badge') ? 'points' : 'progress';
      const shown = Number(element.dataset.total);
      values.push({ kind, value: kind === 'points' ? Math.floor(shown) : shown });
    }
  }
  const expected = (kind) => (kind === 'points' ? Math.floor(total) : total);
  if (values.length !== count || !values.every(({ kind, value }) => value === expected(kind))) return false;
  return performance.now() - (window.__changeAt ?? 0);
}

/**
 * One page load with `widgets` (three cart widgets), then each of CART_CHANGES, in a fresh
 * browser context with its own cart. After the page load and after each change it waits until
 * every widget shows the new total, then `quietMs` more (and until no `/cart.js` request has come
 * for `quietMs`), and counts the `/cart.js` requests that came since the change.
 * @param {import('playwright').Browser} browser
 * @param {{ origin: string, library: 'vitrine' | 'naive', widgets: string[], cart: ReturnType<typeof import('./server.js').createCartStandIn>, quietMs: number, timeoutMs: number }} run
 * @returns {Promise<{ load: { requests: number, shownMs: number | null }, changes: Record<string, { requests: number, shownMs: number | null }>, scriptNames: string[] }>}
 */
export async function measureCart(browser, { origin, library, widgets, cart, quietMs, timeoutMs }) {
  const token = `bench-${library}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  cart.create(token, { [CANDLE]: 1 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies([{ name: 'cart', value: token, url: origin }]);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} for ${new URL(response.url()).pathname}`);
    });
    const count = widgets.length;
    const requests = () => cart.requests(token);
    const cartReads = () => requests().filter((request) => request.method === 'GET' && request.path === '/cart.js');
    const adds = () => requests().filter((request) => request.method === 'POST' && request.path === '/cart/add.js');
    const euros = () => cart.summary(token).total / 100;
    /** Until every widget shows the cart's total; ms from the change (or navigation), null after timeoutMs. */
    const shown = async () => {
      try {
        const handle = await page.waitForFunction(
          showsTotal,
          { library, count, total: euros() },
          { polling: 'raf', timeout: timeoutMs },
        );
        return Math.round(Number(await handle.jsonValue()));
      } catch (error) {
        if (page.isClosed() || !(error instanceof Error) || error.name !== 'TimeoutError') throw error;
        return null;
      }
    };
    /** Until no /cart.js request has come for quietMs, and quietMs have passed since `since`. */
    const quiet = async (since) => {
      for (;;) {
        const last = Math.max(since, cartReads().at(-1)?.at ?? 0);
        const wait = last + quietMs - Date.now();
        if (wait <= 0) return;
        await sleep(wait);
      }
    };

    const url = `${origin}/bench/cart.html?library=${library}&widgets=${widgets.join(',')}`;
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const loadShownMs = await shown();
    if (loadShownMs === null) {
      const detail = errors.length ? ` (${errors.join('; ')})` : '';
      throw new Error(`${library}: the ${count} cart widgets did not show the cart within ${timeoutMs} ms${detail}`);
    }
    await quiet(Date.now());
    const load = { requests: cartReads().length, shownMs: loadShownMs };

    const changes = {};
    for (const change of CART_CHANGES) {
      const readsBefore = cartReads().length;
      const addsBefore = adds().length;
      if (change.server) cart.add(token, change.server);
      await page.evaluate(change.run);
      const shownMs = await shown();
      await quiet(Date.now());
      const added = adds().length - addsBefore;
      if (added !== change.adds)
        throw new Error(`${library}, ${change.name}: ${added} POST /cart/add.js, expected ${change.adds}`);
      changes[change.name] = { requests: cartReads().length - readsBefore, shownMs };
    }

    const scriptNames = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(entry.name))
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => !/^\/cart/.test(path)),
    );
    if (errors.length) throw new Error(`cart page, ${library}: ${errors.join('; ')}`);
    return { load, changes, scriptNames };
  } finally {
    await context.close();
    cart.forget(token);
  }
}

// The wheel benchmark: one page load with one wheel, then at each CPU throttling rate one spin,
// traced. The frames are those the page's compositor drew (the trace's DrawFrame events between
// two performance marks around the spin): what the shopper sees move, whether the motion is made
// on the compositor (Vitrine's transform animation) or by script on the main thread (spin-wheel's
// canvas). No requestAnimationFrame loop counts them: one would make the main thread produce a
// frame every vsync, which a compositor animation alone does not need (Blink then recalculates
// the animated style each frame): tried, it took Vitrine's main-thread time during a spin from
// 0.5 to 2.7 ms per frame at 1x, 0.9 to 9 ms at 4x. CDP Performance.getMetrics gives the main
// thread's busy time over the spin.

/** The trace's categories: frames (BeginFrame, DrawFrame) and the page's performance marks. */
const FRAME_CATEGORIES = ['disabled-by-default-devtools.timeline.frame', 'blink.user_timing'];
export const SPIN_START = 'bench-spin-start';
export const SPIN_END = 'bench-spin-end';

/** True once the page's wheel is drawn and can spin (evaluated in the page). */
export function wheelReady(library) {
  if (library === 'vitrine') {
    const root = document.querySelector('vitrine-wheel')?.shadowRoot;
    return !!root?.querySelector('[part~="spin-button"]') && !!root.querySelector('[part~="rotor"] svg');
  }
  return !!window.__peerWheel && !!document.querySelector('.wheel-container canvas');
}

/**
 * Makes the wheel ready for another spin (evaluated in the page): a Vitrine wheel that has spun
 * (a win ends a visitor's spins) is replaced by a copy of itself, a new visitor in preview. Waits
 * two frames, and returns the side of the turning part in CSS px.
 */
export async function resetWheel(library) {
  const frames = () => new Promise((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(done)));
  if (library === 'vitrine') {
    let wheel = document.querySelector('vitrine-wheel');
    if (wheel.state !== 'idle') {
      const fresh = wheel.cloneNode(true);
      wheel.replaceWith(fresh);
      wheel = fresh;
    }
    await wheel.updateComplete;
    await frames();
    if (!wheel.shadowRoot.querySelector('[part~="spin-button"]')) throw new Error('the new wheel has no spin button');
    return wheel.shadowRoot.querySelector('[part~="rotor"]').getBoundingClientRect().width;
  }
  await frames();
  return document.querySelector('.wheel-container canvas').getBoundingClientRect().width;
}

/**
 * One spin (evaluated in the page), between two performance marks: Vitrine's by a click on its
 * spin button, done when `vitrine-prize` comes; spin-wheel's by `spinToItem` (window.__spin), done
 * at its `onRest`. Resolves to the spin's length in ms.
 */
export function spin({ library, timeoutMs, marks }) {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the ${library} wheel did not stop within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const start = performance.mark(marks[0]).startTime;
    const finish = () => {
      clearTimeout(timer);
      done(performance.mark(marks[1]).startTime - start);
    };
    if (library === 'vitrine') {
      const wheel = document.querySelector('vitrine-wheel');
      wheel.addEventListener('vitrine-prize', finish, { once: true });
      wheel.shadowRoot.querySelector('[part~="spin-button"]').click();
    } else {
      window.__spin().then(finish, fail);
    }
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const intervals = (stamps) => stamps.slice(1).map((stamp, index) => stamp - stamps[index]);

/**
 * The frames of the spin in a trace: the renderer's DrawFrame and BeginFrame times (ms) between
 * the two marks.
 */
function spinTrace(buffer) {
  const { traceEvents: events } = JSON.parse(buffer.toString('utf8'));
  const mark = (name) => events.find((event) => event.name === name && event.cat.includes('blink.user_timing'));
  const [start, end] = [mark(SPIN_START), mark(SPIN_END)];
  if (!start || !end) throw new Error('the trace lacks the spin marks');
  const times = (name) =>
    events
      .filter((event) => event.name === name && event.pid === start.pid && event.ts >= start.ts && event.ts <= end.ts)
      .map((event) => event.ts / 1000)
      .sort((a, b) => a - b);
  return { draws: times('DrawFrame'), beginFrames: times('BeginFrame') };
}

/**
 * @param {import('playwright').Browser} browser
 * @param {{ url: string, library: 'vitrine' | 'spinwheel', throttles: number[], timeoutMs: number }} run
 * @returns {Promise<{ readyMs: number, scriptNames: string[], spins: Record<number, { frames: number, spinMs: number,
 *   taskMsPerFrame: number, scriptMsPerFrame: number, missed: number, worstFrameMs: number, displayMs: number, wheelPx: number }> }>}
 */
export async function measureWheel(browser, { url, library, throttles, timeoutMs }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} for ${new URL(response.url()).pathname}`);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttles[0] });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    try {
      await page.waitForFunction(wheelReady, library, { timeout: 60_000, polling: 100 });
    } catch (error) {
      const detail = errors.length ? ` (${errors.join('; ')})` : '';
      throw new Error(`the ${library} wheel was not drawn${detail}`, { cause: error });
    }
    const readyMs = Date.now() - started;

    const spins = {};
    for (const throttle of throttles) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const wheelPx = await page.evaluate(resetWheel, library);
      await browser.startTracing(page, { categories: FRAME_CATEGORIES });
      let spinMs;
      let before;
      let after;
      let trace;
      try {
        before = await metrics(cdp);
        spinMs = await page.evaluate(spin, { library, timeoutMs, marks: [SPIN_START, SPIN_END] });
        after = await metrics(cdp);
      } finally {
        trace = await browser.stopTracing();
      }
      const { draws, beginFrames } = spinTrace(trace);
      const gaps = intervals(draws);
      // The display's frame interval: the compositor's BeginFrames come once per vsync.
      const displayMs = median(intervals(beginFrames));
      const frames = draws.length;
      spins[throttle] = {
        frames,
        spinMs,
        taskMsPerFrame: ((after.TaskDuration - before.TaskDuration) * 1000) / frames,
        scriptMsPerFrame: ((after.ScriptDuration - before.ScriptDuration) * 1000) / frames,
        // A frame is missed when it comes more than 1.5 display intervals after the one before.
        missed: gaps.filter((gap) => gap > displayMs * 1.5).length,
        worstFrameMs: Math.max(0, ...gaps),
        displayMs,
        wheelPx,
      };
    }
    const scriptNames = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(entry.name))
        .map((entry) => new URL(entry.name).pathname),
    );
    if (errors.length) throw new Error(`wheel page, ${library}: ${errors.join('; ')}`);
    return { readyMs, scriptNames, spins };
  } finally {
    await context.close();
  }
}
