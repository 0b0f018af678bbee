/**
 * The examples a newcomer meets first must still work a year from today: every HTML example of the
 * README, and the demo storefront's pages as the demo server writes them on that day (their sale's
 * deadline computed from today, demo/dates.js). The clock is moved a year ahead (faked, never
 * slept); no widget may then be hidden by its schedule, and no countdown may have ended.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadRecurrence } from '@vitrine/core';
import { clearStored } from './support/recorders.js';
import readme from '../README.md?raw';
import indexPage from '../demo/index.html?raw';
import frPage from '../demo/fr.html?raw';
import cartPage from '../demo/cart.html?raw';
// @ts-expect-error -- a plain JS module of the demo, without declarations
import { withDates } from '../demo/dates.js';
import 'vitrine/define';

const YEAR = 365 * 24 * 60 * 60 * 1000;
const fillDates = withDates as (html: string, now?: Date) => string;

interface Widget extends HTMLElement {
  updateComplete: Promise<unknown>;
  debugState(): { shown: boolean; code?: string; reason: string };
  expired?: boolean;
}

/** Mounts `markup` (scripts stay inert), lets its widgets render, and returns them. */
async function mount(markup: string): Promise<Widget[]> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  for (const script of host.querySelectorAll('script')) script.remove();
  document.body.append(host);
  const widgets = [...host.querySelectorAll<Widget>('*')].filter(
    (element) => element.localName.startsWith('vitrine-') && typeof element.debugState === 'function',
  );
  for (const widget of widgets) await widget.updateComplete;
  return widgets;
}

/** What keeps a widget from showing because of time: its schedule, or a countdown that ended. */
function timeTrouble(widgets: Widget[]): string[] {
  return widgets.flatMap((widget) => {
    const state = widget.debugState();
    const label = widget.outerHTML.slice(0, widget.outerHTML.indexOf('>') + 1);
    // Between two occurrences of a recurring schedule is its rhythm, not staleness; none left would be.
    if (state.code === 'schedule' && !/^outside its recurrence \(.*\): next /.test(state.reason))
      return [`${label} ${state.reason}`];
    if (widget.localName === 'vitrine-countdown' && widget.expired) return [`${label} has ended`];
    return [];
  });
}

// The recurrence chunk, as a page with a recurring example fetches it first.
beforeAll(() => loadRecurrence());

beforeEach(() => {
  clearStored();
  vi.useFakeTimers({ now: Date.now() + YEAR });
});

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('a year from today', () => {
  const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)]
    .map((match) => match[1])
    .filter((block) => /<vitrine-/.test(block));

  test('the README has examples to check', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  test.each(blocks.map((block, index) => [index + 1, block] as const))(
    'README example %i still shows its widgets',
    async (_, block) => {
      const widgets = await mount(block);
      expect(widgets.length).toBeGreaterThan(0);
      expect(timeTrouble(widgets)).toEqual([]);
    },
  );

  test.each([
    ['index.html', indexPage],
    ['fr.html', frPage],
    ['cart.html', cartPage],
  ])('the demo page %s, served that day, shows its countdowns', async (_, page) => {
    // The widgets of the page's body, as the demo server writes it on that (faked) day.
    const body = new DOMParser().parseFromString(fillDates(page), 'text/html').body;
    const countdowns = [...body.querySelectorAll('vitrine-countdown')];
    expect(countdowns.length).toBeGreaterThan(0);
    const widgets = await mount(countdowns.map((countdown) => countdown.outerHTML).join('\n'));
    expect(widgets).toHaveLength(countdowns.length);
    expect(timeTrouble(widgets)).toEqual([]);
  });
});
