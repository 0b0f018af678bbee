import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createStorage, forgetMemory, resetStored, sessionStore, storage, STORAGE_PREFIX } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

type Win = { Shopify?: unknown };

// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(store) below
const setItem = Storage.prototype.setItem;

/** Makes `setItem` throw on the given stores (quota, private mode), as browsers do. */
function refuseWrites(...stores: Storage[]) {
  return vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
    if (stores.includes(this)) throw new DOMException('full', 'QuotaExceededError');
    setItem.call(this, key, value);
  });
}

function consent(allowed: boolean) {
  (window as Win).Shopify = { customerPrivacy: { preferencesProcessingAllowed: () => allowed } };
}

useTestPage({
  reset: () => {
    delete (window as Win).Shopify;
    localStorage.clear();
    sessionStorage.clear();
  },
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('where values go', () => {
  test('localStorage first, as JSON under the vitrine: prefix, and it outlives a reload', () => {
    expect(storage.kind).toBe('local');
    storage.set('bf:deadline', { deadline: 123 });
    expect(localStorage.getItem(`${STORAGE_PREFIX}bf:deadline`)).toBe('{"deadline":123}');
    forgetMemory();
    expect(storage.get('bf:deadline')).toEqual({ deadline: 123 });
  });

  test('sessionStore writes to sessionStorage only', () => {
    expect(sessionStore.kind).toBe('session');
    sessionStore.set('bf:utm', 'mail');
    expect(sessionStorage.getItem('vitrine:bf:utm')).toBe('"mail"');
    expect(localStorage.getItem('vitrine:bf:utm')).toBeNull();
  });

  test('falls back to sessionStorage when localStorage throws', () => {
    refuseWrites(localStorage);
    expect(storage.kind).toBe('session');
    expect(() => storage.set('bf:spins', 1)).not.toThrow();
    expect(sessionStorage.getItem('vitrine:bf:spins')).toBe('1');
    forgetMemory();
    expect(storage.get('bf:spins')).toBe(1);
  });

  test('falls back to memory when both throw: kept for this page view, gone after a reload', () => {
    refuseWrites(localStorage, sessionStorage);
    expect(storage.kind).toBe('memory');
    expect(sessionStore.kind).toBe('memory');
    expect(() => storage.set('bf:spins', 1)).not.toThrow();
    expect(() => sessionStore.set('bf:utm', 'mail')).not.toThrow();
    expect(storage.get('bf:spins')).toBe(1);
    expect(sessionStore.get('bf:utm')).toBe('mail');
    expect(localStorage.length + sessionStorage.length).toBe(0);
    forgetMemory();
    expect(storage.get('bf:spins')).toBeUndefined();
    expect(sessionStore.get('bf:utm')).toBeUndefined();
  });

  test('falls back to memory when even reading the storage properties throws (blocked cookies)', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const store = createStorage(['local', 'session']);
    expect(store.kind).toBe('memory');
    store.set('a', 1);
    expect(store.get('a')).toBe(1);
    expect(store.keys()).toEqual(['a']);
  });

  test('a backend that starts throwing half-way loses nothing of this page view', () => {
    storage.set('bf:count', 1);
    refuseWrites(localStorage, sessionStorage);
    storage.set('bf:count', 2);
    expect(storage.get('bf:count')).toBe(2);
  });

  test('a full localStorage still gives back what an earlier visit stored there', () => {
    storage.set('bf:deadline', { deadline: 123 });
    forgetMemory();
    refuseWrites(localStorage); // full now: the probe moves writes to sessionStorage
    expect(storage.kind).toBe('session');
    expect(storage.get('bf:deadline')).toEqual({ deadline: 123 });
  });

  test('a value written to sessionStorage while localStorage is full wins over the older copy', () => {
    storage.set('bf:dismissed', { until: 1 });
    refuseWrites(localStorage);
    storage.set('bf:dismissed', { until: 2 });
    forgetMemory();
    expect(storage.get('bf:dismissed')).toEqual({ until: 2 });
  });

  test('a removed value does not come back from another store', () => {
    storage.set('bf:dismissed', { until: 1 });
    refuseWrites(localStorage);
    storage.remove('bf:dismissed');
    expect(storage.get('bf:dismissed')).toBeUndefined();
    forgetMemory();
    expect(storage.get('bf:dismissed')).toBeUndefined();
  });

  test('a value that is not JSON reads as undefined, and values that cannot be JSON are not written', () => {
    localStorage.setItem('vitrine:bf:broken', '{nope');
    expect(storage.get('bf:broken')).toBeUndefined();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => storage.set('bf:cyclic', cyclic)).not.toThrow();
    expect(storage.get('bf:cyclic')).toBeUndefined();
  });

  test('keys lists this store’s keys without the prefix, never the probe', () => {
    storage.set('bf:a', 1);
    storage.set('bf:b', 2);
    storage.set('other:a', 3);
    localStorage.setItem('not-ours', 'x');
    expect(storage.keys('bf:').sort()).toEqual(['bf:a', 'bf:b']);
    expect(storage.keys()).not.toContain('probe');
    expect(storage.keys()).not.toContain('not-ours');
  });

  test('reading writes nothing to the browser’s storage (a bar reads its dismissal at every render)', () => {
    storage.set('bf:dismissed', { until: 1 });
    forgetMemory(); // read from localStorage, as on the next page
    const writes = [vi.spyOn(Storage.prototype, 'setItem'), vi.spyOn(Storage.prototype, 'removeItem')];
    for (let read = 0; read < 5; read++) {
      expect(storage.get('bf:dismissed')).toEqual({ until: 1 });
      expect(sessionStore.get('bf:dismissed')).toBeUndefined();
    }
    expect(writes.flatMap((write) => write.mock.calls).length).toBeLessThanOrEqual(4); // one probe per store at most
  });

  test('a localStorage that becomes full after the first probe sends the next write to sessionStorage', () => {
    storage.set('bf:a', 1);
    refuseWrites(localStorage);
    storage.set('bf:b', 2);
    expect(sessionStorage.getItem('vitrine:bf:b')).toBe('2');
  });
});

