/**
 * The lead destination attributes on the BUILT bundle, with the provider they belong to named in
 * `action` (bad-input.test.ts tries each attribute alone, where a provider attribute is not read):
 * every bad value of `public-key`, `list`, `form-url`, `code-endpoint`, `reveal`, private keys
 * included, at load and at run time, on the exit pop-up and the wheel. Whatever the value: nothing
 * thrown, at most ONE `[vitrine]` warning per element, attribute and value, and a sign-up with a
 * refused destination sends nothing anywhere (no request, no script). Then: a page whose widgets
 * send nowhere, or to a URL, downloads no provider chunk; one that names Klaviyo downloads only
 * Klaviyo's.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { frames, loadBundle, tagsDefined, watchPage, widget, type PageWatch, type Widget } from './support.js';

const PRIVATE_KEYS = {
  'klaviyo private key': 'pk_0123456789abcdef0123456789abcdef01',
  'brevo key': 'xkeysib-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab-AbCdEfGhIjKlMnOp',
  'mailchimp api key': '0123456789abcdef0123456789abcdef-us21',
  'shopify admin token': 'shpat_0123456789abcdef0123456789abcdef',
};
/** Bad values of every kind (bad-input.test.ts has the full table; these are the ones a key or URL meets). */
const BAD_VALUES = {
  empty: '',
  whitespace: ' \t\n ',
  word: 'banana',
  'literal null': 'null',
  'javascript URL': 'javascript:alert(1)',
  'data URL': 'data:text/html,<b>x</b>',
  markup: '"><img src=x onerror=alert(1)>',
  'long string': 'x'.repeat(10_000),
  emoji: '🎉💥🛒'.repeat(40),
  'RTL override': '\u202Eedoc\u202C',
  'control characters': '\u0000\u0008\u001B[31m',
  'http form URL': 'http://shop.us21.list-manage.com/subscribe/post?u=a&id=b',
  'another host': 'https://example.com/subscribe/post?u=a&id=b',
};
const VALUES = Object.entries({ ...BAD_VALUES, ...PRIVATE_KEYS });

/** Each attribute with the valid others its provider needs (so only the tried one is wrong). */
const CASES: Array<{ attribute: string; base: Record<string, string> }> = [
  { attribute: 'public-key', base: { action: 'klaviyo', list: 'Y6nRLr' } },
  { attribute: 'list', base: { action: 'klaviyo', 'public-key': 'AbC123' } },
  { attribute: 'form-url', base: { action: 'mailchimp' } },
  { attribute: 'action', base: { 'public-key': 'AbC123', list: 'Y6nRLr' } },
  { attribute: 'code-endpoint', base: { action: '/__hardening/none/leads' } },
  { attribute: 'reveal', base: { action: 'klaviyo', 'public-key': 'AbC123', list: 'Y6nRLr' } },
];

let watch: PageWatch;
/** Requests and scripts the page made towards the providers (recorded, never sent). */
const sent: string[] = [];
// The page's own, put back after (and called with .call()): not methods torn from their object.
// eslint-disable-next-line @typescript-eslint/unbound-method
const realFetch = window.fetch;
// eslint-disable-next-line @typescript-eslint/unbound-method
const realAppend = Element.prototype.append;

beforeAll(async () => {
  watch = watchPage();
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (/klaviyo|list-manage|__hardening\/none/.test(url)) {
      sent.push(url);
      return Promise.resolve(new Response(null, { status: 202 }));
    }
    return realFetch.call(window, input, init);
  };
  HTMLHeadElement.prototype.append = function (...nodes) {
    for (const node of nodes)
      if (node instanceof HTMLScriptElement && /list-manage/.test(node.src)) sent.push(node.src);
      else realAppend.call(this, node);
  };
  await loadBundle();
});

afterAll(() => {
  window.fetch = realFetch;
  // The head's `append` is Element's again (ours was an own property of HTMLHeadElement's prototype).
  Reflect.deleteProperty(HTMLHeadElement.prototype, 'append');
  watch.stop();
});

/** The chunks the page has fetched so far, by name without hash. */
const chunksLoaded = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => /\/chunks\/([a-z-]+)-[\w-]+\.js$/.exec(entry.name)?.[1])
    .filter(Boolean);

