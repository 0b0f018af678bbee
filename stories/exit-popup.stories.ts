/**
 * <vitrine-exit-popup>: every state a shopper can meet, with a control for every attribute.
 * Every story is in `preview` (nothing stored, nothing sent) and opens the pop-up from code
 * (the `open` attribute), so a designer sees each state at once. Each story renders in its own
 * frame on the docs page: a modal dialog would otherwise cover the whole page.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LEAD_FORM_STATES, loadCoupon, type LeadFormState } from '@vitrine/core';
import '@vitrine/exit-popup/define';
import { commonArgTypes, leadArgTypes, popupArgTypes, targeting, type LeadDestinationArgs } from './common.ts';

type Popup = HTMLElementTagNameMap['vitrine-exit-popup'];

/** The story's controls: one per attribute (by its attribute name), plus the state of the form and the slots' text. */
interface PopupArgs extends LeadDestinationArgs {
  trigger?: string;
  'min-time'?: string;
  'dismiss-for'?: string;
  heading?: string;
  text?: string;
  capture?: boolean;
  'consent-text'?: string;
  consent?: string;
  action?: string;
  'submit-label'?: string;
  code?: string;
  'after-overlay'?: string;
  open?: boolean;
  campaign?: string;
  start?: string;
  end?: string;
  timezone?: string;
  lang?: string;
  variant?: string;
  preview?: boolean;
  formState?: LeadFormState;
  headingSlot?: string;
  textSlot?: string;
  /** Listed in the docs table only (no control): the properties of the attributes above, set from code. */
  minTime?: string;
  dismissFor?: string;
  consentText?: string;
  submitLabel?: string;
  afterOverlay?: string;
}

/** Empty controls leave the attribute out, as a merchant who did not write it. */
const attr = (value: string | undefined) => ifDefined(value ? value : undefined);

const render = (args: PopupArgs) =>
  html`<vitrine-exit-popup
    trigger=${attr(args.trigger)}
    min-time=${attr(args['min-time'])}
    dismiss-for=${attr(args['dismiss-for'])}
    heading=${attr(args.heading)}
    text=${attr(args.text)}
    ?capture=${args.capture}
    consent-text=${attr(args['consent-text'])}
    consent=${attr(args.consent)}
    action=${attr(args.action)}
    public-key=${attr(args['public-key'])}
    list=${attr(args.list)}
    form-url=${attr(args['form-url'])}
    ?double-opt-in=${args['double-opt-in']}
    code-endpoint=${attr(args['code-endpoint'])}
    submit-label=${attr(args['submit-label'])}
    code=${attr(args.code)}
    reveal=${attr(args.reveal)}
    after-overlay=${attr(args['after-overlay'])}
    ?open=${args.open}
    campaign=${attr(args.campaign)}
    start=${attr(args.start)}
    end=${attr(args.end)}
    timezone=${attr(args.timezone)}
    lang=${attr(args.lang)}
    variant=${attr(args.variant)}
    ?preview=${args.preview}
    ${targeting(args)}
    .formState=${args.formState ?? 'idle'}
    >${args.headingSlot ? html`<span slot="heading">${args.headingSlot}</span>` : nothing}${
      args.textSlot ? html`<p>${args.textSlot}</p>` : nothing
    }</vitrine-exit-popup
  >`;

/** The pop-up of a story, once rendered; with `open`, once its dialog is shown. */
async function popupIn(canvasElement: HTMLElement, { open = true } = {}): Promise<Popup> {
  const el = canvasElement.querySelector('vitrine-exit-popup');
  if (!el) throw new Error('no <vitrine-exit-popup> in the story');
  await el.updateComplete;
  if (open) await waitFor(() => expect(el.shadowRoot!.querySelector('dialog')!.matches(':modal')).toBe(true));
  return el;
}

