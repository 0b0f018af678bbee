import { css } from 'lit';

/**
 * The host has no box of its own (`display: contents`): the bar is always `position: fixed`,
 * so as an overlay it takes no room in the page at all, and with `push` the room is an
 * in-flow spacer exactly as tall as the bar. Both heights come from the same expression as the
 * loader's `:not(:defined)` rule (`--vitrine-sticky-bar-height` plus the safe-area inset), so
 * the page does not move when the code arrives. The spacer and the bar keep the font size they
 * inherit (the text size is set one level down), so a height written in `em` resolves the same
 * in all three places. (Written out each time: the build's template minifier trims the
 * spaces around an interpolation, and `calc()` needs them around `+`.)
 */

export const stickyBarStyles = [
  css`
    :host {
      display: contents;
    }

    :host([hidden]) {
      display: none;
    }

    [part='spacer'] {
      display: block;
      block-size: calc(var(--vitrine-sticky-bar-height, 2.75rem) + env(safe-area-inset-top, 0px));
    }

    [part='spacer'].bottom {
      block-size: calc(var(--vitrine-sticky-bar-height, 2.75rem) + env(safe-area-inset-bottom, 0px));
    }

    /* The screen's edges are physical: top and bottom (and the safe-area insets, which are the
       device's own) stay so in every writing direction; left and right are logical elsewhere. */
    [part='base'] {
      position: fixed;
      inset-inline: 0;
      top: 0;
      z-index: var(--vitrine-sticky-bar-z-index, 2147483000);
      display: flex;
      flex-direction: column;
      box-sizing: border-box;
      min-block-size: calc(var(--vitrine-sticky-bar-height, 2.75rem) + env(safe-area-inset-top, 0px));
      padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) 0 env(safe-area-inset-left, 0px);
      background: var(--vitrine-sticky-bar-background, var(--vitrine-color-accent, #111827));
      color: var(--vitrine-sticky-bar-color, var(--vitrine-color-on-accent, #ffffff));
      /* A countdown inside reads its text colour from this token: a theme's page-wide value would
         paint its digits in the page's text colour, invisible on the bar. */
      --vitrine-color-text: currentColor;
      font-family: var(--vitrine-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      box-shadow: var(--vitrine-sticky-bar-shadow, 0 1px 0 rgb(255 255 255 / 0.12), 0 2px 10px rgb(0 0 0 / 0.18));
      /* A countdown inside reads as part of the bar, whatever its colours (its own properties win when set on it). */
      --vitrine-countdown-segment-background: color-mix(in srgb, currentColor 16%, transparent);
      --vitrine-countdown-segment-color: currentColor;
      --vitrine-countdown-digit-size: 1em;
    }

    [part='base'].bottom {
      top: auto;
      bottom: 0;
      min-block-size: calc(var(--vitrine-sticky-bar-height, 2.75rem) + env(safe-area-inset-bottom, 0px));
      padding-top: 0;
      padding-bottom: env(safe-area-inset-bottom, 0px);
      box-shadow: var(--vitrine-sticky-bar-shadow, 0 -1px 0 rgb(255 255 255 / 0.12), 0 -2px 10px rgb(0 0 0 / 0.18));
    }

    /* push: exactly the reserved height, never more (a taller bar would cover what it meant to push). */
    [part='base'].push {
      block-size: calc(var(--vitrine-sticky-bar-height, 2.75rem) + env(safe-area-inset-top, 0px));
      overflow: hidden;
    }

    .push [part='content'] {
      flex-wrap: nowrap;
    }

    [part='base'].push.bottom {
      block-size: calc(var(--vitrine-sticky-bar-height, 2.75rem) + env(safe-area-inset-bottom, 0px));
    }

    [part='content'] {
      flex: 1 1 auto;
      display: flex;
      align-items: center;
      justify-content: center;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      padding: 0.125rem 0.5rem;
      font-size: var(--vitrine-sticky-bar-font-size, 0.875rem);
      line-height: 1.3;
    }

    /* The buttons keep their place whatever the length of the message: a rotation moves nothing. */
    [part='messages'] {
      flex: 1 1 12rem;
      display: flex;
      align-items: center;
      /* As tall as the bar, so messages of different heights rotate without moving anything. */
      align-self: stretch;
      gap: 0.25rem;
      min-inline-size: 0;
    }

    [part='message'] {
      flex: 1 1 0;
      align-self: stretch;
      display: grid;
      align-content: center;
      min-inline-size: 0;
      text-align: center;
      font-weight: 500;
    }

    ::slotted(*) {
      margin: 0;
    }

    ::slotted(a) {
      color: inherit;
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }

    .controls {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }

    /* The coupon sits on the bar's colour: the copy button takes the inverse of it. */
    [part~='copy-button'] {
      background: var(--vitrine-sticky-bar-color, var(--vitrine-color-on-accent, #ffffff));
      color: var(--vitrine-sticky-bar-background, var(--vitrine-color-accent, #111827));
      min-block-size: 1.9em;
      padding-block: 0.25em;
    }

    [part~='coupon-code'] {
      padding-block: 0.25em;
    }

    [part~='copy-button']:focus-visible,
    [part~='coupon-code']:focus-visible,
    .icon:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 1px;
    }

    [part='coupon-label'] {
      font-weight: 600;
    }

    .icon {
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: 1.75rem;
      block-size: 1.75rem;
      padding: 0;
      border: 0;
      border-radius: 999px;
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }

    .icon:hover {
      background: color-mix(in srgb, currentColor 16%, transparent);
    }

    .icon svg {
      inline-size: 0.875rem;
      block-size: 0.875rem;
      fill: currentColor;
    }

    /* Right to left, "previous" sits on the right and points right, "next" on the left and points
       left: the row's order is logical, the drawn chevrons are turned over to match. */
    :host(:dir(rtl)) .chevron svg {
      transform: scaleX(-1);
    }

    /* The same where :dir() is unknown (Chrome < 120): the bar reads its direction as it renders.
       A rule of its own: one unknown selector in a list would drop the whole rule. */
    .chevron.mirrored svg {
      transform: scaleX(-1);
    }

    @media (max-width: 30rem) {
      [part='coupon-label'] {
        display: none;
      }
    }
  `,
];
