/**
 * `window.vitrine.plan()` (core's time-travel/plan.ts) over real widgets: each widget's next
 * window and recurrence, and the conflicts a merchant must hear about — two overlays live at the
 * same time, a countdown that ends after its sticky bar, an end before its start, a start already
 * past — at the real now and at a previewed instant. A schedule that knows recurrence
 * (`occurrences()`) is read through it.
 */
import { describe, expect, test } from 'vitest';
import { html, render, type TemplateResult } from 'lit';
import { liveWindows, plan, preview, stopTimeTravel, type PlanRow } from '@vitrine/core/time-travel';
import { loadRecurrence } from '@vitrine/core';
import '@vitrine/countdown/define';
import '@vitrine/exit-popup/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/wheel/define';
import { useTestPage } from './support/fixture.js';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const testPage = useTestPage({ now: NOW, freshBus: true, reset: () => stopTimeTravel() });

async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await Promise.resolve();
  for (const element of document.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*'))
    await element.updateComplete;
}

async function fixture(template: TemplateResult): Promise<void> {
  const wrapper = document.body.appendChild(document.createElement('div'));
  testPage.cleanups.push(() => wrapper.remove());
  render(template, wrapper);
  await settle();
}

const rowOf = (rows: PlanRow[], campaign: string) => rows.find((row) => row.campaign === campaign)!;
const kinds = (row: PlanRow) => row.conflicts.map((conflict) => conflict.kind);

