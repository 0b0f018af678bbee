// The benchmark's pages: the same storefront-like list of N offers, each with a countdown,
// once with Vitrine's script-tag build and once with simplyCountdown.js (the peer), each
// used as its README shows. Served by bench/server.js as /bench/<library>.html?n=N.

export const LIBRARIES = /** @type {const} */ (['vitrine', 'simplycountdown']);

export const LABELS = { vitrine: 'Vitrine', simplycountdown: 'simplyCountdown.js' };

const PEER = '/node_modules/simplycountdown.js/dist';

/** What each library puts in <head>, and the countdown markup of one offer. */
const LIBRARY_MARKUP = {
  vitrine: {
    // As the README shows: the loader, and the rules that hold the countdowns' room from the first paint.
    head: () =>
      '<link rel="stylesheet" href="/packages/vitrine/dist/vitrine.css">\n' +
      '<script type="module" src="/packages/vitrine/dist/vitrine.js"></script>',
    countdown: (deadline) =>
      `<vitrine-countdown deadline="${deadline.toISOString()}" format="hms"></vitrine-countdown>`,
  },
  simplycountdown: {
    // Its ES build, its default theme, its default block display (amount over unit, like
    // Vitrine's default boxes), zero-padded; one call initialises every countdown.
    head: (deadline) => `<link rel="stylesheet" href="${PEER}/themes/default.min.css">
<script type="module">
import simplyCountdown from '${PEER}/simplyCountdown.js';
simplyCountdown('.simply-countdown', ${JSON.stringify({
      year: deadline.getUTCFullYear(),
      month: deadline.getUTCMonth() + 1,
      day: deadline.getUTCDate(),
      hours: deadline.getUTCHours(),
      minutes: deadline.getUTCMinutes(),
      seconds: deadline.getUTCSeconds(),
      enableUtc: true,
      zeroPad: true,
    })});
</script>`,
    countdown: () => '<div class="simply-countdown"></div>',
  },
};

/** The page around a list of items: the same head, header and footer for the list and the grid. */
function pageShell({ title, width, style, head, header, listClass, items }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>
body { margin: 0 auto; max-width: ${width}; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1e293b; }
${style}
</style>
${head}
</head>
<body>
<header>${header}</header>
<ul class="${listClass}">
${items.join('\n')}
</ul>
<footer><p>Prices include VAT.</p></footer>
</body>
</html>
`;
}

/**
 * The HTML of one page.
 * @param {'vitrine' | 'simplycountdown'} library
 * @param {number} count how many countdowns
 * @param {Date} deadline
 * @param {'list' | 'grid'} [layout] a list of offers (format hms), or a collection grid of product cards (each
 *   library's default format), four to a row, so most cards are below the fold
 */
export function pageHtml(library, count, deadline, layout = 'list') {
  const markup = LIBRARY_MARKUP[library];
  const indexes = Array.from({ length: count }, (_, index) => index);
  if (layout === 'grid') {
    const countdown =
      library === 'vitrine' ? markup.countdown(deadline).replace(' format="hms"', '') : markup.countdown();
    return pageShell({
      title: `A collection of ${count} products, ${LABELS[library]}`,
      width: '80rem',
      style: `.grid { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(4, 1fr); gap: 1.5rem; }
.card { border: 1px solid #e2e8f0; border-radius: 0.75rem; padding: 0.75rem; }
.picture { aspect-ratio: 4 / 3; border-radius: 0.5rem; background: linear-gradient(135deg, #f5efe6, #e7d8c6); }
.card h2 { font-size: 1rem; margin: 0.5rem 0 0; }
.card p { margin: 0 0 0.5rem; }`,
      head: markup.head(deadline),
      header: `<h1>Autumn collection</h1><p>${count} products, each with the sale's countdown.</p>`,
      listClass: 'grid',
      items: indexes.map(
        (index) => `<li class="card">
<div class="picture"></div>
<h2>Candle n° ${index + 1}</h2>
<p class="price">€${(19 + (index % 30)).toFixed(2)}</p>
${countdown}
</li>`,
      ),
    });
  }
  return pageShell({
    title: `${count} countdowns, ${LABELS[library]}`,
    width: '60rem',
    style: `.offers { list-style: none; margin: 0; padding: 0; }
.offer { border-bottom: 1px solid #e2e8f0; padding: 1rem 0; }
.offer h2 { font-size: 1.25rem; margin: 0; }
.offer p { margin: 0.25rem 0; }`,
    head: markup.head(deadline),
    header: `<h1>Autumn sale</h1><p>${count} offers, each with its own deadline.</p>`,
    listClass: 'offers',
    items: indexes.map(
      (index) => `<li class="offer">
<h2>Offer ${index + 1}: -${10 + (index % 40)} % on the autumn collection</h2>
<p>Ends in</p>
${markup.countdown(deadline)}
<p>Free returns for 30 days. Limited stock: while the countdown runs, the price holds.</p>
</li>`,
    ),
  });
}

