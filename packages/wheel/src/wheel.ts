import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CONSENT_MODES,
  PopupElement,
  prefersReducedMotion,
  type DebugReason,
  campaignKey,
  getBus,
  httpUrlAttribute,
  type DeliveryOutcome,
  type LeadMessage,
  leadFormStyles,
  noteOnce,
  overlayStyles,
  shopify,
  timeTravelling,
  warnOnce,
  type Catalog,
  durationAttribute,
  keywordAttribute,
  countAttribute,
} from '@vitrine/core';
import { draw, sliceBounds, stopAngle } from './draw.js';
import { isCssColor } from './color.js';
import { wheelStyles } from './wheel.styles.js';

export const WHEEL_MODES = ['inline', 'popup'] as const;
export type WheelMode = (typeof WHEEL_MODES)[number];

/** The values of `consent`: the core's, which every Vitrine pop-up shares. */
export const WHEEL_CONSENT: readonly ['explicit', 'implied'] = CONSENT_MODES;
export type WheelConsent = (typeof WHEEL_CONSENT)[number];

/** `spinning` while the wheel turns (or waits for the `endpoint`); `won`/`lost`: the last result; `failed`: the endpoint did not answer. */
export const WHEEL_STATES = ['idle', 'spinning', 'won', 'lost', 'failed'] as const;
export type WheelState = (typeof WHEEL_STATES)[number];

/** One valid slice, read from a `<vitrine-wheel-segment>`. */
export interface WheelSegment {
  label: string;
  /** null: a losing slice. */
  code: string | null;
  weight: number;
  /** The merchant's colour (checked), or null for the palette's. */
  color: string | null;
}

/** What a spin gave: the slice's label and its code (null for a losing slice). */
export interface WheelResult {
  label: string;
  code: string | null;
}

/** `detail` of `vitrine-prize`. */
export interface WheelPrizeDetail {
  label: string;
  code: string;
  campaign: string;
}

/** `detail` of `vitrine-spin`. */
export interface WheelSpinDetail {
  campaign: string;
}

const DEFAULT_DURATION_MS = 4000;
const MAX_DURATION_MS = 30_000;
/** Fast at first, then slower and slower to a stop: a wheel running down against friction. */
const SPIN_EASING = 'cubic-bezier(.2,.8,.25,1)';
/** The drawing, in viewBox units around 0,0: the rim's radius; labels sit between LABEL_FROM and LABEL_TO. */
const RADIUS = 96;
const LABEL_FROM = 26;
const LABEL_TO = 90;
const LABEL_MIDDLE = (LABEL_FROM + LABEL_TO) / 2;
/** Said in the console and in the debug list when no segment is valid. */
const NO_SEGMENT = 'no valid <vitrine-wheel-segment>: nothing to spin, nothing shown';

type Key =
  | 'name'
  | 'spin'
  | 'again'
  | 'spinning'
  | 'none'
  | 'leftOne'
  | 'leftOther'
  | 'won'
  | 'lost'
  | 'failed'
  | 'chances'
  | 'winAny'
  | 'rules'
  | 'free'
  | 'apply';

/** The wheel's own texts; other languages: core's i18n/texts/. */
export const wheelTexts: Catalog<Key> = {
  scope: 'wheel',
  en: {
    name: 'Wheel of fortune',
    spin: 'Spin the wheel',
    again: 'Spin again',
    spinning: 'Spinning…',
    none: 'No spins left',
    leftOne: '{count} left',
    leftOther: '{count} left',
    won: 'You won: {label}!',
    lost: 'The wheel stopped on “{label}”. No prize this time.',
    failed: 'The wheel is unavailable. Please try again in a moment.',
    chances: 'Chances of winning',
    winAny: 'Chance of winning a prize: {share}',
    rules: 'Contest rules',
    free: 'No purchase necessary.',
    apply: 'Apply to my cart',
  },
  fr: {
    name: 'Roue de la fortune',
    spin: 'Tourner la roue',
    again: 'Tourner encore',
    spinning: 'La roue tourne…',
    none: 'Plus de tours',
    leftOne: 'encore {count}',
    leftOther: 'encore {count}',
    won: 'Gagné : {label} !',
    lost: 'La roue s’est arrêtée sur « {label} ». Pas de lot cette fois.',
    failed: 'La roue est indisponible. Réessayez dans un instant.',
    chances: 'Chances de gagner',
    winAny: 'Chance de gagner un lot : {share}',
    rules: 'Règlement du jeu',
    free: 'Sans obligation d’achat.',
    apply: 'Appliquer à mon panier',
  },
};

