import { css } from 'lit';

/**
 * No single red reads well on both a white and a dark surface, so the default error colour is a
 * red mixed with the text colour: deep red on white, light red on a dark card (both ≥ 4.5:1).
 */
export const leadFormStyles = css`
  :host {
    --vitrine-lead-error: var(
      --vitrine-color-error,
      color-mix(in srgb, #dc2626 60%, var(--vitrine-color-text, #111827))
    );
  }
  [part~='form'] {
    display: grid;
    gap: 0.75em;
    text-align: start;
  }
  [part~='email-label'] {
    font-weight: 600;
    font-size: 0.9em;
  }
  [part~='email-input'] {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-color-surface, #ffffff);
    color: var(--vitrine-color-text, #111827);
    font: inherit;
  }
  [part~='email-input']::placeholder {
    color: color-mix(in srgb, currentColor 60%, transparent);
  }
  [part~='email-input'][aria-invalid='true'] {
    border-color: var(--vitrine-lead-error);
  }
  [part~='error'] {
    margin: 0;
    color: var(--vitrine-lead-error);
    font-size: 0.875em;
  }
  [part~='consent'] {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    font-size: 0.85em;
    line-height: 1.4;
  }
  [part~='consent'] input {
    inline-size: 1.1em;
    block-size: 1.1em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--vitrine-color-accent, #111827);
  }
  /* The form's button; a widget's other main button (the wheel's spin) takes its look with class="accent-button". */
  [part~='submit'],
  .accent-button {
    min-block-size: 2.75em;
    padding: 0.6em 1em;
    border: 0;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-color-accent, #111827);
    color: var(--vitrine-color-on-accent, #ffffff);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  [part~='submit'][aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  [part~='email-input']:focus-visible,
  [part~='submit']:focus-visible,
  .accent-button:focus-visible,
  [part~='consent'] input:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: 2px;
  }
  [part~='status'] {
    margin: 0;
    font-size: 0.9em;
  }
  /* Focused by script so it is read out; it is no control, so no ring. */
  [part~='status']:focus {
    outline: none;
  }
`;
