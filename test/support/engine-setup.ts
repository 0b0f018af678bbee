import { beforeEach } from 'vitest';

/**
 * Runs in every browser test file, in every engine, before the file.
 *
 * Vitest sizes the test frame for `page.viewport()` by setting `transform: scale(s)` on the frame's
 * wrapper in its orchestrator page, even when `s` is 1 (the harness page is larger than any viewport
 * a test asks for, see scripts/engines/providers.ts). Playwright's Firefox (WebDriver BiDi) refuses to
 * click or hover inside a transformed frame ("element is not visible"), so a scale of exactly 1 is
 * written back as no transform: the same layout, and real input in every engine.
 */
const wrapper = window.frameElement?.parentElement;
if (wrapper) {
  const unscale = () => {
    if (/^scale\(1\)$/.test(wrapper.style.transform)) wrapper.style.transform = 'none';
  };
  new MutationObserver(unscale).observe(wrapper, { attributes: true, attributeFilter: ['style'] });
  unscale();
}

/**
 * Only this file's frame stays in the page. In one batch, Vitest's orchestrator appends a frame per
 * test file and removes the earlier ones only when the next batch starts; all are named
 * `vitest-iframe`, and Playwright's providers look the frame up by that name (the first one wins: a
 * finished file's frame), so keys, clicks and "Cannot find vitest-iframe" went astray in Firefox.
 * The earlier files have run to their end (the orchestrator awaits each file's cleanup) before this
 * one is loaded, so their frames are only debris.
 */
const ownFrame = window.frameElement;
if (ownFrame) {
  for (const frame of ownFrame.ownerDocument.querySelectorAll('iframe[data-vitest]')) {
    if (frame !== ownFrame) frame.remove();
  }
}

/**
 * Every test starts with its own frame focused: Vitest keeps the frames of earlier files in the page,
 * and over WebDriver BiDi (Firefox) real key presses go to whichever frame had focus last.
 */
beforeEach(() => window.focus());