const POINTER = html`<svg part="pointer" viewBox="0 0 20 24" aria-hidden="true"><path d="M2 2h16L10 22z" /></svg>`;

/** A point of the rim, `degrees` clockwise from the top. */
function rimPoint(degrees: number): string {
  const radians = (degrees * Math.PI) / 180;
  return `${(RADIUS * Math.sin(radians)).toFixed(2)} ${(-RADIUS * Math.cos(radians)).toFixed(2)}`;
}

/** A long label on two lines, broken at the space nearest its middle. */
function labelLines(label: string): string[] {
  let split = -1;
  for (let index = 0; index < label.length; index++)
    if (label[index] === ' ' && Math.abs(index * 2 - label.length) < Math.abs(split * 2 - label.length)) split = index;
  return label.length > 10 && split > 0 ? [label.slice(0, split), label.slice(split + 1)] : [label];
}

/**
 * A wheel of fortune that is fair and says so. Each child `<vitrine-wheel-segment>` is a slice;
 * a slice without a `code` is a losing one. The draw is made before the wheel turns, in the page
 * with `crypto.getRandomValues` and no modulo bias (or by the merchant's server with
 * `endpoint`), and the pointer always stops inside the slice drawn. The chance of every slice is
 * listed under the wheel, beside the contest rules (`rules-href`) and "No purchase necessary".
 *
 * The spin is one transform animation of `duration` on the compositor (no script runs while it
 * turns), instant under `prefers-reduced-motion`. The result is announced (a live region); a won
 * code is shown with a copy button, published on the bus `coupon` topic and, with `apply`, a
 * link applies it to the Shopify cart when the shopper follows it. Each visitor has `spins`
 * tries per campaign, remembered across visits; a win ends them, and its code comes back on
 * later visits.
 *
 * `mode="inline"` (default) is a card in the page of a fixed shape (`--vitrine-wheel-size` wide,
 * 3:4), reserved before its code arrives; in a pop-up the card grows with the email form. `mode="popup"` is a modal opened like the exit pop-up
 * (`trigger`, `min-time`, `dismiss-for`, `after-overlay`, `open`), never over another overlay.
 * With `capture`, the email (and the consent) is taken before the spin: the form's button spins.
 *
 * @summary Wheel of fortune: unbiased draw, odds shown, compositor spin, coupon code, lead capture; inline or pop-up.
 *
 * @csspart base - The card: title, wheel, controls and footer.
 * @csspart dialog - Pop-up mode: the `<dialog>` around the card (its `::backdrop` takes `--vitrine-wheel-backdrop`).
 * @csspart close-button - Pop-up mode: the close button.
 * @csspart heading - The title (`<h2>`).
 * @csspart wheel - The room of the wheel: the dial is the largest square that fits in it (inline, the card keeps its shape and the wheel takes what the rest leaves; in pop-up mode it is `16rem` high, at most 40 % of the screen, and the card grows with the form).
 * @csspart rotor - The turning part: the slices.
 * @csspart slice - One slice (an SVG group of its shape and label); the won slice is also `slice-won`.
 * @csspart slice-won - The won slice, once the wheel has stopped on it and on later visits while its code is shown (also has the part `slice`).
 * @csspart pointer - The pointer at the top.
 * @csspart odds - The "Chances of winning" disclosure (`<details>`): the chance of each slice, in percent.
 * @csspart controls - The result, the spin button or the form, the code.
 * @csspart message - The live region: spinning, the result, an error.
 * @csspart spin-button - The spin button.
 * @csspart form - With `capture`: the email form.
 * @csspart email-label - The email field's label.
 * @csspart email-input - The email field.
 * @csspart consent - The consent checkbox and its wording.
 * @csspart error - The form's inline error.
 * @csspart submit - The form's button: it spins the wheel once the email is taken.
 * @csspart status - The outcome of the sign-up.
 * @csspart coupon - A won code with its copy button.
 * @csspart coupon-code - The code, in a read-only field.
 * @csspart copy-button - Copies the code.
 * @csspart copy-status - Says whether the code was copied.
 * @csspart apply-link - With `apply`: applies the code to the cart.
 * @csspart footer - The odds, the rules link, "No purchase necessary".
 * @csspart odds-button - Its `<summary>`, which shows and hides the odds.
 * @csspart rules-link - The link to the contest rules (`rules-href`).
 * @csspart no-purchase - "No purchase necessary."
 *
 * @cssproperty --vitrine-wheel-size - Width of the card (default `22rem`, never wider than its container; in pop-up mode never wider than 92 % of the screen); inline, its height is 4/3 of it (5/3 with `capture`, for the form).
 * @cssproperty --vitrine-wheel-padding - Padding of the card (default `1rem`).
 * @cssproperty --vitrine-wheel-background - Background of the card (default `--vitrine-color-surface`, else `#ffffff`).
 * @cssproperty --vitrine-wheel-heading-size - Size of the title (default `1.25rem`).
 * @cssproperty --vitrine-wheel-color-1 - Slices 1, 7, 13… without a `color` (default `#1d4ed8`). On every slice the label is black or white, whichever reads better (at least 4.5:1).
 * @cssproperty --vitrine-wheel-color-2 - Slices 2, 8, 14… without a `color` (default `#fcd34d`); also the last slice when it would otherwise take colour 1 beside the first.
 * @cssproperty --vitrine-wheel-color-3 - Slices 3, 9, 15… without a `color` (default `#047857`).
 * @cssproperty --vitrine-wheel-color-4 - Slices 4, 10, 16… without a `color` (default `#f9a8d4`).
 * @cssproperty --vitrine-wheel-color-5 - Slices 5, 11, 17… without a `color` (default `#6d28d9`).
 * @cssproperty --vitrine-wheel-color-6 - Slices 6, 12, 18… without a `color` (default `#7dd3fc`).
 * @cssproperty --vitrine-wheel-separator - Lines between slices (default `#ffffff`).
 * @cssproperty --vitrine-wheel-rim - Rim and hub outline (default `--vitrine-color-accent`, else `#111827`).
 * @cssproperty --vitrine-wheel-pointer - The pointer (default `--vitrine-color-accent`, else `#111827`).
 * @cssproperty --vitrine-wheel-backdrop - Pop-up mode: the colour over the page (default `rgb(17 24 39 / 0.6)`).
 * @cssproperty --vitrine-font - Font family (default `system-ui` and the platform's sans-serif).
 * @cssproperty --vitrine-color-text - Text colour (default `#111827`).
 * @cssproperty --vitrine-color-surface - Card, hub and field background (default `#ffffff`).
 * @cssproperty --vitrine-color-accent - Spin, sign-up and copy buttons, the consent checkbox, rim, pointer, focus rings (default `#111827`; focus rings `#2563eb`).
 * @cssproperty --vitrine-color-on-accent - Text on the buttons (default `#ffffff`).
 * @cssproperty --vitrine-color-error - The form's error text (default: a red readable on light and dark cards).
 * @cssproperty --vitrine-radius - Corner radius of buttons and fields (default `0.5rem`; the card's is twice it).
 * @cssproperty --vitrine-shadow - Shadow of the pop-up (default `0 1.5rem 3rem -0.75rem rgb(0 0 0 / 0.4)`).
 *
 * @fires vitrine-spin - When a spin starts (the spin button, the form's button, or `spin()`). Detail `{ campaign }`. Bubbles and is composed.
 * @fires vitrine-prize - When the wheel has stopped on a winning slice. Detail `{ label, code, campaign }`. A losing spin fires none. Bubbles and is composed.
 * @fires vitrine-open - Pop-up mode: before it opens; cancelable. Detail `{ campaign, trigger }` (`exit`, `time`, `scroll`, `idle` or `api`). Bubbles and is composed.
 * @fires vitrine-close - Pop-up mode: once closed. Detail `{ campaign, reason }` (`dismiss`, `escape`, `backdrop`, `api`, `removed`, `ended`). Bubbles and is composed.
 * @fires vitrine-lead - With `capture`, when the email is submitted, with what became of it, and again when a queued one settles (not in `preview`). Detail: the bus `lead` payload, with `outcome` one of `delivered`, `pending-confirmation`, `queued`, `refused`. Bubbles and is composed.
 */
