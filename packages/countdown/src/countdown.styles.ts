import { css } from 'lit';

export const countdownStyles = css`
  :host {
    display: inline-block;
    font-family: var(--vitrine-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--vitrine-color-text, currentColor);
    line-height: 1.2;
    /* Tabular digits: 11:11 and 00:00 take the same width, so nothing around the timer moves. */
    font-variant-numeric: tabular-nums;
    /* Never wider than its container: on a narrow screen with large text the segments wrap (WCAG 1.4.10). */
    max-inline-size: 100%;
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--vitrine-countdown-gap, 0.5em);
  }

  /* Off screen (well beyond the viewport), the browser may skip laying out, painting and hit-testing
     the timer's boxes, at the size they last had (remembered while on screen: nothing moves). Only
     there: paint containment would clip a focus ring or a merchant's shadow on screen. */
  [part='base'] {
    contain-intrinsic-size: auto none;
  }

  /* Skipped, the boxes have layout containment, hence no baseline: aligned by their bottom instead, they
     keep the line's height (on the baseline, the line grew by the font's descent below them). */
  [part='base'].far {
    content-visibility: auto;
    vertical-align: bottom;
  }

  [part='label'] {
    font-weight: 600;
  }

  [part='digits'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: stretch;
    gap: var(--vitrine-countdown-gap, 0.375em);
  }

  [part~='segment'] {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    min-inline-size: 2.6em;
    /* The loader's reserve, to the fraction of a pixel: WebKit rounds each line box down to whole
       pixels (52.19 px where the reserve says 53.44), so the box is held at the reserve's height. */
    box-sizing: border-box;
    min-block-size: calc(
      var(--vitrine-countdown-digit-size, 1.5em) * 1.2 + var(--vitrine-countdown-unit-size, 0.7em) * 1.2 + 0.7em
    );
    padding: 0.35em 0.4em;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-countdown-segment-background, var(--vitrine-color-accent, #111827));
    color: var(--vitrine-countdown-segment-color, var(--vitrine-color-on-accent, #ffffff));
  }

  [part~='value'] {
    position: relative;
    font-size: var(--vitrine-countdown-digit-size, 1.5em);
    font-weight: 700;
    letter-spacing: 0.02em;
  }

  /* The room of the digits: as many zeros, unseen (tabular digits: the same width, and the same
     baseline for the line beside an inline countdown). The digits themselves lie over it, in a box
     sized by its insets and contained, so the browser lays out a new second in that box alone, not
     the countdown and the page around it. */
  [part~='value']::before {
    content: attr(data-room);
    visibility: hidden;
  }

  [part~='value'] > span {
    position: absolute;
    inset: 0;
    contain: size layout;
  }

  [part~='unit'] {
    font-size: var(--vitrine-countdown-unit-size, 0.7em);
    text-transform: uppercase;
    letter-spacing: 0.06em;
    opacity: 0.85;
  }

  /* Arabic letters join: spaced apart they break into isolated forms. */
  :host(:lang(ar)) [part~='unit'] {
    letter-spacing: 0;
  }

  [part='base'].inline [part~='segment'] {
    flex-direction: row;
    align-items: baseline;
    min-inline-size: 0;
    min-block-size: 0;
    padding: 0;
    background: none;
    color: inherit;
    gap: 0.1em;
  }

  [part='base'].inline [part~='value'] {
    font-size: var(--vitrine-countdown-digit-size, 1em);
  }

  [part='base'].inline [part~='unit'] {
    font-size: var(--vitrine-countdown-unit-size, 0.85em);
    text-transform: none;
    letter-spacing: 0;
  }

  [part='pause-button'] {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 0;
    border: 1px solid currentColor;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    cursor: pointer;
    opacity: 0.7;
    font: inherit;
  }

  [part='pause-button']:hover,
  [part='pause-button']:focus-visible {
    opacity: 1;
  }

  [part='pause-button']:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: 2px;
  }

  [part='pause-button'] svg {
    inline-size: 0.75rem;
    block-size: 0.75rem;
    fill: currentColor;
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
    border: 0;
  }
`;
