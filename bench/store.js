// The storefront benchmark's pages: the demo shop's product page (demo/index.html, with its
// shop.css, shop.js and images, served from demo/) in three variants, served as
// /bench/store.html?variant=…:
//   none     the page without Vitrine: no loader, no widget tags (the shop before Vitrine);
//   vitrine  the page as the demo serves it (the loader, sticky bar, countdowns, loyalty badges,
//            shipping progress, exit pop-up) plus an inline <vitrine-wheel>: all six widgets
//            through the script-tag build;
//   peers    the same jobs done by the peers where the Vitrine tags stand: simplyCountdown.js for
//            the timers, a plain sticky bar (HTML and CSS), ouibounce and a Shoelace dialog for the
//            pop-up, spin-wheel for the wheel, a Shoelace progress bar for the free delivery, and
//            Shoelace badges (one with a tooltip) for the points; each as its README shows, from
//            bench/peers.js's bundles (/bench/peers/…) and with Shoelace's light theme linked in <head>.
// Both widget variants mark `bench-widgets-start` just before their code runs (an inline module
// script, which runs in document order: right before the loader, or first in the peers' script),
// for the start-up figure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDates } from '../demo/dates.js';

export const STORE_VARIANTS = /** @type {const} */ (['none', 'vitrine', 'peers']);

export const STORE_LABELS = { none: 'without Vitrine', vitrine: 'Vitrine (six widgets)', peers: 'peers (same jobs)' };

/** The demo's files a page of it fetches: served from demo/ at the root, as demo/server.js does. */
export const DEMO_ASSET = /^\/(shop\.css|shop\.js|favicon\.svg|candle\.svg|candle-ambre\.svg|matches\.svg|truck\.svg)$/;

const LOADER = '<script type="module" src="/cdn/vitrine/vitrine.js"></script>';
const START_MARK = `<script type="module">performance.mark('bench-widgets-start'); window.__benchWatch?.();</script>`;

const SEGMENTS = [
  ['5 % off', 'SPIN5'],
  ['Free shipping', 'SPINSHIP'],
  ['10 % off', 'SPIN10'],
  ['A free candle', 'SPINGIFT'],
  ['15 % off', 'SPIN15'],
  ['Long matches', 'SPINMATCH'],
];

/** The wheel both widget variants add to the product page, in the atelier section (the demo has it on the cart page). */
const WHEEL = {
  vitrine: `<vitrine-wheel campaign="bench-wheel" heading="Spin to win">
${SEGMENTS.map(([label, code]) => `  <vitrine-wheel-segment label="${label}" code="${code}"></vitrine-wheel-segment>`).join('\n')}
</vitrine-wheel>`,
  peers: `<div class="peer-wheel-card"><h2>Spin to win</h2><div class="peer-wheel"></div><button type="button" class="button button-primary" data-peer-spin>Spin the wheel</button></div>`,
};

/** The peers' markup, in place of each Vitrine element (in document order of the demo page). */
const PEER_MARKUP = {
  'vitrine-sticky-bar': () => `<div class="peer-bar" role="region" aria-label="Announcement">
  <p><strong>Black Friday</strong> −20% on every candle, ends in <span class="peer-countdown" data-deadline="black-friday"></span></p>
  <button type="button" class="peer-bar-close" aria-label="Close" data-peer-bar-close>×</button>
</div>`,
  // An A/B test of the bar's copy (the demo's): the peers have one bar.
  'vitrine-experiment': () => PEER_MARKUP['vitrine-sticky-bar'](),
  'vitrine-loyalty-badge': (attributes) =>
    attributes.includes('points=')
      ? `<sl-tooltip content="Silver member: 880 more points and you are Gold."><sl-badge variant="neutral" pill>Silver · 620 points</sl-badge></sl-tooltip>`
      : `<sl-badge variant="primary" pill>Earn 27 points</sl-badge>`,
  'vitrine-countdown': (attributes) =>
    attributes.includes('daily=')
      ? 'Order within <span class="peer-countdown" data-deadline="daily"></span>'
      : '<p class="peer-label">Black Friday ends in</p><div class="peer-countdown" data-deadline="black-friday"></div>',
  'vitrine-shipping-progress': () =>
    `<div class="peer-progress"><p data-peer-progress-message>&#8203;</p><sl-progress-bar value="0" label="Progress to free delivery"></sl-progress-bar></div>`,
  'vitrine-exit-popup': () => `<sl-dialog label="10% off your first order" class="peer-popup">
  <p>Join the Maison Lumière letter: new scents, news from the atelier and early access to our sales.</p>
  <form class="peer-popup-form"><label>Email <input type="email" name="email" required /></label>
  <label><input type="checkbox" name="consent" required /> I agree to receive emails from Maison Lumière.</label>
  <button type="submit" class="button button-primary">Get my code</button></form>
</sl-dialog>`,
};