export class VitrineWheel extends PopupElement {
  static override styles = [leadFormStyles, overlayStyles, wheelStyles];

  /** `inline` (default): a card in the page; `popup`: a modal that opens on `trigger`. */
  @property({ attribute: 'mode' }) mode?: string | null;

  /** A title over the wheel (plain text); it names the pop-up. */
  @property({ attribute: 'heading' }) heading?: string | null;

  /** Tries per visitor and campaign (default `1`), remembered across visits; a win ends them. A whole number from 1. */
  @property({ attribute: 'spins' }) spins?: string | number | null;

  /** How long the wheel turns (default `4s`, at most `30s`); instant when the visitor asks for reduced motion. */
  @property({ attribute: 'duration' }) duration?: string | null;

  /** The merchant's server draws instead of the page: POST JSON `{ campaign, email }` (`email` null without `capture`), answer `{ segment, code }` (`segment`: the index of the slice, from 0 in document order; `code`: null or absent for a losing one). Codes stay out of the page. Not called in `preview`. */
  @property({ attribute: 'endpoint' }) endpoint?: string | null;

  /** After a win, a link applies the code to the Shopify cart (`{Shopify.routes.root}discount/CODE`, back to this page), followed only when the shopper clicks it. */
  @property({ attribute: 'apply', type: Boolean }) apply = false;

