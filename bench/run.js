// `npm run bench`: Vitrine beside its peers in headless Chromium, in one run. The bytes a page
// downloads (the loader, each widget, all six; the peers bundled the same way by bench/peers.js);
// the demo storefront's product page without Vitrine, with its six widgets and with the peers
// doing the same jobs (TBT, long animation frames, LCP, CLS, render-blocking requests at 1x and 4x
// CPU throttling) and the start-up to the first widget painted; the countdown against
// simplyCountdown.js for 1, 50 and 500 countdowns; the requests to Shopify's /cart.js that three
// cart widgets make per cart change, beside three naive scripts that each fetch their own cart; a
// 4 s spin of Vitrine's wheel beside spin-wheel; the heap after 1,000 create/remove cycles of each
// widget. Prints tables and writes BENCHMARKS.md, bench/countdown-scaling.svg and bench/bytes.svg.
// `npm run bench -- --quick`: one run per figure, a shorter window, nothing written; for CI,
// it fails only when something crashes, never on the figures; it skips the wheel in Firefox and WebKit
// (bench/engines.js), which `npm run bench -- --wheel-engines` runs alone, rewriting only its section.
// `npm run bench -- --only countdowns [--runs N]`: the countdown scaling alone (N runs, default 5), its
// tables printed, nothing written: to compare a change of the countdown before and after.
// Run `npm run build` first: this measures packages/vitrine/dist as it is.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright';
import { CART_CHANGES, QUIET_SHARE, measure, measureCart, measureWheel } from './measure.js';
import { measureWheelEngines, runWheelEnginesOnly, wheelEnginesSection } from './engines.js';
import {
  CART_LABELS,
  CART_LIBRARIES,
  CART_THRESHOLD,
  LABELS,
  LIBRARIES,
  WHEEL_LABELS,
  WHEEL_LIBRARIES,
  WHEEL_SEGMENTS,
  WHEEL_SPIN_MS,
  cartPageForUrl,
  pageForUrl,
  wheelPageForUrl,
} from './pages.js';
import {
  CART_GOAL,
  GOAL,
  WHEEL_GOAL,
  cartTables,
  cartVerdict,
  chartSvg,
  key,
  markdownTable,
  summarise,
  tables,
  textTable,
  verdict,
  wheelTables,
  wheelVerdict,
} from './report.js';
import { createCartStandIn, startServer } from './server.js';
import { BYTES_GOAL, byteRows, bytesChartSvg, bytesTable, bytesVerdict } from './bytes.js';
import { MEMORY_SUBJECTS, measureMemory, measureStore, memoryPageHtml } from './impact.js';
import { bundlePeers } from './peers.js';
import {
  MEMORY_GOAL,
  STARTUP_GOAL_TEXT,
  STORE_GOAL,
  memoryTable,
  memoryVerdict,
  startupTable,
  storeTables,
  storeVerdict,
} from './report-impact.js';
import { STORE_LABELS, STORE_VARIANTS, storeRoutes, storeTagsText } from './store.js';
import {
  LOAD_GOAL,
  WINDOW_MS as PROFILE_WINDOW_MS,
  loadVerdict,
  profileStore,
  profileTables,
  readSourceMaps,
} from './profile.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const argument = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const countdownsOnly = argument('--only') === 'countdowns';
// The list of offers with 1, 50 and 500 countdowns (format hms), and a collection grid of 500 product
// cards (the default format), most of them below the fold.
const COUNTS = [1, 50, 500, '500 grid'];
const urlOfCount = (library, count) =>
  `/bench/${library}.html?n=${parseInt(String(count), 10)}${String(count).endsWith('grid') ? '&layout=grid' : ''}`;
// Each page loads at the first rate (a slow phone: the harder case for layout shifts and
// readiness), then is measured at each rate in turn.
const THROTTLES = [4, 1];
const SHOWN_THROTTLES = [1, 4];
const RUNS = quick ? 1 : Number(argument('--runs') ?? 5);
// The window starts once the page has finished loading (measure.js: settleUntilQuiet, at most
// QUIET_MAX_MS after ready); aligned to the half-second it holds whole ticks.
const WINDOW_MS = quick ? 500 : 2000;
const SETTLE_MS = quick ? 200 : 300;
const QUIET_MAX_MS = quick ? 0 : 3000;
const ALIGN_WINDOW = !quick;
const LATENCY_MS = 20;
const CHART_THROTTLE = 4;
const CHART = 'bench/countdown-scaling.svg';
const DIST = 'packages/vitrine/dist';
// The cart section: page loads are short (three small widgets), so 5 runs fit in ~30 s.
const CART_RUNS = quick ? 1 : 5;
// A change is over once every widget shows the new cart, this long after that, and no /cart.js
// request has come for this long: 2.5 times Vitrine's 200 ms debounce, so that a second request
// (a signal heard while the first was on its way) would be counted.
const CART_QUIET_MS = 500;
const CART_TIMEOUT_MS = 15_000;
// The wheel section: one page load per library and run, one spin at each rate on it (a spin lasts
// 4 s, so 5 runs of both libraries at both rates take about 100 s); --quick: one spin at 1x.
const WHEEL_RUNS = quick ? 1 : 5;
const WHEEL_THROTTLES = quick ? [1] : [1, 4];
const WHEEL_TIMEOUT_MS = 30_000;
const PEER_WHEEL = 'node_modules/spin-wheel';
// The wheel in Chromium, Firefox and WebKit (bench/engines.js): one page load per spin, about 10 s each.
const WHEEL_ENGINE_RUNS = 3;
const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
};
// The storefront section: each variant loads fresh at each rate (TBT, LCP and CLS are figures of a
// page load), watched until its widgets have rendered, then this long more. 7 runs: a whole page load
// is the noisiest figure here. --quick: 4x only.
const STORE_RUNS = quick ? 1 : 7;
const STORE_THROTTLES = quick ? [4] : [1, 4];
const STORE_QUIET_MS = 1000;
// The profile of the product page at 4x (bench/profile.js): paired rounds, each two page loads of 10 s.
const PROFILE_ROUNDS = quick ? 1 : 7;
const STORE_TIMEOUT_MS = 60_000;
const BYTES_CHART = 'bench/bytes.svg';
// The memory section: one page per run, every widget cycled in turn.
const MEMORY_RUNS = quick ? 1 : 5;
const MEMORY_CYCLES = quick ? 100 : 1000;
const MEMORY_WARM_UP = 20;
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

if (!existsSync(join(root, DIST, 'vitrine.js'))) {
  console.error(`${DIST}/vitrine.js is missing: run \`npm run build\` first, then \`npm run bench\`.`);
  process.exit(1);
}
if (
  !existsSync(join(root, 'node_modules/simplycountdown.js/dist/simplyCountdown.js')) ||
  !existsSync(join(root, PEER_WHEEL, 'dist/spin-wheel-esm.js'))
) {
  console.error('node_modules/simplycountdown.js or node_modules/spin-wheel is missing: run `npm install` first.');
  process.exit(1);
}