describe('the plan', () => {
  test('every widget with its window live now or next, in document order', async () => {
    await fixture(html`
      <vitrine-sticky-bar campaign="always">Always</vitrine-sticky-bar>
      <vitrine-sticky-bar campaign="bf" start="2026-11-27T00:00:00Z" end="2026-11-30T23:00:00Z">BF</vitrine-sticky-bar>
      <vitrine-countdown campaign="now" end="2026-11-02T00:00:00Z" deadline="2026-11-02T00:00:00Z"></vitrine-countdown>
      <vitrine-sticky-bar campaign="gone" start="2026-10-01T00:00:00Z" end="2026-10-02T00:00:00Z"
        >Gone</vitrine-sticky-bar
      >
    `);
    const rows = plan();
    expect(rows.map((row) => row.campaign)).toEqual(['always', 'bf', 'now', 'gone']);
    expect(rowOf(rows, 'always')).toMatchObject({
      tag: 'vitrine-sticky-bar',
      live: true,
      nextStartAt: null,
      nextEndAt: null,
      nextStart: '—',
      recurrence: null,
      conflicts: [],
    });
    expect(rowOf(rows, 'bf')).toMatchObject({
      live: false,
      nextStartAt: Date.parse('2026-11-27T00:00:00Z'),
      nextEndAt: Date.parse('2026-11-30T23:00:00Z'),
      conflicts: [],
    });
    expect(rowOf(rows, 'now')).toMatchObject({ live: true, nextEndAt: Date.parse('2026-11-02T00:00:00Z') });
    expect(rowOf(rows, 'gone')).toMatchObject({ live: false, nextStart: 'never', windows: [] });
    expect(rowOf(rows, 'gone').nextStartAt).toBeUndefined();
  });

  test('two overlays live at the same time are a conflict on both; an inline wheel is no overlay', async () => {
    await fixture(html`
      <vitrine-exit-popup campaign="club" start="2026-11-20T00:00:00Z" end="2026-11-28T00:00:00Z"></vitrine-exit-popup>
      <vitrine-wheel campaign="bf-wheel" mode="popup" start="2026-11-27T00:00:00Z" end="2026-12-01T00:00:00Z">
        <vitrine-wheel-segment label="-10 %" code="BF10"></vitrine-wheel-segment>
      </vitrine-wheel>
      <vitrine-wheel campaign="inline-wheel" start="2026-11-27T00:00:00Z">
        <vitrine-wheel-segment label="-5 %" code="BF5"></vitrine-wheel-segment>
      </vitrine-wheel>
      <vitrine-exit-popup campaign="xmas" start="2026-12-01T00:00:00Z" end="2026-12-25T00:00:00Z"></vitrine-exit-popup>
    `);
    const rows = plan();
    const club = rowOf(rows, 'club').conflicts;
    expect(club).toEqual([
      {
        kind: 'overlay-overlap',
        message: expect.stringContaining('overlaps <vitrine-wheel> "bf-wheel" from 2026-11-') as string,
        startAt: Date.parse('2026-11-27T00:00:00Z'),
        endAt: Date.parse('2026-11-28T00:00:00Z'),
      },
    ]);
    expect(kinds(rowOf(rows, 'bf-wheel'))).toEqual(['overlay-overlap']);
    expect(rowOf(rows, 'bf-wheel').conflicts[0].message).toContain('<vitrine-exit-popup> "club"');
    // The wheel ends as Christmas's pop-up starts: back to back is no overlap.
    expect(kinds(rowOf(rows, 'inline-wheel'))).toEqual([]);
    expect(kinds(rowOf(rows, 'xmas'))).toEqual([]);
  });

  test('a countdown that ends after its bar, inside it or beside it, is a conflict; one that ends before is not', async () => {
    await fixture(html`
      <vitrine-sticky-bar campaign="bf-bar" end="2026-11-30T23:00:00Z">
        <span>Ends soon <vitrine-countdown campaign="late" deadline="2026-12-01T23:59:00Z"></vitrine-countdown></span>
      </vitrine-sticky-bar>
      <div>
        <vitrine-sticky-bar campaign="cm-bar" end="2026-12-01T00:00:00Z">Cyber Monday</vitrine-sticky-bar>
        <vitrine-countdown campaign="beside" deadline="2026-12-02T00:00:00Z"></vitrine-countdown>
      </div>
      <div>
        <vitrine-sticky-bar campaign="ok-bar" end="2026-12-01T00:00:00Z">OK</vitrine-sticky-bar>
        <vitrine-countdown campaign="on-time" deadline="2026-11-30T00:00:00Z"></vitrine-countdown>
      </div>
    `);
    const rows = plan();
    expect(rowOf(rows, 'late').conflicts).toEqual([
      {
        kind: 'countdown-after-bar',
        message: expect.stringMatching(
          /^counts to 2026-12-0.* but its bar <vitrine-sticky-bar> "bf-bar" ends/,
        ) as string,
        startAt: Date.parse('2026-11-30T23:00:00Z'),
        endAt: Date.parse('2026-12-01T23:59:00Z'),
      },
    ]);
    expect(kinds(rowOf(rows, 'beside'))).toEqual(['countdown-after-bar']);
    expect(kinds(rowOf(rows, 'on-time'))).toEqual([]);
    expect(kinds(rowOf(rows, 'bf-bar'))).toEqual([]);
  });

  test('an end before its start, and a start already past, are reported', async () => {
    await fixture(html`
      <vitrine-sticky-bar campaign="backwards" start="2026-12-10T00:00:00Z" end="2026-12-01T00:00:00Z"
        >X</vitrine-sticky-bar
      >
      <vitrine-sticky-bar campaign="started" start="2026-10-15T00:00:00Z" end="2026-12-01T00:00:00Z"
        >Y</vitrine-sticky-bar
      >
      <vitrine-sticky-bar campaign="over" start="2026-10-01T00:00:00Z" end="2026-10-02T00:00:00Z">Z</vitrine-sticky-bar>
    `);
    const rows = plan();
    expect(rowOf(rows, 'backwards').conflicts).toEqual([
      { kind: 'end-before-start', message: expect.stringContaining('is not after start') as string },
    ]);
    expect(rowOf(rows, 'started').conflicts).toEqual([
      { kind: 'start-past', message: expect.stringContaining('is already past') as string },
    ]);
    expect(rowOf(rows, 'over').conflicts[0].message).toContain('are past: it no longer shows');
    // The schedule warned once about the end it ignores, as before.
    expect(testPage.vitrineWarnings()).toEqual([expect.stringContaining('end="2026-12-01T00:00:00Z"')]);
  });

  test('during a preview the plan starts at the previewed instant', async () => {
    await fixture(html`
      <vitrine-sticky-bar campaign="xmas" start="2026-12-01T00:00:00Z" end="2026-12-25T00:00:00Z"
        >Xmas</vitrine-sticky-bar
      >
    `);
    expect(rowOf(plan(), 'xmas')).toMatchObject({ live: false, conflicts: [] });
    preview({ now: '2026-12-10T00:00Z' });
    await settle();
    expect(rowOf(plan(), 'xmas')).toMatchObject({ live: true, conflicts: [{ kind: 'start-past' }] });
    preview({ now: '2027-01-10T00:00Z' });
    await settle();
    expect(rowOf(plan(), 'xmas')).toMatchObject({ live: false, nextStart: 'never' });
  });
});