  /** Removes the "Chances of winning" list under the wheel. */
  @property({ attribute: 'hide-odds', type: Boolean }) hideOdds = false;

  /** The contest rules: an http(s) URL, linked under the wheel. */
  @property({ attribute: 'rules-href' }) rulesHref?: string | null;

  /** The wheel's state: `idle`, `spinning`, `won`, `lost` (the last result, also after a reload) or `failed` (the `endpoint` did not answer). */
  get state(): WheelState {
    return this.phase;
  }

  @state() private phase: WheelState = 'idle';
  @state() private result: WheelResult | null = null;
  @state() private segments: WheelSegment[] = [];

  #observer = new MutationObserver(() => this.#readSegments());
  /** The valid values in use: a bad attribute keeps its text, the widget its default. */
  #mode: WheelMode = 'inline';
  #durationMs = DEFAULT_DURATION_MS;
  #spins = 1;
  #endpoint: string | null = null;
  /** The endpoint's draw: its module is fetched once the wheel has an `endpoint`. */
  #serverDraw?: Promise<typeof import('./endpoint.js')>;
  #rulesHref: string | null = null;
  /** The wheel's rest angle (degrees): where the last spin left it. */
  #angle = 0;
  #animation?: Animation;
  /** Segments changed during a spin: read once it stops (the slices never move under the pointer). */
  #segmentsPending = false;
  #restoredFor = '';
  #viewed = false;

