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
 * Every test starts with its own frame focused: Vitest keeps the frames of earlier files in the page,
 * and over WebDriver BiDi (Firefox) real key presses go to whichever frame had focus last.
 */
beforeEach(() => window.focus());