/** The peers' page script: imports the bundles and wires each peer as its README shows. */
const peersScript = (bundles, deadline) => `<script type="module">
performance.mark('bench-widgets-start');
window.__benchWatch?.();
const [{ simplyCountdown }, { ouibounce }, { Wheel, cubicOut }] = await Promise.all([
  import('/bench/peers/${bundles.get('simplycountdown').entryFile}'),
  import('/bench/peers/${bundles.get('ouibounce').entryFile}'),
  import('/bench/peers/${bundles.get('spinwheel').entryFile}'),
  import('/bench/peers/${bundles.get('shoelace').entryFile}'),
]);
const parts = (date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
  hours: date.getUTCHours(), minutes: date.getUTCMinutes(), seconds: date.getUTCSeconds(), enableUtc: true });
const daily = new Date(); daily.setUTCHours(13, 0, 0, 0); if (daily <= new Date()) daily.setUTCDate(daily.getUTCDate() + 1);
simplyCountdown('[data-deadline="black-friday"]', { ...parts(new Date(${JSON.stringify(deadline.toISOString())})), inline: true, zeroPad: true });
simplyCountdown('[data-deadline="daily"]', { ...parts(daily), inline: true, zeroPad: true });
document.querySelector('[data-peer-bar-close]').addEventListener('click', (event) => event.target.closest('.peer-bar').remove());
const dialog = document.querySelector('.peer-popup');
ouibounce(false, { callback: () => dialog.show() });
const wheel = new Wheel(document.querySelector('.peer-wheel'), {
  items: ${JSON.stringify(SEGMENTS.map(([label]) => ({ label })))},
  itemBackgroundColors: ['#1d4ed8', '#fcd34d', '#047857', '#f9a8d4', '#6d28d9', '#7dd3fc'],
  isInteractive: false,
});
document.querySelector('[data-peer-spin]').addEventListener('click', () =>
  wheel.spinToItem(Math.floor(Math.random() * ${SEGMENTS.length}), 4000, false, 5, 1, cubicOut));
const bar = document.querySelector('.peer-progress sl-progress-bar');
const message = document.querySelector('[data-peer-progress-message]');
const showCart = (cart) => {
  const total = cart.total_price / 100;
  bar.value = Math.min(100, (total / 60) * 100);
  message.textContent = total >= 60 ? 'Free delivery unlocked!' : 'Free delivery from €60: ' +
    new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(60 - total) + ' to go';
};
const refresh = () => fetch('/cart.js', { headers: { Accept: 'application/json' } }).then((r) => r.json()).then(showCart, () => {});
document.addEventListener('cart:updated', refresh);
refresh();
</script>`;

const PEER_STYLE = `<link rel="stylesheet" href="/bench/peers/THEME_CSS" />
<style>
.peer-bar { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; justify-content: center; gap: 1rem; min-height: 2.75rem; padding: 0 1rem; background: #2a1d21; color: #fbf7f0; font-size: 0.85rem; }
.peer-bar p { margin: 0; }
.peer-bar-close { border: 0; background: none; color: inherit; font-size: 1.25rem; }
.peer-countdown.simply-countdown-inline, .peer-countdown { font-variant-numeric: tabular-nums; }
.peer-label { margin: 0; }
.peer-progress p { margin: 0 0 .25rem; }
.peer-wheel-card { box-sizing: border-box; width: min(100%, 22rem); padding: 1rem; border: 1px solid #e2e8f0; border-radius: 1rem; text-align: center; }
.peer-wheel { width: 100%; aspect-ratio: 1; }
</style>`;

// The floor of a page whose countdowns tick (bench/profile.js): the page without Vitrine, with plain text
// where each countdown Vitrine shows stands (one in the bar, two in the page), which a setTimeout
// changes each second, aligned to the second as Vitrine's clock; no library. Each text is a box of a
// fixed size, contained (the least a new second can cost the browser: its own box laid out and painted).
const TICK = '<span class="floor-tick">00:00:00</span>';
const TICKER_STYLE = `<style>.floor-tick { display: inline-block; contain: strict; inline-size: 8ch; block-size: 1.2em; font-variant-numeric: tabular-nums; }</style>`;
const TICKER = `<script>
(() => {
  const texts = document.querySelectorAll('.floor-tick');
  const two = (n) => String(n).padStart(2, '0');
  const tick = () => {
    const left = 86400 - (Math.floor(Date.now() / 1000) % 86400);
    for (const text of texts) text.textContent = two(Math.floor(left / 3600)) + ':' + two(Math.floor(left / 60) % 60) + ':' + two(left % 60);
    setTimeout(tick, 1001 - (Date.now() % 1000));
  };
  tick();
})();
</script>`;

