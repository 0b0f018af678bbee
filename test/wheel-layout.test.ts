/**
 * No layout shift when the wheel's code arrives after first paint: an inline wheel is a card of
 * a fixed shape (its width, at most --vitrine-wheel-size, and 3:4), so the wheel's `:not(:defined)`
 * rules (wheel.reserve.ts, which the loader adopts) reserve exactly its room, whatever it will show.
 * The page is measured with the tags still undefined, then once they are defined and rendered.
 */
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { VitrineWheel, VitrineWheelSegment } from '@vitrine/wheel';
// The wheel's rules in the loader's adopted sheet (and the README).
import { WHEEL_RESERVE_CSS } from '@vitrine/wheel/reserve';
import { frames } from './support/fixture.js';

const SEGMENTS =
  '<vitrine-wheel-segment label="-10 %" code="TEN"></vitrine-wheel-segment>' +
  '<vitrine-wheel-segment label="Try again"></vitrine-wheel-segment>' +
  '<vitrine-wheel-segment label="Free shipping" code="SHIP"></vitrine-wheel-segment>';

const CASES: Record<string, string> = {
  'inline, in a wide column': `<vitrine-wheel campaign="a">${SEGMENTS}</vitrine-wheel>`,
  'inline, with a title, the odds and the email form': `<vitrine-wheel campaign="b" heading="Spin to win" capture rules-href="/rules">${SEGMENTS}</vitrine-wheel>`,
  'inline, in a column narrower than the wheel': `<div style="width: 240px"><vitrine-wheel campaign="c">${SEGMENTS}</vitrine-wheel></div>`,
  'inline, a larger size set by the theme': `<div style="--vitrine-wheel-size: 30rem"><vitrine-wheel campaign="d">${SEGMENTS}</vitrine-wheel></div>`,
  'inline, centred by a merchant rule': `<vitrine-wheel class="centred" campaign="e">${SEGMENTS}</vitrine-wheel>`,
  'inline, in a flex row': `<div style="display: flex; gap: 1rem"><vitrine-wheel campaign="f">${SEGMENTS}</vitrine-wheel><p>Beside</p></div>`,
  'pop-up: no room at all': `<vitrine-wheel mode="popup" campaign="g">${SEGMENTS}</vitrine-wheel>`,
};

interface Box {
  width: number;
  height: number;
  /** Top of the paragraph after the case, from the section's top. */
  after: number;
}

function measure(section: Element): Box {
  const el = section.querySelector('vitrine-wheel')!.getBoundingClientRect();
  return {
    width: el.width,
    height: el.height,
    after: section.querySelector(':scope > p.after')!.getBoundingClientRect().top - section.getBoundingClientRect().top,
  };
}

