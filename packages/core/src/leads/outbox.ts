/**
 * A lead is never lost and never delivered twice. Submitting writes the lead to a durable
 * outbox in storage FIRST, then delivers it; a failure (offline, 5xx, 429) leaves it there
 * and retries with backoff in this page view, and again on the next page load, always with
 * the same id (`Idempotency-Key` header and `id` field), until a 2xx answers. A 4xx other
 * than 408/429 is final: the shopper is told what to fix, and the entry is dropped.
 *
 * Actions: a URL (POST JSON of the lead payload plus `id`), `shopify` (Shopify's customer
 * newsletter form: `POST {root}contact`, `form_type=customer`, `contact[email]`,
 * `contact[tags]=newsletter,<campaign>`), or an e-mail tool's public endpoint (`klaviyo.ts`,
 * `mailchimp.ts`: each a lazy chunk, imported at the first delivery to it). Those take no
 * idempotency key, so the outbox keeps one entry per address, campaign and destination: a second
 * submission joins the first rather than sending again.
 *
 * Shopify's form answers every post with a redirect: to the page with `customer_posted=true` when
 * the customer was recorded, to `/challenge` (a captcha) when the post looks automated, or back to
 * the form with its errors. fetch follows the redirect and sees a 200 in every case, so only the
 * `customer_posted=true` landing counts as delivered; anything else is `unconfirmed`: nothing was
 * recorded, the entry leaves the outbox (a retry by fetch would meet the same captcha), and the
 * shopper finishes on Shopify's own page through `submitNatively`.
 *
 * A chunk of its own in the script-tag build: fetched by a form with `capture` as it appears, or by
 * a page whose storage holds a lead an earlier page left (settled.ts tells); a pop-up without
 * `capture` on a page with nothing waiting never downloads it.
 */
import { getBus, type LeadMessage } from '../bus.js';
import { shopify } from '../consent.js';
import { timeTravelling } from '../now.js';
import { storage } from '../storage.js';
import {
  answerOf,
  leadOutcome,
  type DeliveryAnswer,
  type DeliveryOutcome,
  type LeadAdapter,
  type LeadDestination,
  type LeadProvider,
  type OutboxEntry,
} from './delivery.js';
import { leadSettled, newLeadId, OUTBOX_KEY, readOutbox } from './settled.js';

/** Each provider's adapter, fetched at its first delivery (a page that never sends to it never downloads it). */
const ADAPTERS: Record<LeadProvider, () => Promise<LeadAdapter>> = {
  klaviyo: () => import('./klaviyo.js').then((module) => module.deliver),
  mailchimp: () => import('./mailchimp.js').then((module) => module.deliver),
};

const REQUEST_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Even a server that answers `Retry-After: 0` again and again is not called in a tight loop. */
const MIN_BACKOFF_MS = 1_000;

/** Entries being sent now by this page: a flush never sends one twice at once. */
const inFlight = new Set<string>();
const retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
function writeOutbox(entries: OutboxEntry[]): void {
  if (entries.length) storage.set(OUTBOX_KEY, entries);
  else storage.remove(OUTBOX_KEY);
}

function updateEntry(id: string, change: (entry: OutboxEntry) => OutboxEntry | null): void {
  const entries: OutboxEntry[] = [];
  for (const entry of readOutbox()) {
    if (entry.id !== id) entries.push(entry);
    else {
      const next = change(entry);
      if (next) entries.push(next);
    }
  }
  writeOutbox(entries);
}

function backoff(attempts: number, retryAfterHeader: string | null): number {
  const retryAfterSeconds = Number(retryAfterHeader);
  if (retryAfterHeader && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return Math.min(Math.max(retryAfterSeconds * 1000, MIN_BACKOFF_MS), MAX_BACKOFF_MS);
  }
  const retryAfterDate = retryAfterHeader ? Date.parse(retryAfterHeader) : NaN;
  if (Number.isFinite(retryAfterDate))
    return Math.min(Math.max(MIN_BACKOFF_MS, retryAfterDate - Date.now()), MAX_BACKOFF_MS);
  // 2 s, 4 s, 8 s … up to 5 minutes, with a little jitter so many shoppers do not retry in step.
  return Math.min(2_000 * 2 ** (attempts - 1), MAX_BACKOFF_MS) * (0.85 + Math.random() * 0.3);
}

/** Shopify's customer newsletter form for a lead: where it posts, and its fields. */
function shopifyContactForm(lead: LeadMessage): { url: string; fields: Record<string, string> } {
  const root = shopify()?.routes?.root ?? '/';
  return {
    url: `${root.endsWith('/') ? root : `${root}/`}contact`,
    fields: {
      form_type: 'customer',
      utf8: '✓',
      'contact[email]': lead.email,
      'contact[tags]': `newsletter,${lead.campaign}`,
    },
  };
}

