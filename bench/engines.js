// The wheel spin's frames in the three engines shoppers use: Chromium, Firefox and WebKit, the same
// page (/bench/wheel.html, Vitrine and spin-wheel) driven the way the tests drive each engine
// (scripts/engines/providers.ts): Chromium and Firefox by Playwright (Firefox over WebDriver BiDi,
// Debian's ESR through scripts/engines/firefox-bidi.mjs), WebKit by webdriverio against a
// WebKitWebDriver started here, MiniBrowser on an Xvfb started here, both stopped by their ids.
//
// Counted engine-neutrally, in the page: the timestamps of requestAnimationFrame callbacks during the
// spin (between the two performance marks of bench/measure.js's `spin`). Firefox and WebKit give
// a page no trace of the compositor's frames nor of the main thread's busy time, so the frames here
// are the main thread's rendering opportunities, and a rAF loop makes the main thread produce a frame
// every vsync (in Chromium that costs Vitrine's spin main-thread time it does not have without it,
// see measure.js): the Chromium rows here are counted the same way, for a fair comparison, and are
// not the figures of the CDP table above. No main-thread time per frame: the one API for it
// (long animation frames) is Chromium's only.
//
// `npm run bench -- --wheel-engines` runs this section alone and rewrites only it in BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, firefox } from 'playwright';
import { remote } from 'webdriverio';
import { runnerImport } from 'vite';
import { SPIN_END, SPIN_START, resetWheel, spin, wheelReady } from './measure.js';
import { WHEEL_LABELS, WHEEL_LIBRARIES, WHEEL_SEGMENTS, WHEEL_SPIN_MS, wheelPageForUrl } from './pages.js';
import { markdownTable, stats, withRange } from './report.js';
import { startServer } from './server.js';

export const ENGINE_LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };
export const HEADING = '## Wheel spin in Chromium, Firefox and WebKit';
const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 30_000;
/** Frames recorded before the spin, the wheel at rest (half a second at 60 Hz). */
const IDLE_FRAMES = 30;

/** scripts/engines/providers.ts, through Vite's module runner (Node 20 runs no TypeScript itself). */
async function providers(root) {
  const { module } = await runnerImport(join(root, 'scripts/engines/providers.ts'), { configFile: false });
  return module;
}

// ——— in the page (each function is sent on its own: no closures) ———

/**
 * Records every rAF timestamp from now on, in window.__benchFrames; resolves after `idleFrames`
 * frames, the wheel at rest: the engine's own frame interval, before the spin.
 */
function startFrames(idleFrames) {
  const stamps = [];
  window.__benchFrames = stamps;
  return new Promise((idle) => {
    const loop = (time) => {
      if (window.__benchFrames !== stamps) return;
      stamps.push(time);
      if (stamps.length === idleFrames) idle(undefined);
      window.requestAnimationFrame(loop);
    };
    window.requestAnimationFrame(loop);
  });
}

/** Stops the recorder; every timestamp, and the spin's marks. */
function stopFrames(marks) {
  const stamps = window.__benchFrames ?? [];
  window.__benchFrames = null;
  const [start, end] = marks.map((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN);
  return { stamps, start, end };
}

// ——— one engine, behind one small interface ———

/** A Playwright browser as { open(url), evaluate(fn, arg), close() }. */
async function playwrightSession(browserType, launchOptions) {
  const browser = await browserType.launch(launchOptions);
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  return {
    version: browser.version(),
    open: (url) => page.goto(url, { waitUntil: 'load', timeout: 60_000 }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    close: () => browser.close(),
  };
}

/** MiniBrowser through WebKitWebDriver (classic WebDriver), as the tests' WebKit provider drives it. */
async function webkitSession(engines) {
  const port = await engines.startWebKitDriver();
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: engines.MINIBROWSER, args: ['--automation'] },
    },
  });
  await browser.setTimeout({ script: TIMEOUT_MS + 10_000 });
  // MiniBrowser's toolbar takes some of the window: a little more, so the page has at least the viewport.
  await browser.setWindowSize(VIEWPORT.width, VIEWPORT.height + 100);
  const version = String(browser.capabilities.browserVersion ?? '');
  return {
    version,
    open: (url) => browser.url(url),
    // WebDriver's Execute Script awaits a promise the script returns.
    evaluate: (fn, arg) => browser.execute(fn, arg),
    close: async () => {
      try {
        await browser.deleteSession();
      } finally {
        engines.stopStarted();
      }
    },
  };
}