const part = (el: Popup, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

const meta = {
  title: 'Widgets/Exit pop-up',
  component: 'vitrine-exit-popup',
  // The code block (copy button) is a chunk a page fetches when a code is about to show; a story
  // shows its code at once, so it is here before the story renders.
  loaders: [async () => void (await loadCoupon())],
  render,
  args: {
    heading: 'Wait! 10% off your first order',
    text: 'Join our newsletter and get your code now.',
    campaign: 'storybook-popup',
    preview: true,
    open: true,
    formState: 'idle',
  },
  parameters: {
    // A modal covers its page: on the docs page each story keeps to its own frame.
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  argTypes: {
    ...popupArgTypes('when'),
    heading: { control: 'text', description: 'The title, as text.', table: { category: 'content' } },
    text: { control: 'text', description: 'The message, as text.', table: { category: 'content' } },
    code: {
      control: 'text',
      description: 'A coupon code, shown with a copy button once the email is taken (at once without `capture`).',
      table: { category: 'content' },
    },
    headingSlot: {
      name: 'slot: heading',
      control: 'text',
      description: 'Text put in the `heading` slot (wins over the attribute).',
      table: { category: 'slots' },
    },
    textSlot: {
      name: 'slot: (default)',
      control: 'text',
      description: 'Text put in the default slot (wins over the attribute); rich content comes this way.',
      table: { category: 'slots' },
    },
    ...leadArgTypes('Shows the email form.'),
    'submit-label': {
      control: 'text',
      description: 'The sign-up button’s text.',
      table: { category: 'email capture' },
    },
    formState: {
      control: 'select',
      options: LEAD_FORM_STATES,
      description: 'The form’s state (a property): set it to show one state in a design preview.',
      table: { category: 'email capture' },
    },
    ...commonArgTypes('Designer mode: ignores start/end and past dismissals, stores and sends nothing.'),
    // Properties a page sets from code; their attributes above are the controls.
    submitLabel: { control: false, table: { category: 'properties' } },
  },
} satisfies Meta<PopupArgs>;

export default meta;
type Story = StoryObj<PopupArgs>;

/**
 * Closed, as on a page before any trigger: nothing shows. It opens on exit intent (after 5 s,
 * move the pointer out through the top of this frame) or with the button, which calls `show()`.
 */
export const Closed: Story = {
  args: { open: false, code: 'WELCOME10' },
  render: (args) =>
    html`<p>The pop-up is closed. It opens when the pointer leaves through the top of the page (after 5 s), or:</p>
      <button
        type="button"
        @click=${(event: Event) =>
          void (event.currentTarget as HTMLElement).parentElement!.querySelector('vitrine-exit-popup')!.show()}
      >
        Open the pop-up
      </button>
      ${render(args)}`,
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement, { open: false });
    // Closed, it renders nothing at all until it is about to open.
    await expect(el.shadowRoot!.querySelector('dialog')).toBeNull();
    await userEvent.click(canvasElement.querySelector('button')!);
    await waitFor(() => expect(el.shadowRoot!.querySelector('dialog')?.matches(':modal')).toBe(true));
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await userEvent.click(part(el, 'close-button')!);
    await waitFor(() => expect(dialog.open).toBe(false));
  },
};

/** Open, a plain offer: no form, the code shown at once with its copy button. */
export const Open: Story = {
  args: { heading: 'Before you go…', text: 'Here is 10% off your order, today only.', code: 'STAY10' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'heading')!.textContent.trim()).toBe('Before you go…');
    await expect((part(el, 'coupon-code') as HTMLInputElement).value).toBe('STAY10');
    await expect(part(el, 'close-button')!.getAttribute('aria-label')).toBe('Close');
    await expect(el.open).toBe(true);
  },
};

/** With the email form: a field, an unticked consent checkbox, the sign-up button. */
export const WithCapture: Story = {
  args: { capture: true, code: 'WELCOME10', 'submit-label': 'Get my 10%' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'form')).not.toBeNull();
    await expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!.checked).toBe(false);
    await expect(part(el, 'submit')!.textContent.trim()).toBe('Get my 10%');
    // The code waits for the email.
    await expect(part(el, 'coupon')).toBeNull();
  },
};

/** Rich content through the slots (they win over the attributes). */
export const WithSlots: Story = {
  args: { capture: true, headingSlot: 'Join the Tea Club', textSlot: 'First dibs on new harvests, and 10% off.' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'heading')!.querySelector('slot')!.assignedElements()[0].textContent).toBe(
      'Join the Tea Club',
    );
  },
};

/** A mistyped address: the inline error, the field marked invalid and focused. */
export const FormError: Story = {
  args: { capture: true, code: 'WELCOME10' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    const input = part(el, 'email-input') as HTMLInputElement;
    await userEvent.type(input, 'ada@example');
    await userEvent.click(el.shadowRoot!.querySelector('input[name="consent"]')!);
    await userEvent.click(part(el, 'submit')!);
    await waitFor(() => expect(el.formState).toBe('invalid-email'));
    await expect(part(el, 'error')!.textContent).toBe('Enter a valid email address, like name@example.com.');
    await expect(input.getAttribute('aria-invalid')).toBe('true');
  },
};

/** Submitted without ticking the consent box: refused, and the box is pointed out. */
export const ConsentMissing: Story = {
  args: { capture: true, formState: 'consent-missing', 'consent-text': 'Yes, send me offers by email.' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'error')!.textContent).toBe('Tick the box to agree before you sign up.');
    await expect(part(el, 'consent')!.textContent).toContain('Yes, send me offers by email.');
  },
};

/** `consent="implied"`: no checkbox; the wording says that signing up is the consent. */
export const ConsentImplied: Story = {
  args: { capture: true, consent: 'implied' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(el.shadowRoot!.querySelector('input[name="consent"]')).toBeNull();
    await expect(part(el, 'consent')!.textContent).toMatch(/^By signing up you agree/);
  },
};

