// bench/profile.js: which long tasks count as Vitrine's. A task that evaluates a chunk, or runs the
// microtasks of a widget's first render, names no file in the trace: the CPU profile's samples say
// whether Vitrine's code ran in it. In Node: the bench is a Node script.
import { expect, it } from 'vitest';
import { traceBreakdown, vitrineSamples } from '../../bench/profile.js';

const THREAD = { pid: 1, tid: 1 };
const events = [
  { ...THREAD, ph: 'M', name: 'thread_name', args: { name: 'CrRendererMain' } },
  {
    ...THREAD,
    ph: 'X',
    name: 'ParseHTML',
    ts: 0,
    dur: 10_000,
    args: { beginData: { url: 'http://x/bench/store.html' } },
  },
  // 1–1.08 s: a chunk's evaluation, no URL in the trace.
  { ...THREAD, ph: 'X', name: 'RunTask', ts: 1_000_000, dur: 80_000 },
  { ...THREAD, ph: 'X', name: 'v8.evaluateModule', ts: 1_000_100, dur: 79_000 },
  // 2–2.06 s: the page's own script.
  { ...THREAD, ph: 'X', name: 'RunTask', ts: 2_000_000, dur: 60_000 },
  { ...THREAD, ph: 'X', name: 'FunctionCall', ts: 2_000_100, dur: 59_000, args: { data: { url: 'http://x/shop.js' } } },
];
/** Samples at 1.01 s in a Vitrine function (under the root), and at 2.01 s in the shop's. */
const profile = {
  startTime: 0,
  nodes: [
    { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 3] },
    { id: 2, callFrame: { url: 'http://x/cdn/vitrine/chunks/shared-abc.js', functionName: 'render' }, children: [4] },
    { id: 3, callFrame: { url: 'http://x/shop.js', functionName: 'keepCoupon' } },
    { id: 4, callFrame: { url: '', functionName: 'createElement' } },
  ],
  samples: [4, 3],
  timeDeltas: [1_010_000, 1_000_000],
};

it('a task counts as Vitrine’s when the CPU profile saw its code run there, even with no file in the trace', () => {
  const without = traceBreakdown(events);
  expect(without.vitrineLongTasks).toBe(0);
  const withProfile = traceBreakdown(events, vitrineSamples(profile));
  expect(withProfile.longList).toEqual(['1.00s:80V', '2.00s:60']);
  expect(withProfile.vitrineLongTasks).toBe(1);
  expect(withProfile.longestVitrineTaskMs).toBe(80);
});