/** The page for a URL of the form /bench/<library>.html?n=N (&layout=grid), or null. */
export function pageForUrl(url, deadline) {
  const match = /^\/bench\/(vitrine|simplycountdown)\.html$/.exec(url.pathname);
  if (!match) return null;
  const count = Number(url.searchParams.get('n') ?? '1');
  if (!Number.isInteger(count) || count < 1 || count > 10_000) return null;
  const layout = url.searchParams.get('layout') === 'grid' ? 'grid' : 'list';
  return pageHtml(/** @type {'vitrine' | 'simplycountdown'} */ (match[1]), count, deadline, layout);
}

// The cart benchmark's page: a product page of a Shopify shop with three cart widgets, once as
// Vitrine's script-tag build and once as three independent scripts that each fetch their own
// cart (the naive shape: each Shopify app fetches /cart.js itself). Served as
// /bench/cart.html?library=vitrine|naive&widgets=progress,progress,progress.

export const CART_LIBRARIES = /** @type {const} */ (['vitrine', 'naive']);

export const CART_LABELS = { vitrine: 'Vitrine', naive: 'naive per-widget fetch' };

/** The free-shipping threshold of the page's progress widgets, in euros. */
export const CART_THRESHOLD = 60;

/**
 * One naive "app", as an app embed would add it: it fetches /cart.js when the page loads, and
 * again after every cart change it hears — the theme's fetch calls to the cart endpoints (it
 * wraps `window.fetch`, as apps do) and the `cart:updated` event. It knows nothing of the other
 * apps, so each one makes its own request. Evaluated in the page, stringified.
 */
function naiveCartApp(slot, kind, threshold) {
  const element = document.getElementById(slot);
  const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });
  const render = (cart) => {
    const total = cart.total_price / 100;
    if (kind === 'badge') {
      element.textContent = `Earn ${Math.floor(total)} points`;
    } else {
      element.querySelector('.message').textContent =
        total >= threshold
          ? 'You have unlocked free shipping!'
          : `You are ${money.format(threshold - total)} away from free shipping`;
      element.querySelector('.fill').style.transform = `scaleX(${Math.min(1, total / threshold)})`;
    }
    element.dataset.total = String(total);
  };
  const refresh = () =>
    window
      .fetch('/cart.js', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => response.json())
      .then(render, () => {});
  const previous = window.fetch;
  window.fetch = function (...args) {
    const result = previous.apply(this, args);
    const url = typeof args[0] === 'string' ? args[0] : String(args[0]?.url ?? args[0]);
    if (/\/cart\/(add|change|update|clear)(\.js)?$/.test(new URL(url, window.location.href).pathname)) {
      result.then(refresh, refresh);
    }
    return result;
  };
  document.addEventListener('cart:updated', refresh);
  refresh();
}

/** Where each widget sits on the page: a product page with a cart summary. */
const CART_PLACES = ['Under the header', 'Beside the price', 'In the cart summary'];

const VITRINE_WIDGET = {
  progress: () =>
    `<vitrine-shipping-progress cart-source="shopify" threshold="${CART_THRESHOLD}"></vitrine-shipping-progress>`,
  badge: () => '<vitrine-loyalty-badge cart></vitrine-loyalty-badge>',
};

const NAIVE_WIDGET = {
  progress: (slot) =>
    `<div id="${slot}" class="naive-progress" data-app><p class="message">&nbsp;</p><div class="track"><div class="fill"></div></div></div>`,
  badge: (slot) => `<span id="${slot}" class="naive-badge" data-app>&nbsp;</span>`,
};

