// Where the main thread's time goes when a page loads Vitrine: a trace (CDP Tracing, DevTools'
// timeline categories) and a CPU profile (CDP Profiler) of one page load, taken together, from
// navigation until every widget has rendered and a quiet window after (bench/impact.js's
// measureStore, so the same load as the storefront figures).
//
// From the trace, the renderer's main thread: every task's time split by what it did, by the
// self time of the events in it (compiling scripts, running them, garbage collection, style,
// layout, paint, parsing HTML …), the long tasks, and the forced layouts (style or layout
// computed inside a script, because it read a size). From the CPU profile: the self time of
// Vitrine's script, mapped through the build's source maps to where it comes from (Lit, each
// part of core, each widget, the loader).
//
// `node bench/profile.js [--rounds 7] [--throttle 4]`: paired rounds (the page without Vitrine,
// then with it, in the same spell of the machine), prints the tables; `npm run bench` adds the
// same tables to BENCHMARKS.md. Run `npm run build` first.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { measureStore } from './impact.js';
import { stats } from './report.js';

const CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'toplevel',
  'loading',
  'blink.user_timing',
].join(',');

/** What an event's self time is counted as (the first pattern that matches its name), else 'other'. */
const KINDS = [
  ['parse HTML', /^ParseHTML$/],
  ['compile scripts', /compile|^v8\.parseOnBackground|^V8\.Parse|produce(Module)?Cache|deserialize|^v8\.wasm/i],
  ['garbage collection', /GC|Scavenge|MarkCompact|MinorMS/],
  [
    'run scripts',
    /^(v8\.run|v8\.callAsConstructor|V8\.BytecodeBudgetInterrupt|BlinkScheduler_PerformMicrotaskCheckpoint|v8\.evaluateModule|v8\.callFunction|FunctionCall|EvaluateScript|TimerFire|EventDispatch|FireAnimationFrame|FireIdleCallback|RunMicrotasks|v8\.runMicrotasks|V8\.Execute|XHRReadyStateChange|HandlePostMessage|V8\.InvokeApiInterruptCallbacks)$/,
  ],
  ['style', /^(UpdateLayoutTree|RecalcStyle|ParseAuthorStyleSheet|ScheduleStyleRecalculation|StyleRecalc)/],
  ['layout', /^(Layout|UpdateLayout|ComputeIntersections|IntersectionObserverController|ResizeObserver)/],
  [
    'paint and composite',
    /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|CompositeLayers|PaintImage|Decode|ImageDecode)/,
  ],
];
// A task's own time outside any event it records: work Chromium does not itemise in the trace
// (module loading and linking, microtask checkpoints, IPC), and the CPU throttling's pauses there.
const TASK = /^(ThreadControllerImpl::RunTask|RunTask|Receive mojo message|SimpleWatcher::OnHandleReady)$/;
const KIND_NAMES = [...KINDS.map(([kind]) => kind), 'task, not itemised', 'other'];
const kindOf = (name) =>
  KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? (TASK.test(name) ? 'task, not itemised' : 'other');
const SCRIPT = KINDS.find(([kind]) => kind === 'run scripts')[1];
const FORCED = /^(Layout|UpdateLayoutTree)$/;
const VITRINE_FILE = /\/cdn\/vitrine\//;
/** From navigation: long enough at 4x for every widget to be ready and a quiet second after. */
export const WINDOW_MS = 10_000;
/** The first seconds of the window, counted as the load (at 4x every widget is ready within them). */
const LOAD_SECONDS = 3;

/**
 * The complete events of the page's renderer main thread: the CrRendererMain that parsed a page of
 * the bench (not the busiest: a browser-internal page's renderer can be busier), sorted for nesting.
 */
