/**
 * The demo storefront that `npm start` serves: a zero-dependency Node HTTP server.
 *
 *   /                 demo/index.html, the product page (also /fr for the French one, /cart, /rules)
 *   /cdn/vitrine/*    packages/vitrine/dist/, the script-tag build, as a CDN would serve it
 *   /cart.js …        a local stand-in for Shopify's AJAX cart, in memory (one cart per server)
 *   /api/leads        a lead endpoint that honours Idempotency-Key
 *
 * Pages get a strict Content-Security-Policy, so the demo also proves that Vitrine works
 * without 'unsafe-inline' or 'unsafe-eval'.
 *
 * Run: `npm start` (build, then serve) or `npm run serve`; PORT=8080 to choose the port.
 * demo/check.js imports `startServer` to test it; test/support/demo-server.ts mounts `createHandler`
 * in the tests' Vite server, so the browser tests open the pages as a shopper would.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDates } from './dates.js';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const DIST_DIR = resolve(DEMO_DIR, '../packages/vitrine/dist');
const DEFAULT_PORT = 4173;

/** The same policy a careful merchant would set: no inline script or style anywhere. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Clean URLs of the pages. */
const PAGES = {
  '/': 'index.html',
  '/products/figue-noire': 'index.html',
  '/cart': 'cart.html',
  '/fr': 'fr.html',
  '/rules': 'rules.html',
};

/** Files of demo/ that run on the server and are not for the browser. */
const PRIVATE_FILES = new Set(['server.js', 'check.js']);

/** Largest request body accepted (a lead or a cart change is a few hundred bytes). */
const MAX_BODY_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------
// The catalogue: what Liquid would render into the pages. Prices in cents, as Shopify's.

const VENDOR = 'Maison Lumière';

/** Variants by id. `compare_at_price` is the price before the Black Friday sale. */
export const CATALOGUE = new Map(
  [
    {
      id: 42001,
      product_id: 4200,
      handle: 'figue-noire',
      product_title: 'Figue Noire',
      variant_title: 'Classic · 220 g',
      price: 2720,
      compare_at_price: 3400,
      sku: 'ML-FN-220',
      grams: 420,
      url: '/products/figue-noire?variant=42001',
      image: '/candle.svg',
    },
    {
      id: 42002,
      product_id: 4200,
      handle: 'figue-noire',
      product_title: 'Figue Noire',
      variant_title: 'Grand · 450 g',
      price: 4480,
      compare_at_price: 5600,
      sku: 'ML-FN-450',
      grams: 780,
      url: '/products/figue-noire?variant=42002',
      image: '/candle.svg',
    },
    {
      id: 43001,
      product_id: 4300,
      handle: 'ambre-cedre',
      product_title: 'Ambre & Cèdre',
      variant_title: 'Classic · 220 g',
      price: 2720,
      compare_at_price: 3400,
      sku: 'ML-AC-220',
      grams: 420,
      url: '/#pairs-well',
      image: '/candle-ambre.svg',
    },
    {
      id: 44001,
      product_id: 4400,
      handle: 'long-matches',
      product_title: 'Long matches',
      variant_title: 'Box of 40',
      price: 600,
      compare_at_price: null,
      sku: 'ML-LM-40',
      grams: 60,
      url: '/#pairs-well',
      image: '/matches.svg',
    },
  ].map((variant) => [variant.id, variant]),
);

// ---------------------------------------------------------------------------------------
// The cart: Shopify's AJAX cart API, enough of it for a theme and for Vitrine's cart source.

class CartError extends Error {
  /** Shopify answers cart errors as `{ status, message: 'Cart Error', description }`. */
  constructor(status, description) {
    super(description);
    this.status = status;
    this.description = description;
  }
}

/** A whole number of at least 0, or the error Shopify would give. */
function readQuantity(value, fallback) {
  if (value === undefined || value === null || value === '') return fallback;
  const quantity = Number(value);
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw new CartError(422, `Invalid quantity: ${String(value)}`);
  }
  return quantity;
}

function findVariant(id) {
  const variant = CATALOGUE.get(Number(id));
  if (!variant) throw new CartError(404, 'Cannot find variant');
  return variant;
}

