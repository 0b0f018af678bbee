/**
 * The lead pipeline in real Chromium: the durable outbox (written first, retried with backoff
 * and on the next page load, one Idempotency-Key per submission, delivered exactly once), the
 * email form (validation, consent, the truth about what happened) and the coupon's copy button.
 * `fetch` is stubbed; time is fake where backoff matters.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { clearStored, recordTopic } from '../support/recorders.js';
import { useTestPage } from '../support/fixture.js';
import { fixture, html } from '@open-wc/testing-helpers';
import { html as litHtml } from 'lit';
import {
  CouponController,
  LeadCaptureController,
  VitrineElement,
  couponStyles,
  deliver,
  flushOutboxOnce,
  forgetMemory,
  isValidEmail,
  leadFormStyles,
  loadOutbox,
  onLeadSettled,
  readOutbox,
  resetOutboxRuntime,
  submitLead,
  type DeliveryOutcome,
  type LeadMessage,
} from '@vitrine/core';

class TestLeadForm extends VitrineElement {
  static override styles = [leadFormStyles, couponStyles];
  endpoint: string | null = '/api/leads';
  wording: string | null = null;
  implied = false;
  accepted: Array<{ lead: LeadMessage; outcome: DeliveryOutcome }> = [];
  capture: LeadCaptureController = new LeadCaptureController(this, {
    action: () => this.endpoint,
    consentText: () => this.wording,
    consentImplied: () => this.implied,
    onAccepted: (lead, outcome) => this.accepted.push({ lead, outcome }),
  });
  coupon: CouponController = new CouponController(this);

  override render() {
    return litHtml`<h2>Join us</h2>${this.capture.render()}${this.coupon.render('WELCOME10')}`;
  }
}
if (!customElements.get('test-lead-form')) customElements.define('test-lead-form', TestLeadForm);

// A pop-up with `capture` fetches the outbox's chunk as it appears (PopupElement); this bare form's
// page has it from the start, so that a sign-up settles within the microtasks the tests let run.
beforeAll(() => loadOutbox());

const LEAD: LeadMessage = {
  email: 'ada@example.com',
  consent: true,
  consentText: 'I agree to receive emails.',
  campaign: 'newsletter',
  widget: 'exit-popup',
  url: 'https://shop.example/products/tea',
  at: '2026-11-27T09:00:00.000Z',
};

const ok = () => new Response('{}', { status: 200 });
/** Shopify's contact form once the customer is recorded: its redirect lands on `?customer_posted=true`. */
const posted = () =>
  Object.defineProperty(new Response('', { status: 200 }), 'url', {
    value: 'https://shop.example/?customer_posted=true',
  });
const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers });

let fetchMock: Mock<typeof fetch>;

/** What was sent: URL, headers and body of each request. */
function requests() {
  return fetchMock.mock.calls.map(([url, init]) => ({
    url: url as string,
    method: init?.method,
    headers: (init?.headers ?? {}) as Record<string, string>,
    body: init?.body,
  }));
}
const keys = () => requests().map((request) => request.headers['Idempotency-Key']);
const bodies = () => requests().map((request) => JSON.parse(request.body as string) as LeadMessage & { id: string });

/** Messages of a bus topic published from now on. */
const record = <T extends 'lead' | 'track'>(topic: T) => recordTopic(topic, testPage.cleanups);

/** As a new page load: memory and timers forgotten, only what storage kept remains. */
function reloadPage(): void {
  forgetMemory();
  resetOutboxRuntime();
}