test('an undefined wheel reserves exactly the room of the rendered one (none in pop-up mode)', async () => {
  await page.viewport(1024, 900);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${WHEEL_RESERVE_CSS} .centred { margin-inline: auto; } body { font: 16px/1.5 Georgia, serif; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const root = document.body.appendChild(document.createElement('div'));
  root.innerHTML = Object.entries(CASES)
    .map(([name, markup]) => `<section data-case="${name}">${markup}<p class="after">After</p></section>`)
    .join('');
  const sections = [...root.querySelectorAll('section')];
  expect(customElements.get('vitrine-wheel')).toBeUndefined();
  const before = sections.map(measure);

  customElements.define('vitrine-wheel-segment', VitrineWheelSegment);
  customElements.define('vitrine-wheel', VitrineWheel);
  for (const el of root.querySelectorAll('vitrine-wheel')) await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const after = sections.map(measure);

  sections.forEach((section, index) => {
    const name = section.dataset.case!;
    if (name.startsWith('pop-up')) {
      expect(before[index].height, name).toBe(0);
      expect(after[index].height, name).toBe(0);
    } else {
      // A real reservation, not an empty box that happens to match an empty widget.
      expect(before[index].height, name).toBeGreaterThan(200);
      expect(root.querySelectorAll('vitrine-wheel')[index].shadowRoot!.querySelector('svg'), name).not.toBeNull();
    }
    expect(before[index].width, `${name}: width`).toBeCloseTo(after[index].width, 1);
    expect(before[index].height, `${name}: height`).toBeCloseTo(after[index].height, 1);
    expect(before[index].after, `${name}: content after it`).toBeCloseTo(after[index].after, 1);
  });
});

test('in a pop-up the card grows with the email form: the wheel keeps its size, the card fits the screen', async () => {
  for (const [width, height] of [
    [1024, 900],
    [390, 700],
  ]) {
    await page.viewport(width, height);
    const el = document.body.appendChild(document.createElement('vitrine-wheel'));
    el.setAttribute('mode', 'popup');
    el.setAttribute('capture', '');
    el.setAttribute('heading', 'Spin to win');
    el.setAttribute('campaign', `layout-popup-${width}`);
    el.innerHTML = SEGMENTS;
    await el.updateComplete;
    expect(await el.show()).toBe(true);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const dial = el.shadowRoot!.querySelector('.dial')!.getBoundingClientRect();
    const card = el.shadowRoot!.querySelector('dialog')!.getBoundingClientRect();
    // About 16rem (40 % of a short screen): never the sliver the form used to leave (about 60 px).
    expect(dial.height, `${width}×${height}: the dial`).toBeGreaterThan(Math.min(240, height * 0.35));
    expect(el.shadowRoot!.querySelector('[part~="email-input"]'), `${width}×${height}`).not.toBeNull();
    expect(card.bottom, `${width}×${height}: the card`).toBeLessThanOrEqual(height);
    el.hide();
    el.remove();
  }
});

test('the pointer is a small triangle at the top of the dial, in every engine (WebKit drew it 233 × 280 px)', async () => {
  await page.viewport(1024, 900);
  const cases = [
    ['inline', ''],
    ['pop-up', 'mode="popup"'],
  ] as const;
  for (const [name, attributes] of cases) {
    const holder = document.body.appendChild(document.createElement('div'));
    holder.innerHTML = `<vitrine-wheel campaign="pointer-${name}" after-overlay="allow" ${attributes}>${SEGMENTS}</vitrine-wheel>`;
    const el = holder.querySelector('vitrine-wheel')!;
    await el.updateComplete;
    if (name === 'pop-up') expect(await el.show()).toBe(true);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const dial = el.shadowRoot!.querySelector('.dial')!.getBoundingClientRect();
    const pointer = el.shadowRoot!.querySelector('[part~="pointer"]')!.getBoundingClientRect();
    expect(dial.width, name).toBeGreaterThan(150);
    // 12 % of the dial wide, 20:24 tall, centred on its top edge.
    expect(pointer.width / dial.width, `${name}: pointer width`).toBeCloseTo(0.12, 2);
    expect(pointer.height / pointer.width, `${name}: pointer shape`).toBeCloseTo(24 / 20, 1);
    expect(pointer.left + pointer.width / 2, `${name}: centred`).toBeCloseTo(dial.left + dial.width / 2, 0);
    expect(pointer.top, `${name}: at the top`).toBeLessThan(dial.top + dial.height * 0.15);
    if (name === 'pop-up') el.hide();
    holder.remove();
  }
});

test('far below the fold the browser skips drawing the card, which keeps its room, and draws it once scrolled to', async () => {
  await page.viewport(1024, 900);
  const root = document.body.appendChild(document.createElement('div'));
  root.innerHTML = `<div style="height: 400vh"></div><vitrine-wheel campaign="far" heading="Spin to win">${SEGMENTS}</vitrine-wheel><p>After</p>`;
  const el = root.querySelector('vitrine-wheel')!;
  await el.updateComplete;
  await frames();
  const room = () => {
    const box = el.getBoundingClientRect();
    return {
      width: box.width,
      height: box.height,
      after: root.querySelector('p')!.getBoundingClientRect().top - box.top,
    };
  };
  const far = room();
  expect(far.width).toBeGreaterThan(300);
  // The card's shape, skipped or not: its width and 3:4.
  expect(far.height).toBeCloseTo((far.width * 4) / 3, 0);
  const dial = el.shadowRoot!.querySelector('.dial')!;
  // Where the browser can skip content off screen (content-visibility: auto), it does here.
  if (CSS.supports('content-visibility', 'auto'))
    expect(dial.checkVisibility({ contentVisibilityAuto: true })).toBe(false);

  el.scrollIntoView();
  await frames();
  expect(dial.checkVisibility({ contentVisibilityAuto: true })).toBe(true);
  const near = room();
  for (const key of ['width', 'height', 'after'] as const) expect(near[key], key).toBeCloseTo(far[key], 1);
  expect(el.shadowRoot!.querySelectorAll('[part~="slice"]')).toHaveLength(3);
  expect(dial.getBoundingClientRect().width).toBeGreaterThan(150);
  root.remove();
  window.scrollTo(0, 0);
});