/** While the lead is being sent: the button says so and does not send twice. */
export const Submitting: Story = {
  args: { capture: true, formState: 'submitting' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'submit')!.textContent.trim()).toBe('Sending…');
    await expect(part(el, 'submit')!.getAttribute('aria-disabled')).toBe('true');
  },
};

/** Offline (or the endpoint down): the lead is kept and sent again; the shopper is told the truth, and gets the code. */
export const SavedOffline: Story = {
  args: { capture: true, formState: 'saved', code: 'WELCOME10' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'status')!.textContent).toBe(
      'Saved! We will confirm your sign-up as soon as the connection is back.',
    );
    await expect((part(el, 'coupon-code') as HTMLInputElement).value).toBe('WELCOME10');
  },
};

/**
 * Double opt-in (a Klaviyo list with `double-opt-in`, or Mailchimp saying so): the shopper is told
 * to confirm from their inbox, not that they are signed up; the code shows unless `reveal="confirmed"`.
 */
export const CheckYourInbox: Story = {
  args: {
    capture: true,
    formState: 'pending',
    code: 'WELCOME10',
    action: 'klaviyo',
    'public-key': 'AbC123',
    list: 'Y6nRLr',
    'double-opt-in': true,
  },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'status')!.textContent).toBe(
      'Almost done: check your inbox and click the link in our e-mail to confirm your sign-up.',
    );
    await expect((part(el, 'coupon-code') as HTMLInputElement).value).toBe('WELCOME10');
  },
};

/** The endpoint refused the address (a 4xx): an error the shopper can act on. */
export const Rejected: Story = {
  args: { capture: true, formState: 'rejected' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'error')!.textContent).toBe('We could not sign up this address. Check it and try again.');
  },
};

/** Signed up (here for real, in preview: nothing is sent): the thanks, and the code with its copy button. */
export const SuccessWithCode: Story = {
  args: { capture: true, code: 'WELCOME10' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await userEvent.type(part(el, 'email-input')!, 'ada@example.com');
    await userEvent.click(el.shadowRoot!.querySelector('input[name="consent"]')!);
    await userEvent.click(part(el, 'submit')!);
    await waitFor(() => expect(el.formState).toBe('success'));
    await expect(part(el, 'status')!.textContent).toBe('Thank you, you are signed up!');
    await expect((part(el, 'coupon-code') as HTMLInputElement).value).toBe('WELCOME10');
    await expect(part(el, 'copy-button')!.getAttribute('aria-label')).toBe('Copy the code WELCOME10');
  },
};

/** French, from the language toolbar (a `lang` on the wrapper); the `lang` control overrides it. */
export const French: Story = {
  args: {
    heading: 'Attendez ! -10 % sur votre première commande',
    text: 'Inscrivez-vous à la newsletter et recevez votre code.',
    capture: true,
    code: 'BIENVENUE10',
  },
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    await expect(part(el, 'close-button')!.getAttribute('aria-label')).toBe('Fermer');
    await expect(part(el, 'email-label')!.textContent).toBe('Adresse e-mail');
    await expect(part(el, 'submit')!.textContent.trim()).toBe('Je m’inscris');
  },
};

/** On a dark page, with the shared `--vitrine-color-*` tokens set by the page (here, the dark background). */
export const Dark: Story = {
  args: { capture: true, formState: 'invalid-email', code: 'WELCOME10' },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(31, 41, 55)');
    await expect(getComputedStyle(dialog).color).toBe('rgb(249, 250, 251)');
    await expect(getComputedStyle(part(el, 'submit')!).backgroundColor).toBe('rgb(251, 191, 36)');
  },
};

/**
 * Right to left (`dir="rtl"` on the page, an ancestor or the tag), with the merchant's Hebrew
 * texts: the close button in the top left corner, the form's fields and consent line from the right.
 */
export const RightToLeft: Story = {
  args: {
    heading: 'רגע לפני שהולכים!',
    text: 'הירשמו לניוזלטר וקבלו 10% הנחה על ההזמנה הראשונה.',
    capture: true,
    'consent-text': 'אני מסכים/ה לקבל מבצעים במייל. אפשר לבטל בכל עת.',
    'submit-label': 'קבלו את הקוד',
    code: 'WELCOME10',
  },
  render: (args) => html`<div dir="rtl" lang="he">${render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await popupIn(canvasElement);
    const card = el.shadowRoot!.querySelector('dialog')!.getBoundingClientRect();
    const close = part(el, 'close-button')!.getBoundingClientRect();
    await expect(close.right).toBeLessThan(card.left + card.width / 2);
    const label = part(el, 'email-label')!.getBoundingClientRect();
    const input = part(el, 'email-input')!.getBoundingClientRect();
    await expect(label.right).toBeCloseTo(input.right, 0);
  },
};
