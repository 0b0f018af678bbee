/**
 * What the widget tests listen to, in one place: bus messages, DOM events, and Vitrine's stored
 * keys. Each recorder hands its undo to the test's `cleanups` list, run in `afterEach`.
 */
import { getBus, type Topic, type Topics } from '@vitrine/core';

/** Messages of a bus topic published from now on (a sticky topic's replay is the past). */
export function recordTopic<T extends Topic>(topic: T, cleanups: Array<() => void>): Array<Topics[T]> {
  const messages: Array<Topics[T]> = [];
  let replaying = true;
  const unsubscribe = getBus().subscribe(topic, (message) => {
    if (!replaying) messages.push(message);
  });
  replaying = false;
  cleanups.push(unsubscribe);
  return messages;
}

/** DOM events of the given names, in order, from the document. */
export function listenTo(names: string[], cleanups: Array<() => void>): Array<{ type: string; detail: unknown }> {
  const events: Array<{ type: string; detail: unknown }> = [];
  for (const name of names) {
    const listener = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
    document.addEventListener(name, listener);
    cleanups.push(() => document.removeEventListener(name, listener));
  }
  return events;
}

/** Forgets every `vitrine:` key of local and session storage. */
export function clearStored(): void {
  for (const store of [localStorage, sessionStorage])
    for (const key of Object.keys(store)) if (key.startsWith('vitrine:')) store.removeItem(key);
}