test('a page with pop-ups that send nowhere or to a URL downloads no provider chunk', async () => {
  const none = document.body.appendChild(widget('vitrine-exit-popup', { campaign: 'ld-none', capture: '' }));
  const url = document.body.appendChild(
    widget('vitrine-wheel', { campaign: 'ld-url', capture: '', action: '/__hardening/none/leads' }),
  );
  await tagsDefined(['vitrine-exit-popup', 'vitrine-wheel']);
  await Promise.all([none, url].map((element) => element.updateComplete));
  await frames(4);
  expect(chunksLoaded()).toEqual(expect.arrayContaining(['exit-popup', 'wheel', 'popup']));
  expect(chunksLoaded()).not.toEqual(expect.arrayContaining(['klaviyo']));
  expect(chunksLoaded().filter((name) => /klaviyo|mailchimp|unique-code/.test(name!))).toEqual([]);

  const klaviyo = document.body.appendChild(
    widget('vitrine-exit-popup', {
      campaign: 'ld-k',
      capture: '',
      action: 'klaviyo',
      'public-key': 'AbC123',
      list: 'Y6nRLr',
    }),
  );
  await klaviyo.updateComplete;
  await expect.poll(() => chunksLoaded().includes('klaviyo')).toBe(true);
  expect(chunksLoaded().filter((name) => /mailchimp|unique-code/.test(name!))).toEqual([]);
  for (const element of [none, url, klaviyo]) element.remove();
  expect(watch.warnings).toEqual([]);
});

for (const tag of ['vitrine-exit-popup', 'vitrine-wheel'] as const) {
  test(`${tag}: ${CASES.length} destination attributes × ${VALUES.length} bad values with their provider, at load and at run time`, async () => {
    const found: string[] = [];
    const errorsBefore = watch.errors.length;
    let n = 0;
    for (const { attribute, base } of CASES) {
      // At load.
      const elements: Array<{ element: Widget; id: string; value: string }> = [];
      for (const [, value] of VALUES) {
        const id = `ld-${tag}-${n++}`;
        const element = widget(tag, { campaign: id, capture: '', ...base, [attribute]: value });
        document.body.append(element);
        elements.push({ element, id, value });
      }
      await Promise.all(elements.map(({ element }) => element.updateComplete));
      await frames(3);
      for (const { id, value } of elements) {
        const about = watch.warnings.filter(
          (warning) => warning.includes(`campaign="${id}">`) && warning.includes(` ignored ${attribute}="${value}"`),
        );
        if (about.length > 1) found.push(`at load ${attribute}="${value.slice(0, 40)}": ${about.length} warnings`);
      }
      for (const { element } of elements) element.remove();

      // At run time, on one element: each value in turn.
      const id = `ld-rt-${tag}-${attribute}`;
      const element = widget(tag, { campaign: id, capture: '', ...base });
      document.body.append(element);
      await element.updateComplete;
      const since = watch.warnings.length;
      for (const [, value] of VALUES) {
        element.setAttribute(attribute, value);
        await element.updateComplete;
      }
      for (const [, value] of VALUES) {
        element.setAttribute(attribute, value); // the same values again: no second warning
        await element.updateComplete;
      }
      await frames(3);
      const warnings = watch.warnings.slice(since).filter((warning) => warning.includes(`campaign="${id}">`));
      const repeated = warnings.filter((warning, index) => warnings.indexOf(warning) !== index);
      if (repeated.length) found.push(`at run time ${attribute}: repeated ${repeated[0].slice(0, 200)}`);
      element.remove();
    }
    expect(found).toEqual([]);
    expect(watch.errors.slice(errorsBefore)).toEqual([]);
    // Nothing was submitted, so nothing went anywhere.
    expect(sent).toEqual([]);
  });
}

test('a private key in the page: the sign-up sends nothing, neither to the provider nor anywhere else', async () => {
  const since = watch.warnings.length;
  const element = widget('vitrine-exit-popup', {
    campaign: 'ld-private',
    capture: '',
    consent: 'implied',
    action: 'klaviyo',
    'public-key': PRIVATE_KEYS['klaviyo private key'],
    list: 'Y6nRLr',
    open: '',
  });
  document.body.append(element);
  await element.updateComplete;
  await frames(3);
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('[part~="email-input"]')!;
  input.value = 'ada@example.com';
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  await frames(4);
  expect(sent).toEqual([]);
  expect(watch.warnings.slice(since)).toEqual([
    `[vitrine] <vitrine-exit-popup campaign="ld-private"> ignored public-key="${PRIVATE_KEYS['klaviyo private key']}": expected a PUBLIC key: this is a PRIVATE API key, never to be in a page (revoke it); nothing is sent`,
  ]);
  element.remove();
});
