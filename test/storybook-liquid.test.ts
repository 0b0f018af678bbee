/**
 * Storybook's "Show code" for theme developers (.storybook/liquid.ts): beside a story's HTML, the
 * same settings as the examples/shopify section's, with ids its `{% schema %}` has.
 */
import { expect, test } from 'vitest';
import { widgetSnippet } from '../.storybook/snippet.ts';
import { schemaOf } from './shopify-theme.js';

/** The JSON that follows the HTML in the story's code. */
function sectionsOf(
  code: string,
): Record<string, { type: string; settings: Record<string, unknown>; blocks?: unknown }> {
  const match = /<!-- Shopify theme[^\n]*\n[^\n]*\n([\s\S]*)\n-->$/.exec(code);
  expect(match, code).not.toBeNull();
  return JSON.parse(match![1]) as ReturnType<typeof sectionsOf>;
}

test('a countdown story: its HTML, then the section settings a JSON template holds', () => {
  const code = widgetSnippet(
    '<div class="frame"><vitrine-countdown daily="14:00" label="Order within" on-end="stay" customer="tag:vip" preview></vitrine-countdown></div>',
  );
  expect(code.startsWith('<vitrine-countdown daily="14:00"')).toBe(true);
  expect(code).toContain("{% render 'vitrine-countdown', settings: section.settings, id: section.id %}");
  expect(sectionsOf(code)).toEqual({
    countdown_1: {
      type: 'vitrine-countdown',
      settings: { daily: '14:00', label: 'Order within', on_end: 'stay', customer: 'tag', customer_tag: 'vip' },
    },
  });
});

test("a pop-up's and a wheel's own settings take the section's prefix; slices become blocks", () => {
  const code = widgetSnippet(`
    <vitrine-wheel mode="popup" heading="Spin" spins="2" capture campaign="w">
      <vitrine-wheel-segment label="-10 %" code="TEN" weight="3"></vitrine-wheel-segment>
      <vitrine-wheel-segment label="Lost"></vitrine-wheel-segment>
    </vitrine-wheel>`);
  const { wheel_1: wheel } = sectionsOf(code);
  expect(wheel).toEqual({
    type: 'vitrine-wheel',
    settings: { wheel_mode: 'popup', wheel_heading: 'Spin', wheel_spins: 2, wheel_capture: true, campaign: 'w' },
    blocks: {
      segment_1: { type: 'segment', settings: { label: '-10 %', code: 'TEN', weight: 3 } },
      segment_2: { type: 'segment', settings: { label: 'Lost' } },
    },
    block_order: ['segment_1', 'segment_2'],
  });
  // Every setting named is one the section's schema has.
  const ids = new Set(schemaOf('sections/vitrine-wheel.liquid').settings.map((setting) => setting.id));
  for (const id of Object.keys(wheel.settings)) expect(ids).toContain(id);
});

test('a pop-up\'s e-mail tool is its section\'s "E-mail tool" block, rendered as the section does', () => {
  const code = widgetSnippet(
    '<vitrine-exit-popup capture action="klaviyo" public-key="AbC123" list="Y6nRLr" double-opt-in campaign="p"></vitrine-exit-popup>',
  );
  expect(code).toContain('lead: email_tool.settings');
  const { 'exit-popup_1': popup } = sectionsOf(code);
  expect(popup).toEqual({
    type: 'vitrine-exit-popup',
    settings: { popup_capture: true, campaign: 'p' },
    blocks: {
      email_tool_1: {
        type: 'email_tool',
        settings: {
          lead_provider: 'klaviyo',
          lead_public_key: 'AbC123',
          lead_list: 'Y6nRLr',
          lead_double_opt_in: true,
        },
      },
    },
    block_order: ['email_tool_1'],
  });
});
