/** What every widget's stories share: the controls of the attributes common to all six (SPEC section 2). */
import type { ArgTypes } from '@storybook/web-components-vite';

const dateText = 'ISO 8601 date-time, e.g. `2026-11-27T23:59:00+01:00` or `2026-11-27T23:59` in `timezone`';

/** Controls for `campaign`, `start`, `end`, `timezone`, `lang`, `variant` and `preview` (what preview means for this widget). */
export function commonArgTypes(previewDescription: string): ArgTypes {
  return {
    campaign: {
      control: 'text',
      description: 'Key for storage, analytics and the bus.',
      table: { category: 'common' },
    },
    start: { control: 'text', description: `Hidden before: ${dateText}.`, table: { category: 'common' } },
    end: { control: 'text', description: `Hidden after: ${dateText}.`, table: { category: 'common' } },
    timezone: { control: 'text', description: 'IANA zone, e.g. `Europe/Paris`.', table: { category: 'common' } },
    lang: {
      control: 'select',
      options: ['', 'en', 'fr'],
      description: 'Language of the built-in texts; empty: the nearest `[lang]` (the toolbar).',
      table: { category: 'common' },
    },
    variant: { control: 'text', description: 'A/B label for analytics.', table: { category: 'common' } },
    preview: { control: 'boolean', description: previewDescription, table: { category: 'common' } },
  };
}
