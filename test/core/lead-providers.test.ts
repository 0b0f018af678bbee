/**
 * Sign-ups delivered straight to the e-mail tools, in real browsers, against local stand-ins:
 * `fetch` answers as Klaviyo's Client API does, and Mailchimp's JSONP script is caught as the page
 * appends it and answered through its callback, as list-manage.com answers. Each documented request
 * is checked exactly (URL, method, headers, body, consent), then every answer the provider gives:
 * success, pending confirmation (double opt-in), 400 with its error body, 429, 500, network failure.
 * Then the widgets: the words the shopper reads, the code revealed (or not), private keys refused,
 * providers without a browser endpoint, and `code-endpoint`.
 */
import { beforeAll, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import {
  flushOutboxOnce,
  forgetMemory,
  loadCoupon,
  overlayPageState,
  readOutbox,
  resetOutboxRuntime,
  submitLead,
  type LeadDestination,
  type LeadMessage,
} from '@vitrine/core';
import { KLAVIYO_REVISION } from '../../packages/core/src/leads/klaviyo.ts';
import '../../packages/core/src/leads/mailchimp.ts';
import '../../packages/core/src/leads/unique-code.ts';
import '@vitrine/exit-popup/define';
import '@vitrine/wheel/define';
import { NOW, useTestPage } from '../support/fixture.js';
import { clearStored, listenTo, recordTopic } from '../support/recorders.js';

// The code block (copy button) is a chunk fetched when a code is about to show (coupon-later.ts);
// here codes show right after a render, so it is here from the start.
beforeAll(() => loadCoupon());

type Popup = HTMLElementTagNameMap['vitrine-exit-popup'];

const LEAD: LeadMessage = {
  email: 'ada@example.com',
  consent: true,
  consentText: 'I agree to receive emails.',
  campaign: 'welcome',
  widget: 'exit-popup',
  url: 'https://shop.example/products/tea',
  at: '2026-11-27T09:00:00.000Z',
};
const KLAVIYO: LeadDestination = { provider: 'klaviyo', publicKey: 'AbC123', list: 'Y6nRLr' };
const FORM_URL =
  'https://shop.us21.list-manage.com/subscribe/post?u=1a2b3c4d5e6f7a8b9c0d1e2f3&id=9f8e7d6c5b&f_id=00a1b2';
const MAILCHIMP: LeadDestination = { provider: 'mailchimp', formUrl: FORM_URL };

/** Klaviyo's answers (Create Client Subscription): 202 without a body, JSON:API errors otherwise. */
const accepted = () => new Response(null, { status: 202 });
const klaviyoError = (status: number, detail: string, headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify({
      errors: [
        {
          id: 'e1',
          status,
          code: 'invalid',
          title: 'Invalid input.',
          detail,
          source: { pointer: '/data/attributes/profile/data/attributes/email' },
        },
      ],
    }),
    { status, headers: { 'Content-Type': 'application/vnd.api+json', ...headers } },
  );
const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers });

let fetchMock: Mock<typeof fetch>;
/** The JSONP scripts the page appended (not loaded: answered by the test through their callback). */
let scripts: HTMLScriptElement[];

const testPage = useTestPage({
  now: NOW,
  reset: () => {
    clearStored();
    newPage();
  },
});
const record = <T extends 'lead' | 'coupon'>(topic: T) => recordTopic(topic, testPage.cleanups);

/** As a new page load of the same visitor: elements, memory and timers go; storage stays. */
function newPage(): void {
  fixtureCleanup();
  forgetMemory();
  resetOutboxRuntime();
  const overlays = overlayPageState();
  overlays.open = null;
  overlays.owner = null;
  overlays.closed = 0;
}

/** Lets promise chains, a dynamic import and the renders they ask for run: real tasks, no timer moves. */
async function settle(...elements: Array<{ updateComplete: Promise<unknown> }>): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
    for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    for (const element of elements) await element.updateComplete;
  }
}

/** The browser's own timer, taken before any test fakes it: reading a body or a chunk takes real time. */
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/**
 * Settles until `done()` holds, for at most about 2 s of real time: an answer's body or a chunk may
 * take real milliseconds (Firefox reads a body out of process), which fake timers do not move.
 */
