/**
 * A small piece of server for the hardening suite (test/hardening/), added to the tests' Vite
 * server by vite.config.ts. Pages that need their own HTTP headers and endpoints that fail on
 * purpose cannot be made from inside the test page, so they live here:
 *
 *   GET  /__hardening/page/<name>      test/hardening/pages/<name>.html; `csp-*` pages are sent
 *                                      with a strict Content-Security-Policy header
 *   GET  /__hardening/asset/<file>     test/hardening/pages/<file> (.js, .css) as is
 *   GET  /__hardening/dist/<file>      packages/vitrine/dist/<file>, the built bundle, as is
 *   POST /__hardening/dist/hold        holds the next request of each file named (JSON: ["chunks/texts-de"],
 *                                      names without their hash) until POST /__hardening/dist/release,
 *                                      which also forgets the holds not used
 *   GET  /__hardening/dist/held        how many requests of the bundle wait (JSON: a number)
 *   POST /__hardening/dist/fail        answers the next request of each file named with a 503 (JSON as for
 *                                      hold; a name twice: its next two requests); release forgets them too
 *   POST /__hardening/<scope>/script   answers to come, in order (JSON: [{ status, body, delay, hold, headers }])
 *   ANY  /__hardening/<scope>/<path>   the next scripted answer (else 200 with a Shopify-like cart for
 *                                      `cart.js`, `{}` otherwise); every request is logged
 *   GET  /__hardening/<scope>/log      what was received: method, path, Idempotency-Key, body
 *   POST /__hardening/<scope>/release  answers the requests held (`hold: true`) with 200
 *
 * Scopes keep test files apart (each file picks its own).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STRICT_CSP } from './csp-policy.ts';

interface Answer {
  status?: number;
  body?: string;
  delay?: number;
  hold?: boolean;
  headers?: Record<string, string>;
}

interface Scope {
  script: Answer[];
  log: Array<{ method: string; path: string; key: string | null; body: string; status?: number }>;
  held: Array<() => void>;
}

const scopes = new Map<string, Scope>();
/** The bundle's files whose next request waits (`chunks/texts-de`), and the requests waiting. */
const distHolds: string[] = [];
const distHeld: Array<() => void> = [];
/** Files whose next request answers 503, one per name listed. */
const distFails: string[] = [];
const scopeOf = (name: string) => {
  let scope = scopes.get(name);
  if (!scope) scopes.set(name, (scope = { script: [], log: [], held: [] }));
  return scope;
};

const CART = JSON.stringify({ total_price: 2500, currency: 'EUR', item_count: 1, items: [] });

function body(request: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => done(text));
  });
}

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(text);
}

export function hardeningServer() {
  const pages = resolve(import.meta.dirname, 'pages');
  const dist = resolve(import.meta.dirname, '../../packages/vitrine/dist');
  return {
    name: 'vitrine:hardening-server',
    configureServer(server: {
      middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
    }) {
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith('/__hardening/')) return next();
        void (async () => {
          const [, , first, ...rest] = url.pathname.split('/');
          if (first === 'dist') {
            // The built bundle as a CDN serves it: the files as built, without the Vite dev server's
            // rewriting (which assumes the test runner's frame).
            const name = rest.join('/');
            if (request.method === 'POST') {
              // A slow file on purpose: what else the page fetches meanwhile shows what waits for it.
              if (name === 'hold') distHolds.push(...(JSON.parse(await body(request)) as string[]));
              else if (name === 'fail') distFails.push(...(JSON.parse(await body(request)) as string[]));
              else
                for (const release of [...distHeld.splice(0), () => distHolds.splice(0), () => distFails.splice(0)])
                  release();
              return send(response, 200, '{}');
            }
            // How many requests wait, for a test to know its page asked before it releases them.
            if (name === 'held') return send(response, 200, JSON.stringify(distHeld.length));
            if (name.includes('..')) return send(response, 404, '{}');
            // A file that does not come (a CDN's hiccup, the network gone since the page loaded).
            const fail = distFails.findIndex((failed) => name.startsWith(`${failed}-`));
            if (fail >= 0) {
              distFails.splice(fail, 1);
              return send(response, 503, '{}');
            }
            const hold = distHolds.findIndex((held) => name.startsWith(`${held}-`));
            if (hold >= 0) {
              distHolds.splice(hold, 1);
              await new Promise<void>((release) => distHeld.push(release));
            }
            const text = await readFile(resolve(dist, name), 'utf8').catch(() => null);
            if (text === null) return send(response, 404, '{}');
            const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
            return send(response, 200, text, { 'Content-Type': `${type}; charset=utf-8` });
          }
          if (first === 'asset') {
            // Scripts and styles of those pages, as plain files (no Vite transform).
            const name = rest.join('/').replace(/[^\w.-]/g, '');
            const text = await readFile(resolve(pages, name), 'utf8').catch(() => null);
            if (text === null) return send(response, 404, '{}');
            const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
            return send(response, 200, text, { 'Content-Type': `${type}; charset=utf-8` });
          }
          if (first === 'page') {
            const name = rest.join('/').replace(/[^\w-]/g, '');
            const html = await readFile(resolve(pages, `${name}.html`), 'utf8').catch(() => null);
            if (html === null) return send(response, 404, '{}');
            const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
            if (name.startsWith('csp')) headers['Content-Security-Policy'] = STRICT_CSP;
            return send(response, 200, html, headers);
          }
          const scope = scopeOf(first);
          const path = rest.join('/');
          if (path === 'script' && request.method === 'POST') {
            scope.script.push(...(JSON.parse(await body(request)) as Answer[]));
            return send(response, 200, '{}');
          }
          if (path === 'log') return send(response, 200, JSON.stringify(scope.log));
          if (path === 'release') {
            for (const release of scope.held.splice(0)) release();
            return send(response, 200, '{}');
          }
          if (path === 'reset') {
            scopes.delete(first);
            return send(response, 200, '{}');
          }
          const entry: Scope['log'][number] = {
            method: request.method ?? 'GET',
            path,
            key: (request.headers['idempotency-key'] as string | undefined) ?? null,
            body: await body(request),
          };
          scope.log.push(entry);
          const answer = scope.script.shift() ?? {};
          entry.status = answer.status ?? 200;
          if (answer.hold) await new Promise<void>((release) => scope.held.push(release));
          if (answer.delay) await new Promise((wait) => setTimeout(wait, answer.delay));
          const fallback = path.endsWith('cart.js') ? CART : '{}';
          send(response, answer.status ?? 200, answer.body ?? fallback, answer.headers);
        })().catch(() => send(response, 500, '{}'));
      });
    },
  };
}
