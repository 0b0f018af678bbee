/**
 * No layout shift when the countdown's code arrives after first paint: the loader's adopted
 * `:not(:defined)` sheet gives an undefined countdown the height and the baseline the rendered
 * one will have, so neither the widget's line nor the content after it moves. A fresh page:
 * the countdowns are measured while still undefined, then once rendered.
 */
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { loadBundle, usePageErrors, renderedDigits } from './page.js';

usePageErrors();

const DEADLINE = 'deadline="2099-01-01T00:00:00Z"';

/** Each case: a countdown in a context a theme may put it in, with text after it. */
const CASES: Record<string, string> = {
  'boxes in a paragraph': `<p>Ends in <vitrine-countdown ${DEADLINE}></vitrine-countdown> hurry</p>`,
  'boxes with a label, alone in a block': `<div><vitrine-countdown ${DEADLINE} label="Black Friday ends in"></vitrine-countdown></div>`,
  'boxes in a large heading': `<h2 class="big">Sale <vitrine-countdown ${DEADLINE}></vitrine-countdown> left</h2>`,
  'inline with a label in a paragraph': `<p>Free delivery. <vitrine-countdown layout="inline" daily="14:00" label="Order within"></vitrine-countdown> for same-day dispatch.</p>`,
  'inline in a small loose text': `<p class="small">Ships in <vitrine-countdown layout="inline" ${DEADLINE}></vitrine-countdown> today</p>`,
  'inline in a flex row': `<div class="row"><span>Order within</span><vitrine-countdown layout="inline" ${DEADLINE}></vitrine-countdown></div>`,
  'a merchant rule that makes it a block': `<div class="as-block"><vitrine-countdown ${DEADLINE}></vitrine-countdown><p>Below</p></div>`,
};

const PAGE_CSS = `
  body { font: 16px/1.5 Georgia, serif; }
  .big { font-size: 2rem; line-height: 1.1; }
  .small { font-size: 13px; line-height: 2; font-family: sans-serif; }
  .row { display: flex; align-items: center; gap: 8px; }
  .as-block vitrine-countdown { display: block; }
`;

interface Box {
  element: number;
  container: number;
  /** Top of the content after the widget, from the container's top. */
  after: number;
}

function measure(container: Element): Box {
  const countdown = container.querySelector('vitrine-countdown')!;
  const top = container.getBoundingClientRect().top;
  const range = document.createRange();
  range.setStartAfter(countdown);
  range.setEndAfter(container.lastChild!);
  return {
    element: countdown.getBoundingClientRect().height,
    container: container.getBoundingClientRect().height,
    after: range.getBoundingClientRect().top - top,
  };
}

test('an undefined countdown reserves the room and baseline of the rendered one', async () => {
  await page.viewport(1280, 900);
  const style = document.createElement('style');
  style.textContent = PAGE_CSS;
  document.head.append(style);
  await loadBundle();

  const root = document.body.appendChild(document.createElement('div'));
  root.innerHTML = Object.entries(CASES)
    .map(([name, html]) => `<section data-case="${name}">${html}</section>`)
    .join('');
  const sections = [...root.querySelectorAll('section')];
  // Measured at once: the loader has only just asked for the chunk.
  const before = sections.map(measure);
  expect(customElements.get('vitrine-countdown')).toBeUndefined();

  for (const countdown of root.querySelectorAll('vitrine-countdown')) await renderedDigits(countdown);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const after = sections.map(measure);

  sections.forEach((section, index) => {
    const name = section.dataset.case!;
    // The reservation is real, not an empty box that happens to match an empty widget.
    expect(before[index].element, name).toBeGreaterThan(20);
    expect(before[index].element, `${name}: height`).toBeCloseTo(after[index].element, 0);
    expect(before[index].container, `${name}: container height`).toBeCloseTo(after[index].container, 0);
    expect(before[index].after, `${name}: content after it`).toBeCloseTo(after[index].after, 0);
  });
});
