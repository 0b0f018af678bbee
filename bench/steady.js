// Where one page load's main thread goes over a window of seconds (default 3–10 s after navigation:
// the steady state once every widget is ready), at 4x: the tasks in the window with what they ran,
// the trace events' self time, and the CPU profile's self and inclusive time by source (Vitrine's
// files mapped through their source maps). A tool to look with, not a figure of BENCHMARKS.md.
// `node bench/steady.js [vitrine|none|peers] [from s] [to s]` after `npm run build`; with
// `--url '/bench/vitrine.html?n=500&layout=grid'` another page of the bench (bench/pages.js), loaded at 4x;
// `TOP=100` lists that many functions by inclusive time (40 by default).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureStore } from './impact.js';
import { mainThreadEvents, sourceMapper } from './profile.js';
const root = join(import.meta.dirname, '..');
const { chromium } = await import('playwright');
const { createCartStandIn, startServer } = await import('./server.js');
const { storeRoutes } = await import('./store.js');
const { pageForUrl } = await import('./pages.js');
const dist = join(root, 'packages/vitrine/dist');
const build = new Map();
for (const folder of ['', 'chunks'])
  for (const name of readdirSync(join(dist, folder)))
    if (/\.(js|css|js\.map)$/.test(name))
      build.set(folder ? `${folder}/${name}` : name, readFileSync(join(dist, folder, name)));
const deadline = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3 * 24 * 3_600_000);
const routes = (url) => {
  const page = pageForUrl(url, deadline);
  if (page !== null) return { body: Buffer.from(page) };
  const store = storeRoutes(url, { root, deadline, peers: new Map(), build });
  if (store !== null) return store;
  const file =
    url.pathname.startsWith('/packages/vitrine/dist/') &&
    build.get(url.pathname.slice('/packages/vitrine/dist/'.length));
  return file ? { body: file } : null;
};
const server = await startServer(root, routes, {
  latencyMs: 20,
  cart: createCartStandIn(),
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const urlIndex = process.argv.indexOf('--url');
const pageUrl = urlIndex > 0 ? process.argv.splice(urlIndex, 2)[1] : null;
const variant = process.argv[2] ?? 'vitrine';
const instrument = {
  async start(cdp) {
    this.t = Date.now();
    this.events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => this.events.push(...value));
    await cdp.send('Tracing.start', {
      categories: '-*,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel,loading',
      transferMode: 'ReportEvents',
    });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  },
  async stop(cdp) {
    await new Promise((d) => setTimeout(d, Math.max(0, this.t + 10000 - Date.now())));
    this.profile = (await cdp.send('Profiler.stop')).profile;
    const c = new Promise((d) => cdp.once('Tracing.tracingComplete', d));
    await cdp.send('Tracing.end');
    await c;
    return this.events;
  },
};
const run = pageUrl
  ? await (async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await instrument.start(cdp);
      await page.goto(`${server.origin}${pageUrl}`, { waitUntil: 'load', timeout: 60_000 });
      const instrumented = await instrument.stop(cdp);
      await context.close();
      return { instrumented };
    })()
  : await measureStore(browser, {
      origin: server.origin,
      variant,
      throttle: 4,
      quietMs: 1000,
      timeoutMs: 60000,
      instrument,
      probe: false,
    });
const events = mainThreadEvents(run.instrumented);
const profile = instrument.profile;
const navigationTs = events[0].ts;
const from = Number(process.argv[3] ?? 3);
const to = Number(process.argv[4] ?? 10);
const secondsOf = (ts) => (ts - navigationTs) / 1e6;
const inWindow = (ts) => secondsOf(ts) >= from && secondsOf(ts) < to;

/** Prints the largest entries of a `name → ms` record, largest first. */
function printTop(title, msByName, count) {
  if (title) console.log(`\n${title}`);
  console.log(
    Object.entries(msByName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `${ms.toFixed(1)} ${name}`)
      .join('\n'),
  );
}

// The trace: each top-level task of the window with the events it ran (two levels deep), and every
// event's self time (its duration less the events inside it).
const open = [];
const selfMs = {};
const tasks = [];
const closeUntil = (ts) => {
  while (open.length && open.at(-1).end <= ts) {
    const done = open.pop();
    if (done.counted)
      selfMs[done.event.name] = (selfMs[done.event.name] ?? 0) + Math.max(0, done.event.dur - done.children) / 1000;
  }
};
for (const event of events) {
  closeUntil(event.ts);
  const counted = inWindow(event.ts);
  if (open.length) open.at(-1).children += event.dur;
  else if (counted) tasks.push({ second: secondsOf(event.ts), ms: event.dur / 1000, ran: [] });
  if (counted && open.length && open.length <= 2 && tasks.length) {
    const data = event.args?.data;
    tasks
      .at(-1)
      .ran.push(
        event.name +
          (data?.url ? ` ${data.url.replace(/.*\//, '')}` : '') +
          (data?.functionName ? `:${data.functionName}` : ''),
      );
  }
  open.push({ event, end: event.ts + event.dur, children: 0, counted });
}
closeUntil(Infinity);
if (process.env.LAYOUT_ARGS)
  for (const event of events)
    if (event.name === 'Layout' && inWindow(event.ts) && event.dur > 2000)
      console.log(
        'Layout',
        secondsOf(event.ts).toFixed(2),
        (event.dur / 1000).toFixed(1),
        JSON.stringify(event.args).slice(0, 400),
      );
const totalMs = tasks.reduce((sum, task) => sum + task.ms, 0);
console.log(variant, `window ${from}-${to}s: ${totalMs.toFixed(0)} ms in ${tasks.length} tasks`);
printTop('', selfMs, 25);
for (const task of tasks.filter((task) => task.ms > 2))
  console.log(task.second.toFixed(2), task.ms.toFixed(1), [...new Set(task.ran)].slice(0, 8).join(' | '));

// The CPU profile of the window: self and inclusive time per function, Vitrine's mapped to its source.
const mapped = sourceMapper(build);
const place = (frame) => {
  const position = mapped(frame);
  if (!position)
    return frame.url ? `${frame.url.replace(/.*\//, '')}:${frame.functionName}` : `(native) ${frame.functionName}`;
  const source = (position.source ?? frame.url.replace(/.*\/cdn\/vitrine\//, ''))
    .replace(/.*node_modules\//, '')
    .replace(/^(\.\.\/)+/, '');
  return `${source}:${position.line ?? '?'} ${position.name ?? frame.functionName}`;
};
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const selfByPlace = {};
const inclusiveByPlace = {};
let sampledAt = profile.startTime;
for (let index = 0; index < profile.samples.length; index++) {
  sampledAt += profile.timeDeltas[index];
  if (!inWindow(sampledAt)) continue;
  // Each sample stands for the time until the next one.
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
  const node = nodes.get(profile.samples[index]);
  const own = place(node.callFrame);
  selfByPlace[own] = (selfByPlace[own] ?? 0) + ms;
  const counted = new Set();
  for (let id = node.id; id; id = parentOf.get(id)) {
    const where = place(nodes.get(id).callFrame);
    if (!counted.has(where)) {
      counted.add(where);
      inclusiveByPlace[where] = (inclusiveByPlace[where] ?? 0) + ms;
    }
  }
}
printTop('SELF', selfByPlace, 30);
printTop('INCLUSIVE', inclusiveByPlace, Number(process.env.TOP ?? 40));

await browser.close();
server.close();
