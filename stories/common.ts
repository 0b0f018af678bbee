/** What every widget's stories share: the controls of the attributes common to all six (SPEC section 2). */
import type { ArgTypes } from '@storybook/web-components-vite';
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { AFTER_OVERLAY, CONSENT_MODES } from '@vitrine/core';

const dateText = 'ISO 8601 date-time, e.g. `2026-11-27T23:59:00+01:00` or `2026-11-27T23:59` in `timezone`';

/** Controls for `campaign`, `start`, `end`, `timezone`, `lang`, `variant` and `preview` (what preview means for this widget), the recurrence and the targeting. */
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
    ...recurrenceArgTypes,
    ...targetingArgTypes,
  };
}

/** The recurrence attributes every widget has: shown only during each occurrence, inside `start`/`end`. */
export const RECURRENCE_ATTRIBUTES = ['every', 'days', 'from', 'until'] as const;

const recurrenceText = (description: string) => ({
  control: 'text' as const,
  description,
  table: { category: 'recurrence' },
});

/** Controls for the recurrence (in `timezone`); a widget between two occurrences still shows in preview. */
export const recurrenceArgTypes: ArgTypes = {
  every: {
    control: 'select',
    options: ['', 'day', 'week', 'month'],
    description:
      '`day` (default): on `days`, from `from` to `until`; `week`: `from="fri 18:00" until="sun 23:59"`; `month`: `from="1 00:00" until="3 23:59"`.',
    table: { category: 'recurrence' },
  },
  days: recurrenceText('Days of the week, in English: `fri,sat,sun`, `mon-fri`. Empty: every day.'),
  from: recurrenceText('Start of each occurrence: `18:00` (daily), `fri 18:00` (weekly), `1 00:00` (monthly).'),
  until: recurrenceText('End of each occurrence, same form; at or before `from`: the next day, week or month.'),
};

/**
 * Controls for the attributes of a pop-up (core's PopupElement: the exit pop-up, the wheel in pop-up
 * mode): when it opens, in `category`, each description after `prefix`.
 */
export function popupArgTypes(category: string, prefix = ''): ArgTypes {
  const table = { category };
  const say = (text: string) => (prefix ? `${prefix}${text}` : `${text[0].toUpperCase()}${text.slice(1)}`);
  return {
    trigger: {
      control: 'text',
      description: say(
        `when it opens, space-separated, any fires: \`exit\` (default: leaving through the top; on touch a fast scroll up), \`time:20s\`, \`scroll:50%\`, \`idle:30s\`.`,
      ),
      table,
    },
    'min-time': {
      control: 'text',
      description: say(`never before the visitor has been this long on the page (default \`5s\`, \`0\` for none).`),
      table,
    },
    'dismiss-for': {
      control: 'text',
      description: say(`once closed, stays closed this long: a duration (\`7d\` default) or \`session\`.`),
      table,
    },
    'after-overlay': {
      control: 'select',
      options: ['', ...AFTER_OVERLAY],
      description: say(`\`skip\` (default): not after another overlay was shown; \`allow\`: once it has closed.`),
      table,
    },
    open: {
      control: 'boolean',
      description: say(`open now (reflected). From code: \`el.open = true\`, \`el.show()\`, \`el.hide()\`.`),
      table,
    },
    // Properties a page sets from code; their attributes above are the controls.
    minTime: { control: false, table: { category: 'properties' } },
    dismissFor: { control: false, table: { category: 'properties' } },
    afterOverlay: { control: false, table: { category: 'properties' } },
  };
}

/** Controls for the email capture of a pop-up (core's PopupElement): `capture` says what the form does here. */
export function leadArgTypes(captureDescription: string): ArgTypes {
  const table = { category: 'email capture' };
  return {
    capture: { control: 'boolean', description: captureDescription, table },
    'consent-text': {
      control: 'text',
      description: 'The consent wording, shown and recorded with the lead.',
      table,
    },
    consent: {
      control: 'select',
      options: ['', ...CONSENT_MODES],
      description: '`explicit` (default): an unticked checkbox; `implied`: submitting is the consent.',
      table,
    },
    action: {
      control: 'select',
      options: ['', 'shopify', 'klaviyo', 'mailchimp', '/api/leads'],
      description:
        'Where the lead goes: `shopify`, an e-mail tool (`klaviyo`, `mailchimp`) or an http(s) URL (your webhook: the way for Brevo and Omnisend). Nothing is sent in `preview`.',
      table,
    },
    'public-key': {
      control: 'text',
      description: 'With `klaviyo`: the public API key (Site ID, 6 characters). A private key is refused.',
      table,
    },
    list: { control: 'text', description: 'With `klaviyo`: the list id.', table },
    'form-url': {
      control: 'text',
      description:
        'With `mailchimp`: the embedded form’s action (`https://….list-manage.com/subscribe/post?u=…&id=…`).',
      table,
    },
    'double-opt-in': {
      control: 'boolean',
      description: 'The list sends a confirmation e-mail: the shopper is told to check their inbox.',
      table,
    },
    'code-endpoint': {
      control: 'text',
      description:
        'Your server’s URL that answers `{ code }`: a single-use code per lead (the static code if it fails).',
      table,
    },
    reveal: {
      control: 'select',
      options: ['', 'now', 'confirmed'],
      description:
        'While a double opt-in provider waits for the confirmation: `now` (default) shows the code, `confirmed` does not.',
      table,
    },
    consentText: { control: false, table: { category: 'properties' } },
    publicKey: { control: false, table: { category: 'properties' } },
    formUrl: { control: false, table: { category: 'properties' } },
    doubleOptIn: { control: false, table: { category: 'properties' } },
    codeEndpoint: { control: false, table: { category: 'properties' } },
  };
}

/** The lead destination controls of `leadArgTypes` (the pop-up and the wheel). */
export interface LeadDestinationArgs {
  'public-key'?: string;
  list?: string;
  'form-url'?: string;
  'double-opt-in'?: boolean;
  'code-endpoint'?: string;
  reveal?: string;
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
 * `<vitrine-x ${targeting(args)}>`: sets the targeting and recurrence attributes the controls hold and
 * removes the empty ones, so each story file passes all twelve in one place.
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
      for (const name of [...TARGETING_ATTRIBUTES, ...RECURRENCE_ATTRIBUTES]) {
        const value = (args as Partial<Record<string, unknown>>)[name];
        if (typeof value === 'string' && value.trim()) part.element.setAttribute(name, value);
        else part.element.removeAttribute(name);
      }
      return noChange;
    }
  },
);
