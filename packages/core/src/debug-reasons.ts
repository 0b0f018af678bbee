/**
 * The sentences of `window.vitrine.debug()` that every widget shares (its schedule, its targeting,
 * preview, consent, a bad attribute): VitrineElement's `debugState()`, `hiddenReason()` and
 * `badInput()` call them. In the script-tag build they are not in the chunk every page loads:
 * element.ts reaches them through debug-reasons-later.ts, and the API chunk, which lists the
 * widgets, brings this module and installs it for the page (`installDebugReasons()`).
 */
import { pageSingleton } from './bus.js';
import { storageAllowed } from './consent.js';
import type { ScheduleController } from './controllers/schedule.js';
import type { TargetingController } from './controllers/targeting.js';
import { debugDateTime, type DebugReason, type WidgetDebugState } from './debug-state.js';
import { pageNow } from './now.js';
import { ignoredAttributes } from './parse/warn.js';

/** What the sentences read of a widget (its protected controllers are handed over beside it). */
export interface DebugSubject extends Element {
  readonly campaignId: string;
  readonly previewing: boolean;
  readonly timeZone: string | undefined;
  variant: string | null;
}

export interface DebugReasons {
  state(
    widget: DebugSubject,
    hiddenReason: () => DebugReason | null,
    schedule: ScheduleController,
    targeting: TargetingController,
  ): WidgetDebugState;
  hidden(widget: DebugSubject, schedule: ScheduleController, targeting: TargetingController): DebugReason | null;
  badInput(widget: Element, attributes: readonly string[], fallback: string): DebugReason;
}

/** `outside its start/end window: starts …` when the schedule says no (`anyway`: also in preview). */
function scheduleReason(widget: DebugSubject, schedule: ScheduleController, anyway: boolean): string | null {
  const now = pageNow();
  const phase = anyway ? schedule.phaseAt(now) : schedule.phase;
  if (phase === 'active') return null;
  const zone = widget.timeZone;
  const recurrence = schedule.recurrence;
  if (recurrence) {
    const next = schedule.windowAt(now);
    return `outside its recurrence (${recurrence}): ${next ? `next ${debugDateTime(next.startAt, zone)}` : 'none left before its end'}`;
  }
  const { startAt, endAt } = schedule.window;
  // Before, with no start: the recurrence's chunk is on its way.
  if (phase === 'before' && startAt === null) return 'its recurrence is loading';
  return phase === 'before'
    ? `outside its start/end window: starts ${debugDateTime(startAt!, zone)}`
    : `outside its start/end window: ended ${debugDateTime(endAt!, zone)}`;
}

function targetingReason(widget: DebugSubject, targeting: TargetingController): string | null {
  const failing = targeting.failing;
  if (!failing) return null;
  // While their chunk loads, the rules as written: `its rules are loading (exclude-pages="/nowhere")`.
  const waiting = targeting.waiting;
  const rules = waiting
    ? ` (${waiting
        .map(
          (name) =>
            `${name.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`)}="${String((widget as unknown as Record<string, unknown>)[name])}"`,
        )
        .join(' ')})`
    : '';
  return `targeting: ${failing}${rules}`;
}

export const debugReasons: DebugReasons = {
  state(widget, hiddenReason, schedule, targeting) {
    const state: WidgetDebugState = { tag: widget.localName, campaign: widget.campaignId, shown: true, reason: '' };
    if (widget.variant) state.variant = widget.variant;
    let hidden: DebugReason | null;
    try {
      hidden = hiddenReason();
    } catch (error) {
      hidden = { code: 'bad-input', reason: `could not tell: ${String(error)}` };
    }
    if (hidden) return { ...state, shown: false, ...hidden };
    if (widget.previewing) {
      const wouldHide = scheduleReason(widget, schedule, true) || targetingReason(widget, targeting);
      return { ...state, code: 'preview', note: `preview: shown to the designer${wouldHide ? `; ${wouldHide}` : ''}` };
    }
    if (!storageAllowed())
      return { ...state, code: 'consent', note: 'no consent for storage: remembered for this page only' };
    return state;
  },

  hidden(widget, schedule, targeting) {
    if (widget.previewing) return null;
    const reason = scheduleReason(widget, schedule, false);
    if (reason) return { code: 'schedule', reason };
    const targetingFails = targetingReason(widget, targeting);
    return targetingFails ? { code: 'targeting', reason: targetingFails } : null;
  },

  badInput(widget, attributes, fallback) {
    const bad = [...ignoredAttributes(widget)].reverse().find((entry) => attributes.includes(entry.attribute));
    return {
      code: 'bad-input',
      reason: bad
        ? `bad attribute: ${bad.attribute}="${bad.value}" (expected ${bad.expected})`
        : `bad input: ${fallback}`,
    };
  },
};

/** Gives the page's widgets (of every copy of Vitrine on it) these sentences; see debug-reasons-later.ts. */
export function installDebugReasons(): void {
  pageSingleton<DebugReasons>(
    'vitrine.debug.reasons',
    (reasons) => reasons != null,
    () => debugReasons,
  );
}