export function mainThreadEvents(events) {
  const mains = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map();
  const open = new Map();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mains.has(thread)) continue;
    let complete = null;
    if (event.ph === 'X' && event.dur !== undefined) complete = event;
    else if (event.ph === 'B')
      open.set(`${thread}:${event.name}`, [...(open.get(`${thread}:${event.name}`) ?? []), event]);
    else if (event.ph === 'E') {
      const begun = open.get(`${thread}:${event.name}`)?.pop();
      if (begun) complete = { ...begun, dur: event.ts - begun.ts, args: { ...begun.args, ...event.args } };
    }
    if (complete) byThread.set(thread, [...(byThread.get(thread) ?? []), complete]);
  }
  const page = [...byThread.values()].find((list) =>
    list.some((event) => event.name === 'ParseHTML' && /\/bench\//.test(event.args?.beginData?.url ?? '')),
  );
  // A trace begun after the load (a window of ticks): the busiest renderer that is not a browser page.
  const fallback = () =>
    [...byThread.values()]
      .filter((list) => !list.some((event) => /^chrome:/.test(event.args?.data?.url ?? '')))
      .sort((a, b) => b.reduce((sum, event) => sum + event.dur, 0) - a.reduce((sum, event) => sum + event.dur, 0))[0];
  return (page ?? fallback() ?? []).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/**
 * When the CPU profile saw Vitrine's code run: `(from, to)` (trace microseconds, the profile's clock)
 * says whether a sample in that span was in one of Vitrine's files, anywhere in its stack.
 */
export function vitrineSamples(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = new Map();
  const isOurs = (id) => {
    if (!ours.has(id)) {
      const node = nodes.get(id);
      ours.set(id, VITRINE_FILE.test(node.callFrame.url) || (parent.has(id) && isOurs(parent.get(id))));
    }
    return ours.get(id);
  };
  const times = [];
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index];
    if (isOurs(profile.samples[index])) times.push(time);
  }
  return (from, to) => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (times[middle] < from) low = middle + 1;
      else high = middle;
    }
    return low < times.length && times[low] < to;
  };
}

/**
 * Splits the main thread's time: per kind of work (self times), the tasks, the forced layouts.
 * `runsVitrine(from, to)`: whether the CPU profile saw Vitrine's code in that span (vitrineSamples):
 * a task that evaluates a chunk or runs its microtasks names no file in the trace.
 */
export function traceBreakdown(events, runsVitrine = () => false) {
  const list = mainThreadEvents(events);
  const selfMs = Object.fromEntries(KIND_NAMES.map((kind) => [kind, 0]));
  const otherMs = {};
  const tasks = [];
  const forced = { count: 0, ms: 0, sites: [] };
  const stack = [];
  const closeUntil = (ts) => {
    while (stack.length && stack.at(-1).end <= ts) {
      const done = stack.pop();
      const kind = kindOf(done.event.name);
      selfMs[kind] += Math.max(0, done.event.dur - done.children) / 1000;
      if (kind === 'other')
        otherMs[done.event.name] = (otherMs[done.event.name] ?? 0) + Math.max(0, done.event.dur - done.children) / 1000;
    }
  };
  for (const event of list) {
    closeUntil(event.ts);
    if (stack.length) stack.at(-1).children += event.dur;
    else tasks.push({ ts: event.ts, ms: event.dur / 1000, cpuMs: (event.tdur ?? 0) / 1000, vitrine: false });
    // A task is Vitrine's when something in it names one of Vitrine's files (compiling, evaluating or
    // calling into it), or when the CPU profile saw Vitrine's code run in it (below).
    const data = event.args?.data;
    if (VITRINE_FILE.test(data?.url ?? data?.fileName ?? data?.scriptName ?? '')) tasks.at(-1).vitrine = true;
    // Style or layout inside a script: a read that forced them before the frame would have done them.
    const script = stack.findLast((frame) => SCRIPT.test(frame.event.name) && frame.event.args?.data?.url);
    if (FORCED.test(event.name) && stack.some((frame) => SCRIPT.test(frame.event.name))) {
      forced.count++;
      forced.ms += event.dur / 1000;
      // Where: the innermost script with a position (mapped to the source by profileStore).
      const data = script?.event.args.data;
      forced.sites.push({
        name: event.name,
        ms: event.dur / 1000,
        url: data?.url ?? '',
        lineNumber: (data?.lineNumber ?? 1) - 1,
        columnNumber: (data?.columnNumber ?? 1) - 1,
        functionName: data?.functionName ?? '',
        within: stack
          .slice(-3)
          .map((frame) => frame.event.name)
          .join(' > '),
      });
    }
    stack.push({ event, end: event.ts + event.dur, children: 0 });
  }
  closeUntil(Infinity);
  for (const task of tasks) task.vitrine ||= runsVitrine(task.ts, task.ts + task.ms * 1000);
  const t0 = tasks[0]?.ts ?? 0;
  const perSecond = [];
  for (const task of tasks) {
    const second = Math.floor((task.ts - t0) / 1e6);
    perSecond[second] = (perSecond[second] ?? 0) + task.ms;
  }
  return {
    perSecond: [...perSecond].map((ms) => Math.round(ms ?? 0)),
    longList: tasks
      .filter((task) => task.ms > 50)
      .map((task) => `${((task.ts - t0) / 1e6).toFixed(2)}s:${task.ms.toFixed(0)}${task.vitrine ? 'V' : ''}`),
    mainMs: tasks.reduce((sum, task) => sum + task.ms, 0),
    // The thread's own CPU time in those tasks (trace \`tdur\`): without the time the system gave other
    // processes, so steadier on a busy machine, and without the pauses of the CPU throttling either.
    cpuMs: tasks.reduce((sum, task) => sum + task.cpuMs, 0),
    longTasks: tasks.filter((task) => task.ms > 50).length,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.ms)),
    vitrineLongTasks: tasks.filter((task) => task.vitrine && task.ms > 50).length,
    longestVitrineTaskMs: Math.max(0, ...tasks.filter((task) => task.vitrine).map((task) => task.ms)),
    selfMs,
    otherMs,
    forced,
  };
}