describe('consent (Shopify Customer Privacy API)', () => {
  test('nothing reaches localStorage before preferences consent; written once the visitor allows it', () => {
    consent(false);
    expect(storage.kind).toBe('memory');
    storage.set('bf:dismissed', { until: 42 });
    sessionStore.set('bf:utm', 'mail');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(storage.get('bf:dismissed')).toEqual({ until: 42 }); // the widget still works, from memory

    consent(true);
    document.dispatchEvent(new Event('visitorConsentCollected'));
    expect(localStorage.getItem('vitrine:bf:dismissed')).toBe('{"until":42}');
    expect(sessionStorage.getItem('vitrine:bf:utm')).toBe('"mail"');
    expect(localStorage.getItem('vitrine:probe')).toBeNull();
  });

  test('a refusal keeps values in memory only, even when the banner answers again with no', () => {
    consent(false);
    storage.set('bf:spins', 1);
    document.dispatchEvent(new Event('visitorConsentCollected'));
    expect(localStorage.length).toBe(0);
    expect(storage.get('bf:spins')).toBe(1);
  });

  test('a removal made before consent is applied when it comes', () => {
    storage.set('bf:spins', 1);
    consent(false);
    storage.remove('bf:spins');
    expect(localStorage.getItem('vitrine:bf:spins')).toBe('1');
    consent(true);
    document.dispatchEvent(new Event('visitorConsentCollected'));
    expect(localStorage.getItem('vitrine:bf:spins')).toBeNull();
  });

  test('a consent check that throws counts as no consent', () => {
    (window as Win).Shopify = {
      customerPrivacy: {
        preferencesProcessingAllowed: () => {
          throw new Error('not loaded');
        },
      },
    };
    storage.set('bf:spins', 1);
    expect(localStorage.length).toBe(0);
  });

  test('Shopify without the Customer Privacy API does not gate anything', () => {
    (window as Win).Shopify = {};
    storage.set('bf:spins', 1);
    expect(localStorage.getItem('vitrine:bf:spins')).toBe('1');
  });
});

describe('resetStored', () => {
  test('forgets one campaign, in both stores, and leaves the others', () => {
    storage.set('bf:dismissed', { until: 1 });
    storage.set('bf:deadline', { deadline: 1 });
    sessionStore.set('bf:dismissed', true);
    storage.set('bf-2:dismissed', { until: 1 });
    storage.set('summer:dismissed', { until: 1 });
    localStorage.setItem('bf:not-ours', 'x');

    const removed = resetStored('bf');
    expect(new Set(removed)).toEqual(new Set(['bf:dismissed', 'bf:deadline']));
    expect(storage.get('bf:dismissed')).toBeUndefined();
    expect(storage.get('bf:deadline')).toBeUndefined();
    expect(sessionStore.get('bf:dismissed')).toBeUndefined();
    expect(sessionStorage.getItem('vitrine:bf:dismissed')).toBeNull();
    expect(storage.get('bf-2:dismissed')).toEqual({ until: 1 });
    expect(storage.get('summer:dismissed')).toEqual({ until: 1 });
    expect(localStorage.getItem('bf:not-ours')).toBe('x');
  });

  test('without a campaign, forgets every campaign and nothing that is not ours', () => {
    storage.set('bf:dismissed', { until: 1 });
    sessionStore.set('summer:utm', 'mail');
    localStorage.setItem('theme:setting', 'x');
    resetStored();
    expect(storage.keys()).toEqual([]);
    expect(sessionStore.keys()).toEqual([]);
    expect(localStorage.getItem('theme:setting')).toBe('x');
    forgetMemory();
    expect(storage.get('bf:dismissed')).toBeUndefined();
  });
});