async function openEngine(engine, engines, chromiumLaunch) {
  if (engine === 'chromium') return playwrightSession(chromium, chromiumLaunch);
  if (engine === 'firefox') return playwrightSession(firefox, engines.FIREFOX_LAUNCH_OPTIONS);
  return webkitSession(engines);
}

const median = (values) => stats(values).median;
const intervals = (stamps) => stamps.slice(1).map((stamp, index) => stamp - stamps[index]);

/** One page load and one spin of `library` in an open engine. */
async function spinOnce(session, origin, library) {
  await session.open(`${origin}/bench/wheel.html?library=${library}`);
  for (const started = Date.now(); !(await session.evaluate(wheelReady, library));) {
    if (Date.now() - started > 60_000) throw new Error(`the ${library} wheel was not drawn`);
    await new Promise((done) => setTimeout(done, 100));
  }
  const wheelPx = await session.evaluate(resetWheel, library);
  await session.evaluate(startFrames, IDLE_FRAMES);
  await session.evaluate(spin, { library, timeoutMs: TIMEOUT_MS, marks: [SPIN_START, SPIN_END] });
  const { stamps: all, start, end } = await session.evaluate(stopFrames, [SPIN_START, SPIN_END]);
  const stamps = all.filter((time) => time >= start && time <= end);
  const gaps = intervals(stamps);
  if (gaps.length < 10) throw new Error(`${library}: only ${stamps.length} frames during the spin`);
  // The engine's frame interval, the wheel at rest (16.7 ms at 60 Hz): a slow engine's spin must not
  // set its own yardstick.
  const displayMs = median(intervals(all.filter((time) => time < start)));
  return {
    frames: stamps.length,
    spinMs: end - start,
    missed: gaps.filter((gap) => gap > displayMs * 1.5).length,
    worstFrameMs: Math.max(...gaps),
    displayMs,
    wheelPx,
  };
}

/**
 * `runs` spins of each library in each engine, one page load per spin, the libraries interleaved.
 * @returns {Promise<{ engines: Array<{ engine: string, version: string, runs: Map<string, object[]> }> }>}
 */
export async function measureWheelEngines({ root, origin, runs, chromiumLaunch, log = console.log }) {
  const engines = await providers(root);
  const loadBefore = loadavg()[0];
  const measured = [];
  for (const engine of engines.ENGINES) {
    const session = await openEngine(engine, engines, chromiumLaunch);
    const results = new Map();
    try {
      for (let round = 1; round <= runs; round++) {
        for (const library of WHEEL_LIBRARIES) {
          const figures = await spinOnce(session, origin, library);
          results.set(library, [...(results.get(library) ?? []), figures]);
          log(
            `  ${ENGINE_LABELS[engine].padEnd(8)} run ${round}/${runs}  ${WHEEL_LABELS[library].padEnd(10)}  ` +
              `${figures.frames} frames, ${figures.missed} missed, longest gap ${figures.worstFrameMs.toFixed(0)} ms`,
          );
        }
      }
    } finally {
      await session.close();
    }
    measured.push({ engine, version: session.version, runs: results });
  }
  return { engines: measured, load: [loadBefore, loadavg()[0]] };
}