/** Where a position of a built file comes from: Lit, a part of core, a widget, the loader. */
function sourceGroup(source) {
  if (!source) return 'Vitrine (unmapped)';
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(source)) return 'Lit';
  if (/node_modules\/@floating-ui\//.test(source)) return 'floating-ui';
  // Sources are relative to the chunk: ../../../core/src/controllers/clock.ts
  const core = /(?:^|\/)core\/src\/(?:([^/]+)\/)?([^/]+)\.ts$/.exec(source);
  if (core) return `core: ${core[1] ?? core[2]}`;
  const widget = /(?:^|\/)([^/.]+)\/src\/[^/]+\.ts$/.exec(source);
  if (widget) return widget[1] === 'vitrine' ? 'loader and window.vitrine' : widget[1];
  // The umbrella's own files, relative to the loader (../src/loader.ts) or a chunk (../../src/debug-panel.ts).
  if (/^(\.\.\/)+src\/[^/]+\.ts$/.test(source)) return 'loader and window.vitrine';
  return 'Vitrine (other)';
}

/**
 * The CPU profile's self time (ms) of the build's scripts, by source group; `build` holds the files
 * the page fetched at /cdn/vitrine/ and their source maps, as read at the start of the run.
 */
/** Maps a position of a file of the build (a URL under /cdn/vitrine/) to its source, or null. */
export function sourceMapper(build) {
  const maps = new Map();
  return ({ url, lineNumber, columnNumber }) => {
    const match = /\/cdn\/vitrine\/(.+\.js)/.exec(url);
    if (!match) return null;
    if (!maps.has(match[1])) {
      const text = build.get(`${match[1]}.map`);
      maps.set(match[1], text ? new TraceMap(text.toString('utf8')) : null);
    }
    const map = maps.get(match[1]);
    return map ? originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }) : { source: null };
  };
}

export function profileByModule(profile, build) {
  const mapped = sourceMapper(build);
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  // Each sample stands for the time until the next one.
  for (let index = 0; index < samples.length - 1; index++)
    selfUs.set(samples[index], (selfUs.get(samples[index]) ?? 0) + timeDeltas[index + 1]);
  const groups = {};
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (!us) continue;
    const position = mapped(node.callFrame);
    if (!position) continue;
    const group = sourceGroup(position.source ?? null);
    groups[group] = (groups[group] ?? 0) + us / 1000;
  }
  return groups;
}

/**
 * The instrument measureStore calls: a trace and a CPU profile of the whole load, over at least
 * `windowMs` from navigation. The same window for the page with and without Vitrine: the page's own
 * late work (its scripts, images) would otherwise count only in the longer of the two.
 */
function traceAndProfile(windowMs) {
  return {
    async start(cdp) {
      this.startedAt = Date.now();
      this.events = [];
      cdp.on('Tracing.dataCollected', ({ value }) => this.events.push(...value));
      await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    },
    async stop(cdp) {
      await new Promise((done) => setTimeout(done, Math.max(0, this.startedAt + windowMs - Date.now())));
      const windowTaken = Date.now() - this.startedAt;
      const { profile } = await cdp.send('Profiler.stop');
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      return { events: this.events, profile, windowTaken };
    },
  };
}

