// A tiny static server for the benchmark: the repository root, plus the generated pages.
// It compresses like a CDN would (brotli, else gzip) so transferred bytes are realistic.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// Static files at the highest quality, as a CDN stores them; pages at a quality a server
// can afford per request (brotli 11 takes about a second on a 500-countdown page).
const compressed = new Map();
function encode(body, encoding, isPage) {
  const cacheKey = `${encoding}:${createHash('sha1').update(body).digest('hex')}`;
  if (!compressed.has(cacheKey)) {
    compressed.set(
      cacheKey,
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: isPage ? 5 : 11 } })
        : gzipSync(body, { level: isPage ? 6 : 9 }),
    );
  }
  return compressed.get(cacheKey);
}

/**
 * Serves `root`, except the paths `routes` answers: `{ body }` (a generated page, a file
 * held in memory), `undefined` (404), or null (not its business: read from disk). Every response waits
 * `latencyMs` first, like a nearby CDN, so that code arrives after the first paint as it
 * does on a real shop (on a bare localhost it may not, and layout shifts would hide).
 * Resolves to `{ origin, close }` once listening on a free port of 127.0.0.1.
 * @param {string} root
 * @param {(url: URL) => { body: Buffer } | undefined | null} routes
 * @param {{ latencyMs?: number }} [options]
 */
export function startServer(root, routes, { latencyMs = 0 } = {}) {
  const server = createServer((request, response) => {
    void (async () => {
      if (latencyMs) await new Promise((done) => setTimeout(done, latencyMs));
      const url = new URL(request.url ?? '/', 'http://localhost');
      let body;
      let type;
      const virtual = routes(url);
      if (virtual !== null) {
        if (virtual === undefined) {
          response.writeHead(404).end();
          return;
        }
        body = virtual.body;
        type = TYPES[extname(url.pathname)] ?? TYPES['.html'];
      } else {
        const path = normalize(join(root, decodeURIComponent(url.pathname)));
        if (path !== root && !path.startsWith(root + sep)) {
          response.writeHead(403).end();
          return;
        }
        try {
          body = await readFile(path);
        } catch {
          response.writeHead(404).end();
          return;
        }
        type = TYPES[extname(path)] ?? 'application/octet-stream';
      }
      const accepted = String(request.headers['accept-encoding'] ?? '');
      const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (encoding && body.length > 256) {
        body = encode(body, encoding, type === TYPES['.html']);
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
      }
      headers['content-length'] = body.length;
      response.writeHead(200, headers).end(body);
    })().catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}
