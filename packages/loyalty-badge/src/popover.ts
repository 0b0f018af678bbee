/**
 * Places the details popover against the badge with floating-ui, and keeps it there while it
 * is open. Loaded on first interest (hover, focus, click) with floating-ui, in their own chunk:
 * most shoppers never open the details, so the badge's own chunk stays small.
 */
import { arrow, autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/** Space between the badge and the popover: room for the arrow. */
const GAP_PX = 10;

/**
 * Follows `trigger` with `popover` (position `fixed`, in the top layer) until the returned
 * function is called: autoUpdate listens to scroll and resize and observes both elements, so
 * it must only run while the popover is open. Sets `left`/`top` through the CSSOM (CSP-safe),
 * `data-side` (`bottom`, or `top` after a flip) and, once placed, `data-positioned`.
 */
export function followTrigger(trigger: HTMLElement, popover: HTMLElement): () => void {
  const arrowElement = popover.querySelector<HTMLElement>('[part="arrow"]')!;
  let following = true;
  const place = () =>
    computePosition(trigger, popover, {
      strategy: 'fixed',
      // Under the badge from its start edge, where the text it explains begins: its left edge, or
      // its right edge right to left (floating-ui reads the popover's computed direction).
      placement: 'bottom-start',
      // shift keeps 8 px from the screen's edges; the arrow keeps clear of the rounded corners.
      middleware: [
        offset(GAP_PX),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        arrow({ element: arrowElement, padding: 12 }),
      ],
    })
      .then(({ x, y, placement: placed, middlewareData }) => {
        if (!following) return;
        popover.style.left = `${x}px`;
        popover.style.top = `${y}px`;
        popover.dataset.side = placed.split('-')[0];
        arrowElement.style.left = `${middlewareData.arrow?.x ?? 0}px`;
        popover.toggleAttribute('data-positioned', true);
      })
      .catch(() => {});
  const stop = autoUpdate(trigger, popover, () => void place());
  return () => {
    following = false;
    stop();
  };
}
