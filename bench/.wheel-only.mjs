import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { measureWheel } from './measure.js';
import { wheelPageForUrl, WHEEL_LIBRARIES } from './pages.js';
import { startServer, createCartStandIn } from './server.js';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = 'packages/vitrine/dist';
const build = new Map();
const walk = (folder) => { for (const e of readdirSync(join(root, DIST, folder), { withFileTypes: true })) { const p = folder ? `${folder}/${e.name}` : e.name; if (e.isDirectory()) walk(p); else if (/\.(js|css)$/.test(e.name)) build.set(p, readFileSync(join(root, DIST, p))); } };
walk('');
const routes = (url) => { const page = wheelPageForUrl(url); if (page !== null) return { body: Buffer.from(page) }; if (!url.pathname.startsWith(`/${DIST}/`)) return null; const f = build.get(url.pathname.slice(DIST.length + 2)); return f ? { body: f } : undefined; };
const server = await startServer(root, routes, { latencyMs: 20, cart: createCartStandIn() });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const runs = Number(process.argv[2] ?? 4);
for (let r = 0; r < runs; r++) for (const library of process.argv[3] ? [process.argv[3]] : WHEEL_LIBRARIES) {
  const f = await measureWheel(browser, { url: `${server.origin}/bench/wheel.html?library=${library}`, library, throttles: [1], timeoutMs: 30000 });
  const s = f.spins[1]; console.log(library, s.taskMsPerFrame.toFixed(2), 'ms/frame', s.frames, 'frames', s.missed, 'missed', 'worst', s.worstFrameMs.toFixed(1), 'display', s.displayMs.toFixed(1));
}
await browser.close(); await server.close?.(); process.exit(0);