async function until(done: () => boolean, ...elements: Array<{ updateComplete: Promise<unknown> }>): Promise<void> {
  for (let round = 0; round < 200 && !done(); round++) {
    await settle(...elements);
    if (!done()) await new Promise((resolve) => realSetTimeout(resolve, 10));
  }
}

function request(index = 0) {
  const [url, init] = fetchMock.mock.calls[index];
  return {
    url: url as string,
    method: init?.method,
    headers: init?.headers as Record<string, string>,
    body: JSON.parse(init?.body as string) as unknown,
  };
}

/** The JSONP script's URL, and the answer Mailchimp would give through its callback. */
function mailchimpScript(index = 0): URL {
  return new URL(scripts[index].src);
}
function answerMailchimp(reply: { result: string; msg: string }, index = 0): void {
  const callback = mailchimpScript(index).searchParams.get('c')!;
  (window as unknown as Record<string, (reply: unknown) => void>)[callback](reply);
}

beforeEach(() => {
  clearStored();
  newPage();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
  scripts = [];
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    for (const node of nodes) if (node instanceof HTMLScriptElement) scripts.push(node);
  });
});

describe('Klaviyo: Create Client Subscription', () => {
  test('the documented request: public key in company_id, revision header, JSON:API body, consent mapped', async () => {
    fetchMock.mockResolvedValueOnce(accepted());
    const leads = record('lead');
    const outcome = await submitLead(LEAD, 'klaviyo', KLAVIYO);

    expect(outcome.status).toBe('delivered');
    const sent = request();
    expect(sent.url).toBe('https://a.klaviyo.com/client/subscriptions?company_id=AbC123');
    expect(sent.method).toBe('POST');
    expect(sent.headers).toEqual({
      'Content-Type': 'application/vnd.api+json',
      Accept: 'application/vnd.api+json',
      revision: '2026-10-15',
    });
    expect(KLAVIYO_REVISION).toBe('2026-10-15');
    expect(sent.body).toEqual({
      data: {
        type: 'subscription',
        attributes: {
          custom_source: 'Vitrine exit-popup (welcome)',
          profile: {
            data: {
              type: 'profile',
              attributes: {
                email: 'ada@example.com',
                subscriptions: { email: { marketing: { consent: 'SUBSCRIBED' } } },
                properties: {
                  vitrine_consent_text: 'I agree to receive emails.',
                  vitrine_consent_url: 'https://shop.example/products/tea',
                  vitrine_consent_at: '2026-11-27T09:00:00.000Z',
                },
              },
            },
          },
        },
        relationships: { list: { data: { type: 'list', id: 'Y6nRLr' } } },
      },
    });
    // No private key, no Authorization header, nothing else.
    expect(JSON.stringify(fetchMock.mock.calls[0])).not.toMatch(/Authorization|pk_/);
    expect(readOutbox()).toEqual([]);
    expect(leads).toEqual([{ ...LEAD, id: outcome.id, outcome: 'delivered' }]);
  });

  test('a double opt-in list: the same 202 is "pending confirmation"', async () => {
    fetchMock.mockResolvedValueOnce(accepted());
    const leads = record('lead');
    const outcome = await submitLead(LEAD, 'klaviyo', { ...KLAVIYO, doubleOptIn: true });
    expect(outcome.status).toBe('pending-confirmation');
    expect(leads.map((lead) => lead.outcome)).toEqual(['pending-confirmation']);
    expect(readOutbox()).toEqual([]);
  });

  test('400 with Klaviyo’s error body: refused with its detail, dropped, never retried', async () => {
    fetchMock.mockResolvedValue(klaviyoError(400, 'Invalid email address'));
    const leads = record('lead');
    const outcome = await submitLead(LEAD, 'klaviyo', KLAVIYO);
    expect(outcome).toMatchObject({ status: 'rejected', httpStatus: 400, reason: 'Invalid email address' });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(readOutbox()).toEqual([]);
    expect(leads.map((lead) => lead.outcome)).toEqual(['refused']);
  });

  test('429 (Retry-After), 500, network failure: kept and retried with the same body, delivered once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    fetchMock
      .mockResolvedValueOnce(klaviyoError(429, 'Request was throttled.', { 'Retry-After': '30' }))
      .mockResolvedValueOnce(status(500))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(accepted());
    const leads = record('lead');
    const outcome = await submitLead(LEAD, 'klaviyo', KLAVIYO);
    expect(outcome.status).toBe('queued');

    await vi.advanceTimersByTimeAsync(29_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4_000); // the second backoff (2 s × 2)
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(8_000);
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(4);

    expect(new Set(fetchMock.mock.calls.map(([, init]) => init?.body)).size).toBe(1);
    expect(readOutbox()).toEqual([]);
    expect(leads.map((lead) => lead.outcome)).toEqual(['queued', 'delivered']);
    expect(leads[1].id).toBe(outcome.id);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  test('nothing lost across a reload: the next page sends it to Klaviyo, with its list, once', async () => {
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(accepted());
    await submitLead(LEAD, 'klaviyo', KLAVIYO);
    expect(readOutbox()).toEqual([
      expect.objectContaining({ action: 'klaviyo', destination: KLAVIYO, lead: LEAD, attempts: 1 }),
    ]);

    newPage();
    flushOutboxOnce();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(request(1).url).toBe('https://a.klaviyo.com/client/subscriptions?company_id=AbC123');
    expect(request(1).body).toEqual(request(0).body);
    expect(readOutbox()).toEqual([]);

    newPage();
    flushOutboxOnce();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  test('no idempotency key at Klaviyo: a second sign-up of the same address and campaign joins the first', async () => {
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(accepted());
    const first = await submitLead(LEAD, 'klaviyo', KLAVIYO);
    const second = await submitLead(
      { ...LEAD, email: 'ADA@example.com', at: '2026-11-27T09:01:00.000Z' },
      'klaviyo',
      KLAVIYO,
    );
    expect(second.id).toBe(first.id);
    expect(second.status).toBe('delivered');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(readOutbox()).toEqual([]);
    // Another campaign is another sign-up.
    fetchMock.mockResolvedValueOnce(accepted());
    await submitLead({ ...LEAD, campaign: 'black-friday' }, 'klaviyo', KLAVIYO);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});

describe('Mailchimp: the embedded form, as JSONP', () => {
  test('the documented request: post-json with u, id, the callback, EMAIL and the empty anti-bot field', async () => {
    const submitting = submitLead(LEAD, 'mailchimp', { ...MAILCHIMP, formUrl: `${FORM_URL}&gdpr[2741]=Y` });
    await settle();
    expect(scripts).toHaveLength(1);
    const url = mailchimpScript();
    expect(url.origin + url.pathname).toBe('https://shop.us21.list-manage.com/subscribe/post-json');
    const params = Object.fromEntries(url.searchParams);
    expect(params).toEqual({
      u: '1a2b3c4d5e6f7a8b9c0d1e2f3',
      id: '9f8e7d6c5b',
      f_id: '00a1b2',
      'gdpr[2741]': 'Y',
      c: expect.stringMatching(/^vitrineMailchimp_\w+$/) as string,
      EMAIL: 'ada@example.com',
      b_1a2b3c4d5e6f7a8b9c0d1e2f3_9f8e7d6c5b: '',
    });
    expect(fetchMock).not.toHaveBeenCalled();

    answerMailchimp({ result: 'success', msg: 'Thank you for subscribing!' });
    expect((await submitting).status).toBe('delivered');
    expect(scripts[0].isConnected).toBe(false);
    expect(readOutbox()).toEqual([]);
  });

  test.each([
    [
      'success',
      'Almost finished... We need to confirm your email address. To complete the subscription process, please click the link in the email we just sent you.',
      'pending-confirmation',
    ],
    [
      'error',
      'ada@example.com is already subscribed to list Tea Club. <a href="https://x">Click here to update your profile</a>',
      'delivered',
    ],
    ['error', '0 - An email address must contain a single @.', 'rejected'],
  ])('%s "%s" → %s', async (result, msg, expected) => {
    const submitting = submitLead(LEAD, 'mailchimp', MAILCHIMP);
    await settle();
    answerMailchimp({ result, msg });
    const outcome = await submitting;
    expect(outcome.status).toBe(expected);
    if (outcome.status === 'rejected') expect(outcome.reason).toBe('0 - An email address must contain a single @.');
    expect(readOutbox()).toEqual([]);
  });

  test('"too many recent signup requests", a script that fails to load, no answer in 15 s: kept and retried', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const submitting = submitLead(LEAD, 'mailchimp', MAILCHIMP);
    await settle();
    answerMailchimp({ result: 'error', msg: 'Recipient "ada@example.com" has too many recent signup requests' });
    expect((await submitting).status).toBe('queued');

    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(scripts).toHaveLength(2);
    scripts[1].dispatchEvent(new Event('error')); // offline
    await settle();
    expect(readOutbox()).toEqual([expect.objectContaining({ attempts: 2 })]);

    await vi.advanceTimersByTimeAsync(4_000);
    await settle();
    expect(scripts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(15_000); // stalled: given up, kept
    await settle();
    expect(readOutbox()).toEqual([expect.objectContaining({ attempts: 3 })]);
    // A late answer to a given-up script is ignored (its callback is a no-op now).
    answerMailchimp({ result: 'success', msg: 'Thank you for subscribing!' }, 2);

    await vi.advanceTimersByTimeAsync(8_000);
    await settle();
    answerMailchimp({ result: 'success', msg: 'Thank you for subscribing!' }, 3);
    await settle();
    expect(readOutbox()).toEqual([]);
    expect(
      new Set(scripts.map((script) => mailchimpScript(scripts.indexOf(script)).searchParams.get('EMAIL'))),
    ).toEqual(new Set(['ada@example.com']));
  });

  test('a Content-Security-Policy that blocks list-manage.com: refused at once, not retried forever', async () => {
    const submitting = submitLead(LEAD, 'mailchimp', MAILCHIMP);
    await settle();
    document.dispatchEvent(
      new SecurityPolicyViolationEvent('securitypolicyviolation', {
        blockedURI: mailchimpScript().href,
        violatedDirective: 'script-src-elem',
        effectiveDirective: 'script-src-elem',
        originalPolicy: "script-src 'self'",
        disposition: 'enforce',
        statusCode: 200,
      }),
    );
    expect(await submitting).toMatchObject({
      status: 'rejected',
      reason: "the page's Content-Security-Policy blocks https://shop.us21.list-manage.com",
    });
    expect(readOutbox()).toEqual([]);
  });
});

describe('in the exit pop-up: the words, the code, the attributes', () => {
  async function popup(template: ReturnType<typeof html>): Promise<Popup> {
    const el = await fixture<Popup>(template);
    await el.show();
    await settle(el);
    return el;
  }
  const part = <T extends HTMLElement = HTMLElement>(el: Popup, name: string) =>
    el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

  async function signUp(el: Popup, email = 'ada@example.com'): Promise<void> {
    part<HTMLInputElement>(el, 'email-input')!.value = email;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
    part(el, 'submit')!.click();
    await settle(el);
  }

  test('Klaviyo, double opt-in: "check your inbox" (en, fr), the code at once by default, the event says pending', async () => {
    fetchMock.mockResolvedValue(accepted());
    const events = listenTo(['vitrine-lead'], testPage.cleanups);
    const el = await popup(
      html`<vitrine-exit-popup
        campaign="welcome"
        capture
        code="WELCOME10"
        action="klaviyo"
        public-key="AbC123"
        list="Y6nRLr"
        double-opt-in
      ></vitrine-exit-popup>`,
    );
    await signUp(el);
    expect(el.formState).toBe('pending');
    expect(part(el, 'status')!.textContent).toBe(
      'Almost done: check your inbox and click the link in our e-mail to confirm your sign-up.',
    );
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('WELCOME10');
    expect(events).toEqual([
      {
        type: 'vitrine-lead',
        detail: expect.objectContaining({ email: 'ada@example.com', outcome: 'pending-confirmation' }) as unknown,
      },
    ]);

    el.lang = 'fr';
    await settle(el);
    expect(part(el, 'status')!.textContent).toBe(
      'Presque fini : ouvrez votre boîte de réception et cliquez sur le lien de notre e-mail pour confirmer.',
    );
  });

  test('Klaviyo down (500), then up: "saved", then "check your inbox"; vitrine-lead tells both outcomes, one id', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    fetchMock.mockResolvedValueOnce(status(500)).mockResolvedValueOnce(accepted());
    const events = listenTo(['vitrine-lead'], testPage.cleanups);
    const el = await popup(
      html`<vitrine-exit-popup
        capture
        action="klaviyo"
        public-key="AbC123"
        list="Y6nRLr"
        double-opt-in
      ></vitrine-exit-popup>`,
    );
    await signUp(el);
    expect(el.formState).toBe('saved');
    await vi.advanceTimersByTimeAsync(2_000);
    await until(() => el.formState === 'pending', el);
    expect(part(el, 'status')!.textContent).toBe(
      'Almost done: check your inbox and click the link in our e-mail to confirm your sign-up.',
    );
    const details = events.map((event) => event.detail as LeadMessage);
    expect(details.map((detail) => detail.outcome)).toEqual(['queued', 'pending-confirmation']);
    expect(details[1].id).toBe(details[0].id);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  test('reveal="confirmed": no code in the page while the provider waits for the confirmation', async () => {
    const coupons = record('coupon');
    const el = await popup(
      html`<vitrine-exit-popup
        capture
        code="WELCOME10"
        action="mailchimp"
        form-url=${FORM_URL}
        reveal="confirmed"
      ></vitrine-exit-popup>`,
    );
    const signingUp = signUp(el);
    await settle(el);
    answerMailchimp({ result: 'success', msg: 'Almost finished... We need to confirm your email address.' });
    await signingUp;
    await settle(el);
    expect(el.formState).toBe('pending');
    expect(part(el, 'coupon')).toBeNull();
    expect(coupons).toEqual([]);
  });

  test('a provider’s 400: the shopper reads what to do, the merchant reads Klaviyo’s words in the console', async () => {
    fetchMock.mockResolvedValue(klaviyoError(400, 'Invalid email address'));
    const el = await popup(
      html`<vitrine-exit-popup
        campaign="welcome"
        capture
        code="X"
        action="klaviyo"
        public-key="AbC123"
        list="Y6nRLr"
      ></vitrine-exit-popup>`,
    );
    await signUp(el);
    await until(() => el.formState === 'rejected', el); // Klaviyo's error body is read
    expect(el.formState).toBe('rejected');
    expect(part(el, 'error')!.textContent).toBe('We could not sign up this address. Check it and try again.');
    expect(part(el, 'coupon')).toBeNull();
    expect(testPage.vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-exit-popup campaign="welcome"> klaviyo refused the sign-up (400): Invalid email address',
    ]);
  });

  test.each([
    ['public-key', 'pk_1234567890abcdef1234567890abcdef12'],
    ['public-key', 'xkeysib-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef-AbCdEfGhIjKlMnOp'],
    ['list', 'xkeysib-abc'],
  ])('a private-looking key in %s: one clear warning, nothing sent', async (attribute, key) => {
    const el = await popup(
      html`<vitrine-exit-popup
        campaign="k"
        capture
        action="klaviyo"
        list="Y6nRLr"
        public-key="AbC123"
      ></vitrine-exit-popup>`,
    );
    el.setAttribute(attribute, key);
    await settle(el);
    el.setAttribute('double-opt-in', ''); // read again: still one warning
    await settle(el);
    await signUp(el);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(readOutbox()).toEqual([]);
    expect(testPage.vitrineWarnings()).toEqual([
      `[vitrine] <vitrine-exit-popup campaign="k"> ignored ${attribute}="${key}": expected a PUBLIC key: this is a PRIVATE API key, never to be in a page (revoke it); nothing is sent`,
    ]);
  });

  test.each(['brevo', 'Omnisend'])(
    'action="%s": no browser endpoint to call; the warning points to the webhook way',
    async (name) => {
      const el = await popup(html`<vitrine-exit-popup campaign="b" capture action=${name}></vitrine-exit-popup>`);
      await signUp(el);
      expect(fetchMock).not.toHaveBeenCalled();
      expect(scripts).toEqual([]);
      expect(testPage.vitrineWarnings()).toEqual([
        `[vitrine] <vitrine-exit-popup campaign="b"> ignored action="${name}": expected your webhook's URL: ${name.toLowerCase()} has no browser-side sign-up endpoint (see the README)`,
      ]);
    },
  );

  test('bad provider attributes: one warning each, naming what to copy from where', async () => {
    const klaviyo = await popup(
      html`<vitrine-exit-popup
        campaign="k"
        capture
        action="klaviyo"
        public-key="my key"
        list="?"
      ></vitrine-exit-popup>`,
    );
    klaviyo.publicKey = 'AbC123';
    await settle(klaviyo);
    // One overlay at a time: the second pop-up opens (and renders its form) once the first is closed.
    klaviyo.hide();
    await settle(klaviyo);
    const mailchimp = await popup(
      html`<vitrine-exit-popup
        campaign="m"
        capture
        action="mailchimp"
        form-url="https://example.com/subscribe"
      ></vitrine-exit-popup>`,
    );
    await signUp(mailchimp);
    expect(scripts).toEqual([]);
    expect(testPage.vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-exit-popup campaign="k"> ignored public-key="my key": expected your Klaviyo public API key (Site ID, 6 characters)',
      '[vitrine] <vitrine-exit-popup campaign="k"> ignored list="?": expected the id of a Klaviyo list (Lists & segments → the list → Settings)',
      '[vitrine] <vitrine-exit-popup campaign="m"> ignored form-url="https://example.com/subscribe": expected your Mailchimp embedded form’s action (https://….list-manage.com/subscribe/post?u=…&id=…)',
    ]);
  });

  test('code-endpoint: this lead’s single-use code; on failure the static code, else the shopper is told', async () => {
    fetchMock.mockImplementation((url) =>
      Promise.resolve(
        (url as string) === '/apps/codes'
          ? new Response(JSON.stringify({ code: 'ADA-7Q2X' }), { status: 200 })
          : new Response('{}', { status: 200 }),
      ),
    );
    const coupons = record('coupon');
    const el = await popup(
      html`<vitrine-exit-popup
        campaign="welcome"
        capture
        code="WELCOME10"
        action="/leads"
        code-endpoint="/apps/codes"
      ></vitrine-exit-popup>`,
    );
    await signUp(el);
    await until(() => !!part(el, 'coupon-code'), el);
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('ADA-7Q2X');
    expect(coupons).toEqual([{ code: 'ADA-7Q2X', campaign: 'welcome' }]);
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe('/apps/codes');
    expect(init?.method).toBe('POST');
    const leadId = (JSON.parse(fetchMock.mock.calls[0][1]!.body as string) as { id: string }).id;
    expect(JSON.parse(init!.body as string)).toEqual({ campaign: 'welcome', email: 'ada@example.com', id: leadId });

    newPage();
    fetchMock.mockImplementation((url) =>
      Promise.resolve(new Response('{}', { status: (url as string) === '/apps/codes' ? 503 : 200 })),
    );
    const fallback = await popup(
      html`<vitrine-exit-popup
        campaign="two"
        capture
        code="WELCOME10"
        action="/leads"
        code-endpoint="/apps/codes"
      ></vitrine-exit-popup>`,
    );
    await signUp(fallback);
    await until(() => !!part(fallback, 'coupon-code'), fallback);
    expect(part<HTMLInputElement>(fallback, 'coupon-code')!.value).toBe('WELCOME10');

    newPage();
    const none = await popup(
      html`<vitrine-exit-popup
        campaign="three"
        lang="fr"
        capture
        action="/leads"
        code-endpoint="/apps/codes"
      ></vitrine-exit-popup>`,
    );
    await signUp(none);
    await until(() => !!part(none, 'code-status'), none);
    expect(part(none, 'coupon')).toBeNull();
    expect(part(none, 'code-status')!.textContent).toBe(
      'Votre code n’a pas pu être créé pour l’instant. Contactez-nous et nous vous l’enverrons.',
    );
    expect(testPage.vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-exit-popup campaign="two"> could not get a code from code-endpoint="/apps/codes" (Error: HTTP 503)',
      '[vitrine] <vitrine-exit-popup campaign="three"> could not get a code from code-endpoint="/apps/codes" (Error: HTTP 503)',
    ]);
  });
});

describe('in the wheel', () => {
  test('reveal="confirmed" with a pending sign-up: the prize is announced, its code kept out of the page, also later', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query) =>
        ({
          matches: query.includes('reduce'),
          addEventListener() {},
          removeEventListener() {},
        }) as unknown as MediaQueryList,
    );
    fetchMock.mockResolvedValue(accepted());
    const coupons = record('coupon');
    const template = html`<vitrine-wheel
      campaign="doi"
      capture
      consent="implied"
      action="klaviyo"
      public-key="AbC123"
      list="Y6nRLr"
      double-opt-in
      reveal="confirmed"
      ><vitrine-wheel-segment label="-10 %" code="WHEEL10"></vitrine-wheel-segment
    ></vitrine-wheel>`;
    const el = await fixture<HTMLElementTagNameMap['vitrine-wheel']>(template);
    await settle(el);
    const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
    (part('email-input') as HTMLInputElement).value = 'ada@example.com';
    part('submit')!.click();
    await until(() => el.state === 'won', el);
    expect(part('message')!.textContent).toContain('-10 %');
    expect(part('status')!.textContent).toBe(
      'Almost done: check your inbox and click the link in our e-mail to confirm your sign-up.',
    );
    expect(part('coupon')).toBeNull();
    expect(el.shadowRoot!.textContent).not.toContain('WHEEL10');
    expect(coupons).toEqual([]);

    newPage();
    const later = await fixture<HTMLElementTagNameMap['vitrine-wheel']>(template);
    await settle(later);
    expect(later.state).toBe('won');
    expect(later.shadowRoot!.querySelector('[part~="coupon"]')).toBeNull();
    expect(coupons).toEqual([]);
  });

  test('code-endpoint: the won slice’s code is replaced by this lead’s own; the slice’s code when it fails', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query) =>
        ({
          matches: query.includes('reduce'),
          addEventListener() {},
          removeEventListener() {},
        }) as unknown as MediaQueryList,
    );
    fetchMock.mockImplementation((url) =>
      Promise.resolve(
        new Response(JSON.stringify((url as string) === '/codes' ? { code: 'SPIN-9K' } : {}), { status: 200 }),
      ),
    );
    const el = await fixture<HTMLElementTagNameMap['vitrine-wheel']>(
      html`<vitrine-wheel campaign="spin" code-endpoint="/codes"
        ><vitrine-wheel-segment label="-10 %" code="WHEEL10"></vitrine-wheel-segment
      ></vitrine-wheel>`,
    );
    await settle(el);
    const result = el.spin();
    await settle(el);
    for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
    expect(await result).toEqual({ label: '-10 %', code: 'SPIN-9K' });
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({
      campaign: 'spin',
      email: null,
      label: '-10 %',
      code: 'WHEEL10',
    });

    newPage();
    clearStored();
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const offline = await fixture<HTMLElementTagNameMap['vitrine-wheel']>(
      html`<vitrine-wheel campaign="spin2" code-endpoint="/codes"
        ><vitrine-wheel-segment label="-10 %" code="WHEEL10"></vitrine-wheel-segment
      ></vitrine-wheel>`,
    );
    await settle(offline);
    const fallback = offline.spin();
    await settle(offline);
    for (const animation of offline.shadowRoot!.getAnimations()) animation.finish();
    expect(await fallback).toEqual({ label: '-10 %', code: 'WHEEL10' });
    expect(testPage.vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-wheel campaign="spin2"> could not get a code from code-endpoint="/codes" (TypeError: Failed to fetch)',
    ]);
  });
});