export function createCart() {
  const token = randomBytes(16).toString('hex');
  /** Lines in the order they were added: { key, variant, quantity, properties }. */
  let lines = [];

  // Shopify's line key: the variant id, then a hash of what makes the line unique.
  const lineKey = (variant, properties) =>
    `${variant.id}:${createHash('md5')
      .update(JSON.stringify(properties ?? {}))
      .digest('hex')}`;

  const itemJson = ({ key, variant, quantity, properties }) => ({
    id: variant.id,
    key,
    variant_id: variant.id,
    product_id: variant.product_id,
    title: `${variant.product_title} - ${variant.variant_title}`,
    product_title: variant.product_title,
    variant_title: variant.variant_title,
    quantity,
    price: variant.price,
    original_price: variant.price,
    final_price: variant.price,
    line_price: variant.price * quantity,
    original_line_price: variant.price * quantity,
    final_line_price: variant.price * quantity,
    total_discount: 0,
    discounts: [],
    properties: properties ?? {},
    sku: variant.sku,
    grams: variant.grams,
    vendor: VENDOR,
    handle: variant.handle,
    url: variant.url,
    image: variant.image,
    requires_shipping: true,
    taxable: true,
    gift_card: false,
  });

  const addLine = (variant, quantity, properties) => {
    const key = lineKey(variant, properties);
    const line = lines.find((candidate) => candidate.key === key);
    if (line) line.quantity += quantity;
    else if (quantity > 0) lines.push({ key, variant, quantity, properties });
    return line ?? lines.find((candidate) => candidate.key === key);
  };

  /** A line by its key, its variant id (the first such line) or its 1-based position. */
  const findLine = ({ id, line }) => {
    if (line !== undefined && line !== null && line !== '') {
      const found = lines[Number(line) - 1];
      if (!found) throw new CartError(400, `Line ${String(line)} is not in the cart`);
      return found;
    }
    if (id === undefined || id === null || id === '') throw new CartError(400, 'no valid id or line parameter');
    const found = lines.find((candidate) => candidate.key === String(id) || candidate.variant.id === Number(id));
    if (!found) throw new CartError(400, `no line with id ${String(id)} in the cart`);
    return found;
  };

  const setQuantity = (found, quantity) => {
    if (quantity === 0) lines = lines.filter((candidate) => candidate !== found);
    else found.quantity = quantity;
  };

  return {
    toJSON() {
      const items = lines.map(itemJson);
      const total = items.reduce((sum, item) => sum + item.final_line_price, 0);
      return {
        token,
        note: '',
        attributes: {},
        original_total_price: total,
        total_price: total,
        total_discount: 0,
        total_weight: lines.reduce((sum, { variant, quantity }) => sum + variant.grams * quantity, 0),
        item_count: lines.reduce((sum, { quantity }) => sum + quantity, 0),
        items,
        requires_shipping: items.length > 0,
        currency: 'EUR',
        items_subtotal_price: total,
        cart_level_discount_applications: [],
      };
    },

    /** `{ id, quantity, properties }` or `{ items: [...] }`; answers the line item(s), as Shopify does. */
    add(body) {
      const requested = Array.isArray(body.items) ? body.items : [body];
      // Check every item before changing anything: Shopify adds all or nothing.
      const checked = requested.map((item) => ({
        variant: findVariant(item.id),
        quantity: readQuantity(item.quantity, 1),
        properties: item.properties,
      }));
      const added = checked.map(({ variant, quantity, properties }) => addLine(variant, quantity, properties));
      const json = added.filter(Boolean).map(itemJson);
      return Array.isArray(body.items) ? { items: json } : (json[0] ?? {});
    },

    /** `{ id | line, quantity }`: sets one line's quantity (0 removes it). */
    change(body) {
      const found = findLine(body);
      setQuantity(found, readQuantity(body.quantity, found.quantity));
      return this.toJSON();
    },

    /** `{ updates: { [variantIdOrKey]: quantity } }` or `{ updates: [quantities by line] }`. */
    update(body) {
      const { updates } = body;
      if (Array.isArray(updates)) {
        const quantities = updates.map((quantity) => readQuantity(quantity, 0));
        const current = [...lines];
        quantities.forEach((quantity, index) => current[index] && setQuantity(current[index], quantity));
      } else if (updates && typeof updates === 'object') {
        for (const [id, value] of Object.entries(updates)) {
          const quantity = readQuantity(value, 0);
          const found = lines.find((candidate) => candidate.key === id || candidate.variant.id === Number(id));
          // As on Shopify, updating a variant that is not in the cart adds it.
          if (found) setQuantity(found, quantity);
          else if (quantity > 0) addLine(findVariant(id), quantity);
        }
      }
      return this.toJSON();
    },

    clear() {
      lines = [];
      return this.toJSON();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Leads: what an exit pop-up or a wheel sends. A retry carries the same Idempotency-Key
// (or `id` field), and must never store the lead twice.

export function createLeadStore(log) {
  /** Stored answers by idempotency key, in arrival order. */
  const byKey = new Map();

  return {
    list: () => [...byKey.values()].map(({ record }) => record),

    /** Returns `{ status, body, replayed }`. */
    receive(lead, headerKey) {
      const key = headerKey || (typeof lead.id === 'string' && lead.id) || randomUUID();
      const stored = byKey.get(key);
      if (stored) {
        log(`[leads] ${stored.record.lead.email}: retry of ${key}, already stored`);
        return { ...stored.answer, replayed: true };
      }
      if (typeof lead.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(lead.email)) {
        return { status: 422, body: { error: 'invalid_email', message: 'expected an email address' }, replayed: false };
      }
      const record = { key, receivedAt: new Date().toISOString(), lead };
      const answer = { status: 200, body: { ok: true, id: key, receivedAt: record.receivedAt } };
      byKey.set(key, { record, answer });
      log(
        `[leads] ${lead.email} (campaign ${String(lead.campaign ?? '-')}, consent ${String(lead.consent)}) stored as ${key}`,
      );
      return { ...answer, replayed: false };
    },
  };
}

// ---------------------------------------------------------------------------------------
// HTTP plumbing.

function send(res, status, body, headers = {}) {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

function readBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Form fields into an object the way Shopify reads them: `updates[42001]=2` becomes
 * `{ updates: { 42001: '2' } }`, `updates[]=1` an array, `properties[Engraving]=A` an object.
 */
function fieldsToObject(pairs) {
  const result = {};
  for (const [name, value] of pairs) {
    const match = /^([^[\]]+)\[([^\]]*)\]$/.exec(name);
    if (!match) {
      result[name] = value;
      continue;
    }
    const [, base, index] = match;
    if (index === '') (result[base] = Array.isArray(result[base]) ? result[base] : []).push(value);
    else (result[base] = result[base] && typeof result[base] === 'object' ? result[base] : {})[index] = value;
  }
  return result;
}

/** The text fields of a multipart/form-data body (what `fetch(url, { body: new FormData(form) })` sends). */
function multipartFields(buffer, boundary) {
  const pairs = [];
  for (const part of buffer.toString('utf8').split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const name = /name="([^"]*)"/.exec(part.slice(0, headerEnd))?.[1];
    if (name !== undefined) pairs.push([name, part.slice(headerEnd + 4).replace(/\r\n$/, '')]);
  }
  return pairs;
}

/** A JSON, url-encoded or multipart body, plus the query string, as one object. */
async function readFields(req, url) {
  const buffer = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  const fields = fieldsToObject(url.searchParams);
  if (!buffer.length) return fields;
  if (type.includes('application/json')) {
    try {
      return { ...fields, ...JSON.parse(buffer.toString('utf8')) };
    } catch {
      throw Object.assign(new Error('the body is not valid JSON'), { status: 400 });
    }
  }
  if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    return { ...fields, ...fieldsToObject(multipartFields(buffer, boundary?.[1] ?? boundary?.[2] ?? '')) };
  }
  // application/x-www-form-urlencoded, and a form post without a type.
  return { ...fields, ...fieldsToObject(new URL(`http://form/?${buffer.toString('utf8')}`).searchParams) };
}