/**
 * Paired rounds of the storefront's product page at one rate: without Vitrine, then with it.
 * @returns {Promise<Array<{ none: object, vitrine: object }>>}
 */
export async function profileStore(
  browser,
  { origin, build, rounds, throttle, quietMs, windowMs, timeoutMs, log = () => {} },
) {
  const pairs = [];
  for (let round = 1; round <= rounds; round++) {
    const pair = {};
    // The floor between them: the same page with plain ticking text where Vitrine's countdowns stand (store.js).
    for (const variant of ['none', 'ticker', 'vitrine']) {
      const run = await measureStore(browser, {
        origin,
        variant,
        throttle,
        quietMs,
        timeoutMs,
        instrument: traceAndProfile(windowMs),
        // Without the first-widget probe, which only the Vitrine page would run: each frame until a
        // widget shows, it walks the page and measures boxes (forced layouts: 36 ms a load at 4x
        // in the run of 2026-12-06), the bench's work counted as Vitrine's.
        probe: false,
        // The window is fixed, so readiness is only checked, once a second, not timed: asked every 100 ms,
        // the check (a walk of the document) cost the Vitrine page ~12 ms of main thread a load at 4x (CPU
        // profile of 2026-12-07), which the other pages, ready once loaded, never pay.
        readyPollMs: 1000,
      });
      const { events, profile, windowTaken } = run.instrumented;
      const breakdown = traceBreakdown(events, vitrineSamples(profile));
      const mapped = sourceMapper(build);
      for (const site of breakdown.forced.sites) {
        const position = mapped(site);
        site.where = position?.source
          ? `${position.name ?? site.functionName} (${position.source.replace(/^(\.\.\/)+/, '')}:${position.line})`
          : `${site.functionName || '(anonymous)'} (${site.url.replace(/^https?:\/\/[^/]+/, '') || `an inline script of the page: ${site.within}`})`;
      }
      pair[variant] = {
        windowTaken,
        tbt: run.tbt,
        cls: run.cls,
        ...breakdown,
        modules: variant === 'vitrine' ? profileByModule(profile, build) : {},
      };
    }
    pairs.push(pair);
    if (process.env.PROFILE_VERBOSE) {
      log(`    none per s ${pair.none.perSecond.join(' ')} | long ${pair.none.longList.join(' ')}`);
      log(`    vitr per s ${pair.vitrine.perSecond.join(' ')} | long ${pair.vitrine.longList.join(' ')}`);
    }
    if (process.env.PROFILE_VERBOSE)
      log(
        Object.entries(pair.vitrine.otherMs)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
          .join(', '),
      );
    const added = pair.vitrine.mainMs - pair.none.mainMs;
    log(`    ticking text alone (no library): main thread +${(pair.ticker.mainMs - pair.none.mainMs).toFixed(0)} ms`);
    log(
      `  round ${round}/${rounds}  main thread ${pair.none.mainMs.toFixed(0)} → ${pair.vitrine.mainMs.toFixed(0)} ms ` +
        `(+${added.toFixed(0)}; CPU ${pair.none.cpuMs.toFixed(0)} → ${pair.vitrine.cpuMs.toFixed(0)} ms), TBT ${pair.none.tbt.toFixed(0)} → ${pair.vitrine.tbt.toFixed(0)} ms, ` +
        `long tasks ${pair.none.longTasks} → ${pair.vitrine.longTasks}, forced layouts ${pair.vitrine.forced.count} ` +
        `(${pair.vitrine.forced.ms.toFixed(0)} ms); windows ${pair.none.windowTaken} and ${pair.vitrine.windowTaken} ms`,
    );
  }
  return pairs;
}

const fmt = (value) => value.toFixed(0);
const range = ({ median, min, max }) => `${fmt(median)} (${fmt(min)}–${fmt(max)})`;
const signed = ({ median, min, max }) => `${median >= 0 ? '+' : '−'}${fmt(Math.abs(median))} (${fmt(min)}–${fmt(max)})`;