/** Shopify's answer to its contact form when the customer was recorded (the redirect's landing URL). */
const SHOPIFY_POSTED = /[?&]customer_posted=true(?:[&#]|$)/;

/**
 * The shopper's way to finish a sign-up Shopify did not confirm: the same form, posted by the
 * browser itself (a navigation), so Shopify can show its captcha or its errors and then bring the
 * shopper back to this page (`return_to`).
 */
export function submitNatively(lead: LeadMessage): void {
  const { url, fields } = shopifyContactForm(lead);
  const form = document.createElement('form');
  form.method = 'post';
  form.action = url;
  form.hidden = true;
  for (const [name, value] of Object.entries({ ...fields, return_to: location.pathname + location.search })) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

/** One attempt: the provider's adapter, Shopify's form, or the merchant's URL; its answer, read. */
async function attempt(entry: OutboxEntry): Promise<DeliveryAnswer> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = setTimeout(() => controller?.abort(), REQUEST_TIMEOUT_MS);
  try {
    if (entry.destination) {
      const load = ADAPTERS[entry.destination.provider];
      // Left by another version of Vitrine that knew this provider: nothing here can send it.
      if (!load) return { status: 'rejected', httpStatus: 0, reason: `unknown provider ${entry.destination.provider}` };
      return await (
        await load()
      )(entry, controller?.signal);
    }
    if (entry.action === 'shopify') {
      const { url, fields } = shopifyContactForm(entry.lead);
      const response = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams(fields),
        headers: { Accept: 'text/html,application/json' },
        credentials: 'same-origin',
        keepalive: true,
        signal: controller?.signal,
      });
      return response.ok && !SHOPIFY_POSTED.test(response.url)
        ? { status: 'unconfirmed', url: response.url }
        : answerOf(response);
    }
    return answerOf(
      await fetch(entry.action, {
        method: 'POST',
        body: JSON.stringify({ id: entry.id, ...entry.lead }),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.id },
        keepalive: true,
        signal: controller?.signal,
      }),
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Sends one entry now (unless it is being sent already) and settles the outbox accordingly. */
export async function deliver(entry: OutboxEntry): Promise<DeliveryOutcome> {
  if (inFlight.has(entry.id)) return { status: 'queued', retryAt: entry.retryAt };
  inFlight.add(entry.id);
  clearTimeout(retryTimers.get(entry.id));
  retryTimers.delete(entry.id);
  let answer: DeliveryAnswer;
  try {
    answer = await attempt(entry);
  } catch {
    // Offline, DNS, CORS, timeout, an adapter's chunk that did not load: nothing was confirmed, so it is kept.
    answer = { status: 'retry', retryAfter: null };
  } finally {
    inFlight.delete(entry.id);
  }
  const outcome: DeliveryOutcome =
    answer.status === 'retry'
      ? { status: 'queued', retryAt: Date.now() + backoff(entry.attempts + 1, answer.retryAfter) }
      : answer;
  if (outcome.status === 'queued') {
    const retryAt = outcome.retryAt;
    updateEntry(entry.id, (stored) => ({ ...stored, attempts: stored.attempts + 1, retryAt }));
    scheduleRetry(entry.id, retryAt);
  } else {
    updateEntry(entry.id, () => null);
    // A lead that waited in the outbox: the merchant's code hears how it ended (the first outcome is submitLead's).
    if (entry.attempts > 0 && outcome.status !== 'unconfirmed')
      getBus().publish('lead', { ...entry.lead, id: entry.id, outcome: leadOutcome(outcome) });
    leadSettled(entry.id, outcome);
  }
  return outcome;
}

function scheduleRetry(id: string, retryAt: number): void {
  clearTimeout(retryTimers.get(id));
  const retry = () => {
    retryTimers.delete(id);
    const entry = readOutbox().find((candidate) => candidate.id === id);
    if (entry) void deliver(entry);
  };
  retryTimers.set(id, setTimeout(retry, Math.max(0, retryAt - Date.now())));
  watchOnline();
}

let watchingOnline = false;

/** Back online: send what is waiting at once rather than after its backoff. */
function watchOnline(): void {
  if (watchingOnline) return;
  watchingOnline = true;
  globalThis.addEventListener?.('online', () => {
    for (const entry of readOutbox()) void deliver(entry);
  });
}

/**
 * Writes the lead to the outbox, then delivers it. The outcome tells the widget what to say:
 * delivered, waiting for the shopper's confirmation, saved and retried later, or refused. With a
 * provider (`destination`), an entry already waiting for the same address and campaign is sent
 * instead of a second one: those endpoints take no idempotency key.
 */
export async function submitLead(
  lead: LeadMessage,
  action: string,
  destination?: LeadDestination,
): Promise<DeliveryOutcome & { id: string }> {
  const email = lead.email.toLowerCase();
  const waiting = destination
    ? readOutbox().find(
        (entry) =>
          entry.action === action && entry.lead.campaign === lead.campaign && entry.lead.email.toLowerCase() === email,
      )
    : undefined;
  const entry: OutboxEntry = waiting ?? { id: newLeadId(), lead, action, attempts: 0, retryAt: 0 };
  if (destination && !waiting) entry.destination = destination;
  // A time-travel preview never queues nor sends a lead (the form itself says so before calling here).
  if (timeTravelling()) return { status: 'delivered', id: entry.id };
  if (!waiting) writeOutbox([...readOutbox(), entry]);
  const outcome = await deliver(entry);
  // Every outcome goes on the bus (the merchant's code reacts to it), but a sign-up Shopify did not take.
  if (outcome.status !== 'unconfirmed')
    getBus().publish('lead', { ...lead, id: entry.id, outcome: leadOutcome(outcome) });
  return { ...outcome, id: entry.id };
}

let flushedThisPage = false;

/** Sends what earlier page views left in the outbox; once per page load, whichever widget asks first. */
export function flushOutboxOnce(): void {
  // A time-travel preview sends nothing, not even what an earlier visit left.
  if (flushedThisPage || timeTravelling()) return;
  flushedThisPage = true;
  for (const entry of readOutbox()) void deliver(entry);
}

/** For tests: as a new page load (forget timers and the once-per-page flush). */
export function resetOutboxRuntime(): void {
  flushedThisPage = false;
  for (const timer of retryTimers.values()) clearTimeout(timer);
  retryTimers.clear();
  inFlight.clear();
}