/**
 * The build as it is now, held in memory: colleagues may rebuild while the bench runs, and
 * a loader whose chunks vanish mid-run would measure nothing.
 */
async function snapshotBuild() {
  for (let attempt = 1; ; attempt++) {
    const files = new Map();
    const walk = (folder) => {
      for (const entry of readdirSync(join(root, DIST, folder), { withFileTypes: true })) {
        const path = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path);
        // What a browser fetches: scripts and styles (not the source maps, nor the types and the
        // manifest that the package's build writes beside them).
        else if (/\.(js|css)$/.test(entry.name)) files.set(path, readFileSync(join(root, DIST, path)));
      }
    };
    try {
      walk('');
    } catch {
      /* a rebuild is emptying dist/: try again */
    }
    // Complete when the loader is there and every file a file names is there too, beside it (the flat
    // Shopify build in shopify/ names its chunks in its own folder).
    const named = [...files].flatMap(([path, body]) =>
      [...body.toString('utf8').matchAll(/["'`]\.\/((?:chunks\/)?[^"'`/]+\.js)["'`]/g)].map((match) =>
        posix.join(posix.dirname(path), match[1]),
      ),
    );
    // A language chunk's address is computed (`./texts-${language}-<hash>.js`): not a file name.
    const complete = files.has('vitrine.js') && named.every((name) => name.includes('${') || files.has(name));
    if (complete) return files;
    if (attempt === 15) throw new Error(`${DIST} is incomplete (a build in progress?): run \`npm run build\``);
    await new Promise((done) => setTimeout(done, 2000));
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

/**
 * The wheel's bytes, brotli at quality 11 (as the server stores static files): its own chunk
 * (`chunks/wheel-*.js`, the goal's figure), every script the Vitrine wheel page fetched, and
 * spin-wheel's two files.
 */
function wheelBytesOf(build, scriptNames) {
  const size = (body) => ({ raw: body.length, brotli: brotli(body) });
  const sum = (bodies) =>
    bodies.map(size).reduce((total, one) => ({ raw: total.raw + one.raw, brotli: total.brotli + one.brotli }), {
      raw: 0,
      brotli: 0,
    });
  const chunkName = [...build.keys()].find((path) => /^chunks\/wheel-[^/]+\.js$/.test(path));
  const chunk = chunkName ? size(build.get(chunkName)) : null;
  const fetched = scriptNames
    .map((path) => build.get(path.replace(`/${DIST}/`, '')))
    .filter((body) => body !== undefined);
  const peerFiles = ['dist/spin-wheel-esm.js', 'scripts/easing.js'];
  const rows = [];
  if (chunk) rows.push({ label: `Vitrine: ${chunkName}, the wheel's own chunk`, ...chunk, goal: true });
  if (fetched.length)
    rows.push({ label: `Vitrine: the ${fetched.length} scripts the wheel page loads`, ...sum(fetched), goal: false });
  rows.push({
    label: `spin-wheel: ${peerFiles.join(' + ')}`,
    ...sum(peerFiles.map((file) => readFileSync(join(root, PEER_WHEEL, file)))),
    goal: false,
  });
  return { chunk, chunkName, rows };
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0];
  // A fixed deadline a few days out, on a whole second, the same for every page of the run.
  const deadline = new Date(Math.ceil(Date.now() / 1000) * 1000 + (3 * 24 + 7) * 3_600_000 + 25 * 60_000);
  const build = await snapshotBuild();
  console.log(`Measuring ${DIST}: ${[...build.keys()].filter((path) => path.endsWith('.js')).join(', ')}`);
  const peers = await bundlePeers(root);
  const bytes = byteRows(build, peers);
  console.log(`\nBytes: what a page downloads, each file compressed on its own\n${textTable(bytesTable(bytes))}`);
  const bytesGoal = bytesVerdict(bytes, build);
  console.log(`\nGoal: ${BYTES_GOAL}.\n${bytesGoal.met ? 'MET' : 'NOT MET'}: ${bytesGoal.text}`);
  // With the loyalty badge in the build, the cart page has two progress bars and a badge (as a
  // shop would: the bar in the header and the cart, the points beside the price); else three bars.
  const hasBadge = build.get('vitrine.js')?.toString('utf8').includes('vitrine-loyalty-badge') ?? false;
  const cartWidgets = hasBadge ? ['progress', 'badge', 'progress'] : ['progress', 'progress', 'progress'];
  const routes = (url) => {
    const page = pageForUrl(url, deadline) ?? cartPageForUrl(url) ?? wheelPageForUrl(url);
    if (page !== null) return { body: Buffer.from(page) };
    if (url.pathname === '/bench/memory.html') return { body: Buffer.from(memoryPageHtml(peers)) };
    const store = storeRoutes(url, { root, deadline, peers, build });
    if (store !== null) return store;
    if (!url.pathname.startsWith(`/${DIST}/`)) return null;
    const file = build.get(url.pathname.slice(DIST.length + 2));
    return file ? { body: file } : undefined;
  };
  const cart = createCartStandIn();
  const server = await startServer(root, routes, { latencyMs: LATENCY_MS, cart });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const results = new Map();
  try {
    const version = browser.version();
    console.log(
      `Chromium ${version}; ${RUNS} run${RUNS > 1 ? 's' : ''} per figure, ${WINDOW_MS} ms window${quick ? ' (--quick)' : ''}`,
    );
    const run = (library, count, windowMs = WINDOW_MS) =>
      measure(browser, {
        url: `${server.origin}${urlOfCount(library, count)}`,
        library,
        count: parseInt(String(count), 10),
        throttles: THROTTLES,
        windowMs,
        settleMs: SETTLE_MS,
        alignWindow: ALIGN_WINDOW,
        quietMaxMs: QUIET_MAX_MS,
      });
    // Warm-up, not counted: the first context of a browser is slower to start.
    if (!quick) await run('simplycountdown', 1, 100);

    // Interleaved, so that a slow spell of the machine hits both libraries alike.
    for (let round = 1; round <= RUNS; round++) {
      for (const count of COUNTS) {
        for (const library of LIBRARIES) {
          const figures = await run(library, count);
          const runs = results.get(key(library, count)) ?? [];
          runs.push(figures);
          results.set(key(library, count), runs);
          const perThrottle = THROTTLES.map(
            (throttle) => `${figures.windows[throttle].taskMsPerS.toFixed(0).padStart(4)} ms/s at ${throttle}x`,
          );
          console.log(
            `  run ${round}/${RUNS}  N=${String(count).padEnd(8)} ${LABELS[library].padEnd(18)}  ` +
              `ready in ${String(figures.readyMs).padStart(5)} ms, quiet ${String(figures.settledMs).padStart(4)} ms later, ` +
              `main thread ${perThrottle.join(', ')}`,
          );
        }
      }
    }

    if (countdownsOnly) {
      countdownReport(results);
      const warning = busyWarning({ before: loadBefore, after: loadavg()[0] });
      if (warning) console.log(warning);
      console.log('--only countdowns: BENCHMARKS.md not written.');
      return;
    }

    // The cart: requests to /cart.js per cart change, Vitrine's widgets and the naive scripts interleaved.
    const cartStarted = Date.now();
    const cartResults = new Map();
    const widgetNames = cartWidgets.map((kind) => (kind === 'badge' ? 'loyalty badge' : 'progress')).join(' + ');
    console.log(`\nCart: ${cartWidgets.length} widgets (${widgetNames}); ${CART_RUNS} run${CART_RUNS > 1 ? 's' : ''}`);
    for (let round = 1; round <= CART_RUNS; round++) {
      for (const library of CART_LIBRARIES) {
        const figures = await measureCart(browser, {
          origin: server.origin,
          library,
          widgets: cartWidgets,
          cart,
          quietMs: CART_QUIET_MS,
          timeoutMs: CART_TIMEOUT_MS,
        });
        cartResults.set(library, [...(cartResults.get(library) ?? []), figures]);
        const perChange = CART_CHANGES.map((change) => `${change.name} ${figures.changes[change.name].requests}`);
        console.log(
          `  run ${round}/${CART_RUNS}  ${CART_LABELS[library].padEnd(22)}  /cart.js requests: load ${figures.load.requests}, ` +
            perChange.join(', '),
        );
      }
    }
    const cartMs = Date.now() - cartStarted;

    // The wheel: a 4 s spin at each rate, Vitrine and spin-wheel interleaved.
    const wheelStarted = Date.now();
    const wheelResults = new Map();
    console.log(
      `\nWheel: ${WHEEL_SEGMENTS.length} segments, a ${WHEEL_SPIN_MS / 1000} s spin at ` +
        `${WHEEL_THROTTLES.map((throttle) => `${throttle}x`).join(' and ')}; ${WHEEL_RUNS} run${WHEEL_RUNS > 1 ? 's' : ''}`,
    );
    for (let round = 1; round <= WHEEL_RUNS; round++) {
      for (const library of WHEEL_LIBRARIES) {
        const figures = await measureWheel(browser, {
          url: `${server.origin}/bench/wheel.html?library=${library}`,
          library,
          throttles: WHEEL_THROTTLES,
          timeoutMs: WHEEL_TIMEOUT_MS,
        });
        wheelResults.set(library, [...(wheelResults.get(library) ?? []), figures]);
        const perThrottle = WHEEL_THROTTLES.map((throttle) => {
          const spin = figures.spins[throttle];
          return `${throttle}x ${spin.taskMsPerFrame.toFixed(2)} ms/frame, ${spin.frames} frames, ${spin.missed} missed`;
        });
        console.log(`  run ${round}/${WHEEL_RUNS}  ${WHEEL_LABELS[library].padEnd(10)}  ${perThrottle.join('; ')}`);
      }
    }
    // The same spin in the three engines (skipped by --quick: three browsers take a minute or more).
    let wheelEngines = '';
    if (!quick) {
      console.log(`\nWheel in Chromium, Firefox and WebKit; ${WHEEL_ENGINE_RUNS} runs`);
      const engineResults = await measureWheelEngines({
        root,
        origin: server.origin,
        runs: WHEEL_ENGINE_RUNS,
        chromiumLaunch: CHROMIUM_LAUNCH,
      });
      wheelEngines = wheelEnginesSection(engineResults, WHEEL_ENGINE_RUNS);
    }
    const wheelMs = Date.now() - wheelStarted;
    const wheelBytes = wheelBytesOf(build, wheelResults.get('vitrine')?.[0]?.scriptNames ?? []);

    // The storefront: without Vitrine, with it, with the peers; interleaved, each rate in turn.
    const storeStarted = Date.now();
    const storeResults = new Map();
    console.log(
      `\nStorefront: the demo's product page at ${STORE_THROTTLES.map((throttle) => `${throttle}x`).join(' and ')}; ` +
        `${STORE_RUNS} run${STORE_RUNS > 1 ? 's' : ''}`,
    );
    const storeRun = (variant, throttle) =>
      measureStore(browser, {
        origin: server.origin,
        variant,
        throttle,
        quietMs: STORE_QUIET_MS,
        timeoutMs: STORE_TIMEOUT_MS,
      });
    // Warm-up, not counted: the first load of the demo's files is slower.
    if (!quick) await storeRun('vitrine', 1);
    for (let round = 1; round <= STORE_RUNS; round++) {
      for (const throttle of STORE_THROTTLES) {
        for (const variant of STORE_VARIANTS) {
          const figures = await storeRun(variant, throttle);
          const name = `${variant}|${throttle}`;
          storeResults.set(name, [...(storeResults.get(name) ?? []), figures]);
          const startup = figures.startup === null ? '' : `, first widget after ${figures.startup.toFixed(0)} ms`;
          console.log(
            `  run ${round}/${STORE_RUNS}  ${throttle}x ${STORE_LABELS[variant].padEnd(22)}  TBT ${figures.tbt.toFixed(0).padStart(4)} ms, ` +
              `LCP ${String(figures.lcp?.toFixed(0) ?? '—').padStart(5)} ms, CLS ${figures.cls.toFixed(4)}${startup}`,
          );
        }
      }
    }
    const storeMs = Date.now() - storeStarted;

    // Where the main thread's time goes on the product page at 4x: a trace and a CPU profile of each load,
    // the page without Vitrine and with it in turn (paired rounds; bench/profile.js).
    const profileStarted = Date.now();
    console.log(`\nProfile: the product page at 4x, without and with Vitrine; ${PROFILE_ROUNDS} paired rounds`);
    const profilePairs = await profileStore(browser, {
      origin: server.origin,
      build: new Map([...build, ...readSourceMaps(join(root, DIST))]),
      rounds: PROFILE_ROUNDS,
      throttle: 4,
      quietMs: STORE_QUIET_MS,
      windowMs: PROFILE_WINDOW_MS,
      timeoutMs: STORE_TIMEOUT_MS,
      log: console.log,
    });
    const profileSet = profileTables(profilePairs);
    const loadGoal = loadVerdict(profilePairs);
    const profileMs = Date.now() - profileStarted;

    // Memory: create/remove cycles of every widget, then the heap.
    const memoryStarted = Date.now();
    const memoryResults = [];
    console.log(
      `\nMemory: ${MEMORY_CYCLES} create/remove cycles of each widget; ${MEMORY_RUNS} run${MEMORY_RUNS > 1 ? 's' : ''}`,
    );
    for (let round = 1; round <= MEMORY_RUNS; round++) {
      const figures = await measureMemory(browser, {
        url: `${server.origin}/bench/memory.html`,
        count: MEMORY_CYCLES,
        warmUp: MEMORY_WARM_UP,
      });
      memoryResults.push(figures);
      const growth = MEMORY_SUBJECTS.filter((subject) => subject.who === 'vitrine').map(
        (subject) =>
          `${subject.name.replace('vitrine-', '')} ${(figures[subject.name].growthBytes / 1024).toFixed(0)} KB`,
      );
      console.log(`  run ${round}/${MEMORY_RUNS}  heap growth: ${growth.join(', ')}`);
    }
    const memoryMs = Date.now() - memoryStarted;

    const elapsedMs = Date.now() - started;
    const busy = { before: loadBefore, after: loadavg()[0] };
    const { summary, tableSet, goal } = countdownReport(results);
    const cartSet = cartTables(cartResults, CART_CHANGES, CART_LIBRARIES, CART_LABELS, cartWidgets.length);
    const cartGoal = cartVerdict(cartResults, CART_CHANGES, CART_LABELS, cartWidgets.length);
    console.log(`\nCart: requests to /cart.js (median, min–max)\n${textTable(cartSet.requestsTable)}`);
    console.log(`\nCart: time from the change until every widget shows the new cart\n${textTable(cartSet.timeTable)}`);
    console.log(
      `\nGoal: ${CART_GOAL.replaceAll('`', '')}.\n${cartGoal.met ? 'MET' : 'NOT MET'}: ` +
        cartGoal.text.replace(/^(not )?met: /, '').replaceAll('`', ''),
    );
    const wheelSet = wheelTables(wheelResults, WHEEL_THROTTLES, WHEEL_LIBRARIES, WHEEL_LABELS, wheelBytes.rows);
    const wheelGoal = wheelVerdict(wheelResults, WHEEL_THROTTLES, wheelBytes.chunk);
    console.log(`\nWheel: a ${WHEEL_SPIN_MS / 1000} s spin (median, min–max)\n${textTable(wheelSet.spinTable)}`);
    console.log(`\nVitrine / spin-wheel (medians)\n${textTable(wheelSet.ratioTable)}`);
    console.log(`\nWheel: bytes\n${textTable(wheelSet.bytesTable)}`);
    console.log(
      `\nGoal: ${WHEEL_GOAL}.\n${wheelGoal.met ? 'MET' : 'NOT MET'}: ${wheelGoal.text.replace(/^(not )?met: /, '')}`,
    );
    const storeSet = storeTables(storeResults, STORE_THROTTLES);
    const storeGoal = storeVerdict(storeResults);
    const startup = startupTable(storeResults, STORE_THROTTLES);
    console.log(`\nStorefront: the demo's product page (median, min–max)\n${textTable(storeSet.table)}`);
    console.log(`\nWhat each adds to the page without Vitrine (medians)\n${textTable(storeSet.added)}`);
    console.log(`\nRender-blocking requests\n${textTable(storeSet.blocking)}`);
    console.log(
      `\nGoal: ${STORE_GOAL.replaceAll('`', '')}.\n${storeGoal.met ? 'MET' : 'NOT MET'}: ` +
        storeGoal.text.replace(/^(not )?met: /, '').replaceAll('`', ''),
    );
    console.log(
      `\nStart-up: from the widgets' code starting to run until the first widget is painted\n${textTable(startup)}`,
    );
    console.log(`\nProfile: main thread by kind of work\n${textTable(profileSet.work)}`);
    console.log(`\nProfile: Vitrine's script by source\n${textTable(profileSet.modules)}`);
    console.log(
      `\nGoal: ${LOAD_GOAL}.\n${loadGoal.met ? 'MET' : 'NOT MET'}: ${loadGoal.text.replace(/^(not )?met: /, '')}`,
    );
    const memory = memoryTable(memoryResults, MEMORY_CYCLES);
    const memoryGoal = memoryVerdict(memoryResults, MEMORY_CYCLES);
    console.log(`\nMemory (median, min–max)\n${textTable(memory)}`);
    console.log(
      `\nGoal: ${MEMORY_GOAL}.\n${memoryGoal.met ? 'MET' : 'NOT MET'}: ${memoryGoal.text.replace(/^(not )?met: /, '')}`,
    );
    console.log(
      `\nBenchmark took ${seconds(elapsedMs)} (the cart section ${seconds(cartMs)}, the wheel section ${seconds(wheelMs)}, ` +
        `the storefront ${seconds(storeMs)}, the profile ${seconds(profileMs)}, memory ${seconds(memoryMs)}).`,
    );
    const warning = busyWarning(busy);
    if (warning) console.log(warning);
    if (quick) {
      console.log('--quick: BENCHMARKS.md not written.');
      return;
    }
    writeFileSync(join(root, CHART), chartSvg(summary, COUNTS.filter(Number.isInteger), CHART_THROTTLE));
    writeFileSync(join(root, BYTES_CHART), bytesChartSvg(bytes));
    const cartScripts = cartResults.get('vitrine')?.[0]?.scriptNames ?? [];
    const cartReport = { tableSet: cartSet, goal: cartGoal, widgets: cartWidgets, ms: cartMs, scripts: cartScripts };
    const wheelReport = {
      tableSet: wheelSet,
      goal: wheelGoal,
      ms: wheelMs,
      scripts: wheelResults.get('vitrine')?.[0]?.scriptNames ?? [],
      wheelPx: WHEEL_LIBRARIES.map((library) => wheelResults.get(library)?.[0]?.spins[WHEEL_THROTTLES[0]].wheelPx ?? 0),
      displayMs: wheelResults.get('vitrine')?.[0]?.spins[WHEEL_THROTTLES[0]].displayMs ?? 0,
      engines: wheelEngines,
    };
    writeFileSync(
      join(root, 'BENCHMARKS.md'),
      markdown({
        version,
        tableSet,
        goal,
        elapsedMs,
        busy,
        results,
        cart: cartReport,
        wheel: wheelReport,
        bytes: { table: bytesTable(bytes), rows: bytes, peers, goal: bytesGoal },
        store: {
          tableSet: storeSet,
          goal: storeGoal,
          startup,
          ms: storeMs,
          results: storeResults,
          tags: storeTagsText({ root, deadline, peers }),
        },
        memory: { table: memory, goal: memoryGoal, ms: memoryMs },
        profile: { ...profileSet, goal: loadGoal, ms: profileMs },
      }),
    );
    console.log(`Wrote BENCHMARKS.md, ${CHART} and ${BYTES_CHART}.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** Other work on the machine steals the CPU the figures measure: say so when it did. */
/** The countdown scaling's tables and goal, printed; returned for BENCHMARKS.md and the chart. */
function countdownReport(results) {
  const summary = summarise(results, COUNTS, THROTTLES);
  const tableSet = tables(summary, COUNTS, SHOWN_THROTTLES, THROTTLES[0]);
  const goal = verdict(summary, results);
  console.log(`\nAfter load, per second of the window (median, min–max)\n${textTable(tableSet.steadyTable)}`);
  console.log(`\nVitrine / simplyCountdown (medians)\n${textTable(tableSet.steadyRatios)}`);
  console.log(`\nPage load at ${THROTTLES[0]}x\n${textTable(tableSet.loadTable)}`);
  console.log(`\nVitrine / simplyCountdown (medians)\n${textTable(tableSet.loadRatios)}`);
  console.log(`\nGoal: ${GOAL}.\n${goal.met ? 'MET' : 'NOT MET'}: ${goal.text.replace(/^(not )?met: /, '')}`);
  return { summary, tableSet, goal };
}

function busyWarning({ before, after }) {
  const cores = cpus().length;
  if (Math.max(before, after) <= cores) return '';
  return (
    `Warning: the machine was busy (load average ${before.toFixed(1)} at the start, ${after.toFixed(1)} at the end, ` +
    `${cores} cores): figures are noisier and slower than on an idle machine.`
  );
}

/** The cart page's widgets in words: `3 × <vitrine-shipping-progress …>`, or the mix. */
function cartWidgetsText(widgets) {
  const tags = {
    progress: `\`<vitrine-shipping-progress cart-source="shopify" threshold="${CART_THRESHOLD}">\``,
    badge: '`<vitrine-loyalty-badge cart>`',
  };
  const counts = new Map();
  for (const kind of widgets) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} × ${tags[kind]}`).join(' and ');
}

/** Published figures of commercial apps, with their source: quoted, not measured here. */
const PUBLISHED = `Published, not measured here: StackConflict's lab comparison of two Shopify loyalty apps
(<https://stackconflict.com/compare/loyaltylion-vs-smileio>, tested 2026-05-30 on a store with no other app, mobile CPU
with 4x CDP throttling) gives a "JS payload" of **104.75 KB for Smile.io** and **113.45 KB for LoyaltyLion**, and
5 ms and 130 ms of mobile CPU. Issue 10 quotes these payloads as gzip; the page does not say how they were compressed.
Beside them, the loader and the loyalty badge weigh LOYALTY (gzip) here, and all six widgets ALL.`;

function markdown({ version, tableSet, goal, elapsedMs, busy, results, cart, wheel, bytes, store, memory, profile }) {
  // The same tables before issue 18's work, measured once and kept (bench/profile-before.md).
  const beforePath = join(root, 'bench/profile-before.md');
  const profileBefore = existsSync(beforePath)
    ? `### Before\n\n${readFileSync(beforePath, 'utf8').trim()}\n\n### After (this run)\n`
    : '';
  const cores = cpus();
  const models = [...new Set(cores.map((core) => core.model.trim()))].join(', ');
  const fetched = results.get(key('vitrine', COUNTS[0]))?.[0]?.scriptNames ?? [];
  const warning = busyWarning(busy);
  const scriptList = (paths) => paths.map((path) => `\`${path.replace(`/${DIST}/`, '')}\``).join(', ');
  const widgetCount = cart.widgets.length;
  const gzipOf = (prefix) => {
    const row = bytes.rows.find((one) => one.label.startsWith(prefix));
    return row ? `${(row.gzip / 1024).toFixed(1)} KB` : '—';
  };
  const published = PUBLISHED.replace('LOYALTY', gzipOf('Vitrine: loader + loyalty badge')).replace(
    'ALL',
    gzipOf('Vitrine: loader + all six'),
  );
  const peerList = [...bytes.peers.values()].map((peer) => `${peer.packageName} ${peer.version}`).join(', ');
  const storeRuns = store.results.get(`vitrine|${STORE_THROTTLES.at(-1)}`)?.length ?? 0;
  const storeScripts = store.results.get(`vitrine|${STORE_THROTTLES.at(-1)}`)?.[0]?.scripts ?? [];
  return `# Benchmarks

Vitrine beside its peers, every figure from the same run, in headless Chromium with CDP CPU throttling: the bytes a
page downloads; the demo storefront's product page without Vitrine, with its six widgets and with the peers doing the
same jobs (blocking time, long animation frames, LCP, CLS, render-blocking requests) and the start-up to the first
widget painted; countdown scaling; cart requests; a wheel spin; the heap after create/remove cycles. Peers:
${peerList}.
Written by \`npm run bench\` (\`bench/run.js\`) from the build in \`${DIST}\`; run \`npm run build\` first.
Do not edit by hand: run it again.${warning ? `\n\n${warning}` : ''}

## Goals

> ${sentence(STORE_GOAL)} (the peers beside it in the same run).

**${store.goal.met ? 'Met' : 'Not met'}.** ${sentence(store.goal.text.replace(/^(not )?met: /, ''))}

> ${sentence(LOAD_GOAL)}.

**${profile.goal.met ? 'Met' : 'Not met'}.** ${sentence(profile.goal.text.replace(/^(not )?met: /, ''))} See [Where the main thread's time goes at load](#where-the-main-threads-time-goes-at-load).

> ${sentence(BYTES_GOAL)}.

**${bytes.goal.met ? 'Met' : 'Not met'}.** ${sentence(bytes.goal.text)} See [Bytes](#bytes), beside the peers.

> ${sentence(MEMORY_GOAL)}.

**${memory.goal.met ? 'Met' : 'Not met'}.** ${sentence(memory.goal.text.replace(/^(not )?met: /, ''))}

> Start-up: ${STARTUP_GOAL_TEXT}.

See [Start-up](#start-up). Bytes: issue 10 sets no goal of its own; \`npm run size\` holds every group of the build to
its budget in CI (\`size-budgets.json\`), and the table below sets each page beside the peers.

> ${GOAL}.

**${goal.met ? 'Met' : 'Not met'}.** ${sentence(goal.text.replace(/^(not )?met: /, ''))}

> ${sentence(CART_GOAL)} (beside a naive per-widget fetch in the same run).

**${cart.goal.met ? 'Met' : 'Not met'}.** ${sentence(cart.goal.text.replace(/^(not )?met: /, ''))}

> ${sentence(WHEEL_GOAL)} (spin-wheel beside it in the same run).

**${wheel.goal.met ? 'Met' : 'Not met'}.** ${sentence(wheel.goal.text.replace(/^(not )?met: /, ''))}

## Bytes

What a page downloads, JavaScript and CSS, each file compressed on its own as a browser fetches it (gzip level 9,
brotli quality 11). Vitrine's rows follow the loader's imports in the build: the loader alone (a page with no
widget), the loader and the chunks one widget brings (its own, Lit and core's shared chunks, the kit or pop-up
machinery it needs), all six. The peers are bundled the same way (\`bench/peers.js\`: Vite's JS API, one
minified ES-module build per peer, every output file counted).

${markdownTable(bytes.table)}

![What a page downloads, gzip and brotli, Vitrine beside the peers](${BYTES_CHART})

${published}

## Storefront impact

The demo storefront's product page (\`demo/index.html\` with its \`shop.css\`, \`shop.js\` and images), loaded fresh at
each rate, median of ${storeRuns} runs with the range in brackets:

- **without Vitrine**: the page with no loader and no Vitrine tag, the shop alone (in all three, the demo's controls
  and its developer panel, a log of every bus message, are left out: a shop has neither);
- **Vitrine**: the page as the demo serves it, plus an inline \`<vitrine-wheel>\` with 6 segments (the demo has its
  wheel on the cart page), through the script-tag build (${storeScripts.filter((path) => path.startsWith('/cdn/')).length} scripts): ${store.tags};
- **peers**: the same jobs where each Vitrine tag stands: simplyCountdown.js for the three timers, a plain sticky bar
  (HTML and CSS), ouibounce and a Shoelace dialog for the pop-up, spin-wheel for the wheel, a Shoelace progress bar
  fed by \`/cart.js\` for free shipping, Shoelace badges (one in a tooltip) for the points; Shoelace's light theme
  linked in \`<head>\`, as its documentation shows.

${markdownTable(store.tableSet.table)}

What Vitrine and the peers add to the page without Vitrine: in each round the three pages load one after the other,
so each run is paired with the run without Vitrine of its round; median of these differences, with their range (at
most 50 ms of TBT added at 4x is the goal):

${markdownTable(store.tableSet.added)}

Render-blocking requests (resource timing's \`renderBlockingStatus\`; the HTML document itself aside):

${markdownTable(store.tableSet.blocking)}

## Where the main thread's time goes at load

The same product page at 4x, without Vitrine and with it, in turn (${PROFILE_ROUNDS} paired rounds; \`bench/profile.js\`,
also run alone with \`node bench/profile.js\`). Each load is traced (CDP \`Tracing\`, DevTools' timeline categories)
and profiled (CDP \`Profiler\`, 200 µs sampling) from navigation over ${PROFILE_WINDOW_MS / 1000} s (the same window for both
pages, long enough for every widget to be ready and a quiet second after). The renderer's main thread, each event's
own time (its duration minus the events inside it) by kind of work; "task, not itemised" is time a task spends
outside any event it records (module loading and linking, microtask checkpoints, messages), and with 4x throttling
the pauses the throttling makes there. Forced style and layout: style or layout computed inside a script (a read of
a size or a style). Medians with the range; "added" is the median of the paired differences:

${profileBefore}${markdownTable(profile.work)}

The load and the seconds after it, and the floor any page with ticking seconds pays: in the same rounds, a third
page, the page without Vitrine with plain text where each countdown Vitrine shows stands (one in the bar, two in
the page), which a \`setTimeout\` changes each second as Vitrine's clock does, each text a contained box of a fixed
size (the least a new second can cost the browser); no library (\`bench/store.js\`, \`ticker\`). Each second
holds the tasks that began in it, from the first task of the load; medians of the paired differences with the page
without either:

${markdownTable(profile.floor)}

Vitrine's own script, by where it comes from (the CPU profile's self time in the build's files, mapped through their
source maps; Lit's first renders and template preparation count under Lit):

${markdownTable(profile.modules)}

Where the forced styles and layouts of the Vitrine page happened (the innermost script that has a position; these
loads run without the bench's first-widget probe, a \`requestAnimationFrame\` loop that measures boxes, which the
page without Vitrine never runs: until 2026-12-06 its 36 ms of forced layouts a load counted as Vitrine's):

${markdownTable(profile.forced)}

## Start-up

From the moment the widgets' code starts to run (a \`performance.mark()\` in an inline module script just before
the loader, or first in the peers' page script) until the first widget is painted (polled each frame: a Vitrine or
Shoelace element that has rendered content, a countdown with digits, a wheel's canvas; the time is taken in a task
queued from that frame, after its paint). Same page loads as the storefront table:

${markdownTable(store.startup)}

## Countdown scaling

Vitrine's \`<vitrine-countdown>\` (the script-tag build) against [simplyCountdown.js](https://github.com/VincentLoy/simplyCountdown.js)
3.0.1, on the same page with 1, 50 and 500 countdowns, at 1x and 4x CPU throttling.

![Main-thread time per second against the number of countdowns, at ${CHART_THROTTLE}x CPU throttling](${CHART})

Median of ${RUNS} runs, with the range (min–max) in brackets.

After load: per second of a ${WINDOW_MS / 1000} s window, on a page that loaded at ${THROTTLES[0]}x.

${markdownTable(tableSet.steadyTable)}

Vitrine / simplyCountdown, medians (under 1× is better for Vitrine):

${markdownTable(tableSet.steadyRatios)}

Page load at ${THROTTLES[0]}x CPU throttling (CLS counted until the end of the last window). "The second after
ready" is the main thread's work over the first second after every countdown shows digits: what a window right
after ready measures, the load's last work included (the steady figures above come from the window once the page
has quieted); where the two disagree, that tail is the difference:

${markdownTable(tableSet.loadTable)}

Vitrine / simplyCountdown, medians:

${markdownTable(tableSet.loadRatios)}

## Cart: requests to \`/cart.js\` per cart change

A product page of a Shopify shop (\`window.Shopify = { routes: { root: '/' } }\`) with ${widgetCount} cart widgets:

- **Vitrine**: ${cartWidgetsText(cart.widgets)}, through the script-tag build: they share one cart
  source, which hears the theme's cart calls and events.
- **Naive per-widget fetch**: the same ${widgetCount} widgets' job done by ${widgetCount} independent scripts, as ${widgetCount} Shopify apps
  would add them: each fetches \`/cart.js\` when the page loads, and again after every cart change it hears
  (it wraps \`window.fetch\` to see the theme's calls to \`/cart/add\`, \`/change\`, \`/update\`, \`/clear\`, and
  listens to \`cart:updated\`), then renders its own widget.

Requests to \`/cart.js\` counted at the server, at page load and per cart change (median of ${CART_RUNS} runs, with
the range in brackets where runs differ):

${markdownTable(cart.tableSet.requestsTable)}

What the one request costs: Vitrine waits until the theme's cart calls have settled and no other signal has
come for 200 ms, so its widgets show a change later than scripts that fetch at once. Time until every widget
shows the new cart, from the change (page load: from navigation), in ms:

${markdownTable(cart.tableSet.timeTable)}

## Wheel spin

A ${WHEEL_SPIN_MS / 1000} s spin of a wheel of fortune with ${WHEEL_SEGMENTS.length} prizes, in a card of 22rem (the wheel itself ${Math.round(wheel.wheelPx[0])} px wide in both):

- **Vitrine**: the script-tag build and \`<vitrine-wheel preview duration="${WHEEL_SPIN_MS / 1000}s">\` with ${WHEEL_SEGMENTS.length}
  \`<vitrine-wheel-segment label code>\`, spun by a click on its spin button; the spin is one transform
  animation (Web Animations API) run by the compositor, over when \`vitrine-prize\` comes.
- **spin-wheel**: its ESM build, \`new Wheel(container, { items })\` with the same ${WHEEL_SEGMENTS.length} labels and colours, and
  \`spinToItem(random index, ${WHEEL_SPIN_MS}, false, 5, 1, cubicOut)\` (5 turns, as Vitrine's ${WHEEL_SPIN_MS / 1000} s spin; the ease-out of its
  own \`scripts/easing.js\`): it redraws its canvas from script on every frame, over at \`onRest\`.

Per spin (median of ${WHEEL_RUNS} runs, with the range in brackets): the main thread's busy time (CDP \`TaskDuration\`)
divided by the frames the compositor drew during the spin; the frames drawn; the missed frames (a frame that came
more than 1.5 display intervals, here ${wheel.displayMs.toFixed(1)} ms, after the one before) and the longest gap between two frames:

${markdownTable(wheel.tableSet.spinTable)}

Vitrine / spin-wheel, medians:

${markdownTable(wheel.tableSet.ratioTable)}

Bytes, compressed as the server sends them (brotli, quality 11):

${markdownTable(wheel.tableSet.bytesTable)}

${wheel.engines ? `${wheel.engines}\n` : ''}## Memory

Heap after ${MEMORY_CYCLES.toLocaleString('en')} create/remove cycles of each widget, median of ${MEMORY_RUNS} runs with the range in brackets:
each cycle creates the element with its attributes (and children: the wheel's segments, the bar's messages), appends
it, waits for its first render (\`updateComplete\`) and removes it. The growth is the heap's used size after the
cycles minus before them, both after garbage collection; a negative figure is noise (the collector freed more after
than before). The peers that are elements (Shoelace) or offer a way to stop (simplyCountdown's \`stopCountdown()\`,
spin-wheel's \`remove()\`) beside them.

${markdownTable(memory.table)}

## Machine

- Date: ${new Date(Date.now() - elapsedMs).toISOString().slice(0, 16).replace('T', ' ')} UTC
- CPU: ${cores.length} × ${models}
- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB
- OS: ${type()} ${release()}; Node ${process.version}
- Load average (1 min): ${busy.before.toFixed(1)} at the start, ${busy.after.toFixed(1)} at the end
- Browser: Chromium ${version}, headless, \`--no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking\`
- Scripts the Vitrine countdown page fetched: ${scriptList(fetched)}
- Scripts the Vitrine cart page fetched: ${scriptList(cart.scripts)}
- Scripts the Vitrine wheel page fetched: ${scriptList(wheel.scripts)}
- Scripts the Vitrine storefront page fetched: ${scriptList(
    storeScripts.filter((path) => path.startsWith('/cdn/')).map((path) => path.replace('/cdn/vitrine/', `/${DIST}/`)),
  )}
- The full run took ${seconds(elapsedMs)} (the cart section ${seconds(cart.ms)}, the wheel section ${seconds(wheel.ms)},
  the storefront ${seconds(store.ms)}, memory ${seconds(memory.ms)}).

## Method

Bytes:

- The build's files as the bench read them at its start (\`${DIST}\`); a page's files are the loader and its static
  imports, then each widget's lazy chunk (named in the loader's \`import()\` calls) with its static imports, as
  \`scripts/size.js\` counts them. The badge's popover chunk (floating-ui) comes on the first hover, focus or click:
  its own row.
- The peers: an entry module per peer in \`bench/.tmp/\` that imports what a shop would (\`simplycountdown.js\`,
  \`ouibounce\`, \`spin-wheel\` with its \`cubicOut\` easing, Shoelace's four components by path and its
  \`themes/light.css\`), built by Vite's \`build()\` (minified, ES modules, no shared chunk between peers), held in
  memory; every output file counted. The peers page of the storefront loads these very bundles.

Storefront and start-up:

- \`bench/store.js\` builds the three pages from \`demo/index.html\` at each request; the server delays every
  response by ${LATENCY_MS} ms like a CDN and serves \`/cart.js\` from the stand-in (an empty cart), the build at
  \`/cdn/vitrine/\` as the demo does.
- Each run opens a fresh browser context (cold cache, 1280×800), sets the CPU throttling rate (CDP
  \`Emulation.setCPUThrottlingRate\`) before navigating, loads the page and waits until every widget has rendered
  (Vitrine's and Shoelace's elements updated, the shipping progress showing the cart; the peers' countdowns showing
  digits, the wheel's canvas, the progress message), then ${STORE_QUIET_MS / 1000} s more. Runs are interleaved
  (every page at each rate, then again), after one warm-up load that is not counted.
- **TBT**: Lighthouse's definition over that window: of each \`longtask\` entry, the part after the first contentful
  paint beyond 50 ms, summed. **Long animation frames**: \`long-animation-frame\` entries (frames over 50 ms) from
  navigation to the end of the window, and their total duration. **LCP**: the last \`largest-contentful-paint\` entry
  (the product image in every run here). **CLS**: the sum of all \`layout-shift\` entries without recent input (no
  session windows: at least the CLS a report would give). **Render-blocking**: resource timing entries whose
  \`renderBlockingStatus\` is \`blocking\`. **Transferred**: resource timing \`transferSize\` of every resource.
- Nothing opens a pop-up during a run (no exit intent, and the pop-up's 45 s timer is longer than the run).

Memory:

- A page with the loader and each widget once (so every chunk is loaded) and the peers' bundles; for each widget in
  turn: ${MEMORY_WARM_UP} warm-up cycles (styles, templates and other one-time work), CDP \`HeapProfiler.collectGarbage\`
  twice, \`Runtime.getHeapUsage\`; then the cycles (the event loop gets a turn every 50, so timers and observers the
  widgets set can run); 200 ms; garbage collection and the heap again. \`--quick\`: 1 run of 100 cycles.

Countdown scaling:

- A static server (\`bench/server.js\`, node:http) serves the repository root and the pages that
  \`bench/pages.js\` generates: a list of N offers, each with a heading, a countdown and a paragraph. It compresses
  like a CDN (brotli) and delays every response by ${LATENCY_MS} ms, so that code arrives after the first paint as
  on a real shop. The build is read once at the start, so a rebuild during the run changes nothing.
- **Vitrine**: \`<script type="module" src="/${DIST}/vitrine.js">\` in the head and N
  \`<vitrine-countdown deadline="…" format="hms">\`; the loader fetches the countdown's chunks.
- **simplyCountdown.js**: its ES build (\`dist/simplyCountdown.js\`) imported by an inline module script, its
  default theme (\`dist/themes/default.min.css\`) and one \`simplyCountdown('.simply-countdown', {…, zeroPad: true})\`
  call over N empty \`<div class="simply-countdown">\`: its default display, amount over unit, like Vitrine's
  default boxes. Its code is not lazy, so it is ready sooner.
- **500 grid**: a collection page of 500 product cards, four to a row (a picture, a name, a price and the countdown
  in each library's default format: Vitrine without \`format\`, simplyCountdown as above), so most are below the fold.
- The deadline is the same for both, about 3 days and 7 hours after the start of the run.
- Each run opens a fresh browser context (cold cache, 1280×800) and sets CPU throttling with CDP
  \`Emulation.setCPUThrottlingRate\` to ${THROTTLES[0]}x before loading; **ready** is the time from navigation until
  all N countdowns show digits. It then waits until the page has finished loading: the first half second in
  which the main thread worked less than ${QUIET_SHARE * 100}% of the time, at most ${QUIET_MAX_MS / 1000} s (a page
  that never quiets, simplyCountdown's 500 timers, waits that long); the window used to begin
  ${SETTLE_MS} ms after ready and so counted, on the 500-countdown pages, the load's last work (chunks fetched
  after the first render, the observers' first answers) as if it came every second: 0.04 to 0.30 of
  simplyCountdown from one load to the next. Then, at ${THROTTLES.join('x, then ')}x, it waits ${SETTLE_MS} ms,
  then until half-way through a second (Vitrine's clock ticks on the second, so the window holds whole ticks),
  and measures a ${WINDOW_MS / 1000} s window. Both rates are measured on one page load, because loads dominate the time of
  the run (about ${seconds(elapsedMs)} in all, here).
- **Main thread** and **script**: deltas of CDP \`Performance.getMetrics\` \`TaskDuration\` and \`ScriptDuration\`
  over the window (wall time of the renderer's main thread, so throttling counts), per second.
- **LoAF**: \`long-animation-frame\` entries (frames over 50 ms) that start in the window: how many per second,
  and their total duration per second.
- **CLS**: the sum of all \`layout-shift\` entries without \`hadRecentInput\`, from navigation to the end of the
  last window.
- **JS transferred**: resource timing \`transferSize\` of the scripts (compressed bodies and headers).
- Runs are interleaved (every configuration once, then again), so that a slow spell of the machine hits both
  libraries alike; ${RUNS} page loads per configuration. \`npm run bench -- --quick\` does 1 run with a 0.5 s
  window, writes nothing and fails only if something crashes.
- With 2 cores, the compositor and raster threads compete with the main thread, so figures vary from run to
  run: compare medians, and ratios rather than absolute figures across machines.

Cart:

- The server (\`bench/server.js\`) holds a stand-in for Shopify's AJAX cart: \`GET /cart.js\` answers the cart
  (\`total_price\` in cents, \`currency\`, \`item_count\`, \`items\` …) and \`POST /cart/add.js\` adds to it, one cart
  per browser context through a \`cart\` cookie, as on Shopify; it records every request on arrival, so the
  counts are per page. Its answers wait ${LATENCY_MS} ms like every other response.
- Each run opens a fresh browser context (cold cache, no CPU throttling) with a cart of one €5.00 item, loads
  the page and waits until all ${widgetCount} widgets show the cart, then makes the changes in turn: **one add**, the
  page's \`fetch('/cart/add.js', { method: 'POST' })\` as a theme's add-to-cart button does; **a burst of three
  adds**, three such calls one after the other (each awaited); **a \`cart:updated\` DOM event** dispatched on
  \`document\` after an item was added on the server (the cart changed where the page could not see it).
- After the page load and after each change it waits until every widget shows the new total (polled each
  frame: Vitrine's progress by its bar's \`aria-valuenow\`${cart.widgets.includes('badge') ? ", the badge by its label's points" : ''}, the naive scripts by the total they rendered),
  then ${CART_QUIET_MS} ms more and until no \`/cart.js\` request has come for ${CART_QUIET_MS} ms (2.5 times Vitrine's
  200 ms debounce, so a late second request would be counted); the requests counted are those since the change.
- Runs are interleaved (Vitrine, then the naive page, ${CART_RUNS} times). \`--quick\` does 1 run of each.

Wheel:

- Each run opens a fresh browser context (cold cache, 1280×800) per library, loads the page at 1x and waits until
  the wheel is drawn; then, at each rate in turn (1x, then 4x through \`Emulation.setCPUThrottlingRate\`), spins it
  once. Before the second spin, Vitrine's wheel (whose single spin a win has used up) is replaced by a copy of
  itself, a new visitor in \`preview\`; spin-wheel spins again.
- Each spin is traced (categories \`disabled-by-default-devtools.timeline.frame\` and \`blink.user_timing\`, a light
  trace) between two \`performance.mark()\` calls, just before the spin starts and when it is over. **Frames drawn**:
  the renderer compositor's \`DrawFrame\` events between the marks: the frames the shopper sees, whether the motion
  comes from the compositor (Vitrine) or from script on the main thread (spin-wheel). The display interval is the
  median interval of the compositor's \`BeginFrame\` events (one per vsync).
- **Main thread ms/frame** and **script ms/frame**: deltas of CDP \`Performance.getMetrics\` \`TaskDuration\` and
  \`ScriptDuration\` from just before the spin until just after it, divided by the frames drawn. They include the
  click (or call) that starts the spin, the widget's re-render when it starts and ends (Vitrine: "Spinning…", then the
  prize and its code) and a few CDP round trips, so a little more than the spin itself.
- Why not a \`requestAnimationFrame\` loop to count frames: it makes the main thread produce a frame on every vsync,
  which a compositor animation alone does not need, and Blink then recomputes the animated element's style on each of
  them. Tried here (one run, while building this section), it raised Vitrine's main-thread time from 0.5 to 2.7 ms per
  frame at 1x and from 0.9 to 9 ms at 4x: it would measure the loop, not the wheel. spin-wheel runs such a
  loop itself, so for it the figures are alike either way.
- Runs are interleaved (Vitrine, then spin-wheel, ${WHEEL_RUNS} times); a spin lasts ${WHEEL_SPIN_MS / 1000} s, so the section takes
  about ${WHEEL_RUNS * WHEEL_LIBRARIES.length * 2 * (WHEEL_SPIN_MS / 1000 + 1)} s. \`--quick\` does 1 run of each at 1x only.
- With 2 shared cores, the compositor and display threads compete with everything else on the machine: a busy machine
  makes even a compositor animation miss frames.
`;
}

const wheelEnginesOnly = process.argv.includes('--wheel-engines');
(wheelEnginesOnly
  ? runWheelEnginesOnly({ root, runs: WHEEL_ENGINE_RUNS, chromiumLaunch: CHROMIUM_LAUNCH })
  : main()
).catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (error instanceof Error && error.cause) console.error('caused by:', error.cause);
  process.exit(1);
});
