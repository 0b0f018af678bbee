/**
 * Storage that never throws and never forgets within a page view: localStorage, else
 * sessionStorage, else memory. Every value written is also kept in memory, so a backend that
 * starts throwing half-way (quota, private mode, blocked cookies) loses nothing already known.
 * Nothing reaches the browser's storage before Shopify's `preferences` consent allows it; what
 * was kept in memory meanwhile is written as soon as consent is given.
 */
import { pageSingleton } from './bus.js';
import { onConsentChange, storageAllowed } from './consent.js';
import { timeTravelling } from './now.js';

export const STORAGE_PREFIX = 'vitrine:';

export type StorageKind = 'local' | 'session' | 'memory';

export interface VitrineStorage {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Keys (without the prefix) that start with `prefix`. */
  keys(prefix?: string): string[];
  /** Where values persist right now. */
  readonly kind: StorageKind;
}

type PersistentKind = 'local' | 'session';

/**
 * The page's storage, looked up by name at every call: blocked cookies make the getter itself throw,
 * and a page (or a test) may replace the getter after we first read it — WebKit kept using the
 * getter it first saw at a plain `globalThis.localStorage` once that code had run many times.
 */
const storeOf = (kind: PersistentKind): Storage =>
  Reflect.get(globalThis, kind === 'local' ? 'localStorage' : 'sessionStorage');

function probe(kind: PersistentKind): Storage | null {
  try {
    const store = storeOf(kind);
    const probeKey = `${STORAGE_PREFIX}probe`;
    store.setItem(probeKey, '1');
    store.removeItem(probeKey);
    return store;
  } catch {
    return null;
  }
}

/** In-memory copies of every store, so `forgetMemory()` can simulate a new page load in tests. */
const memories = new Set<{ memory: Map<string, string>; pending: Set<string>; forgetProbe: () => void }>();

/**
 * A store that tries `kinds` in order and falls back to memory (see the module comment).
 * `['local', 'session']` outlives the visit; `['session']` ends with the tab.
 */
export function createStorage(kinds: readonly PersistentKind[]): VitrineStorage {
  const memory = new Map<string, string>();
  /** Keys written while consent or the backend did not allow it: flushed when it does. */
  const pending = new Set<string>();
  /**
   * Where the last probe found writes go. A probe writes to the browser's storage: done on every
   * read it cost a write and a removal per read (a bar's dismissal, read at each render). Probed
   * again when a write fails, when nothing worked last time, and for `kind`.
   */
  let probed: { store: Storage | null; kind: StorageKind } | undefined;
  memories.add({ memory, pending, forgetProbe: () => (probed = undefined) });
  let consentWatch: (() => void) | undefined;

  const backend = (fresh = false): { store: Storage | null; kind: StorageKind } => {
    if (!storageAllowed()) return { store: null, kind: 'memory' };
    // The store the last probe found, kept: a read neither probes nor looks the getter up again.
    if (!fresh && probed?.store) return probed;
    for (const kind of kinds) {
      const store = probe(kind);
      if (store) return (probed = { store, kind });
    }
    return (probed = { store: null, kind: 'memory' });
  };

  /**
   * Every store we may read, the one we write to first: a full localStorage refuses writes (so
   * the probe moves writes to sessionStorage) but still holds what earlier visits stored there,
   * such as an evergreen deadline that must not restart.
   */
  const readable = (): Storage[] => {
    if (!storageAllowed()) return [];
    const { store } = backend();
    const stores = store ? [store] : [];
    for (const kind of kinds) {
      try {
        const other = storeOf(kind);
        if (other && !stores.includes(other)) stores.push(other);
      } catch {
        /* blocked: even reading the property throws */
      }
    }
    return stores;
  };

  const flushPending = () => {
    for (const fullKey of [...pending]) write(fullKey, memory.has(fullKey) ? memory.get(fullKey)! : null);
  };

  const write = (fullKey: string, text: string | null, fresh = false): void => {
    // A time-travel preview keeps what it changes in memory only, and never later (not pending).
    if (timeTravelling()) return;
    const { store } = backend(fresh);
    if (store) {
      try {
        if (text === null) {
          store.removeItem(fullKey);
          // Reads fall through to the other stores: an older copy left there would come back.
          for (const other of readable()) {
            try {
              other.removeItem(fullKey);
            } catch {
              /* nothing more we can do for that one */
            }
          }
        } else store.setItem(fullKey, text);
        pending.delete(fullKey);
        return;
      } catch {
        // Full or throwing since the last probe: probe again (the next store may take it), once.
        if (!fresh) return write(fullKey, text, true);
        /* quota or a backend that started throwing: keep it pending in memory */
      }
    }
    pending.add(fullKey);
    consentWatch ??= onConsentChange(flushPending);
  };

  const readText = (fullKey: string): string | null => {
    if (memory.has(fullKey)) return memory.get(fullKey)!;
    for (const store of readable()) {
      try {
        const text = store.getItem(fullKey);
        if (text !== null) return text;
      } catch {
        /* try the next one */
      }
    }
    return null;
  };

  return {
    get<T>(key: string): T | undefined {
      const text = readText(STORAGE_PREFIX + key);
      if (text == null) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      let text: string;
      try {
        text = JSON.stringify(value);
      } catch {
        return;
      }
      memory.set(STORAGE_PREFIX + key, text);
      write(STORAGE_PREFIX + key, text);
    },
    remove(key) {
      memory.delete(STORAGE_PREFIX + key);
      write(STORAGE_PREFIX + key, null);
    },
    keys(prefix = '') {
      const found = new Set<string>(memory.keys());
      for (const store of readable()) {
        try {
          for (let index = 0; index < store.length; index++) {
            const fullKey = store.key(index);
            if (fullKey) found.add(fullKey);
          }
        } catch {
          /* the memory copy is all we can list */
        }
      }
      return [...found]
        .filter((fullKey) => fullKey.startsWith(STORAGE_PREFIX + prefix) && fullKey !== `${STORAGE_PREFIX}probe`)
        .map((fullKey) => fullKey.slice(STORAGE_PREFIX.length));
    },
    get kind() {
      return backend(true).kind;
    },
  };
}