/** Serves one file with its MIME type; false when there is no such file. */
async function serveFile(req, res, file, headers = {}) {
  let info;
  try {
    info = await stat(file);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Last-Modified': info.mtime.toUTCString(),
    ...headers,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}

/** `root` + the URL path, or null when the path tries to leave `root`. */
function insideRoot(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded}`);
  return file.startsWith(root + sep) ? file : null;
}

/** A request from script (fetch or XHR) wants JSON back; a plain form post wants the cart page. */
const wantsJson = (req) =>
  req.headers['x-requested-with'] === 'XMLHttpRequest' || /json|javascript/.test(req.headers.accept ?? '');

export function createHandler({ cart, leads, log }) {
  /** The cart routes, with and without `.js`, as Shopify has both. */
  const cartRoutes = {
    '/cart/add': (fields) => cart.add(fields),
    '/cart/change': (fields) => cart.change(fields),
    '/cart/update': (fields) => cart.update(fields),
    '/cart/clear': () => cart.clear(),
  };

  return async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    const method = req.method ?? 'GET';

    // The AJAX cart.
    if (pathname === '/cart.js' || pathname === '/cart.json') {
      if (method !== 'GET' && method !== 'HEAD') return send(res, 405, { error: 'method_not_allowed' });
      return send(res, 200, cart.toJSON());
    }
    const cartRoute = pathname.replace(/\.js$/, '');
    if (cartRoute in cartRoutes) {
      // Shopify also accepts GET /cart/change?line=1&quantity=0 from a plain link.
      if (method !== 'POST' && !(method === 'GET' && cartRoute === '/cart/change')) {
        return send(res, 405, { error: 'method_not_allowed' });
      }
      const scripted = pathname.endsWith('.js') || wantsJson(req);
      try {
        const answer = cartRoutes[cartRoute](await readFields(req, url));
        if (!scripted) return send(res, 303, 'See /cart', { Location: '/cart' });
        return send(res, 200, answer);
      } catch (error) {
        const status = error instanceof CartError ? error.status : (error.status ?? 500);
        return send(res, status, { status, message: 'Cart Error', description: error.message });
      }
    }

    // Leads.
    if (pathname === '/api/leads') {
      if (method === 'GET' || method === 'HEAD') return send(res, 200, { leads: leads.list() });
      if (method !== 'POST') return send(res, 405, { error: 'method_not_allowed' });
      // For tests of retries: ?fail=1, or the header X-Demo-Fail: 1, answers 500 and stores nothing.
      if (url.searchParams.get('fail') === '1' || req.headers['x-demo-fail'] === '1') {
        await readBody(req).catch(() => undefined);
        log('[leads] simulated failure (500)');
        return send(res, 500, { error: 'simulated_failure' });
      }
      let lead;
      try {
        lead = JSON.parse((await readBody(req)).toString('utf8'));
      } catch (error) {
        return send(res, error.status ?? 400, { error: 'invalid_json', message: 'expected a JSON lead' });
      }
      if (!lead || typeof lead !== 'object' || Array.isArray(lead)) {
        return send(res, 400, { error: 'invalid_lead', message: 'expected a JSON object' });
      }
      const { status, body, replayed } = leads.receive(lead, req.headers['idempotency-key']);
      return send(res, status, body, replayed ? { 'Idempotent-Replayed': 'true' } : {});
    }

    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'Method not allowed');

    // The script-tag build, as a CDN serves it: hashed chunks are immutable, the entry is not.
    if (pathname.startsWith('/cdn/vitrine/')) {
      const file = insideRoot(DIST_DIR, pathname.slice('/cdn/vitrine'.length));
      const cache = pathname.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers = {
        'Cache-Control': cache,
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
      };
      if (file && (await serveFile(req, res, file, headers))) return;
      const hint = pathname === '/cdn/vitrine/vitrine.js' ? ' (run `npm run build` first)' : '';
      return send(res, 404, `Not found: ${pathname}${hint}`);
    }

    // Pages and their assets.
    const name = PAGES[pathname] ?? pathname.slice(1);
    const file = PRIVATE_FILES.has(name) ? null : insideRoot(DEMO_DIR, `/${name}`);
    const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    if (file?.endsWith('.html')) {
      Object.assign(headers, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Referrer-Policy': 'same-origin' });
      // Pages carry the sale's dates as placeholders, written from today (demo/dates.js).
      const page = await readFile(file, 'utf8').catch(() => null);
      if (page !== null) {
        const body = withDates(page);
        res.writeHead(200, {
          'Content-Type': MIME_TYPES['.html'],
          'Content-Length': Buffer.byteLength(body),
          ...headers,
        });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
    }
    if (file && (await serveFile(req, res, file, headers))) return;
    return send(res, 404, `Not found: ${pathname}`);
  };
}

/** Listens on `port`; if it is taken, on a free one. */
function listen(server, port, host, log) {
  return new Promise((resolveListen, reject) => {
    const onError = (error) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        log(`Port ${port} is busy, using a free one.`);
        server.listen(0, host);
      } else reject(error);
    };
    server.on('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolveListen(server.address().port);
    });
    server.listen(port, host);
  });
}

/**
 * Starts the demo server; resolves with its URL and a `close()`. Each server has its own
 * cart and leads, in memory.
 */
export async function startServer({ port = DEFAULT_PORT, host = '127.0.0.1', log = console.log } = {}) {
  const cart = createCart();
  const leads = createLeadStore(log);
  const handle = createHandler({ cart, leads, log });
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`[server] ${req.method} ${req.url}: ${error.stack ?? error}`);
      if (!res.headersSent) send(res, error.status ?? 500, { error: error.message });
      else res.destroy();
    });
  });
  const actualPort = await listen(server, port, host, log);
  const origin = `http://${host === '127.0.0.1' ? 'localhost' : host}:${actualPort}`;
  return {
    server,
    url: `${origin}/`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}

// `node demo/server.js`: serve until stopped.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  const { url, close } = await startServer({ port });
  console.log(`\nMaison Lumière, the Vitrine demo storefront:\n`);
  console.log(`  product page   ${url}`);
  console.log(`  en français    ${url}fr`);
  console.log(`  cart           ${url}cart`);
  console.log(`  wheel's rules  ${url}rules`);
  console.log(`  script build   ${url}cdn/vitrine/vitrine.js`);
  console.log(`  leads          ${url}api/leads\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
