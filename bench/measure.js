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

/**
 * @param {import('playwright').Browser} browser
 * @param {{ url: string, library: string, count: number, throttles: number[], windowMs: number, settleMs: number, alignWindow: boolean }} run
 * @returns {Promise<{ readyMs: number, cls: number, transferBytes: number, scriptFiles: number, scriptNames: string[],
 *   windows: Record<number, { taskMsPerS: number, scriptMsPerS: number, loafPerS: number, loafMsPerS: number }> }>}
 */
export async function measure(browser, { url, library, count, throttles, windowMs, settleMs, alignWindow }) {
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