/**
 * The HTML of the cart page.
 * @param {'vitrine' | 'naive'} library
 * @param {('progress' | 'badge')[]} widgets three, in page order
 */
export function cartPageHtml(library, widgets) {
  const vitrine = library === 'vitrine';
  const slots = widgets.map((kind, index) => {
    const slot = `app-${index + 1}`;
    return `<section class="place"><h2>${CART_PLACES[index] ?? `Place ${index + 1}`}</h2>
${vitrine ? VITRINE_WIDGET[kind]() : NAIVE_WIDGET[kind](slot)}
</section>`;
  });
  const head = vitrine
    ? `<link rel="stylesheet" href="/packages/vitrine/dist/vitrine.css">
<script>window.Shopify = { routes: { root: '/' } };</script>
<script type="module" src="/packages/vitrine/dist/vitrine.js"></script>`
    : `<script>window.Shopify = { routes: { root: '/' } };</script>
<style>
.naive-progress .message { margin: 0 0 .5em; }
.naive-progress .track { height: .5rem; border-radius: 999px; background: #e2e8f0; overflow: hidden; }
.naive-progress .fill { height: 100%; background: #2563eb; transform: scaleX(0); transform-origin: left; transition: transform .6s; }
</style>`;
  // Each app is its own script, as app embeds are: independent, none knows the others.
  const apps = vitrine
    ? ''
    : widgets
        .map(
          (kind, index) =>
            `<script>(${naiveCartApp.toString()})(${JSON.stringify(`app-${index + 1}`)}, ${JSON.stringify(kind)}, ${CART_THRESHOLD});</script>`,
        )
        .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Cart widgets, ${CART_LABELS[library]}</title>
<style>
body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1e293b; }
.place { border-bottom: 1px solid #e2e8f0; padding: 1rem 0; }
.place h2 { font-size: 1rem; margin: 0 0 .5rem; color: #64748b; }
</style>
${head}
</head>
<body>
<header><h1>Beeswax candle</h1><p>€5.00 · hand-poured, 40 hours of burn time.</p></header>
${slots.join('\n')}
<footer><p>Prices include VAT.</p></footer>
${apps}
</body>
</html>
`;
}

/** The page for a URL of the form /bench/cart.html?library=…&widgets=…, or null. */
export function cartPageForUrl(url) {
  if (url.pathname !== '/bench/cart.html') return null;
  const library = url.searchParams.get('library');
  const widgets = (url.searchParams.get('widgets') ?? 'progress,progress,progress').split(',');
  if (!CART_LIBRARIES.includes(/** @type {'vitrine'} */ (library))) return null;
  if (!widgets.length || widgets.some((kind) => kind !== 'progress' && kind !== 'badge')) return null;
  return cartPageHtml(/** @type {'vitrine' | 'naive'} */ (library), /** @type {('progress' | 'badge')[]} */ (widgets));
}

// The wheel benchmark's page: a wheel of fortune with the same 8 prizes, once as Vitrine's
// script-tag build (`<vitrine-wheel>`, its spin a compositor animation) and once with the
// spin-wheel package (the peer: a canvas redrawn by script every frame), each used as its README
// shows. Served as /bench/wheel.html?library=vitrine|spinwheel.

export const WHEEL_LIBRARIES = /** @type {const} */ (['vitrine', 'spinwheel']);

export const WHEEL_LABELS = { vitrine: 'Vitrine', spinwheel: 'spin-wheel' };

/** The 8 slices of both wheels: every one wins, so that each Vitrine spin ends with `vitrine-prize`. */
export const WHEEL_SEGMENTS = [
  { label: '5 % off', code: 'SPIN5' },
  { label: 'Free shipping', code: 'SPINSHIP' },
  { label: '10 % off', code: 'SPIN10' },
  { label: 'Free candle', code: 'SPINGIFT' },
  { label: '15 % off', code: 'SPIN15' },
  { label: 'Free matches', code: 'SPINMATCH' },
  { label: '20 % off', code: 'SPIN20' },
  { label: '€5 voucher', code: 'SPINFIVE' },
];

/** How long a spin lasts, in ms: Vitrine's `duration="4s"`, spin-wheel's `spinToItem(…, 4000, …)`. */
export const WHEEL_SPIN_MS = 4000;

/** Vitrine's default palette (--vitrine-wheel-color-1 to -6), given to spin-wheel too so both draw alike. */
const WHEEL_PALETTE = ['#1d4ed8', '#fcd34d', '#047857', '#f9a8d4', '#6d28d9', '#7dd3fc'];

/** The side of spin-wheel's square container, in CSS px: the size of Vitrine's dial in its default 22rem card. */
export const PEER_WHEEL_PX = 233;

const PEER_WHEEL = '/node_modules/spin-wheel';

/**
 * spin-wheel's page script: its ESM build, `new Wheel(container, { items })`, and a spin to a
 * random slice with `spinToItem(index, 4000, false, 5, 1, cubicOut)` (a random stop inside the
 * slice, 5 turns as Vitrine's 4 s spin makes, an ease-out from the package's own easing
 * functions), `onRest` when it stops. `window.__spin()` starts one and resolves when it rests.
 */
const peerWheelScript = (segments, palette, spinMs) => `<script type="module">
import { Wheel } from '${PEER_WHEEL}/dist/spin-wheel-esm.js';
import { cubicOut } from '${PEER_WHEEL}/scripts/easing.js';
const wheel = new Wheel(document.querySelector('.wheel-container'), {
  items: ${JSON.stringify(segments.map(({ label }) => ({ label })))},
  itemBackgroundColors: ${JSON.stringify(palette)},
  itemLabelColors: ['#ffffff', '#000000', '#ffffff', '#000000', '#ffffff', '#000000'],
  itemLabelRadiusMax: 0.3,
  lineColor: '#ffffff',
  borderColor: '#111827',
  borderWidth: 4,
  isInteractive: false,
});
window.__peerWheel = wheel;
window.__spin = () =>
  new Promise((rest) => {
    wheel.onRest = rest;
    wheel.spinToItem(Math.floor(Math.random() * ${segments.length}), ${spinMs}, false, 5, 1, cubicOut);
  });
</script>`;

/**
 * The HTML of the wheel page.
 * @param {'vitrine' | 'spinwheel'} library
 */
export function wheelPageHtml(library) {
  const vitrine = library === 'vitrine';
  const head = vitrine
    ? `<link rel="stylesheet" href="/packages/vitrine/dist/vitrine.css">
<script type="module" src="/packages/vitrine/dist/vitrine.js"></script>`
    : `<style>
.wheel-card { box-sizing: border-box; width: min(100%, 22rem); aspect-ratio: 3 / 4; padding: 1rem; border: 1px solid #e2e8f0; border-radius: 1rem; text-align: center; }
.wheel-container { width: ${PEER_WHEEL_PX}px; height: ${PEER_WHEEL_PX}px; margin: 0 auto; }
.wheel-card button { margin-top: 1rem; min-height: 2.75em; padding: 0 1.5em; border: 0; border-radius: .5rem; background: #111827; color: #fff; font: inherit; }
</style>
${peerWheelScript(WHEEL_SEGMENTS, WHEEL_PALETTE, WHEEL_SPIN_MS)}`;
  const wheel = vitrine
    ? `<vitrine-wheel preview duration="${WHEEL_SPIN_MS / 1000}s" heading="Spin to win">
${WHEEL_SEGMENTS.map(({ label, code }) => `  <vitrine-wheel-segment label="${label}" code="${code}"></vitrine-wheel-segment>`).join('\n')}
</vitrine-wheel>`
    : `<div class="wheel-card"><h2>Spin to win</h2><div class="wheel-container"></div><button type="button" onclick="window.__spin()">Spin the wheel</button></div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Wheel of fortune, ${WHEEL_LABELS[library]}</title>
<style>
body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1e293b; }
</style>
${head}
</head>
<body>
<header><h1>Autumn sale</h1><p>One spin per visitor: a discount on the whole shop.</p></header>
${wheel}
<footer><p>Prices include VAT.</p></footer>
</body>
</html>
`;
}

/** The page for a URL of the form /bench/wheel.html?library=…, or null. */
export function wheelPageForUrl(url) {
  if (url.pathname !== '/bench/wheel.html') return null;
  const library = url.searchParams.get('library');
  if (!WHEEL_LIBRARIES.includes(/** @type {'vitrine'} */ (library))) return null;
  return wheelPageHtml(/** @type {'vitrine' | 'spinwheel'} */ (library));
}
