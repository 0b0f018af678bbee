/**
 * `dismissible` + `dismiss-for`: a widget the shopper closed stays closed for a duration
 * (`7d`) or for the rest of the session (`session`), remembered through core's storage.
 */
import type { ReactiveController } from 'lit';
import type { DebugReason } from '../debug-state.js';
import { debugDateTime } from '../debug-state.js';
import type { WidgetHost } from '../host.js';
import { blank } from '../parse/attribute.js';
import { parseDuration } from '../parse/duration.js';
import { pageNow } from '../now.js';
import { campaignKey } from '../storage.js';

export const DISMISS_FOR_EXPECTED = 'a duration such as 7d or 12h, or "session"';

interface DismissRecord {
  /** Epoch ms until which the widget stays closed. */
  until: number;
}

export class DismissalController implements ReactiveController {
  #host: WidgetHost;
  #defaultMs: number;

  /** @param defaultMs how long a dismissal lasts when `dismiss-for` is absent or invalid (7 days). */
  constructor(host: WidgetHost, defaultMs = 7 * 86_400_000) {
    this.#host = host;
    this.#defaultMs = defaultMs;
    host.addController(this);
  }

  hostConnected(): void {}

  #key(): string {
    return campaignKey(this.#host.campaignId, 'dismissed');
  }

  /** `'session'` or milliseconds, from the `dismiss-for` attribute (warns and falls back when invalid). */
  lengthOf(dismissFor: string | null | undefined): number | 'session' {
    if (blank(dismissFor)) return this.#defaultMs;
    if (dismissFor.trim().toLowerCase() === 'session') return 'session';
    const ms = parseDuration(dismissFor);
    if (ms === null) {
      this.#host.warn('dismiss-for', dismissFor, DISMISS_FOR_EXPECTED);
      return this.#defaultMs;
    }
    return ms;
  }

  /** Until when the widget stays closed: epoch ms, `'session'`, or null when it is not dismissed. */
  get dismissedUntil(): number | 'session' | null {
    const host = this.#host;
    // `=== true`: where localStorage is blocked, `store` falls back to sessionStorage under the same
    // key, and its `{ until }` record must not read as a dismissal for the whole session.
    if (host.sessionStore.get<boolean>(this.#key()) === true) return 'session';
    const record = host.store.get<DismissRecord>(this.#key());
    if (record && typeof record.until === 'number' && record.until > pageNow()) return record.until;
    return null;
  }

  get dismissed(): boolean {
    return this.dismissedUntil !== null;
  }

  /** `dismissed until 2026-11-30 10:00 (Europe/Paris)` or `dismissed for this session`, for the debug list; null when not dismissed. */
  debugReason(): DebugReason | null {
    const until = this.dismissedUntil;
    if (until === null) return null;
    const when = until === 'session' ? 'for this session' : `until ${debugDateTime(until, this.#host.timeZone)}`;
    return { code: 'dismissed', reason: `dismissed ${when}` };
  }

  /** Records the shopper's dismissal for `dismissFor` (the attribute's value). */
  dismiss(dismissFor: string | null | undefined): void {
    const length = this.lengthOf(dismissFor);
    if (length === 'session') this.#host.sessionStore.set(this.#key(), true);
    else this.#host.store.set(this.#key(), { until: pageNow() + length } satisfies DismissRecord);
    this.#host.requestUpdate();
  }

  /** Forgets the dismissal (used by `window.vitrine.reset`). */
  clear(): void {
    this.#host.sessionStore.remove(this.#key());
    this.#host.store.remove(this.#key());
    this.#host.requestUpdate();
  }
}
