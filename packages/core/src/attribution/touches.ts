/**
 * What a visitor saw and did (touches), and which of it an order is owed to. Pure functions, no
 * DOM and no storage: the page (record.ts: `window.vitrine.attribution()` and `conversion()`) and
 * Shopify's pixel sandbox (pixel.ts) run the very same rules.
 *
 * The rules, in order:
 * 1. the order's discount code: the newest touch that revealed that code (else copied or applied it);
 * 2. else the newest interaction (a click or spin, a sign-up, a code revealed, copied or applied)
 *    within the window the merchant sets (default 7 days);
 * 3. else the newest A/B exposure (a view of a widget that carries a variant) within the window,
 *    so an experiment's arms are compared on everyone who saw them, not only on those who clicked.
 * An order with none of these (no touch at all, or only views of widgets without a variant, or
 * touches older than the window) is not attributed.
 */
import type { AttributedBy, TrackAction, TrackMessage } from '../bus.js';

export interface Touch {
  action: TrackAction;
  campaign: string;
  widget: string;
  variant?: string;
  experiment?: string;
  code?: string;
  /** `order`: the order id, so one order is never counted twice. */
  order?: string;
  /** Epoch ms. */
  at: number;
}

export interface Attribution {
  campaign: string;
  widget: string;
  variant?: string;
  experiment?: string;
  /** The code of the order that matched, or the code the attributed touch carried. */
  code?: string;
  by: AttributedBy;
  /** Epoch ms of the touch the order is owed to. */
  at: number;
}

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_MS = 7 * DAY_MS;
/** Touches older than this are dropped: no window is longer. */
const KEEP_MS = 90 * DAY_MS;
/** At most this many touches are kept (newest first to stay). */
const MAX_TOUCHES = 200;
/** Views of one widget within this time are one view (a visit of several pages). */
const VIEW_COALESCE_MS = 30 * 60_000;

const INTERACTIONS: ReadonlySet<TrackAction> = new Set<TrackAction>(['click', 'convert', 'reveal', 'copy', 'apply']);

/** Codes compare as Shopify compares them: trimmed, any case. */
export const normalizeCode = (code: string): string => code.trim().toUpperCase();

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A touch from a bus message (or a Shopify custom event's `customData`); null when it is none. */
export function touchFrom(message: Partial<TrackMessage> | null | undefined, at: number): Touch | null {
  const action = message?.action;
  const campaign = text(message?.campaign);
  const widget = text(message?.widget);
  if (!action || !campaign || !widget || !Number.isFinite(at) || action === 'close') return null;
  const touch: Touch = { action, campaign, widget, at };
  const variant = text(message.variant);
  const experiment = text(message.experiment);
  const code = text(message.code);
  const order = text(message.order);
  if (variant) touch.variant = variant;
  if (experiment) touch.experiment = experiment;
  if (code) touch.code = normalizeCode(code);
  if (order) touch.order = order;
  return touch;
}

/** Whether a stored value is a touch (storage may hold anything a page wrote). */
export function isTouch(value: unknown): value is Touch {
  const touch = value as Touch | null;
  return (
    !!touch &&
    typeof touch === 'object' &&
    typeof touch.action === 'string' &&
    typeof touch.campaign === 'string' &&
    typeof touch.widget === 'string' &&
    typeof touch.at === 'number'
  );
}

const sameWidget = (a: Touch, b: Touch) =>
  a.campaign === b.campaign && a.widget === b.widget && a.variant === b.variant && a.experiment === b.experiment;

/** `touches` with `touch` added: old ones dropped, repeated views of a visit merged, at most MAX_TOUCHES. */
export function addTouch(touches: readonly Touch[], touch: Touch): Touch[] {
  const kept = touches.filter(
    (old) =>
      isTouch(old) &&
      touch.at - old.at < KEEP_MS &&
      !(
        touch.action === 'view' &&
        old.action === 'view' &&
        sameWidget(old, touch) &&
        touch.at - old.at < VIEW_COALESCE_MS
      ),
  );
  kept.push(touch);
  kept.sort((a, b) => a.at - b.at);
  return kept.slice(-MAX_TOUCHES);
}

/** The touch an order placed at `at` with discount `codes` is owed to (see the module comment), or null. */
export function attribute(
  touches: readonly Touch[],
  { codes = [], at, windowMs = DEFAULT_WINDOW_MS }: { codes?: readonly string[]; at: number; windowMs?: number },
): Attribution | null {
  const before = touches.filter((touch) => isTouch(touch) && touch.at <= at).sort((a, b) => b.at - a.at);
  const used = new Set(codes.filter((code) => typeof code === 'string').map(normalizeCode));
  // The widget that revealed the code, rather than one that only showed it again (a sticky bar's copy).
  const carries = (touch: Touch) => touch.action !== 'order' && !!touch.code && used.has(touch.code);
  const byCode =
    before.find((touch) => touch.action === 'reveal' && carries(touch)) ?? before.find((touch) => carries(touch));
  if (byCode) return attribution(byCode, 'code');
  const recent = before.filter((touch) => at - touch.at <= windowMs);
  const interaction = recent.find((touch) => INTERACTIONS.has(touch.action));
  if (interaction) return attribution(interaction, 'interaction');
  const exposure = recent.find((touch) => touch.action === 'view' && touch.variant);
  return exposure ? attribution(exposure, 'view') : null;
}

function attribution(touch: Touch, by: AttributedBy): Attribution {
  const result: Attribution = { campaign: touch.campaign, widget: touch.widget, by, at: touch.at };
  if (touch.variant) result.variant = touch.variant;
  if (touch.experiment) result.experiment = touch.experiment;
  if (touch.code) result.code = touch.code;
  return result;
}

/** One row of `window.vitrine.attribution()`: a campaign and variant, and what this visitor did with it. */
export interface AttributionRow {
  campaign: string;
  variant?: string;
  experiment?: string;
  /** The widgets of this campaign the visitor met. */
  widgets: string[];
  /** How many times each step of the funnel happened (views: once per visit). */
  steps: Partial<Record<TrackAction, number>>;
  /** Codes revealed, copied or applied. */
  codes: string[];
  /** ISO 8601 instants of the first and the last touch. */
  first: string;
  last: string;
}

/** The touches per campaign and variant, most recent first. */
export function summarize(touches: readonly Touch[]): AttributionRow[] {
  const rows = new Map<string, AttributionRow & { lastAt: number }>();
  for (const touch of [...touches].filter(isTouch).sort((a, b) => a.at - b.at)) {
    const key = JSON.stringify([touch.campaign, touch.variant ?? null]);
    let row = rows.get(key);
    if (!row) {
      row = { campaign: touch.campaign, widgets: [], steps: {}, codes: [], first: iso(touch.at), last: '', lastAt: 0 };
      if (touch.variant) row.variant = touch.variant;
      if (touch.experiment) row.experiment = touch.experiment;
      rows.set(key, row);
    }
    if (!row.widgets.includes(touch.widget)) row.widgets.push(touch.widget);
    row.steps[touch.action] = (row.steps[touch.action] ?? 0) + 1;
    if (touch.code && !row.codes.includes(touch.code)) row.codes.push(touch.code);
    row.last = iso(touch.at);
    row.lastAt = touch.at;
  }
  return [...rows.values()].sort((a, b) => b.lastAt - a.lastAt).map(({ lastAt: _lastAt, ...row }) => row);
}

const iso = (at: number) => new Date(at).toISOString();
