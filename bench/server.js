// A tiny static server for the benchmark: the repository root, plus the generated pages, plus
// a stand-in for Shopify's AJAX cart (GET /cart.js, POST /cart/add.js) that counts the requests
// each page makes. It compresses like a CDN would (brotli, else gzip) so transferred bytes are realistic.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { URLSearchParams } from 'node:url';
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

/** The products the cart stand-in sells: variant id → title and price in cents (as Shopify writes it). */
export const PRODUCTS = new Map([
  [101, { title: 'Beeswax candle', price: 500 }],
  [102, { title: 'Box of matches', price: 250 }],
]);

/** Shopify's answer to a cart call it refuses: `{ status, message: 'Cart Error', description }`. */
class CartError extends Error {
  constructor(status, description) {
    super(description);
    this.status = status;
  }
}

/** The cart's cookie: a browser context that sets it has its own cart, as on Shopify. */
export const CART_COOKIE = 'cart';

/**
 * Shopify's AJAX cart, enough of it for the benchmark: `GET /cart.js` (and `/cart.json`) answers
 * the cart of the `cart` cookie, `POST /cart/add.js` (and `/cart/add`) adds `{ id, quantity }` or
 * `{ items: [{ id, quantity }] }` (JSON or form-encoded) and answers the added lines as Shopify
 * does. Every cart keeps the times of the requests it received (at arrival, before the server's
 * latency), so the benchmark can count them per page.
 */
