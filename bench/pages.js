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

/**
 * The HTML of one page.
 * @param {'vitrine' | 'simplycountdown'} library
 * @param {number} count how many countdowns
 * @param {Date} deadline
 */
export function pageHtml(library, count, deadline) {
  const markup = LIBRARY_MARKUP[library];
  const offers = Array.from(
    { length: count },
    (_, index) => `<li class="offer">
<h2>Offer ${index + 1}: -${10 + (index % 40)} % on the autumn collection</h2>
<p>Ends in</p>
${markup.countdown(deadline)}
<p>Free returns for 30 days. Limited stock: while the countdown runs, the price holds.</p>
</li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${count} countdowns, ${LABELS[library]}</title>
<style>
body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1e293b; }
.offers { list-style: none; margin: 0; padding: 0; }
.offer { border-bottom: 1px solid #e2e8f0; padding: 1rem 0; }
.offer h2 { font-size: 1.25rem; margin: 0; }
.offer p { margin: 0.25rem 0; }
</style>
${markup.head(deadline)}
</head>
<body>
<header><h1>Autumn sale</h1><p>${count} offers, each with its own deadline.</p></header>
<ul class="offers">
${offers}
</ul>
<footer><p>Prices include VAT.</p></footer>
</body>
</html>
`;
}

/** The page for a URL of the form /bench/<library>.html?n=N, or null. */
export function pageForUrl(url, deadline) {
  const match = /^\/bench\/(vitrine|simplycountdown)\.html$/.exec(url.pathname);
  if (!match) return null;
  const count = Number(url.searchParams.get('n') ?? '1');
  if (!Number.isInteger(count) || count < 1 || count > 10_000) return null;
  return pageHtml(/** @type {'vitrine' | 'simplycountdown'} */ (match[1]), count, deadline);
}
