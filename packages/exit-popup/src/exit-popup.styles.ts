import { css } from 'lit';

export const exitPopupStyles = css`
  /* The closed dialog takes no room: nothing on the page moves when the pop-up arrives. */
  :host {
    display: contents;
  }

  /* Its width, radius, shadow and height limit are the core's overlayStyles. */
  [part='dialog'] {
    --_backdrop: var(--vitrine-exit-popup-backdrop);
    --_width: var(--vitrine-exit-popup-width, 28rem);
    box-sizing: border-box;
    overflow: auto;
    padding: var(--vitrine-exit-popup-padding, 2.25rem 1.5rem 1.5rem);
    background: var(--vitrine-exit-popup-background, var(--vitrine-color-surface, #ffffff));
    color: var(--vitrine-color-text, #111827);
    font-family: var(--vitrine-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
    text-align: center;
  }

  /* The backdrop's fade; the rest of the entrance, the backdrop's colour and the close button are the core's overlayStyles. */
  [part='dialog'][open]::backdrop {
    animation: vitrine-exit-popup-fade 0.24s ease-out;
  }

  @keyframes vitrine-exit-popup-fade {
    from {
      opacity: 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='dialog'][open]::backdrop {
      animation: none;
    }
  }

  /* The card's colour, even when a page sets it on ::part(dialog). */
  [part='close-button'] {
    color: inherit;
  }

  [part='heading'] {
    margin: 0 1.5rem 0.5rem;
    font-size: var(--vitrine-exit-popup-heading-size, 1.5rem);
    font-weight: 800;
    line-height: 1.2;
    text-wrap: balance;
  }

  [part='text'] {
    margin-block-end: 1.25rem;
  }

  [part='text'] p,
  ::slotted(p) {
    margin: 0;
  }

  [part='coupon'] {
    justify-content: center;
    margin-block-start: 1rem;
  }

  [hidden] {
    display: none !important;
  }
`;
