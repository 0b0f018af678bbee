/**
 * First renders take turns. Widgets that arrive together (one chunk defines every countdown of the
 * page) would otherwise all render in one task: a long task, during which a tap waits. A first
 * render runs at once while the current turn is young; past a slice of the main thread the next
 * ones wait for a later turn, in order, each turn running as many as fit in a slice. A page with
 * one widget, or widgets that render fast, sees no difference.
 */

/** Main-thread time (ms) the first renders of one turn may take before the rest wait for the next. */
const SLICE_MS = 10;

/**
 * Main-thread time the first renders of the current turn took, or null between turns. Their own
 * time only: a page's (or a test's) other work in the same task does not push a widget back.
 */
let spent: number | null = null;
const waiting: Array<() => void> = [];

/**
 * A later turn of the main thread, where the page's own tasks (input, frames) may run first:
 * `scheduler.yield()` where the browser has it, else a message to ourselves (no timer: a page's
 * clamped or faked timers do not hold it up).
 */
function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function roomLeft(): boolean {
  if (spent === null) {
    spent = 0;
    void nextTurn().then(() => (spent = null));
  }
  return spent < SLICE_MS;
}

async function drain(): Promise<void> {
  while (waiting.length) {
    await nextTurn();
    const started = performance.now();
    do waiting.shift()!();
    while (waiting.length && performance.now() - started < SLICE_MS);
  }
}

/** Runs a widget's first `render` now when this turn has room, else in a later turn; resolves once it ran. */
export function renderInTurn(render: () => unknown): Promise<void> | void {
  if (!waiting.length && roomLeft()) {
    const start = performance.now();
    try {
      render();
    } finally {
      spent! += performance.now() - start;
    }
    return;
  }
  return new Promise<void>((resolve) => {
    waiting.push(() => {
      try {
        render();
      } finally {
        resolve();
      }
    });
    if (waiting.length === 1) void drain();
  });
}
