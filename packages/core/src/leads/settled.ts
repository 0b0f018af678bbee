/**
 * What the lead form needs of the outbox before the outbox itself (a lazy chunk, fetched only by a
 * form with `capture` or a page whose storage holds a lead to send): where the outbox is stored,
 * whether anything waits there, and who to tell when a queued lead settles. The outbox imports it;
 * it imports nothing of the outbox.
 */
import { storage } from '../storage.js';
import type { DeliveryOutcome, OutboxEntry } from './delivery.js';

/** Outside any campaign's keys, so `reset(campaign)` never drops a lead. */
export const OUTBOX_KEY = 'outbox:leads';

/** Listeners told when a queued entry is finally delivered or rejected (the widget that took it). */
const settledListeners = new Set<(id: string, outcome: DeliveryOutcome) => void>();

/** The entries this browser keeps, valid ones only. */
export function readOutbox(): OutboxEntry[] {
  const entries = storage.get<OutboxEntry[]>(OUTBOX_KEY);
  return Array.isArray(entries) ? entries.filter((entry) => entry && typeof entry.id === 'string' && entry.lead) : [];
}

/** Tells `listener` when a queued lead is finally delivered or refused; returns the unsubscribe function. */
export function onLeadSettled(listener: (id: string, outcome: DeliveryOutcome) => void): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

/** A new idempotency key (one per submission). */
export function newLeadId(): string {
  try {
    return crypto.randomUUID();
  } catch {
    // Outside a secure context randomUUID is missing; the random bytes are not.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }
}

/**
 * Keeps a lead for the next page when the outbox chunk could not be fetched to send it (offline at
 * the sign-up, and since the page loaded): the next page's form or pop-up delivers it under this id.
 */
export function keepLead(entry: Omit<OutboxEntry, 'id' | 'attempts' | 'retryAt'>): string {
  const id = newLeadId();
  // One attempt counted (it failed): the page that delivers it tells the bus how it ended, as for any queued lead.
  storage.set(OUTBOX_KEY, [...readOutbox(), { ...entry, id, attempts: 1, retryAt: 0 }]);
  return id;
}

/** Called by the outbox as a queued entry settles. */
export function leadSettled(id: string, outcome: DeliveryOutcome): void {
  for (const listener of settledListeners) listener(id, outcome);
}