describe('recurring schedules', () => {
  /** What the recurring engine's controller adds: every occurrence in a range, and the rule in words. */
  const weekends = {
    window: { startAt: null, endAt: null },
    recurrence: 'fri, sat, sun 18:00–23:59',
    occurrences(from: number, to: number) {
      const found = [];
      // Fridays 18:00Z to Sunday 23:59Z, from the first Friday on or before `from`.
      let friday = Date.parse('2026-10-30T18:00:00Z');
      while (friday < to) {
        const end = friday + 2 * DAY + 5 * HOUR + 59 * 60_000;
        if (end > from) found.push({ startAt: friday, endAt: end });
        friday += 7 * DAY;
      }
      return found;
    },
  };

  test('liveWindows reads occurrences() where a schedule has it, else its start/end window', () => {
    const from = NOW;
    const to = NOW + 14 * DAY;
    // A schedule whose list starts after `from` still gives the occurrence live then (windowAt).
    const lateList = {
      occurrences: (start: number, end: number) =>
        weekends.occurrences(start, end).filter((window) => window.startAt >= start),
      windowAt: (now: number) => weekends.occurrences(now, now + 1)[0] ?? null,
    };
    expect(liveWindows(lateList, from, to).map((window) => new Date(window.startAt!).toISOString())).toEqual([
      '2026-10-30T18:00:00.000Z',
      '2026-11-06T18:00:00.000Z',
      '2026-11-13T18:00:00.000Z',
    ]);
    expect(liveWindows(weekends, from, to).map((window) => new Date(window.startAt!).toISOString())).toEqual([
      '2026-10-30T18:00:00.000Z',
      '2026-11-06T18:00:00.000Z',
      '2026-11-13T18:00:00.000Z',
    ]);
    expect(liveWindows({ window: { startAt: NOW + DAY, endAt: null } }, from, to)).toEqual([
      { startAt: NOW + DAY, endAt: null },
    ]);
    expect(liveWindows({ window: { startAt: null, endAt: NOW - 1 } }, from, to)).toEqual([]);
    expect(liveWindows(undefined, from, to)).toEqual([{ startAt: null, endAt: null }]);
  });

  test('a widget whose schedule recurs is planned occurrence by occurrence, its rule shown, overlaps found', async () => {
    await fixture(html`
      <vitrine-exit-popup campaign="weekend-popup"></vitrine-exit-popup>
      <vitrine-exit-popup
        campaign="nov-13"
        start="2026-11-14T10:00:00Z"
        end="2026-11-14T12:00:00Z"
      ></vitrine-exit-popup>
    `);
    const recurring = document.querySelector('vitrine-exit-popup')!;
    Object.defineProperty(recurring, 'timeWindow', { value: weekends });
    const rows = plan();
    expect(rowOf(rows, 'weekend-popup')).toMatchObject({
      live: true,
      recurrence: 'fri, sat, sun 18:00–23:59',
      nextStartAt: Date.parse('2026-10-30T18:00:00Z'),
      nextEndAt: Date.parse('2026-11-01T23:59:00Z'),
    });
    expect(rowOf(rows, 'weekend-popup').windows.length).toBeGreaterThan(50);
    expect(rowOf(rows, 'nov-13').conflicts).toEqual([
      expect.objectContaining({
        kind: 'overlay-overlap',
        startAt: Date.parse('2026-11-14T10:00:00Z'),
        endAt: Date.parse('2026-11-14T12:00:00Z'),
      }),
    ]);
  });

  test('a real recurring widget (days="sat,sun"): its weekends planned, hidden on a previewed Wednesday', async () => {
    await loadRecurrence();
    await fixture(
      html`<vitrine-sticky-bar campaign="weekend" days="sat,sun" timezone="UTC">Weekend</vitrine-sticky-bar>`,
    );
    const bar = document.querySelector('vitrine-sticky-bar')!;
    // 1 November 2026 is a Sunday: live, until Monday 00:00 (Saturday and Sunday are one weekend).
    const row = rowOf(plan(), 'weekend');
    expect(row).toMatchObject({ live: true, nextEndAt: Date.parse('2026-11-02T00:00:00Z') });
    expect(row.recurrence).toMatch(/sat, sun/);
    expect(row.windows.slice(0, 2).map((window) => window.startAt)).toEqual([
      Date.parse('2026-10-31T00:00:00Z'),
      Date.parse('2026-11-07T00:00:00Z'),
    ]);
    expect(bar.shadowRoot!.querySelector('[part~="base"]')).not.toBeNull();
    preview({ now: '2026-11-04T12:00Z' });
    await settle();
    const wednesday = document.querySelector('vitrine-sticky-bar')!;
    expect(rowOf(plan(), 'weekend')).toMatchObject({ live: false, nextStartAt: Date.parse('2026-11-07T00:00:00Z') });
    expect(wednesday.shadowRoot?.querySelector('[part~="base"]') ?? null).toBeNull();
  });
});
