/**
 * A quick check of the demo server, for CI: `npm run build && node demo/check.js`.
 * Starts the server on a free port, walks the pages, the script-tag build, the cart API and
 * the lead endpoint as a browser and a widget would, prints one line per check, and exits 0
 * when every check passed, 1 otherwise.
 */
import { CONTENT_SECURITY_POLICY, startServer } from './server.js';

const fetch = globalThis.fetch;
const results = [];

function check(name, condition, detail = '') {
  results.push({ name, ok: Boolean(condition) });
  console.log(`${condition ? 'ok  ' : 'FAIL'}  ${name}${!condition && detail ? ` — ${detail}` : ''}`);
}

const json = (body, headers = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * The `:where(vitrine-…)` rules of a style sheet, comparable whatever the formatting: without
 * comments, spaces, quotes, leading zeros or a last `;` (and with a JavaScript string's `\\` as `\`).
 */
function cssRules(css) {
  const flat = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\\\/g, '\\')
    .replace(/['"]/g, '')
    .replace(/\s+/g, '')
    .replace(/(^|[^\d.])0\./g, '$1.')
    .replace(/;}/g, '}');
  return flat.match(/:where\(vitrine-[^{]*\{[^}]*\}/g) ?? [];
}

const logs = [];
const { url, close } = await startServer({ port: 0, log: (line) => logs.push(line) });
const at = (path) => new URL(path, url);

try {
  // Pages: HTML, the strict CSP, and Vitrine loaded the merchant's way only.
  for (const path of ['/', '/fr', '/cart']) {
    const response = await fetch(at(path));
    const html = await response.text();
    check(`GET ${path} is an HTML page`, response.ok && /^text\/html/.test(response.headers.get('content-type')));
    check(
      `GET ${path} sends the strict CSP`,
      response.headers.get('content-security-policy') === CONTENT_SECURITY_POLICY,
    );
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    check(
      `${path} loads Vitrine with one module script and has no inline script`,
      scripts.includes('<script type="module" src="/cdn/vitrine/vitrine.js">') &&
        scripts.every((tag) => / src="/.test(tag)),
      scripts.join(' '),
    );
    check(`${path} has no inline style`, !/<style\b|\sstyle=/.test(html));
    check(`${path} shows a countdown`, html.includes('<vitrine-countdown'));
    // The merchant's tags: the bar (first in <body>, with a countdown inside) and the sign-up pop-up.
    const bar = /<vitrine-sticky-bar\b([^>]*)>([\s\S]*?)<\/vitrine-sticky-bar>/.exec(html);
    check(
      `${path} has a sticky bar first in <body>, with push, show-coupon and a countdown inside`,
      bar &&
        /\spush\b/.test(bar[1]) &&
        /\sshow-coupon\b/.test(bar[1]) &&
        bar[2].includes('<vitrine-countdown') &&
        !/<(?:header|main)\b/.test(html.slice(html.indexOf('<body'), bar.index)),
      bar?.[1],
    );
    // The bar is an A/B test of its copy: two bars in one experiment.
    const experiment = /<vitrine-experiment\s([^>]*)>([\s\S]*?)<\/vitrine-experiment>/.exec(html);
    check(
      `${path} tests two sticky bars in <vitrine-experiment name="bf-bar">`,
      experiment &&
        /(^|\s)name="bf-bar"/.test(experiment[1]) &&
        (experiment[2].match(/<vitrine-sticky-bar\b/g) ?? []).length === 2 &&
        bar &&
        experiment.index < bar.index,
      experiment?.[1],
    );
    // The customer's standing in the header, as Liquid renders it, with the shop's own details.
    const club = /<vitrine-loyalty-badge\b([^>]*)>([\s\S]*?)<\/vitrine-loyalty-badge>/.exec(html);
    check(
      `${path} has a customer loyalty badge (points, tiers) with a details slot`,
      club &&
        /\spoints="\d+"/.test(club[1]) &&
        /\stiers="[^"]*:\d+[^"]*"/.test(club[1]) &&
        /\sslot="details"/.test(club[2]),
      club?.[1],
    );
    const progress = /<vitrine-shipping-progress\b([^>]*)>([\s\S]*?)<\/vitrine-shipping-progress>/.exec(html);
    check(
      `${path} has a free-shipping progress from €60 that follows the cart`,
      progress && progress[1].includes('threshold="60"') && !/\s(?:total|cart-source)=/.test(progress[1]),
      progress?.[1],
    );
    if (path === '/cart') {
      check(
        '/cart: the progress has a second goal, a gift from €100',
        /<vitrine-goal\b[^>]*\samount="100"[^>]*\slabel="[^"]+"/.test(progress?.[2] ?? ''),
      );
      check('/cart has a loyalty badge on the cart total', /<vitrine-loyalty-badge\b[^>]*\scart\b/.test(html));
      const wheel = /<vitrine-wheel\b([^>]*)>([\s\S]*?)<\/vitrine-wheel>/.exec(html);
      const segments = [...(wheel?.[2] ?? '').matchAll(/<vitrine-wheel-segment\b([^>]*)>/g)].map(([, a]) => a);
      check(
        '/cart has the wheel in pop-up mode, capturing leads for /api/leads, with its rules at /rules',
        wheel &&
          /\smode="popup"/.test(wheel[1]) &&
          /\strigger="time:\d+s"/.test(wheel[1]) &&
          /\scapture\b/.test(wheel[1]) &&
          wheel[1].includes('action="/api/leads"') &&
          wheel[1].includes('rules-href="/rules"'),
        wheel?.[1],
      );
      check(
        '/cart: the wheel has 6 weighted segments, some losing (no code)',
        segments.length === 6 &&
          segments.every((attributes) => /\slabel="[^"]+"/.test(attributes) && /\sweight="[\d.]+"/.test(attributes)) &&
          segments.some((attributes) => !/\scode=/.test(attributes)) &&
          segments.some((attributes) => /\scode="\w+"/.test(attributes)),
        `${segments.length} segments`,
      );
      // One overlay per page view: the cart page has the wheel, not the sign-up pop-up as well.
      check('/cart has no exit pop-up beside the wheel', !html.includes('<vitrine-exit-popup'));
      continue;
    }
    check(
      `${path} has a loyalty badge on the product's price`,
      /<vitrine-loyalty-badge\b[^>]*\sprice="\d+\.\d\d"[^>]*\srate="1"/.test(html),
    );
    check(
      `${path} has a message for returning visitors only`,
      /<vitrine-sticky-bar\b[^>]*\svisitor="returning"[^>]*>\s*<p>/.test(html),
    );
    const popup = /<vitrine-exit-popup\b([^>]*)>/.exec(html);
    check(
      `${path} has an exit pop-up that captures leads for /api/leads and gives a code`,
      popup &&
        /\scapture\b/.test(popup[1]) &&
        popup[1].includes('action="/api/leads"') &&
        /\scode="\w+"/.test(popup[1]),
      popup?.[1],
    );
  }
  // The wheel's contest rules: a page of the shop, under the same CSP.
  const rules = await fetch(at('/rules'));
  const rulesHtml = await rules.text();
  check(
    'GET /rules is an HTML page with the strict CSP, no inline script or style',
    rules.ok &&
      /^text\/html/.test(rules.headers.get('content-type')) &&
      rules.headers.get('content-security-policy') === CONTENT_SECURITY_POLICY &&
      [...rulesHtml.matchAll(/<script\b[^>]*>/g)].every(([tag]) => / src="\//.test(tag)) &&
      !/<style\b|\sstyle=/.test(rulesHtml),
    String(rules.status),
  );
  check('/fr is in French', (await (await fetch(at('/fr'))).text()).includes('<html lang="fr">'));
  for (const path of ['/shop.js', '/shop.css', '/candle.svg', '/truck.svg']) {
    const response = await fetch(at(path));
    check(`GET ${path}`, response.ok, String(response.status));
  }
  for (const path of ['/server.js', '/check.js', '/..%2fpackage.json', '/cdn/vitrine/..%2f..%2fpackage.json']) {
    const response = await fetch(at(path));
    check(`GET ${path} is not served`, response.status === 404, String(response.status));
  }

  // The script-tag build, and every chunk it imports.
  const loader = await fetch(at('/cdn/vitrine/vitrine.js'));
  const loaderSource = await loader.text();
  check(
    'GET /cdn/vitrine/vitrine.js is JavaScript',
    loader.ok && /^text\/javascript/.test(loader.headers.get('content-type')),
    loader.ok ? loader.headers.get('content-type') : `${loader.status}: run npm run build first`,
  );
  const chunks = new Set();
  const pending = [loaderSource];
  while (pending.length) {
    for (const [, chunk] of pending.pop().matchAll(/["'`]\.\.?\/(?:chunks\/)?([\w.-]+\.js)["'`]/g)) {
      if (chunks.has(chunk)) continue;
      chunks.add(chunk);
      const response = await fetch(at(`/cdn/vitrine/chunks/${chunk}`));
      check(`GET /cdn/vitrine/chunks/${chunk}`, response.ok, String(response.status));
      if (response.ok) pending.push(await response.text());
    }
  }
  // The language chunks are not named but addressed (`./texts-${language}-<hash>.js`, core's
  // i18n/texts-address.ts): each of the ten languages' files must be there too.
  let hash;
  for (const chunk of [...chunks].filter((name) => name.startsWith('shared-'))) {
    const source = await (await fetch(at(`/cdn/vitrine/chunks/${chunk}`))).text();
    hash ??= /`\.\/texts-\$\{\w+\}-([\w-]+)\.js`/.exec(source)?.[1];
  }
  check('the shared chunk addresses the language chunks', Boolean(hash), 'no `./texts-${…}-<hash>.js` in it');
  for (const language of hash ? ['de', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'ar', 'he'] : []) {
    const response = await fetch(at(`/cdn/vitrine/chunks/texts-${language}-${hash}.js`));
    check(`GET /cdn/vitrine/chunks/texts-${language}-${hash}.js`, response.ok, String(response.status));
  }
  for (const name of [
    'countdown',
    'sticky-bar',
    'exit-popup',
    'popup',
    'shipping-progress',
    'loyalty-badge',
    'wheel',
    'experiment',
  ]) {
    check(
      `the build has its ${name} chunk`,
      [...chunks].some((chunk) => chunk.startsWith(`${name}-`)),
      [...chunks].join(' '),
    );
  }

  // The theme reserves the widgets' room from the first paint with the same rules the loader
  // adopts when it runs (UNDEFINED_CSS, packages/vitrine/src/reserve-css.ts, which joins each
  // widget's <widget>.reserve.ts): they must not drift. When the loader's rules change, copy them
  // into demo/shop.css.
  const loaderRules = cssRules(/`(:where\(vitrine-[^`]*)`/.exec(loaderSource)?.[1] ?? '');
  const themeRules = cssRules(await (await fetch(at('/shop.css'))).text());
  check(
    `shop.css has the loader's :not(:defined) rules (${loaderRules.length})`,
    loaderRules.length > 0 && JSON.stringify(themeRules) === JSON.stringify(loaderRules),
    [
      ...loaderRules.filter((rule) => !themeRules.includes(rule)).map((rule) => `missing ${rule}`),
      ...themeRules.filter((rule) => !loaderRules.includes(rule)).map((rule) => `not in the loader ${rule}`),
    ].join('; ') || 'same rules, another order',
  );
  const sheet = await fetch(at('/cdn/vitrine/vitrine.css'));
  check(
    'GET /cdn/vitrine/vitrine.css: the same rules, for a theme to link',
    sheet.ok &&
      /^text\/css/.test(sheet.headers.get('content-type')) &&
      JSON.stringify(cssRules(await sheet.text())) === JSON.stringify(loaderRules),
    String(sheet.status),
  );

  // The AJAX cart.
  let cart = await (await fetch(at('/cart.js'))).json();
  check(
    'GET /cart.js: an empty cart in EUR',
    cart.item_count === 0 && cart.total_price === 0 && cart.currency === 'EUR',
  );
  check('the cart has a token', typeof cart.token === 'string' && cart.token.length > 0);

  const addResponse = await fetch(at('/cart/add.js'), json({ id: 42001, quantity: 2 }));
  const item = await addResponse.json();
  check('POST /cart/add.js answers the line item', addResponse.ok && item.id === 42001 && item.quantity === 2);
  check(
    'a line item has Shopify fields',
    ['key', 'title', 'price', 'line_price', 'variant_id'].every((key) => key in item),
  );

  const form = new globalThis.URLSearchParams({ id: '44001', quantity: '1' });
  const formResponse = await fetch(at('/cart/add.js'), { method: 'POST', body: form });
  check('POST /cart/add.js with a url-encoded form', formResponse.ok, String(formResponse.status));
  const multipart = new globalThis.FormData();
  multipart.set('id', '43001');
  multipart.set('quantity', '3');
  const multipartResponse = await fetch(at('/cart/add.js'), { method: 'POST', body: multipart });
  check('POST /cart/add.js with FormData (multipart)', multipartResponse.ok, String(multipartResponse.status));

  cart = await (await fetch(at('/cart.js'))).json();
  check(
    'GET /cart.js: total_price in cents and item_count',
    cart.total_price === 2 * 2720 + 600 + 3 * 2720 && cart.item_count === 6,
    `total_price ${cart.total_price}, item_count ${cart.item_count}`,
  );
  check(
    'line_price is price × quantity',
    cart.items.every((line) => line.line_price === line.price * line.quantity),
  );

  const unknown = await fetch(at('/cart/add.js'), json({ id: 1, quantity: 1 }));
  const unknownBody = await unknown.json();
  check('an unknown variant is a Cart Error', unknown.status === 404 && unknownBody.message === 'Cart Error');

  cart = await (await fetch(at('/cart/change.js'), json({ id: 42001, quantity: 1 }))).json();
  check('POST /cart/change.js by variant id', cart.items.find((line) => line.id === 42001)?.quantity === 1);
  cart = await (await fetch(at('/cart/change.js'), json({ line: 2, quantity: 0 }))).json();
  check('POST /cart/change.js by line, quantity 0 removes', !cart.items.some((line) => line.id === 44001));
  cart = await (await fetch(at('/cart/update.js'), json({ updates: { 43001: 1, 42002: 1 } }))).json();
  check(
    'POST /cart/update.js sets and adds',
    cart.item_count === 3 && cart.total_price === 2720 + 2720 + 4480,
    `item_count ${cart.item_count}, total_price ${cart.total_price}`,
  );
  const noScript = await fetch(at('/cart/add'), { method: 'POST', body: form, redirect: 'manual' });
  check('a form post to /cart/add without script redirects to /cart', noScript.status === 303);
  cart = await (await fetch(at('/cart/clear.js'), { method: 'POST' })).json();
  check('POST /cart/clear.js empties the cart', cart.item_count === 0 && cart.items.length === 0);

  // Leads, with an idempotency key: a retry is stored once and answered the same.
  const lead = {
    email: 'camille@example.com',
    consent: true,
    consentText: 'Yes, send me offers.',
    campaign: 'bf-2026',
    widget: 'exit-popup',
    url,
    at: new Date().toISOString(),
  };
  const key = 'check-lead-1';
  const first = await fetch(at('/api/leads'), json(lead, { 'Idempotency-Key': key }));
  const firstBody = await first.text();
  const retry = await fetch(at('/api/leads'), json(lead, { 'Idempotency-Key': key }));
  const retryBody = await retry.text();
  check('POST /api/leads answers 200', first.status === 200, String(first.status));
  check(
    'a retry with the same Idempotency-Key answers 200 with the same body',
    retry.status === 200 && retryBody === firstBody,
  );
  const failed = await fetch(at('/api/leads?fail=1'), json(lead, { 'Idempotency-Key': 'check-lead-2' }));
  check('POST /api/leads?fail=1 answers 500', failed.status === 500);
  const listed = (await (await fetch(at('/api/leads'))).json()).leads;
  check(
    'GET /api/leads lists the lead once, and not the failed one',
    listed.length === 1 && listed[0].key === key && listed[0].lead.email === lead.email,
    JSON.stringify(listed),
  );
  const invalid = await fetch(at('/api/leads'), json({ ...lead, email: 'nope' }));
  check('a lead without a valid email is refused', invalid.status === 422);
} catch (error) {
  check('the checks ran to the end', false, error.stack ?? String(error));
} finally {
  await close();
}

const failures = results.filter((result) => !result.ok).length;
console.log(`\n${results.length - failures} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