export function createCartStandIn() {
  /** @type {Map<string, { lines: Map<number, number>, requests: { method: string, path: string, at: number }[] }>} */
  const carts = new Map();
  const cartOf = (token) => {
    if (!carts.has(token)) carts.set(token, { lines: new Map(), requests: [] });
    return /** @type {NonNullable<ReturnType<typeof carts.get>>} */ (carts.get(token));
  };
  const lineJson = (id, quantity) => {
    const product = /** @type {{ title: string, price: number }} */ (PRODUCTS.get(id));
    return {
      id,
      variant_id: id,
      key: `${id}:bench`,
      title: product.title,
      quantity,
      price: product.price,
      original_price: product.price,
      final_price: product.price,
      line_price: product.price * quantity,
      final_line_price: product.price * quantity,
      requires_shipping: true,
    };
  };
  const cartJson = (token) => {
    const items = [...cartOf(token).lines].map(([id, quantity]) => lineJson(id, quantity));
    const total = items.reduce((sum, item) => sum + item.line_price, 0);
    return {
      token,
      note: '',
      attributes: {},
      original_total_price: total,
      total_price: total,
      total_discount: 0,
      total_weight: 0,
      item_count: items.reduce((sum, item) => sum + item.quantity, 0),
      items,
      requires_shipping: items.length > 0,
      currency: 'EUR',
      items_subtotal_price: total,
      cart_level_discount_applications: [],
    };
  };
  /** Adds lines; throws `{ status, description }` (Shopify's cart error) for an unknown variant. */
  const add = (token, entries) => {
    for (const { id, quantity } of entries) {
      if (!PRODUCTS.has(id) || !Number.isInteger(quantity) || quantity < 1) {
        throw new CartError(422, `Cannot find variant ${String(id)}`);
      }
    }
    const { lines } = cartOf(token);
    for (const { id, quantity } of entries) lines.set(id, (lines.get(id) ?? 0) + quantity);
    return entries.map(({ id }) => lineJson(id, lines.get(id) ?? 0));
  };
  const readBody = (request) =>
    new Promise((resolveBody, reject) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });
  /** `{ id, quantity }` or `{ items }` from a JSON or form-encoded body. */
  const entriesOf = (body, type) => {
    let fields;
    if (type.includes('json')) fields = body ? JSON.parse(body) : {};
    else {
      const form = new URLSearchParams(body);
      fields = { id: form.get('id'), quantity: form.get('quantity') ?? '1' };
    }
    const list = Array.isArray(fields.items) ? fields.items : [fields];
    return {
      single: !Array.isArray(fields.items),
      entries: list.map((entry) => ({ id: Number(entry.id), quantity: Number(entry.quantity ?? 1) })),
    };
  };
  const tokenOf = (request) => {
    const cookie = String(request.headers.cookie ?? '');
    return new RegExp(`(?:^|;\\s*)${CART_COOKIE}=([^;]+)`).exec(cookie)?.[1] ?? 'no-cookie';
  };
  const json = (status, value) => ({
    status,
    type: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(value)),
  });

  return {
    /** A new cart with these lines (variant id → quantity), e.g. before a page opens with its cookie. */
    create(token, lines = {}) {
      carts.set(token, {
        lines: new Map(Object.entries(lines).map(([id, quantity]) => [Number(id), quantity])),
        requests: [],
      });
    },
    /** Adds lines server-side, as a change made elsewhere (another tab, a form post the page did not see). */
    add: (token, entries) => add(token, entries),
    /** The cart's total in cents and its item count. */
    summary(token) {
      const { total_price: total, item_count: itemCount } = cartJson(token);
      return { total, itemCount };
    },
    /** The requests this cart received: `{ method, path, at }` (at: epoch ms of arrival). */
    requests: (token) => cartOf(token).requests,
    forget: (token) => carts.delete(token),
    /**
     * Answers a cart request, or null when `url` is no cart route. Call it on arrival (it
     * counts the request), then wait the server's latency before sending the answer.
     * @param {import('node:http').IncomingMessage} request
     * @param {URL} url
     * @returns {null | Promise<{ status: number, type: string, body: Buffer }>}
     */
    handle(request, url) {
      const path = url.pathname;
      const method = request.method ?? 'GET';
      const isRead = path === '/cart.js' || path === '/cart.json';
      const isAdd = path === '/cart/add.js' || path === '/cart/add';
      if (!isRead && !isAdd) return null;
      const token = tokenOf(request);
      cartOf(token).requests.push({ method, path, at: Date.now() });
      return (async () => {
        if (isRead) {
          return method === 'GET'
            ? json(200, cartJson(token))
            : json(405, { status: 405, message: 'Method Not Allowed' });
        }
        if (method !== 'POST') return json(405, { status: 405, message: 'Method Not Allowed' });
        try {
          const { single, entries } = entriesOf(await readBody(request), String(request.headers['content-type'] ?? ''));
          const added = add(token, entries);
          return json(200, single ? added[0] : { items: added });
        } catch (error) {
          // A body that is no JSON is a 400, as on Shopify.
          const status = error instanceof CartError ? error.status : 400;
          const description = error instanceof CartError ? error.message : 'Bad request';
          return json(status, { status, message: 'Cart Error', description });
        }
      })();
    },
  };
}

/**
 * Serves `root`, except the paths `routes` answers: `{ body }` (a generated page, a file
 * held in memory), `undefined` (404), or null (not its business: read from disk). Every response waits
 * `latencyMs` first, like a nearby CDN, so that code arrives after the first paint as it
 * does on a real shop (on a bare localhost it may not, and layout shifts would hide).
 * With `cart` (a `createCartStandIn()`), its routes are answered first, the request counted
 * on arrival. Resolves to `{ origin, close }` once listening on a free port of 127.0.0.1.
 * @param {string} root
 * @param {(url: URL) => { body: Buffer } | undefined | null} routes
 * @param {{ latencyMs?: number, cart?: ReturnType<typeof createCartStandIn> }} [options]
 */
export function startServer(root, routes, { latencyMs = 0, cart } = {}) {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const cartAnswer = cart?.handle(request, url) ?? null;
      if (latencyMs) await new Promise((done) => setTimeout(done, latencyMs));
      if (cartAnswer) {
        const { status, type, body } = await cartAnswer;
        response
          .writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': body.length })
          .end(body);
        return;
      }
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
