/**
 * `window.vitrine`: the bus for code without a bundler. A queue pushed before the script
 * loaded (`(window.vitrine = window.vitrine || []).push(['publish', 'cart', {…}])`) is run in
 * order, and `push` keeps working afterwards, so the snippet is safe whatever loads first.
 */
import { getBus, type Bus, type Topic, type Topics } from '@vitrine/core/bus';

/** A queued call: `['publish', topic, payload]` or `['subscribe', topic, handler]`. */
type Command = [method: 'publish' | 'subscribe', ...args: unknown[]];

export interface VitrineApi {
  publish<T extends Topic>(this: void, topic: T, payload: Topics[T]): void;
  subscribe<T extends Topic>(this: void, topic: T, handler: (payload: Topics[T]) => void): () => void;
  last<T extends Topic>(this: void, topic: T): Topics[T] | undefined;
  /** Runs queued commands now: `['publish', topic, payload]`, `['subscribe', topic, handler]`. */
  push(...commands: Command[]): void;
}

function run(bus: Bus, command: unknown): void {
  if (!Array.isArray(command)) return;
  const [method, topic, argument] = command as [string, Topic, never];
  try {
    if (method === 'publish') bus.publish(topic, argument);
    else if (method === 'subscribe' && typeof argument === 'function') bus.subscribe(topic, argument);
    else console.warn(`[vitrine] ignored window.vitrine command ${String(method)}: expected publish or subscribe`);
  } catch (error) {
    console.error('[vitrine] a queued command failed:', error);
  }
}

/** Installs `window.vitrine` unless another copy already did; runs the queue found there. */
export function installApi(): VitrineApi {
  const holder = globalThis as unknown as { vitrine?: unknown };
  const existing = holder.vitrine;
  if (existing && !Array.isArray(existing) && typeof (existing as VitrineApi).publish === 'function') {
    return existing as VitrineApi;
  }
  const bus = getBus();
  // The bus's methods are closures (no `this`), so they can be handed out as they are.
  const api: VitrineApi = {
    publish: bus.publish,
    subscribe: bus.subscribe,
    last: bus.last,
    push(...commands) {
      for (const command of commands) run(bus, command);
    },
  };
  holder.vitrine = api;
  if (Array.isArray(existing)) for (const command of existing) run(bus, command);
  return api;
}