/**
 * The HTML of one variant (and `ticker`, the floor bench/profile.js loads beside them).
 * @param {'none' | 'vitrine' | 'peers' | 'ticker'} variant
 * @param {{ root: string, deadline: Date, peers: Map<string, { entryFile: string, files: Map<string, Buffer> }> }} context
 */
export function storePageHtml(variant, { root, deadline, peers }) {
  // The sale's dates filled in as demo/server.js serves the page (a placeholder is no date: its countdown
  // would render nothing, and its reserved room collapse).
  let html = withDates(readFileSync(join(root, 'demo/index.html'), 'utf8'));
  if (!html.includes(LOADER)) throw new Error(`demo/index.html no longer loads Vitrine with ${LOADER}`);
  // The demo's comments go (they explain Vitrine's tags); so do its demo controls and its developer panel (the
  // bus log, which shop.js fills with every bus message): a shop has neither, and the log's DOM work would be
  // charged to Vitrine. All three variants lose them alike.
  html = html
    .replace(/\n\s*<!--[\s\S]*?-->/g, '')
    .replace(/\n\s*<section class="demo-controls"[\s\S]*?<\/section>/, '')
    .replace(/\n\s*<details class="bus-log">[\s\S]*?<\/details>/, '');
  const atelier = /(<section id="atelier" class="atelier">[\s\S]*?)(\n\s*<\/section>)/;
  if (variant === 'vitrine') {
    return html.replace(LOADER, `${START_MARK}\n    ${LOADER}`).replace(atelier, `$1\n${WHEEL.vitrine}$2`);
  }
  html = html.replace(LOADER, '');
  // Each Vitrine element (outermost first: the bar holds a countdown) with what stands in its place.
  const element = /<(vitrine-[\w-]+)(\s[^>]*)?>[\s\S]*?<\/\1>/;
  for (let match = element.exec(html); match; match = element.exec(html)) {
    const [whole, tag, attributes = ''] = match;
    const replacement =
      variant === 'peers'
        ? (PEER_MARKUP[tag]?.(attributes) ?? '')
        : variant === 'ticker' && whole.includes('<vitrine-countdown')
          ? TICK
          : '';
    html = html.slice(0, match.index) + replacement + html.slice(match.index + whole.length);
  }
  if (variant === 'none') return html;
  if (variant === 'ticker')
    return html.replace('</head>', `${TICKER_STYLE}\n  </head>`).replace('</body>', `${TICKER}\n</body>`);
  const theme = [...peers.get('shoelace').files.keys()].find((name) => name.endsWith('.css'));
  return html
    .replace('</head>', `${PEER_STYLE.replace('THEME_CSS', theme)}\n  </head>`)
    .replace(atelier, `$1\n${WHEEL.peers}$2`)
    .replace('</body>', `${peersScript(peers, deadline)}\n</body>`);
}

/** The Vitrine tags of the Vitrine variant, in words: `2 × <vitrine-countdown>`, … */
export function storeTagsText(context) {
  const html = storePageHtml('vitrine', context);
  const counts = new Map();
  for (const [, tag] of html.matchAll(/<(vitrine-[\w-]+)[\s>]/g)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => `${count} × \`<${tag}>\``).join(', ');
}

/**
 * The routes of the storefront pages: the page, the demo's files, the build at /cdn/vitrine/ and the
 * peers' bundles at /bench/peers/. Returns `{ body }`, undefined (404) or null (not a store route).
 */
export function storeRoutes(url, { root, deadline, peers, build }) {
  const { pathname } = url;
  if (pathname === '/bench/store.html') {
    const variant = url.searchParams.get('variant');
    if (!STORE_VARIANTS.includes(/** @type {'none'} */ (variant)) && variant !== 'ticker') return undefined;
    return { body: Buffer.from(storePageHtml(/** @type {'none'} */ (variant), { root, deadline, peers })) };
  }
  if (DEMO_ASSET.test(pathname)) return { body: readFileSync(join(root, 'demo', pathname)) };
  if (pathname.startsWith('/cdn/vitrine/')) {
    const file = build.get(pathname.slice('/cdn/vitrine/'.length));
    return file ? { body: file } : undefined;
  }
  if (pathname.startsWith('/bench/peers/')) {
    const name = pathname.slice('/bench/peers/'.length);
    for (const peer of peers.values()) if (peer.files.has(name)) return { body: peer.files.get(name) };
    return undefined;
  }
  return null;
}
