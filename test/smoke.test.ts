import { expect, test } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import '@vitrine/countdown/define';

test('a countdown renders digits', async () => {
  const el = await fixture(html`<vitrine-countdown deadline="2099-01-01T00:00:00Z"></vitrine-countdown>`);
  expect(el.shadowRoot!.querySelector('[part~=value]')).not.toBeNull();
});
