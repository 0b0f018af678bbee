/** What every widget's stories share: the controls of the attributes common to all six (SPEC section 2). */
import type { ArgTypes } from '@storybook/web-components-vite';
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

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
    ...targetingArgTypes,
  };
}

/** The targeting attributes every widget has (SPEC section 2, "Targeting"). */
export const TARGETING_ATTRIBUTES = [
  'pages',
  'exclude-pages',
  'device',
  'visitor',
  'cart-min',
  'cart-max',
  'customer',
  'utm-source',
] as const;

/** The targeting controls' values, by attribute name. */
export type TargetingArgs = Partial<Record<(typeof TARGETING_ATTRIBUTES)[number], string>>;

const targetingText = (description: string) => ({
  control: 'text' as const,
  description,
  table: { category: 'targeting' },
});
const targetingChoice = (options: string[], description: string) => ({
  control: 'select' as const,
  options: ['', ...options],
  description,
  table: { category: 'targeting' },
});

/** Controls for the targeting attributes; a widget hidden by one still shows in preview (the stories' default). */
export const targetingArgTypes: ArgTypes = {
  pages: targetingText(
    'Only on these paths, space-separated: `/products/*` (one segment), `/collections/**` (any depth).',
  ),
  'exclude-pages': targetingText('Never on these paths (same patterns).'),
  device: targetingChoice(['mobile', 'desktop'], 'Touch screen or narrower than 750 px, or the others.'),
  visitor: targetingChoice(['new', 'returning'], 'Returning: first seen more than 30 minutes ago.'),
  'cart-min': targetingText('Only while the cart total is at least this (major units); hidden while no cart is known.'),
  'cart-max': targetingText('Only while the cart total is at most this.'),
  customer: targetingText('`guest`, `member` or `tag:<tag>` (from the bus `customer` topic).'),
  'utm-source': targetingText('Only when the session landed with this `utm_source`.'),
};

/**
 * `<vitrine-x ${targeting(args)}>`: sets the targeting attributes the controls hold and removes the
 * empty ones, so each story file passes all eight in one place.
 */
export const targeting = directive(
  class extends Directive {
    constructor(part: PartInfo) {
      super(part);
      if (part.type !== PartType.ELEMENT) throw new Error('targeting() goes on an element');
    }

    render(_args: object) {
      return noChange;
    }

    override update(part: ElementPart, [args]: [object]) {
      for (const name of TARGETING_ATTRIBUTES) {
        const value = (args as Partial<Record<string, unknown>>)[name];
        if (typeof value === 'string' && value.trim()) part.element.setAttribute(name, value);
        else part.element.removeAttribute(name);
      }
      return noChange;
    }
  },
);