/** The tables: main thread by kind of work (paired differences), and Vitrine's script by source. */
export function profileTables(pairs) {
  const row = (label, pick) => [
    label,
    range(stats(pairs.map((pair) => pick(pair.none)))),
    range(stats(pairs.map((pair) => pick(pair.vitrine)))),
    signed(stats(pairs.map((pair) => pick(pair.vitrine) - pick(pair.none)))),
  ];
  const work = {
    header: ['main thread, ms', 'without Vitrine', 'with Vitrine', 'added (paired)'],
    rows: [
      row('**all tasks**', (run) => run.mainMs),
      row('the same tasks, thread CPU time', (run) => run.cpuMs),
      ...KIND_NAMES.map((kind) => row(kind, (run) => run.selfMs[kind])),
      row('of which forced style and layout', (run) => run.forced.ms),
      row('tasks over 50 ms', (run) => run.longTasks),
      row('longest task', (run) => run.longestTaskMs),
      row('tasks over 50 ms that run Vitrine’s code', (run) => run.vitrineLongTasks),
      row('longest task that runs Vitrine’s code', (run) => run.longestVitrineTaskMs),
      row('TBT', (run) => run.tbt),
    ],
  };
  const groups = [...new Set(pairs.flatMap((pair) => Object.keys(pair.vitrine.modules)))];
  const total = (run) => Object.values(run.modules).reduce((sum, ms) => sum + ms, 0);
  const medianOf = (group) => stats(pairs.map((pair) => pair.vitrine.modules[group] ?? 0)).median;
  const modules = {
    header: ['Vitrine script (self time)', 'ms'],
    rows: [
      ['**all of Vitrine’s script**', range(stats(pairs.map((pair) => total(pair.vitrine))))],
      ...groups
        .sort((a, b) => medianOf(b) - medianOf(a))
        .map((group) => [group, range(stats(pairs.map((pair) => pair.vitrine.modules[group] ?? 0)))]),
    ],
  };
  const sites = new Map();
  for (const pair of pairs)
    for (const site of pair.vitrine.forced.sites) {
      const seen = sites.get(site.where) ?? { count: 0, ms: 0 };
      sites.set(site.where, { count: seen.count + 1, ms: seen.ms + site.ms });
    }
  const forced = {
    header: ['forced style or layout, inside', 'times per load', 'ms per load'],
    rows: [...sites]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([where, { count, ms }]) => [where, (count / pairs.length).toFixed(1), (ms / pairs.length).toFixed(0)]),
  };
  if (!forced.rows.length) forced.rows.push(['none in any load', '0', '0']);
  // The load and the seconds after it, and the floor of ticking seconds: what the page with plain ticking
  // text (no library) adds, beside what Vitrine adds, both paired with the page without either.
  const load = (run) => run.perSecond.slice(0, LOAD_SECONDS).reduce((sum, ms) => sum + ms, 0);
  const later = (run) => {
    const seconds = run.perSecond.slice(LOAD_SECONDS, WINDOW_MS / 1000);
    return seconds.reduce((sum, ms) => sum + ms, 0) / Math.max(1, seconds.length);
  };
  const addedBy = (variant, pick) => signed(stats(pairs.map((pair) => pick(pair[variant]) - pick(pair.none))));
  const floor = {
    header: [
      'main thread added to the page without either, ms (paired)',
      'Vitrine (six widgets)',
      'ticking text alone (no library)',
    ],
    rows: [
      [
        '**all tasks** over the window',
        addedBy('vitrine', (run) => run.mainMs),
        addedBy('ticker', (run) => run.mainMs),
      ],
      [`the load: seconds 0–${LOAD_SECONDS - 1} from navigation`, addedBy('vitrine', load), addedBy('ticker', load)],
      [
        `each later second (${LOAD_SECONDS}–${WINDOW_MS / 1000 - 1}), per second`,
        addedBy('vitrine', later),
        addedBy('ticker', later),
      ],
    ],
  };
  return { work, modules, forced, floor };
}

export const LOAD_GOAL =
  'the six widgets add at most 250 ms of main-thread work and 30 ms of TBT to the product page at 4x (median of ' +
  'paired rounds), no task over 50 ms runs Vitrine’s code, and CLS is 0 (issue 18)';