/** Lets the promise chains of a delivery run (no timer moves). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await Promise.resolve();
}

const testPage = useTestPage({
  reset: () => {
    Reflect.deleteProperty(window, 'Shopify');
    clearStored();
    reloadPage();
  },
});

beforeEach(() => {
  clearStored();
  reloadPage();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  // No warning at all here, not even one of Vitrine's own.
  expect(testPage.warn.mock.calls.map((call) => String(call[0]))).toEqual([]);
});

describe('the outbox', () => {
  test('a 2xx: POST JSON of the lead with its id, the same id as Idempotency-Key; the outbox is empty after', async () => {
    fetchMock.mockResolvedValueOnce(ok());
    const leads = record('lead');
    const outcome = await submitLead(LEAD, 'https://crm.example/leads');

    expect(outcome.status).toBe('delivered');
    const [request] = requests();
    expect(request.url).toBe('https://crm.example/leads');
    expect(request.method).toBe('POST');
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(request.headers['Idempotency-Key']).toBe(outcome.id);
    expect(bodies()[0]).toEqual({ id: outcome.id, ...LEAD });
    expect(readOutbox()).toEqual([]);
    expect(leads).toEqual([{ ...LEAD, id: outcome.id, outcome: 'delivered' }]);
  });

  test('written to storage before it is sent: a tab closed mid-request loses nothing', async () => {
    let seenWhileSending: unknown;
    fetchMock.mockImplementationOnce(() => {
      seenWhileSending = JSON.parse(localStorage.getItem('vitrine:outbox:leads') ?? 'null');
      return Promise.resolve(ok());
    });
    await submitLead(LEAD, '/api/leads');
    expect(seenWhileSending).toEqual([expect.objectContaining({ lead: LEAD, action: '/api/leads', attempts: 0 })]);
  });

  test('503, 503, then 200: retried with growing backoff, delivered exactly once, one key throughout', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // no jitter: 2 s, then 4 s
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(status(503)).mockResolvedValueOnce(ok());
    const settled = vi.fn();
    testPage.cleanups.push(onLeadSettled(settled));

    const outcome = await submitLead(LEAD, '/api/leads');
    expect(outcome.status).toBe('queued');
    expect(readOutbox()).toEqual([expect.objectContaining({ id: outcome.id, attempts: 1 })]);

    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(readOutbox()).toEqual([expect.objectContaining({ attempts: 2 })]);
    await vi.advanceTimersByTimeAsync(3999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);

    expect(keys()).toEqual([outcome.id, outcome.id, outcome.id]);
    expect(readOutbox()).toEqual([]);
    expect(settled).toHaveBeenLastCalledWith(outcome.id, { status: 'delivered' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  test('429 with Retry-After (seconds or a date) waits that long; Retry-After: 0 still waits a second', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T09:00:00Z') });
    fetchMock
      .mockResolvedValueOnce(status(429, { 'Retry-After': '30' }))
      .mockResolvedValueOnce(status(503, { 'Retry-After': 'Fri, 27 Nov 2026 09:01:30 GMT' }))
      .mockResolvedValueOnce(status(503, { 'Retry-After': '0' }))
      .mockResolvedValueOnce(ok());
    await submitLead(LEAD, '/api/leads');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // Now 09:00:30; the date says 09:01:30.
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(readOutbox()).toEqual([]);
  });

  test('a 4xx is final: rejected with its status, dropped, never retried, published as refused', async () => {
    vi.useFakeTimers();
    fetchMock.mockResolvedValue(status(422));
    const leads = record('lead');
    const outcome = await submitLead(LEAD, '/api/leads');
    expect(outcome).toEqual({ status: 'rejected', httpStatus: 422, id: expect.any(String) as string });
    expect(readOutbox()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(leads).toEqual([{ ...LEAD, id: outcome.id, outcome: 'refused' }]);
  });

  test('408 (timeout) and 5xx are kept and retried', async () => {
    fetchMock.mockResolvedValueOnce(status(408)).mockResolvedValueOnce(status(500));
    expect((await submitLead(LEAD, '/a')).status).toBe('queued');
    expect((await submitLead({ ...LEAD, email: 'grace@example.com' }, '/a')).status).toBe('queued');
    expect(readOutbox()).toHaveLength(2);
  });

  test('offline (fetch rejects): kept, and sent at once when the browser is back online', async () => {
    vi.useFakeTimers();
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(ok());
    const leads = record('lead');
    const outcome = await submitLead(LEAD, '/api/leads');
    expect(outcome.status).toBe('queued');
    // Accepted: the shopper is told it is saved, the merchant's code hears of it.
    expect(leads).toEqual([{ ...LEAD, id: outcome.id, outcome: 'queued' }]);

    window.dispatchEvent(new Event('online'));
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(readOutbox()).toEqual([]);
    expect(keys()).toEqual([outcome.id, outcome.id]);
    // …and again once it is delivered, with the same id.
    expect(leads).toEqual([
      { ...LEAD, id: outcome.id, outcome: 'queued' },
      { ...LEAD, id: outcome.id, outcome: 'delivered' },
    ]);
  });

  test('a request that hangs is given up after 15 s and kept', async () => {
    vi.useFakeTimers();
    fetchMock.mockImplementationOnce(
      (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const submitting = submitLead(LEAD, '/api/leads');
    await vi.advanceTimersByTimeAsync(15_000);
    expect((await submitting).status).toBe('queued');
    expect(readOutbox()).toHaveLength(1);
  });

  test('a page reloaded between attempts sends it again with the same key, and it is delivered exactly once', async () => {
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(status(503)).mockResolvedValueOnce(ok());
    const { id } = await submitLead(LEAD, '/api/leads');

    reloadPage();
    flushOutboxOnce();
    flushOutboxOnce(); // a second widget on the same page: no second request
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);

    reloadPage();
    flushOutboxOnce();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(keys()).toEqual([id, id, id]);
    expect(bodies().map((body) => body.id)).toEqual([id, id, id]);
    expect(readOutbox()).toEqual([]);

    reloadPage();
    flushOutboxOnce();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    const deliveries = await Promise.all(fetchMock.mock.results.map((result) => result.value as Promise<Response>));
    expect(deliveries.filter((response) => response.ok)).toHaveLength(1);
  });

  test('the same entry is never sent twice at once (a retry and a flush that meet)', async () => {
    let answer!: (response: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const submitting = submitLead(LEAD, '/api/leads');
    const [entry] = readOutbox();
    expect(await deliver(entry)).toEqual({ status: 'queued', retryAt: 0 });
    answer(ok());
    expect((await submitting).status).toBe('delivered');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test('storage that throws (private mode): nothing lost within the page view, delivered once', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(status(503)).mockResolvedValueOnce(ok());

    const { status: first, id } = await submitLead(LEAD, '/api/leads');
    expect(first).toBe('queued');
    expect(readOutbox()).toEqual([expect.objectContaining({ id })]);
    await vi.advanceTimersByTimeAsync(2_000 + 4_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(keys()).toEqual([id, id, id]);
    expect(readOutbox()).toEqual([]);
  });

  test('shopify: POST {root}contact as the customer newsletter form', async () => {
    fetchMock.mockResolvedValue(posted());
    await submitLead(LEAD, 'shopify');
    (window as unknown as { Shopify: unknown }).Shopify = { routes: { root: '/fr' } };
    await submitLead(LEAD, 'shopify');

    const [plain, localized] = requests();
    expect(plain.url).toBe('/contact');
    expect(localized.url).toBe('/fr/contact');
    expect(plain.method).toBe('POST');
    const form = Object.fromEntries(plain.body as URLSearchParams);
    expect(form).toEqual({
      form_type: 'customer',
      utf8: '✓',
      'contact[email]': 'ada@example.com',
      'contact[tags]': 'newsletter,newsletter',
    });
    expect(fetchMock.mock.calls[0][1]?.credentials).toBe('same-origin');
  });

  test('shopify: only its "customer posted" landing is a delivery; any other answer is unconfirmed and not kept', async () => {
    const landing = (url: string) => Object.defineProperty(new Response('', { status: 200 }), 'url', { value: url });
    const leads = record('lead');
    fetchMock.mockResolvedValueOnce(landing('https://shop.example/challenge'));
    expect(await submitLead(LEAD, 'shopify')).toMatchObject({
      status: 'unconfirmed',
      url: 'https://shop.example/challenge',
    });
    // The form shown again (its errors), or a plain 200: not recorded either.
    fetchMock.mockResolvedValueOnce(landing('https://shop.example/contact#contact_form'));
    expect((await submitLead(LEAD, 'shopify')).status).toBe('unconfirmed');
    fetchMock.mockResolvedValueOnce(ok());
    expect((await submitLead(LEAD, 'shopify')).status).toBe('unconfirmed');
    expect(readOutbox()).toEqual([]);
    expect(leads).toEqual([]);
    fetchMock.mockResolvedValueOnce(landing('https://shop.example/pages/x?customer_posted=true#contact_form'));
    expect((await submitLead(LEAD, 'shopify')).status).toBe('delivered');
    expect(leads).toHaveLength(1);
  });
});

describe('isValidEmail', () => {
  test.each([
    ['ada@example.com', true],
    ['  ada.lovelace+shop@mail.example.co.uk  ', true],
    ['name@example.xn--p1ai', true],
    ['a@b', false],
    ['ada@example', false],
    ['ada example@example.com', false],
    ['ada@@example.com', false],
    ['@example.com', false],
    ['ada@-example.com', false],
    ['', false],
    [`${'a'.repeat(250)}@example.com`, false],
  ])('%s → %s', (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });
});

describe('the email form', () => {
  const part = (host: TestLeadForm, name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  const emailInput = (host: TestLeadForm) => part(host, 'email-input') as HTMLInputElement;
  const checkbox = (host: TestLeadForm) => host.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]');
  const focused = (host: TestLeadForm) => host.shadowRoot!.activeElement;

  async function form(attributes: Partial<Pick<TestLeadForm, 'endpoint' | 'wording' | 'implied' | 'preview'>> = {}) {
    const host = await fixture<TestLeadForm>(html`<test-lead-form campaign="newsletter"></test-lead-form>`);
    Object.assign(host, attributes);
    host.requestUpdate();
    await host.updateComplete;
    return host;
  }

  /** Types, ticks and presses the button, as a shopper would. */
  async function signUp(host: TestLeadForm, email: string, tick = true): Promise<void> {
    emailInput(host).value = email;
    if (checkbox(host)) checkbox(host)!.checked = tick;
    part(host, 'submit')!.click();
    await settle();
    await host.updateComplete;
  }

  test('an invalid email: a clear inline error, the field marked invalid and focused, nothing sent', async () => {
    const host = await form();
    await signUp(host, 'ada@example');
    expect(host.capture.state).toBe('invalid-email');
    expect(part(host, 'error')!.textContent).toBe('Enter a valid email address, like name@example.com.');
    expect(part(host, 'error')!.getAttribute('role')).toBe('alert');
    expect(emailInput(host).getAttribute('aria-invalid')).toBe('true');
    expect(emailInput(host).getAttribute('aria-describedby')).toBe(part(host, 'error')!.id);
    expect(focused(host)).toBe(emailInput(host));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('consent is an unticked checkbox: refused without it, with the box focused; the merchant’s wording shown', async () => {
    const host = await form({ wording: 'Yes, send me the Tea Club letter.' });
    expect(checkbox(host)!.checked).toBe(false);
    expect(part(host, 'consent')!.textContent).toContain('Yes, send me the Tea Club letter.');
    await signUp(host, 'ada@example.com', false);
    expect(host.capture.state).toBe('consent-missing');
    expect(part(host, 'error')!.textContent).toBe('Tick the box to agree before you sign up.');
    expect(focused(host)).toBe(checkbox(host));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('consent="implied": no checkbox, the wording is shown and recorded', async () => {
    fetchMock.mockResolvedValue(ok());
    const host = await form({ implied: true });
    expect(checkbox(host)).toBeNull();
    expect(part(host, 'consent')!.textContent).toBe(
      'By signing up you agree to receive our emails. You can unsubscribe at any time.',
    );
    await signUp(host, 'ada@example.com');
    expect(host.capture.state).toBe('success');
    expect(bodies()[0].consentText).toBe(
      'By signing up you agree to receive our emails. You can unsubscribe at any time.',
    );
  });

  test('signed up: the lead (the proof of consent) on the bus, in vitrine-lead and tracked once; the outcome focused', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T09:00:00Z') });
    fetchMock.mockResolvedValue(ok());
    const host = await form({ wording: 'Yes, send me the Tea Club letter.' });
    const leads = record('lead');
    const tracks = record('track');
    const events: LeadMessage[] = [];
    document.addEventListener('vitrine-lead', (event) => events.push((event as CustomEvent<LeadMessage>).detail), {
      once: true,
    });

    await signUp(host, '  ada@example.com ');

    const lead: LeadMessage = {
      email: 'ada@example.com',
      consent: true,
      consentText: 'Yes, send me the Tea Club letter.',
      campaign: 'newsletter',
      widget: 'test-lead-form',
      url: location.href,
      at: '2026-11-27T09:00:00.000Z',
    };
    expect(host.capture.state).toBe('success');
    expect(part(host, 'form')).toBeNull();
    expect(part(host, 'status')!.textContent).toBe('Thank you, you are signed up!');
    expect(focused(host)).toBe(part(host, 'status'));
    const told = { ...lead, id: bodies()[0].id, outcome: 'delivered' };
    expect(leads).toEqual([told]);
    expect(events).toEqual([told]);
    expect(tracks).toEqual([{ action: 'convert', widget: 'test-lead-form', campaign: 'newsletter' }]);
    expect(host.accepted).toEqual([
      { lead, outcome: expect.objectContaining({ status: 'delivered' }) as DeliveryOutcome },
    ]);
    expect(bodies()[0]).toEqual({ id: expect.any(String) as string, ...lead });
  });

  test('offline: "saved, we will confirm" rather than an error; then "signed up" once delivered', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(ok());
    const host = await form();
    await signUp(host, 'ada@example.com');
    expect(host.capture.state).toBe('saved');
    expect(part(host, 'status')!.textContent).toBe(
      'Saved! We will confirm your sign-up as soon as the connection is back.',
    );
    expect(host.accepted).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(2_000);
    await host.updateComplete;
    expect(host.capture.state).toBe('success');
    expect(part(host, 'status')!.textContent).toBe('Thank you, you are signed up!');
  });

  test('a 4xx: an error the shopper can act on, the address kept in the field to fix it', async () => {
    fetchMock.mockResolvedValue(status(422));
    const host = await form();
    await signUp(host, 'ada@example.com');
    expect(host.capture.state).toBe('rejected');
    expect(part(host, 'error')!.textContent).toBe('We could not sign up this address. Check it and try again.');
    expect(emailInput(host).value).toBe('ada@example.com');
    expect(emailInput(host).getAttribute('aria-invalid')).toBe('true');
    expect(host.accepted).toEqual([]);
  });

  test('a second press while sending sends nothing more', async () => {
    let answer!: (response: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const host = await form();
    emailInput(host).value = 'ada@example.com';
    checkbox(host)!.checked = true;
    part(host, 'submit')!.click();
    await host.updateComplete;
    expect(host.capture.state).toBe('submitting');
    expect(part(host, 'submit')!.getAttribute('aria-disabled')).toBe('true');
    expect(part(host, 'submit')!.textContent.trim()).toBe('Sending…');
    part(host, 'submit')!.click();
    answer(ok());
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(host.capture.state).toBe('success');
  });

  test('without an action the lead goes to the bus and the DOM event only', async () => {
    const host = await form({ endpoint: null });
    const leads = record('lead');
    await signUp(host, 'ada@example.com');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(leads).toHaveLength(1);
    expect(host.capture.state).toBe('success');
  });

  test('preview: nothing sent, stored, published or fired; the shopper’s view (and the code) still shown', async () => {
    const host = await form({ preview: true });
    const leads = record('lead');
    const events = vi.fn();
    host.addEventListener('vitrine-lead', events);
    await signUp(host, 'ada@example.com');
    expect(host.capture.state).toBe('success');
    expect(host.accepted).toHaveLength(1);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(leads).toEqual([]);
    expect(events).not.toHaveBeenCalled();
    expect(localStorage.getItem('vitrine:outbox:leads')).toBeNull();
  });

  test('a form on a new page sends what an earlier page left in the outbox (not in preview)', async () => {
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(ok());
    const { id } = await submitLead(LEAD, '/api/leads');
    reloadPage();
    await fixture(html`<test-lead-form preview></test-lead-form>`);
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await fixture(html`<test-lead-form></test-lead-form>`);
    await settle();
    expect(keys()).toEqual([id, id]);
    expect(readOutbox()).toEqual([]);
  });

  test('French texts with lang="fr"', async () => {
    const host = await fixture<TestLeadForm>(html`<test-lead-form lang="fr"></test-lead-form>`);
    expect(part(host, 'email-label')!.textContent).toBe('Adresse e-mail');
    expect(part(host, 'submit')!.textContent.trim()).toBe('Je m’inscris');
  });
});

describe('the coupon', () => {
  const part = (host: TestLeadForm, name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

  test('copies the code with the Clipboard API and says so, for 4 s', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    vi.useFakeTimers();
    const host = await fixture<TestLeadForm>(html`<test-lead-form></test-lead-form>`);
    expect((part(host, 'coupon-code') as HTMLInputElement).value).toBe('WELCOME10');
    expect(part(host, 'copy-button')!.getAttribute('aria-label')).toBe('Copy the code WELCOME10');
    part(host, 'copy-button')!.click();
    await settle();
    await host.updateComplete;
    expect(writeText).toHaveBeenCalledWith('WELCOME10');
    expect(part(host, 'copy-status')!.textContent).toBe('Code copied');
    vi.advanceTimersByTime(4000);
    await host.updateComplete;
    expect(part(host, 'copy-status')!.textContent).toBe('');
  });

  test('where copying is refused, the code is selected and the shopper told how to copy it', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({
      writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    } as unknown as Clipboard);
    const host = await fixture<TestLeadForm>(html`<test-lead-form></test-lead-form>`);
    part(host, 'copy-button')!.click();
    await settle();
    await host.updateComplete;
    const field = part(host, 'coupon-code') as HTMLInputElement;
    expect(host.shadowRoot!.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'WELCOME10'.length]);
    expect(part(host, 'copy-status')!.textContent).toBe('Code selected: press Ctrl+C (or ⌘C) to copy it.');
  });
});
