// Where one page load's main thread goes over a window of seconds (default 3–10 s after navigation:
// the steady state once every widget is ready), at 4x: the tasks in the window with what they ran,
// the trace events' self time, and the CPU profile's self and inclusive time by source (Vitrine's
// files mapped through their source maps). A tool to look with, not a figure of BENCHMARKS.md.
// `node bench/steady.js [vitrine|none|peers] [from s] [to s]` after `npm run build`; with
// `--url '/bench/vitrine.html?n=500&layout=grid'` another page of the bench (bench/pages.js), loaded at 4x.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureStore } from './impact.js';
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
const events = run.instrumented;
const profile = instrument.profile;
const mains = new Set(
  events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`),
);
const byThread = new Map();
for (const e of events) {
  const k = `${e.pid}:${e.tid}`;
  if (!mains.has(k) || e.ph !== 'X' || e.dur === undefined) continue;
  (byThread.get(k) ?? byThread.set(k, []).get(k)).push(e);
}
const list = [...byThread.values()]
  .find((l) => l.some((e) => e.name === 'ParseHTML' && /\/bench\//.test(e.args?.beginData?.url ?? '')))
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const t0 = list[0].ts;
const from = Number(process.argv[3] ?? 3),
  to = Number(process.argv[4] ?? 10);
const stack = [];
const self = {};
let total = 0;
const tasks = [];
const close = (ts) => {
  while (stack.length && stack.at(-1).end <= ts) {
    const d = stack.pop();
    if (d.in) self[d.e.name] = (self[d.e.name] ?? 0) + Math.max(0, d.e.dur - d.children) / 1000;
  }
};
for (const e of list) {
  close(e.ts);
  const s = (e.ts - t0) / 1e6;
  const inWin = s >= from && s < to;
  if (stack.length) stack.at(-1).children += e.dur;
  else if (inWin) {
    total += e.dur / 1000;
    tasks.push({ s, ms: e.dur / 1000, names: [] });
  }
  if (inWin && stack.length && tasks.length) {
    const n =
      e.name +
      (e.args?.data?.url ? ' ' + e.args.data.url.replace(/.*\//, '') : '') +
      (e.args?.data?.functionName ? ':' + e.args.data.functionName : '');
    if (stack.length <= 2) tasks.at(-1).names.push(n);
  }
  stack.push({ e, end: e.ts + e.dur, children: 0, in: inWin });
}
close(Infinity);
if (process.env.LAYOUT_ARGS)
  for (const e of list)
    if (e.name === 'Layout' && (e.ts - t0) / 1e6 >= from && (e.ts - t0) / 1e6 < to && e.dur > 2000)
      console.log(
        'Layout',
        ((e.ts - t0) / 1e6).toFixed(2),
        (e.dur / 1000).toFixed(1),
        JSON.stringify(e.args).slice(0, 400),
      );
console.log(variant, `window ${from}-${to}s: ${total.toFixed(0)} ms in ${tasks.length} tasks`);
console.log(
  Object.entries(self)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `${v.toFixed(1)} ${k}`)
    .join('\n'),
);
for (const t of tasks.filter((t) => t.ms > 2))
  console.log(t.s.toFixed(2), t.ms.toFixed(1), [...new Set(t.names)].slice(0, 8).join(' | '));

const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
const maps = new Map();
const map = (cf) => {
  const m = /\/cdn\/vitrine\/(.+\.js)/.exec(cf.url);
  if (!m) return cf.url ? cf.url.replace(/.*\//, '') + ':' + cf.functionName : '(native) ' + cf.functionName;
  if (!maps.has(m[1])) {
    const t = build.get(m[1] + '.map');
    maps.set(m[1], t ? new TraceMap(t.toString()) : null);
  }
  const tm = maps.get(m[1]);
  if (!tm) return m[1];
  const p = originalPositionFor(tm, { line: cf.lineNumber + 1, column: cf.columnNumber });
  return `${(p.source ?? '?').replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${p.line} ${p.name ?? cf.functionName}`;
};
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = profile.startTime;
const selfBy = {};
const incl = {};
const cut = t0 + from * 1e6;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  if (t < cut) continue;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const n = nodes.get(profile.samples[i]);
  const k = map(n.callFrame);
  selfBy[k] = (selfBy[k] ?? 0) + dt;
  const seen = new Set();
  let id = n.id;
  while (id) {
    const nn = nodes.get(id);
    const kk = map(nn.callFrame);
    if (!seen.has(kk)) {
      seen.add(kk);
      incl[kk] = (incl[kk] ?? 0) + dt;
    }
    id = parent.get(id);
  }
}
console.log('\nSELF');
console.log(
  Object.entries(selfBy)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${v.toFixed(1)} ${k}`)
    .join('\n'),
);
console.log('\nINCLUSIVE');
console.log(
  Object.entries(incl)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, v]) => `${v.toFixed(1)} ${k}`)
    .join('\n'),
);

await browser.close();
server.close();