/** The verdict of the load goal over paired rounds. */
export function loadVerdict(pairs) {
  const added = (pick) => stats(pairs.map((pair) => pick(pair.vitrine) - pick(pair.none))).median;
  const main = added((run) => run.mainMs);
  const tbt = added((run) => run.tbt);
  const ownLong = stats(pairs.map((pair) => pair.vitrine.vitrineLongTasks)).median;
  const longest = stats(pairs.map((pair) => pair.vitrine.longestVitrineTaskMs)).median;
  const cls = Math.max(...pairs.map((pair) => pair.vitrine.cls));
  const gaps = [];
  if (main > 250) gaps.push(`main thread +${fmt(main)} ms (goal ≤ 250)`);
  if (tbt > 30) gaps.push(`TBT +${fmt(tbt)} ms (goal ≤ 30)`);
  if (ownLong > 0) gaps.push(`${ownLong} task(s) over 50 ms run Vitrine’s code (longest ${fmt(longest)} ms, median)`);
  if (cls > 0) gaps.push(`CLS up to ${cls.toFixed(4)}`);
  // The floor: what plain ticking text where the countdowns stand adds over the same window (no library).
  const floor = pairs.every((pair) => pair.ticker)
    ? ` (plain ticking text in the countdowns' places, no library, adds +${fmt(stats(pairs.map((pair) => pair.ticker.mainMs - pair.none.mainMs)).median)} ms over the same window)`
    : '';
  const text =
    `main thread +${fmt(main)} ms${floor}, TBT ${tbt >= 0 ? '+' : '−'}${fmt(Math.abs(tbt))} ms, tasks over 50 ms running ` +
    `Vitrine’s code ${ownLong} (longest ${fmt(longest)} ms), CLS ${cls.toFixed(4)} at worst`;
  return gaps.length
    ? { met: false, text: `not met: ${gaps.join('; ')}. All figures: ${text}.` }
    : { met: true, text: `met: ${text}.` };
}

/** The source maps of a build folder, keyed `<file>.map` as profileByModule reads them. */
export function readSourceMaps(dist) {
  const maps = new Map();
  for (const folder of ['', 'chunks'])
    for (const name of readdirSyncSafe(join(dist, folder)))
      if (name.endsWith('.js.map'))
        maps.set(folder ? `${folder}/${name}` : name, readFileSync(join(dist, folder, name)));
  return maps;
}

async function main() {
  const { chromium } = await import('playwright');
  const { createCartStandIn, startServer } = await import('./server.js');
  const { storeRoutes } = await import('./store.js');
  const { markdownTable } = await import('./report.js');
  const root = join(import.meta.dirname, '..');
  // --dist: another build of the script-tag bundle (e.g. a `vite build --mode bundle --outDir` of an older commit).
  const distIndex = process.argv.indexOf('--dist');
  const dist = distIndex > 0 ? process.argv[distIndex + 1] : join(root, 'packages/vitrine/dist');
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const rounds = argument('--rounds', 7);
  const throttle = argument('--throttle', 4);
  const build = new Map();
  const read = (folder) => {
    for (const name of readdirSyncSafe(join(dist, folder))) {
      const path = folder ? `${folder}/${name}` : name;
      // The source maps too, so that a rebuild during the run cannot mismatch them.
      if (/\.(js|css|js\.map)$/.test(name)) build.set(path, readFileSync(join(dist, path)));
    }
  };
  read('');
  read('chunks');
  const deadline = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3 * 24 * 3_600_000);
  const server = await startServer(root, (url) => storeRoutes(url, { root, deadline, peers: new Map(), build }), {
    latencyMs: 20,
    cart: createCartStandIn(),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    console.log(
      `Product page at ${throttle}x, ${rounds} paired rounds, ${dist}; load average ${loadavg()[0].toFixed(1)}`,
    );
    // Warm-up, not counted.
    await measureStore(browser, {
      origin: server.origin,
      variant: 'vitrine',
      throttle: 1,
      quietMs: 0,
      timeoutMs: 60_000,
    });
    const pairs = await profileStore(browser, {
      origin: server.origin,
      build,
      rounds,
      throttle,
      quietMs: 1000,
      windowMs: WINDOW_MS,
      timeoutMs: 60_000,
      log: console.log,
    });
    const { work, modules, forced, floor } = profileTables(pairs);
    console.log(
      `\n${markdownTable(work)}\n\n${markdownTable(floor)}\n\n${markdownTable(modules)}\n\n${markdownTable(forced)}`,
    );
    const goal = loadVerdict(pairs);
    console.log(`\nGoal: ${LOAD_GOAL}.\n${goal.met ? 'MET' : 'NOT MET'}: ${goal.text.replace(/^(not )?met: /, '')}`);
    console.log(`\nLoad average at the end: ${loadavg()[0].toFixed(1)}`);
  } finally {
    await browser.close();
    server.close();
  }
}

function readdirSyncSafe(path) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

if (process.argv[1] === import.meta.filename) await main();
