import { css } from 'lit';

/**
 * What every Vitrine modal looks like around its own content: a card as wide as `--_width`
 * (never wider than 92 % of the screen) and never taller than the screen, with the shared
 * radius and shadow; the backdrop (`--_backdrop`); both mapped by the widget to its documented
 * properties; a compositor-only entrance (none with reduced motion), and the round close button
 * (`[part~='close-button']`) in the top corner.
 */
export const overlayStyles = css`
  [part~='dialog'] {
    inline-size: min(92vw, var(--_width));
    max-block-size: calc(100dvh - 2rem);
    border: 0;
    border-radius: calc(var(--vitrine-radius, 0.5rem) * 2);
    box-shadow: var(--vitrine-shadow, 0 1.5rem 3rem -0.75rem rgb(0 0 0 / 0.4));
    overscroll-behavior: contain;
  }

  [part~='dialog']::backdrop {
    background: var(--_backdrop, rgb(17 24 39 / 0.6));
  }

  [part~='dialog'][open] {
    animation: vitrine-overlay-in 0.24s cubic-bezier(0.2, 0.8, 0.2, 1);
  }

  @keyframes vitrine-overlay-in {
    from {
      opacity: 0;
      transform: translateY(0.75rem) scale(0.97);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='dialog'][open] {
      animation: none;
    }
  }

  [part~='close-button'] {
    position: absolute;
    inset-block-start: 0.375rem;
    inset-inline-end: 0.375rem;
    z-index: 2;
    display: grid;
    place-items: center;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--vitrine-color-text, #111827);
    cursor: pointer;
  }

  [part~='close-button']:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }

  [part~='close-button']:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: -2px;
  }

  [part~='close-button'] svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
`;
