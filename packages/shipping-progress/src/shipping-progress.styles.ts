import { css } from 'lit';

/**
 * The widget's height is fixed by three figures, also used by the loader's `:not(:defined)`
 * rule so the page does not move when the code arrives: the message's lines
 * (`--vitrine-shipping-progress-lines` × 1.4em), a gap of 0.5em and the bar
 * (`--vitrine-shipping-progress-height`). The bar fills with `transform: scaleX()` (compositor
 * only; its value is the `--_fill` custom property, set with the CSSOM, so a strict CSP allows it).
 */
export const shippingProgressStyles = css`
  :host {
    display: block;
    font-family: var(--vitrine-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--vitrine-color-text, inherit);
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }

  [part='message'] {
    display: flex;
    align-items: center;
    gap: 0.4em;
    margin: 0;
    min-block-size: calc(var(--vitrine-shipping-progress-lines, 1) * 1.4em);
    line-height: 1.4;
    font-weight: 500;
  }

  .waiting [part='message'] {
    visibility: hidden;
  }

  .stale [part='message'] {
    opacity: 0.7;
  }

  ::slotted([slot='icon']) {
    flex: none;
    max-block-size: 1.4em;
  }

  [part='track'] {
    position: relative;
    overflow: hidden;
    block-size: var(--vitrine-shipping-progress-height, 0.5rem);
    border-radius: var(--vitrine-radius, 999px);
    background: var(--vitrine-shipping-progress-track, color-mix(in srgb, currentColor 15%, transparent));
  }

  [part='bar'] {
    position: absolute;
    inset: 0;
    border-radius: inherit;
    background: var(--vitrine-shipping-progress-bar, var(--vitrine-color-accent, currentColor));
    transform: scaleX(var(--_fill, 0));
    transform-origin: left center;
    transition: transform var(--vitrine-shipping-progress-duration, 0.6s) cubic-bezier(0.22, 1, 0.36, 1);
  }

  /* Right to left, the fill grows from the right edge (the start of the line). */
  :host(:dir(rtl)) [part='bar'] {
    transform-origin: right center;
  }

  /* Without :dir() (Chrome < 120) a transform cannot tell which edge to grow from: there the fill
     grows in width from the line's start instead (laid out each frame, not on the compositor). */
  @supports not selector(:dir(rtl)) {
    [part='bar'] {
      inset-inline-end: auto;
      inline-size: calc(var(--_fill, 0) * 100%);
      transform: none;
      transition-property: inline-size;
    }
  }

  .reached [part='bar'] {
    background: var(
      --vitrine-shipping-progress-reached,
      var(--vitrine-shipping-progress-bar, var(--vitrine-color-accent, currentColor))
    );
  }

  .still [part='bar'] {
    transition: none;
  }

  @media (prefers-reduced-motion: reduce) {
    [part='bar'] {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    [part='track'] {
      border: 1px solid CanvasText;
    }

    [part='bar'] {
      background: Highlight;
    }
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
