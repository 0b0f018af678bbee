/** The code field, copy button and status of coupon.ts, as every widget that may show a code adopts them. */
import { css } from 'lit';

export const couponStyles = css`
  [part~='coupon'] {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [part~='coupon-code'] {
    box-sizing: border-box;
    padding: 0.4em 0.6em;
    border: 2px dashed currentColor;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: transparent;
    color: inherit;
    font: inherit;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-align: center;
  }
  [part~='copy-button'] {
    min-block-size: 2.25em;
    padding: 0.4em 0.9em;
    border: 0;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-color-accent, #111827);
    color: var(--vitrine-color-on-accent, #ffffff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part~='copy-button']:focus-visible,
  [part~='coupon-code']:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: 2px;
  }
  [part~='copy-status'] {
    font-size: 0.875em;
  }
`;