/** The section's markdown (from its heading to the end of its last table). */
export function wheelEnginesSection({ engines, load }, runs) {
  const figure = (list, name, format) => withRange(stats(list.map((run) => run[name])), format);
  const whole = (value) => value.toFixed(0);
  const table = {
    header: ['engine', 'library', 'frames', 'missed frames', 'longest frame gap ms', 'frame interval ms', 'wheel px'],
    rows: engines.flatMap(({ engine, runs: results }) =>
      WHEEL_LIBRARIES.map((library) => {
        const list = results.get(library) ?? [];
        return [
          ENGINE_LABELS[engine],
          WHEEL_LABELS[library],
          figure(list, 'frames', whole),
          figure(list, 'missed', whole),
          figure(list, 'worstFrameMs', whole),
          figure(list, 'displayMs', (value) => value.toFixed(1)),
          figure(list, 'wheelPx', whole),
        ];
      }),
    ),
  };
  const versions = engines.map(({ engine, version }) => `${ENGINE_LABELS[engine]} ${version}`.trim()).join(', ');
  return `${HEADING}

The same page and the same ${WHEEL_SPIN_MS / 1000} s spin as in the section above (${WHEEL_SEGMENTS.length} prizes; Vitrine and
spin-wheel), no CPU throttling, in ${versions}: Chromium (headless) and Firefox ESR (headless, over WebDriver
BiDi) driven by Playwright, WebKitGTK's MiniBrowser by WebKitWebDriver in a 1280 px window on Xvfb, as the tests
drive them. One page load per spin, ${runs} spin${runs > 1 ? 's' : ''} per library and engine (median, with the range in brackets).
Load average (1 min): ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end, on ${cpus().length} cores.

How it was counted, the same way in each engine, in the page: the timestamps of \`requestAnimationFrame\`
callbacks from the spin's start mark to its end mark (a loop that asks for every frame). A frame is missed when it
came more than 1.5 frame intervals after the one before; the interval is the engine's median gap over the
${IDLE_FRAMES} frames before the spin, the wheel at rest. Firefox and WebKit show a page neither the compositor's frames
nor the main thread's busy time, so these are the main thread's frames, and there is no main-thread time per frame
here (the Long Animation Frames API is Chromium's only). The loop itself makes the main thread draw every frame,
which a compositor animation alone does not need: so the Chromium rows here, not the CDP figures above, are the
ones to set beside Firefox and WebKit. WebKitGTK draws in software here (Xvfb, no GPU), on a machine shared with
other work: its figures say more about this machine than about Safari on a phone; within one engine, Vitrine
beside spin-wheel is the comparison that holds.

${markdownTable(table)}
`;
}

/** Replaces the section in BENCHMARKS.md (from its heading to the next `## `), or adds it before `## Memory`. */
export function writeWheelEnginesSection(root, section) {
  const file = join(root, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`${HEADING}\n`);
  let next;
  if (start >= 0) {
    const end = text.indexOf('\n## ', start + HEADING.length);
    next = text.slice(0, start) + section + (end >= 0 ? text.slice(end) : '');
  } else {
    const memory = text.indexOf('\n## Memory\n');
    if (memory < 0) throw new Error('BENCHMARKS.md has no "## Memory" section to put the wheel engines before');
    next = `${text.slice(0, memory + 1)}${section}\n${text.slice(memory + 1)}`;
  }
  writeFileSync(file, next);
}

/** `npm run bench -- --wheel-engines`: this section alone, from the build on disk. */
export async function runWheelEnginesOnly({ root, runs, chromiumLaunch }) {
  const server = await startServer(root, (url) => {
    const page = wheelPageForUrl(url);
    return page === null ? null : { body: Buffer.from(page) };
  });
  try {
    console.log(`Wheel spin in three engines: ${runs} spin${runs > 1 ? 's' : ''} per library and engine`);
    const results = await measureWheelEngines({ root, origin: server.origin, runs, chromiumLaunch });
    const section = wheelEnginesSection(results, runs);
    console.log(`\n${section}`);
    writeWheelEnginesSection(root, section);
    console.log('Wrote that section of BENCHMARKS.md.');
  } finally {
    await server.close();
  }
}
