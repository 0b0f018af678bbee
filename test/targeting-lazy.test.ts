/**
 * The targeting rules are a chunk of their own (most pages have no rule and never download them):
 * a widget with a rule shows nothing until that chunk has arrived — no flash, no `view` — then is
 * judged; a widget without rules never asks for it. Its own file: a fresh page where the chunk is
 * not loaded yet.
 */
import { expect, test } from 'vitest';
import { fixture } from '@open-wc/testing-helpers';
import { getBus, loadTargeting, type TrackMessage, type VitrineElement } from '@vitrine/core';
import '@vitrine/sticky-bar/define';
import { useTestPage } from './support/fixture.js';

useTestPage();

test('a widget with a rule waits for the rules, hidden, then shows when they match; its view comes then', async () => {
  const tracked: TrackMessage[] = [];
  const stop = getBus().subscribe('track', (message) => tracked.push(message));
  const plain = await fixture<VitrineElement>(`<vitrine-sticky-bar campaign="a"><p>Hi</p></vitrine-sticky-bar>`);
  expect(plain.shadowRoot!.children.length).toBeGreaterThan(0);

  const ruled = await fixture<VitrineElement>(
    `<vitrine-sticky-bar campaign="b" exclude-pages="/nowhere"><p>Hi</p></vitrine-sticky-bar>`,
  );
  expect(ruled.shadowRoot!.children.length).toBe(0);
  expect(ruled.debugState()).toMatchObject({
    shown: false,
    code: 'targeting',
    reason: 'targeting: its rules are loading (exclude-pages="/nowhere")',
  });
  expect(tracked.filter((message) => message.campaign === 'b')).toEqual([]);

  await loadTargeting();
  await ruled.updateComplete;
  expect(ruled.shadowRoot!.children.length).toBeGreaterThan(0);
  expect(tracked.filter((message) => message.campaign === 'b').map((message) => message.action)).toEqual(['view']);
  stop();
});
