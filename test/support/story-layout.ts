/**
 * After every story (the storybook project of `npm test`, called by .storybook/preview.ts's
 * `afterEach` once axe has run, so that resizing never disturbs what axe reads), in every engine: the story's widgets at
 * 320, 375 and 1280 px wide — no part of a widget outside its box (top-layer and fixed parts: outside
 * the viewport), no sideways page scroll, and each widget's size within 15 % of Chromium's.
 *
 * Chromium's sizes are recorded in test/layout/chromium/<story file>.json. After a deliberate change
 * of a widget's size, record them again:
 *   VITRINE_ENGINES=chromium VITRINE_LAYOUT_UPDATE=1 npx vitest run --project 'storybook (chromium)'
 */
import { afterAll, expect, inject } from 'vitest';
import { commands, page, server } from 'vitest/browser';
import { sidewaysScroll, widgetProblems, widgetSizes, widgetsIn } from './layout.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    layoutUpdate: boolean;
  }
}

export const LAYOUT_WIDTHS = [
  [320, 640],
  [375, 667],
  [1280, 800],
] as const;
/**
 * A size may differ from Chromium's by 15 %, or by 4 px for a small box; a height also by one line
 * of text (24 px), since a sentence that just fits in one engine wraps in another (font metrics).
 */
const SIZE_TOLERANCE = 0.15;
const SIZE_SLACK_PX = 4;
const LINE_PX = 24;

type Sizes = Record<string, Array<[number, number]>>;

/**
 * Rows that wrap at another point in one engine because its font metrics differ by a fraction of a
 * pixel (WebKit's bold digits are 0.6 px wider: the storefront's sale countdown, its label beside the
 * digits in Chromium and Firefox at 375 px, goes on a line of its own). There the width is the
 * engine's own; the height is still compared. Listed in RELIABILITY.md.
 */
const FONT_METRIC_WRAPS = new Set(
  ['Storefront', 'Dark', 'Copy Snippet'].map((story) => `storefront/${story} @375/vitrine-countdown/webkit`),
);

const engine = server.browser === 'safari' ? 'webkit' : server.browser;
const update = inject('layoutUpdate') && engine === 'chromium';
let recorded: Sizes | null = null;
let file = '';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function baseline(path: string): Promise<Sizes> {
  if (recorded) return recorded;
  file = path;
  try {
    recorded = JSON.parse(await commands.readFile(path)) as Sizes;
  } catch {
    recorded = {};
  }
  return recorded;
}

/** What .storybook/preview.ts calls after each story when it runs as a test. */
export type StoryLayoutCheck = (story: { title: string; name: string }) => Promise<void>;

async function checkStory(story: { title: string; name: string }): Promise<void> {
  const task = { name: story.name };
  const widgets = widgetsIn();
  if (widgets.length === 0) return;
  // "Widgets/Exit pop-up" → exit-pop-up.json: one file per story file, each written by its own page.
  const storyFile = story.title
    .split('/')
    .pop()!
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const sizes = await baseline(`test/layout/chromium/${storyFile}.json`);
  const problems: string[] = [];
  for (const [width, height] of LAYOUT_WIDTHS) {
    await page.viewport(width, height);
    await nextFrame();
    await nextFrame();
    const at = `${width} px`;
    const scroll = sidewaysScroll();
    if (scroll) problems.push(`${at}: ${scroll}`);
    for (const widget of widgets) for (const problem of widgetProblems(widget)) problems.push(`${at}: ${problem}`);
    const key = `${task.name} @${width}`;
    const measured = widgetSizes(widgets);
    if (update) sizes[key] = measured;
    else if (!sizes[key]) problems.push(`${at}: no size recorded for Chromium (see test/support/story-layout.ts)`);
    else
      measured.forEach(([w, h], index) => {
        const [chromiumW, chromiumH] = sizes[key][index] ?? [NaN, NaN];
        const off = (mine: number, theirs: number, slack: number) =>
          Math.abs(mine - theirs) > Math.max(slack, theirs * SIZE_TOLERANCE);
        const ownWidth = FONT_METRIC_WRAPS.has(`${storyFile}/${key}/${widgets[index].localName}/${engine}`);
        if (!(index in sizes[key]) || (!ownWidth && off(w, chromiumW, SIZE_SLACK_PX)) || off(h, chromiumH, LINE_PX))
          problems.push(
            `${at}: <${widgets[index].localName}> is ${w}×${h} px in ${engine}, ${chromiumW}×${chromiumH} px in Chromium`,
          );
      });
  }
  await page.viewport(414, 896);
  expect(problems, `layout of "${task.name}" in ${engine}`).toEqual([]);
}

(globalThis as { vitrineStoryLayout?: StoryLayoutCheck }).vitrineStoryLayout = checkStory;

afterAll(async () => {
  if (update && recorded) await commands.writeFile(file, `${JSON.stringify(recorded, null, 1)}\n`);
});