  /** Spins this visitor has left in this campaign: `spins` less those used, and none once they have won. */
  get spinsLeft(): number {
    return this.result?.code ? 0 : Math.max(0, this.#spins - this.#spinsUsed);
  }

  /**
   * Spins the wheel, as its button does. Resolves to the result (`code` null for a losing slice), or null when it
   * cannot: spinning already, no spins left, no email yet with `capture`, nothing to spin, a closed pop-up, or the
   * `endpoint` failed (the spin is not used up then).
   */
  async spin(): Promise<WheelResult | null> {
    await this.updateComplete;
    const segments = this.segments;
    if (
      this.phase === 'spinning' ||
      !this.#playable ||
      this.spinsLeft < 1 ||
      this.#needsLead ||
      (this.#mode === 'popup' && !this.popup.overlay.isOpen)
    )
      return null;
    this.phase = 'spinning';
    this.result = null;
    this.track('click');
    this.emit<WheelSpinDetail>('vitrine-spin', { campaign: this.campaignId });
    // The code block (copy button) is fetched now, while the wheel turns, to be here when a win stops it.
    const codeBlock = this.coupon.fetch();
    let { index, angle } = draw(segments.map((segment) => segment.weight));
    let code = segments[index].code;
    if (this.#endpoint && !this.previewing && !timeTravelling()) {
      const answer = await this.#drawOnServer(segments.length);
      if (!answer) {
        this.phase = 'failed';
        return null;
      }
      [index, code] = answer;
      angle = stopAngle(index, segments.length);
    } else if (code && this.codeEndpointUrl) {
      // The slice's code is the fallback: the merchant's server gives this lead its own.
      code = (await this.uniqueCode({ email: this.#lead, label: segments[index].label, code })) ?? code;
    }
    const result: WheelResult = { label: segments[index].label, code };
    // Recorded before the wheel turns: a reload during the spin neither gives the spin back nor loses the prize.
    this.store.set(this.#storageKey('spins'), this.#spinsUsed + 1);
    this.store.set(this.#storageKey('result'), result);
    await this.#turn(angle);
    // A win shows its code with the copy button at once (or as plain text when the block could not come).
    if (code) await codeBlock;
    const hadFocus = !!this.shadowRoot!.activeElement;
    this.result = result;
    this.phase = code ? 'won' : 'lost';
    if (this.#segmentsPending) this.#readSegments();
    await this.updateComplete;
    // A win puts the code where the spin button was: focus goes to the result rather than falling to the page.
    if (hadFocus && !this.shadowRoot!.activeElement)
      this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus({ preventScroll: true });
    // Taken off the page mid-spin: the result is stored, and comes back (and out) when the wheel is shown again.
    if (code && this.isConnected) {
      this.#publish(result);
      // Revealed now, once: a stored result shown again on a later page is published, not counted again.
      if (!this.#withheld) this.track('reveal', { code });
      this.emit<WheelPrizeDetail>('vitrine-prize', { label: result.label, code, campaign: this.campaignId });
      // With `capture` the lead was the conversion (tracked then): one per shopper.
      if (!this.capture) this.track('convert');
    }
    return result;
  }

  /** Pop-up mode: opens now (as `open`), ignoring triggers, `min-time`, a past dismissal; never over another overlay. Resolves to whether it opened. */
  override async show(): Promise<boolean> {
    return this.#mode === 'popup' && super.show();
  }

  protected override leadAccepted(lead: LeadMessage, outcome: DeliveryOutcome): void {
    this.store.set(this.#storageKey('lead'), lead.email);
    // `reveal="confirmed"`: the prize's code stays out of the page, on later visits too (its confirmation e-mail carries it).
    if (outcome.status === 'pending-confirmation' && !this.revealWhenPending)
      this.store.set(this.#storageKey('withheld'), true);
    void this.spin();
  }

  #text(key: Key, values?: Record<string, string | number>): string {
    return this.localize(wheelTexts, key, values);
  }

  #storageKey(what: string): string {
    return campaignKey(this.campaignId, what);
  }

  get #spinsUsed(): number {
    return Math.max(0, Number(this.store.get(this.#storageKey('spins'))) || 0);
  }

  /** The email this visitor gave (with `capture`), or null. */
  get #lead(): string | null {
    return this.store.get<string>(this.#storageKey('lead')) ?? null;
  }

  get #needsLead(): boolean {
    return this.capture && typeof this.#lead !== 'string';
  }

  /** Something to show and spin: segments, inside `start`/`end`, for a visitor its targeting wants (an open pop-up stays). */
  get #playable(): boolean {
    return this.segments.length > 0 && this.timeWindow.active && (this.targeting.matches || this.popup.overlay.isOpen);
  }

  /** With `reveal="confirmed"`, while the provider waits for the shopper's confirmation: the code is not shown. */
  get #withheld(): boolean {
    return (
      !this.revealWhenPending &&
      (this.leadForm.state === 'pending' || this.store.get(this.#storageKey('withheld')) === true)
    );
  }

  #publish({ code, label }: WheelResult): void {
    if (code && !this.previewing && !this.#withheld)
      getBus().publish('coupon', { code, campaign: this.campaignId, label });
  }

  /** The slice and code the endpoint drew, or null (told once in the console) when it failed. */
  async #drawOnServer(count: number): Promise<[number, string | null] | null> {
    try {
      const { drawOnServer } = await (this.#serverDraw ??= import('./endpoint.js'));
      return await drawOnServer(this.#endpoint!, { campaign: this.campaignId, email: this.#lead }, count);
    } catch (error) {
      noteOnce(this, `could not draw from endpoint="${this.endpoint}" (${String(error)}); the shopper may try again`);
      return null;
    }
  }

  /** Turns the wheel so that the pointer stops at `stop` (degrees on the wheel): one transform animation, or at once. */
  async #turn(stop: number): Promise<void> {
    await this.updateComplete;
    const rotor = this.renderRoot.querySelector<HTMLElement>('[part~="rotor"]');
    const from = this.#angle;
    const rest = (this.#angle = (360 - stop) % 360);
    // The rest angle at once, through the CSSOM (a strict CSP allows it): the animation plays over it
    // and, once finished, lets go of the rotor where it stopped (its end is the rest angle plus whole turns).
    rotor?.style.setProperty('--_angle', `${rest}deg`);
    // Read as it spins: nothing the wheel shows at rest depends on it.
    if (rotor && !prefersReducedMotion()) {
      const to = from + Math.max(2, Math.round(this.#durationMs / 800)) * 360 + ((rest - from + 360) % 360);
      this.#animation = rotor.animate([{ transform: `rotate(${from}deg)` }, { transform: `rotate(${to}deg)` }], {
        duration: this.#durationMs,
        easing: SPIN_EASING,
      });
      await this.#animation.finished.catch(() => {});
      this.#animation = undefined;
    }
  }

  /** Reads the segments; bad ones are reported on the segment element itself, once. */
  #readSegments(): void {
    if ((this.#segmentsPending = this.phase === 'spinning')) return;
    const codes = new Set<string>();
    const segments: WheelSegment[] = [];
    for (const element of this.querySelectorAll(':scope > vitrine-wheel-segment')) {
      const read = (name: string) => element.getAttribute(name)?.trim() || null;
      const label = read('label');
      const code = read('code');
      const weightText = read('weight');
      let color = read('color');
      let weight = weightText === null ? 1 : Number(weightText);
      if (!label) {
        warnOnce(element, 'label', element.getAttribute('label') ?? '', 'the text of the slice (segment left out)');
        continue;
      }
      if (code && codes.has(code)) {
        warnOnce(element, 'code', code, 'a code no other segment has (segment left out)');
        continue;
      }
      if (!(weight >= 0.01 && weight <= 1e4)) {
        warnOnce(element, 'weight', weightText, 'a number from 0.01 to 10000 (using 1)');
        weight = 1;
      }
      if (color && !isCssColor(color)) {
        warnOnce(element, 'color', color, 'a CSS colour (using the palette)');
        color = null;
      }
      if (code) codes.add(code);
      segments.push({ label, code, weight, color });
    }
    // Every read draws the slices anew: reads come at connection, after a spin that deferred one, and
    // when a segment changed (the observer's filter), never from the wheel's own renders.
    this.segments = segments;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['label', 'code', 'weight', 'color'],
    });
    this.#readSegments();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
    // Off the page the animation would never end: the spin settles now (its result is already stored).
    this.#animation?.finish();
  }

  protected override hiddenReason(): DebugReason | null {
    if (this.popup.overlay.isOpen) return null;
    const hidden = super.hiddenReason();
    if (hidden) return hidden;
    if (!this.segments.length) return this.badInput([], NO_SEGMENT);
    if (this.#mode !== 'popup') return null;
    if (this.spinsLeft < 1)
      return {
        code: 'no-spins',
        reason: `no spins left: ${this.result?.code ? `the visitor won ${this.result.code}` : `${this.#spinsUsed} of spins="${this.#spins}" used`}`,
      };
    return this.popup.debugReason();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && this.mode != null)
      this.#mode = keywordAttribute(this, 'mode', this.mode, WHEEL_MODES, 'inline');
    if (changed.has('duration'))
      this.#durationMs = Math.min(
        durationAttribute(this, 'duration', this.duration, DEFAULT_DURATION_MS),
        MAX_DURATION_MS,
      );
    if (changed.has('spins'))
      this.#spins = countAttribute(this, 'spins', this.spins, 1, 'a whole number of spins, 1 or more');
    if (changed.has('endpoint') && (this.#endpoint = httpUrlAttribute(this, 'endpoint', this.endpoint)))
      this.#serverDraw ??= import('./endpoint.js');
    if (changed.has('rulesHref')) this.#rulesHref = httpUrlAttribute(this, 'rules-href', this.rulesHref);
    super.willUpdate(changed);
    // What this visitor played before in this campaign: the last result comes back, with its code.
    const restore = `${this.campaignId}|${this.previewing}`;
    if (this.phase !== 'spinning' && this.#restoredFor !== restore) {
      this.#restoredFor = restore;
      const stored = this.store.get<WheelResult>(this.#storageKey('result'));
      this.result = typeof stored?.label === 'string' ? { label: stored.label, code: stored.code || null } : null;
      this.phase = this.result ? (this.result.code ? 'won' : 'lost') : 'idle';
      if (this.result) this.#publish(this.result);
    }
  }

  protected override isPopup(): boolean {
    return this.#mode === 'popup';
  }

  /** A visitor who has used all their spins is not interrupted again. */
  protected override mayOpenByItself(): boolean {
    return this.#playable && this.spinsLeft > 0;
  }

  protected override updated(): void {
    // Colours through the CSSOM, never in markup: a merchant's colour (checked), else the palette of the stylesheet.
    this.renderRoot.querySelectorAll<SVGGElement>('.slice').forEach((slice, index) => {
      slice.style.setProperty('--_color', this.segments[index]?.color ?? '');
    });
    // A rotor drawn anew (inline and pop-up use different templates) stays where the wheel stopped.
    this.renderRoot.querySelector<HTMLElement>('[part~="rotor"]')?.style.setProperty('--_angle', `${this.#angle}deg`);
    if (!this.segments.length) {
      // A page still being parsed may not have reached the segments yet.
      if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', () => this.requestUpdate(), { once: true });
      else if (this.isConnected) noteOnce(this, `has ${NO_SEGMENT}`);
    }
    if (!this.isPopup() && this.#playable && !this.#viewed && !this.previewing) {
      this.#viewed = true;
      this.track('view');
    }
  }

  #renderSlices() {
    const count = this.segments.length;
    const chord = count > 2 ? 2 * LABEL_MIDDLE * Math.sin(Math.PI / count) : 99;
    return this.segments.map(({ label }, index) => {
      const [start, end] = sliceBounds(index, count);
      const middle = (start + end) / 2;
      const lines = labelLines(label);
      // As large as fits: along the radius (about 0.6em a letter) and across the slice.
      const size = Math.min(
        12,
        (LABEL_TO - LABEL_FROM) / 0.6 / Math.max(...lines.map((line) => line.length)),
        (chord * 0.75) / lines.length,
      );
      // Labels on the left half are turned over: none reads upside down at rest.
      const flip = middle > 180;
      const won = this.phase === 'won' && label === this.result?.label;
      return svg`<g class="slice" part=${won ? 'slice slice-won' : 'slice'}>${
        count === 1
          ? svg`<circle r=${RADIUS}></circle>`
          : svg`<path d="M0 0L${rimPoint(start)}A${RADIUS} ${RADIUS} 0 0 1 ${rimPoint(end)}Z"></path>`
      }<text transform="rotate(${middle + (flip ? 90 : -90)})" font-size=${size.toFixed(1)}>${lines.map(
        (line, row) =>
          svg`<tspan x=${flip ? -LABEL_MIDDLE : LABEL_MIDDLE} dy="${row ? 1.1 : (1 - lines.length) * 0.55}em">${line}</tspan>`,
      )}</text></g>`;
    });
  }

  #renderOdds() {
    const format = new Intl.NumberFormat(this.language, { style: 'percent', maximumFractionDigits: 1 });
    let total = 0;
    let winning = 0;
    // Slices with the same label and code are one chance, told once.
    const rows = new Map<string, [string, number]>();
    for (const { label, code, weight } of this.segments) {
      const key = `${label}\u0000${code}`;
      rows.set(key, [label, (rows.get(key)?.[1] ?? 0) + weight]);
      total += weight;
      if (code) winning += weight;
    }
    const share = (weight: number) =>
      weight / total < 0.001 ? `< ${format.format(0.001)}` : format.format(weight / total);
    return html`<details part="odds">
      <summary part="odds-button">${this.#text('chances')}</summary>
      <ul>
        ${[...rows.values()].map(([label, weight]) => html`<li><span dir="auto">${label}</span><span>${share(weight)}</span></li>`)}
      </ul>
      ${
        // With an endpoint the page does not know which slices win.
        this.#endpoint ? nothing : html`<p>${this.#text('winAny', { share: share(winning) })}</p>`
      }
    </details>`;
  }

  #renderControls() {
    const { phase, result, spinsLeft } = this;
    const code = phase === 'won' && !this.#withheld && result?.code;
    const needsLead = this.#needsLead;
    const formState = this.leadForm.state;
    const root = shopify()?.routes?.root?.replace(/\/?$/, '/') ?? '/';
    let label = this.#text(
      phase === 'spinning' ? 'spinning' : spinsLeft < 1 ? 'none' : phase === 'failed' || result ? 'again' : 'spin',
    );
    if (this.#spins > 1 && spinsLeft > 0 && phase !== 'spinning')
      label += ` (${this.localizePlural(wheelTexts, 'left', spinsLeft, { count: spinsLeft })})`;
    return html`<div part="controls">
      <p part="message" role="status" tabindex="-1">
        ${
          phase === 'spinning' || phase === 'failed'
            ? this.#text(phase)
            : result
              ? this.#text(result.code ? 'won' : 'lost', { label: result.label })
              : ''
        }
      </p>
      ${
        this.capture && (needsLead || formState === 'success' || formState === 'saved' || formState === 'pending')
          ? this.leadForm.render(this.#text('spin'))
          : nothing
      }
      ${
        needsLead || (phase === 'won' && !code)
          ? nothing
          : code
            ? html`${this.coupon.render(code)}${
                this.apply
                  ? html`<a
                      part="apply-link"
                      href="${root}discount/${encodeURIComponent(code)}?redirect=${encodeURIComponent(
                        location.pathname + location.search,
                      )}"
                      >${this.#text('apply')}</a
                    >`
                  : nothing
              }`
            : html`<button
                part="spin-button"
                class="accent-button"
                type="button"
                aria-disabled=${phase === 'spinning' || spinsLeft < 1}
                @click=${() => void this.spin()}
              >
                ${label}
              </button>`
      }
    </div>`;
  }

  protected override render() {
    if (!this.#playable) return nothing;
    // A pop-up wheel never asked to open: no dialog yet (opening renders it before showing it, in the same frame).
    if (this.#mode === 'popup' && !this.popup.overlay.wanted) return nothing;
    const heading = this.heading?.trim();
    const base = html`<div part="base">
      ${heading ? html`<h2 part="heading" id="heading">${heading}</h2>` : nothing}
      <div part="wheel">
        <div class="dial">
          <div part="rotor">
            <svg
              viewBox="-100 -100 200 200"
              role="img"
              aria-label="${this.#text('name')}: ${this.segments.map((segment) => segment.label).join(', ')}"
            >
              <g>${this.#renderSlices()}</g>
              <circle class="rim" r=${RADIUS}></circle>
              <circle class="hub" r="14"></circle>
            </svg>
          </div>
          ${POINTER}
        </div>
      </div>
      ${this.#renderControls()}
      <div part="footer">
        ${this.hideOdds ? nothing : this.#renderOdds()}
        ${this.#rulesHref ? html`<a part="rules-link" href=${this.#rulesHref}>${this.#text('rules')}</a>` : nothing}
        <span part="no-purchase">${this.#text('free')}</span>
      </div>
    </div>`;
    return this.#mode === 'inline' ? base : this.popup.render(base, this.#text('name'), heading && 'heading');
  }
}
