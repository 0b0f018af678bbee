/**
 * The demo storefront (demo/server.js, what `npm start` serves) inside the tests' Vite server, added
 * by vite.config.ts, so that a browser test opens its pages as a shopper does, same-origin with the
 * test: the demo's own handler answers its pages (with their strict CSP), its files, the script-tag
 * build under /cdn/vitrine/, the cart stand-in and /api/leads, at the demo's own paths (its pages and
 * shop.js use root paths: `/cart.js`, `/shop.css`). The product page is /products/figue-noire (the
 * demo's `/` is the test runner's).
 *
 * Two additions for the test, nothing else changed: each page gets test/hardening/pages/probe.js
 * as the first thing in its <head> (a classic script, allowed by the CSP as 'self'), which records
 * errors, CSP violations and Vitrine's console output in `window.__report`; and every request the demo
 * answered is logged with its status, read back from GET /__demo/log.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
// @ts-expect-error -- a plain JS module of the demo, without declarations
import { createCart, createHandler, createLeadStore } from '../../demo/server.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const DEMO_DIR = resolve(import.meta.dirname, '../../demo');
const PRIVATE = new Set(['server.js', 'check.js', 'dates.js']);
const ROUTES =
  /^\/(?:products\/figue-noire|cart|fr|rules|api\/leads|cart\.js(?:on)?|cart\/(?:add|change|update|clear)(?:\.js)?)$|^\/cdn\/vitrine\//;
const PROBE = '<script src="/__hardening/asset/probe.js"></script>';

/** Whether the demo answers `pathname`: one of its routes, or one of its own files (shop.css, candle.svg …). */
function isDemoPath(pathname: string): boolean {
  if (ROUTES.test(pathname)) return true;
  const name = pathname.slice(1);
  return /^[\w-]+\.(css|js|svg)$/.test(name) && !PRIVATE.has(name) && existsSync(resolve(DEMO_DIR, name));
}

export function demoServer() {
  const handle = (createHandler as (options: object) => Handler)({
    cart: (createCart as () => object)(),
    leads: (createLeadStore as (log: (line: string) => void) => object)(() => {}),
    log: () => {},
  });
  const log: Array<{ path: string; status: number }> = [];
  return {
    name: 'vitrine:demo-server',
    configureServer(server: {
      middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
    }) {
      server.middlewares.use((request, response, next) => {
        const { pathname } = new URL(request.url ?? '/', 'http://localhost');
        if (pathname === '/__demo/log') {
          response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          return response.end(JSON.stringify(log));
        }
        if (!isDemoPath(pathname)) return next();
        // Every answer is logged; a page's HTML gets the probe first in <head> (its length follows).
        const writeHead = response.writeHead.bind(response) as (status: number, headers?: object) => ServerResponse;
        const end = response.end.bind(response) as (body?: unknown) => ServerResponse;
        let head: [number, Record<string, string | number>] | null = null;
        response.writeHead = ((status: number, headers: Record<string, string | number> = {}) => {
          log.push({ path: pathname, status });
          if (!String(headers['Content-Type']).startsWith('text/html')) return writeHead(status, headers);
          head = [status, headers];
          return response;
        }) as typeof response.writeHead;
        response.end = ((body?: unknown) => {
          if (!head) return end(body);
          const html = (Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '').replace(
            /<head>/i,
            `<head>\n    ${PROBE}`,
          );
          writeHead(head[0], { ...head[1], 'Content-Length': Buffer.byteLength(html) });
          return end(request.method === 'HEAD' ? undefined : html);
        }) as typeof response.end;
        void handle(request, response).catch(() => {
          if (!response.headersSent) writeHead(500, {});
          end();
        });
      });
    },
  };
}
