import { css } from 'lit';

/**
 * The host is an inline-block exactly as tall as the badge (`--vitrine-loyalty-badge-height`,
 * in `rem` by default so the font size around it does not matter), centred on the line with
 * `vertical-align: middle`: the loader's `:not(:defined)` rule reserves the same box with the
 * same alignment, so nothing moves when the code arrives. The popover lives in the top layer
 * (`popover="manual"`), so a product card's `overflow: hidden` or `z-index` cannot clip or
 * cover it; floating-ui writes its `left` and `top` through the CSSOM (CSP-safe).
 *
 * Right to left, what runs along the line is logical (paddings, margins, the thresholds' place);
 * sizes stay `width`/`height`, the same in both directions and shorter (the chunk's 4 KB goal).
 */
export const loyaltyBadgeStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    max-width: 100%;
    /* In a theme's flex row (a header, a price line) it may shrink: the text after the points ellipsizes. */
    min-width: 0;
    /* The page's own font unless --vitrine-font says otherwise: a badge reads as part of the product block. */
    font-family: var(--vitrine-font);
    color: var(--vitrine-color-text, currentColor);
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    display: flex;
    align-items: center;
    gap: 0.4em;
    box-sizing: border-box;
    /* At least the reserved height; more only where the label must wrap (a 320 px screen at 200 % text). */
    min-height: var(--vitrine-loyalty-badge-height, 2rem);
    max-width: 100%;
    margin: 0;
    /* Less room on the icon's side (inline start): the star's own drawing leaves some. */
    padding: 0 0.7em;
    padding-inline-start: 0.55em;
    border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    border-radius: var(--vitrine-loyalty-badge-radius, 999px);
    background: var(--vitrine-loyalty-badge-background, color-mix(in srgb, currentColor 6%, transparent));
    color: inherit;
    font: inherit;
    font-size: var(--vitrine-loyalty-badge-font-size, 0.875rem);
    font-weight: 500;
    line-height: 1.2;
    white-space: nowrap;
    overflow: hidden;
    cursor: pointer;
  }

  [part='base']:hover,
  [aria-expanded='true'] {
    border-color: currentColor;
  }

  [part='base']:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, currentColor);
    outline-offset: 2px;
  }

  svg {
    flex: none;
    width: 1.15em;
    height: 1.15em;
    fill: var(--vitrine-loyalty-badge-icon-color, var(--vitrine-color-accent, #d97706));
  }

  [part='indicator'] {
    width: 0.75em;
    fill: currentColor;
  }

  [aria-expanded='true'] [part='indicator'] {
    rotate: 180deg;
  }

  [part='tier'] {
    padding: 0.15em 0.55em;
    border-radius: 999px;
    background: var(--vitrine-loyalty-badge-tier-background, var(--vitrine-color-accent, #111827));
    color: var(--vitrine-loyalty-badge-tier-color, var(--vitrine-color-on-accent, #fff));
    font-size: 0.85em;
    font-weight: 700;
  }

  /* The one text that must never be cut: it wraps when the line is too short for it. */
  [part='label'] {
    white-space: normal;
  }

  [part='label'],
  [part='points'],
  [part='heading'],
  [part='tier-name'] {
    font-weight: 600;
  }

  [part='remaining'] {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* A drawn dot, not a character: the badge's name stays the words a shopper sees. */
  [part='remaining']::before {
    content: '';
    display: inline-block;
    width: 3px;
    height: 3px;
    margin: 0 0 0.2em;
    margin-inline-end: 0.4em;
    border-radius: 50%;
    background: currentColor;
  }

  /* Physical on purpose: floating-ui computes x and y from the top left corner and writes left and top. */
  [part='popover'] {
    position: fixed;
    inset: 0 auto auto 0;
    z-index: 2147483000;
    display: none;
    visibility: hidden;
    box-sizing: border-box;
    width: max-content;
    max-width: min(var(--vitrine-loyalty-badge-popover-width, 18rem), 100vw - 16px);
    margin: 0;
    padding: 0.75rem 0.875rem;
    overflow: visible;
    border: 1px solid color-mix(in srgb, currentColor 16%, transparent);
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-loyalty-badge-popover-background, var(--vitrine-color-surface, #fff));
    color: var(--vitrine-loyalty-badge-popover-color, var(--vitrine-color-text, #111827));
    box-shadow: var(--vitrine-shadow, 0 10px 30px #0003);
    font-size: 0.875rem;
    line-height: 1.45;
    white-space: normal;
  }

  [data-open] {
    display: block;
  }

  [data-positioned] {
    visibility: visible;
  }

  /* The hover bridge: the gap between badge and popover (10 px) still counts as "over the popover". */
  [part='popover']::before {
    content: '';
    position: absolute;
    inset: -10px 0;
    z-index: -1;
  }

  /* Physical on purpose: a drawn triangle turned towards the badge, placed by floating-ui's left (its x). */
  [part='arrow'] {
    position: absolute;
    top: -6px;
    width: 10px;
    height: 10px;
    box-sizing: border-box;
    background: inherit;
    border: inherit;
    border-width: 0 0 1px 1px;
    rotate: 135deg;
  }

  [data-side='top'] [part='arrow'] {
    top: auto;
    bottom: -6px;
    rotate: -45deg;
  }

  p {
    margin: 0 0 0.5em;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    padding: 0.3em 0.5em;
    border-radius: 0.375rem;
  }

  [aria-current] {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }

  /* At the row's end: the right in a left-to-right page, the left in a right-to-left one. */
  [part='tier-threshold'] {
    margin-inline-start: auto;
  }

  /* Not by colour alone: a check after the customer's tier. */
  [aria-current] [part='tier-name']::after {
    content: ' ✓';
  }
`;