/** What outlives the visit: dismissals, evergreen deadlines, spins, buckets. */
export const storage: VitrineStorage = createStorage(['local', 'session']);

/** What ends with the tab: `dismiss-for="session"`, the landing UTM source. */
export const sessionStore: VitrineStorage = createStorage(['session']);

/** Storage for preview mode: the same interface, kept in this element's memory only. */
export function createMemoryStorage(): VitrineStorage {
  const values = new Map<string, string>();
  return {
    get<T>(key: string) {
      const text = values.get(key);
      return text == null ? undefined : (JSON.parse(text) as T);
    },
    set(key, value) {
      values.set(key, JSON.stringify(value));
    },
    remove(key) {
      values.delete(key);
    },
    keys(prefix = '') {
      return [...values.keys()].filter((key) => key.startsWith(prefix));
    },
    kind: 'memory',
  };
}

/** Storage keys of one campaign: `<campaign>:<what>`. */
/** Keys of what is kept per visitor, not per campaign (targeting: one visitor, one landing per tab). */
export const FIRST_SEEN_KEY = 'visitor:first-seen';
export const UTM_SOURCE_KEY = 'visitor:utm-source';

export function campaignKey(campaign: string, what: string): string {
  return `${campaign}:${what}`;
}

/**
 * Forgets everything stored for `campaign` (or for every campaign); returns the keys removed.
 * Leads waiting in the outbox are never forgotten: they belong to the shopper, not to a test.
 */
export function resetStored(campaign?: string): string[] {
  const removed: string[] = [];
  for (const store of [storage, sessionStore]) {
    for (const key of store.keys(campaign ? `${campaign}:` : '')) {
      if (key.startsWith('outbox:')) continue;
      store.remove(key);
      removed.push(key);
    }
  }
  return removed;
}

/**
 * `window.vitrine.reset()` lives in the loader, which has no storage code: every copy of core on
 * the page (script tag, npm bundles) lists its `resetStored` here, so each forgets its own
 * in-memory copies too.
 */
type Resetter = (campaign?: string) => string[];

/** What each copy of core on the page forgets on `window.vitrine.reset()` (api.ts runs them all). */
export const pageResetters = (): Set<Resetter> =>
  pageSingleton<Set<Resetter>>(
    'vitrine.resetters',
    (resetters) => resetters != null,
    () => new Set(),
  );

pageResetters().add(resetStored);

/** Also used by tests: forget the in-memory copies (as a new page load would). */
export function forgetMemory(): void {
  for (const { memory, pending, forgetProbe } of memories) {
    memory.clear();
    pending.clear();
    forgetProbe();
  }
}
