import { css } from 'lit';

export const wheelStyles = css`
  /*
   * Inline, the wheel is a card of a fixed shape: its width (at most --vitrine-wheel-size) and
   * 3:4 give its height, whatever it shows, so the loader's :not(:defined) rule reserves exactly
   * its room. What it holds never grows it: the wheel takes the height the rest leaves. The
   * shape is the card's, not the host's: a pop-up wheel (its card in the top layer) and a wheel
   * with nothing to show take no room.
   */
  :host {
    --_rim: var(--vitrine-wheel-rim, var(--vitrine-color-accent, #111827));
    --_surface: var(--vitrine-color-surface, #fff);
    display: block;
    box-sizing: border-box;
    inline-size: min(100%, var(--vitrine-wheel-size, 22rem));
    color: var(--vitrine-color-text, #111827);
    font: 1rem/1.4 var(--vitrine-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }

  /* A pop-up wheel takes no room at all (the loader's reserve rule reads the attribute the same way). */
  :host([mode='popup' i]) {
    display: contents;
  }

  [part~='base'] {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: 0.625rem;
    aspect-ratio: 3/4;
    /* Never sideways: once turned, the rotor's square box (its corners are empty) pokes out of the dial. */
    overflow: hidden auto;
    padding: var(--vitrine-wheel-padding, 1rem);
    border: 1px solid color-mix(in srgb, currentColor 14%, transparent);
    border-radius: calc(var(--vitrine-radius, 0.5rem) * 2);
    background: var(--vitrine-wheel-background, var(--_surface));
    text-align: center;
  }

  /* Inline, off screen: the browser skips the card's style, layout and paint until it comes near (its
     shape is its own: size containment keeps it). */
  :host(:not([mode='popup' i])) [part~='base'] {
    content-visibility: auto;
  }

  /* With the email form the card is taller (the loader reserves the same), so the wheel keeps a fair size. */
  :host([capture]:not([mode='popup' i])) [part~='base'] {
    aspect-ratio: 3/5;
  }

  h2 {
    margin: 0;
    font-size: var(--vitrine-wheel-heading-size, 1.25rem);
    line-height: 1.2;
  }

  /*
   * The room left for the wheel: a size container, so the dial is the largest square that fits
   * (and, its size contained, a flex item that may shrink below its content: no min-block-size: 0).
   */
  [part~='wheel'] {
    flex: 1 1 0;
    container-type: size;
    display: grid;
    place-items: center;
  }

  .dial {
    position: relative;
    inline-size: min(100cqi, 100cqb);
    aspect-ratio: 1;
  }

  /* The one thing that moves: a transform, animated on the compositor (no angle yet: no transform). */
  [part~='rotor'] {
    position: absolute;
    inset: 0;
    transform: rotate(var(--_angle));
  }

  svg {
    display: block;
    overflow: visible;
  }

  .slice > :first-child {
    fill: var(--_color);
    stroke: var(--vitrine-wheel-separator, #fff);
  }

  /* The palette, dark and light in turn; the last slice never takes the first one's colour. */
  .slice:nth-child(6n + 1) {
    --_color: var(--vitrine-wheel-color-1, #1d4ed8);
  }

  .slice:nth-child(6n + 2),
  .slice:nth-child(6n + 1):last-child:not(:first-child) {
    --_color: var(--vitrine-wheel-color-2, #fcd34d);
  }

  .slice:nth-child(6n + 3) {
    --_color: var(--vitrine-wheel-color-3, #047857);
  }

  .slice:nth-child(6n + 4) {
    --_color: var(--vitrine-wheel-color-4, #f9a8d4);
  }

  .slice:nth-child(6n + 5) {
    --_color: var(--vitrine-wheel-color-5, #6d28d9);
  }

  .slice:nth-child(6n) {
    --_color: var(--vitrine-wheel-color-6, #7dd3fc);
  }

  /*
   * The label in black or white, whichever contrasts more with its slice, whatever the slice's
   * colour: white below a luminance (y in XYZ) of 0.179, where both contrast 4.58:1 — so at least
   * that on every slice.
   */
  /*
   * Each label in its own direction, found from its first letter as dir="auto" finds it (SVG text
   * has no dir): an Arabic prize reads right to left on any page, an English one left to right; a
   * label without letters (-10 %) takes the page's direction.
   */
  text {
    unicode-bidi: plaintext;
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
    fill: color(
      from var(--_color) xyz-d65 clamp(0, (0.179 - y) * 1e5, 0.9505) clamp(0, (0.179 - y) * 1e5, 1)
        clamp(0, (0.179 - y) * 1e5, 1.089)
    );
  }

  /*
   * Without relative colours (Safari < 18, Firefox < 128, Chrome < 119; Safari 16.4–17 parse some
   * forms, hence the test of this very form, a channel in clamp()): white letters outlined in black
   * read on any slice.
   */
  @supports not (color: color(from red xyz-d65 clamp(0, (0.179 - y) * 1e5, 0.9505) y z)) {
    text {
      fill: #fff;
      stroke: #000;
      stroke-width: 2;
      paint-order: stroke;
    }
  }

  .rim {
    fill: none;
    stroke: var(--_rim);
    stroke-width: 4;
  }

  .hub {
    fill: var(--_surface);
    stroke: var(--_rim);
    stroke-width: 3;
  }

  /* A width of its own: WebKit does not stretch an absolutely placed <svg> between left and right, and drew it at 233 × 280 px. */
  [part~='pointer'] {
    position: absolute;
    inset: -3% 44% auto;
    inline-size: 12%;
    pointer-events: none;
    fill: var(--vitrine-wheel-pointer, var(--vitrine-color-accent, #111827));
    stroke: var(--_surface);
    stroke-width: 2;
    stroke-linejoin: round;
  }

  /* The same height in every state (spin button, result, code), so the wheel keeps its size after a spin. */
  [part~='controls'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 6.25em;
  }

  [part~='message'] {
    margin: 0;
    min-block-size: 1.4em;
    font-weight: 700;
  }

  /* The look of the form's button (core's leadFormStyles, class accent-button). */
  [part~='spin-button'] {
    inline-size: min(100%, 16rem);
  }

  [part~='spin-button'][aria-disabled='true'] {
    background: color-mix(in srgb, currentColor 10%, transparent);
    color: inherit;
    cursor: default;
  }

  [part~='form'] {
    inline-size: 100%;
  }

  /* Targets of at least 24px (WCAG 2.5.8). */
  [part~='footer'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0 0.875rem;
    font-size: 0.8125em;
    line-height: 24px;
  }

  a {
    display: inline-block;
    color: inherit;
    font-weight: 700;
  }

  /* Open, the odds take the wheel's room (the card keeps its size). */
  details {
    flex-basis: 100%;
  }

  summary {
    cursor: pointer;
    text-decoration: underline;
  }

  ul {
    margin: 0.25em 0;
    padding: 0;
    list-style: none;
    text-align: start;
  }

  li {
    display: flex;
    justify-content: space-between;
    gap: 1em;
  }

  details p {
    margin: 0;
  }

  :focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: 2px;
  }

  /* The pop-up: a modal card of the same shape (its width, radius, shadow and height limit are the core's overlayStyles). */
  [part~='dialog'] {
    --_backdrop: var(--vitrine-wheel-backdrop);
    --_width: var(--vitrine-wheel-size, 22rem);
    padding: 0;
    background: none;
  }

  /*
   * In the pop-up the card grows with what it shows (a modal moves nothing on the page): the wheel
   * keeps its size beside the email form instead of shrinking to what the form leaves.
   */
  [part~='dialog'] [part~='base'] {
    aspect-ratio: auto;
    max-block-size: calc(100dvh - 2rem);
    padding-block-start: 2.75rem;
  }

  [part~='dialog'] [part~='wheel'] {
    flex: none;
    block-size: min(16rem, 40dvh);
  }
`;
