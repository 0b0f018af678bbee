/**
 * What a shopper would see go wrong with a widget's box, in any engine: a part of its shadow tree
 * sticking out of the widget (or, for what lives in the top layer or is fixed to the screen, out of
 * the viewport), or the page scrolling sideways. Used after every story, at phone and desktop
 * widths, in Chromium, Firefox and WebKit (test/support/story-layout.ts).
 */

/** Every Vitrine widget in the document, in document order (light DOM of the page). */
export function widgetsIn(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    (element) => element.localName.startsWith('vitrine-') && element.shadowRoot !== null,
  );
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const rectOf = (element: Element): Rect => {
  const { left, top, right, bottom } = element.getBoundingClientRect();
  return { left, top, right, bottom };
};
const intersect = (a: Rect, b: Rect): Rect => ({
  left: Math.max(a.left, b.left),
  top: Math.max(a.top, b.top),
  right: Math.min(a.right, b.right),
  bottom: Math.min(a.bottom, b.bottom),
});
const isEmpty = (rect: Rect) => rect.right - rect.left < 0.5 || rect.bottom - rect.top < 0.5;

/** The element's parent in its shadow tree (stops at the shadow root). */
const parentIn = (element: Element): Element | null => element.parentElement;

/** In the top layer (an open modal dialog or popover) or fixed to the viewport: measured against the viewport. */
function ownsViewport(element: Element): boolean {
  if (element.matches('dialog[open]')) return true;
  try {
    if (element.matches(':popover-open')) return true;
  } catch {
    // an engine without popovers: nothing is in the top layer through them
  }
  return getComputedStyle(element).position === 'fixed';
}

const describe = (host: HTMLElement, element: Element) =>
  `<${host.localName}${host.id ? `#${host.id}` : ''}> [part="${element.getAttribute('part') ?? element.localName}"]`;

/** Problems with one widget: parts outside their box, parts larger than it. */
export function widgetProblems(host: HTMLElement): string[] {
  const problems: string[] = [];
  const viewport: Rect = {
    left: 0,
    top: 0,
    right: document.documentElement.clientWidth,
    bottom: document.documentElement.clientHeight,
  };
  const hostStyle = getComputedStyle(host);
  // A host without a box of its own (`display: contents`, the sticky bar) holds its parts in the page: the viewport.
  const hostRect = hostStyle.display === 'contents' ? viewport : rectOf(host);
  const tolerance = 1;
  for (const element of host.shadowRoot!.querySelectorAll('*')) {
    // An SVG's own shapes are drawn inside the <svg> box, which is checked itself.
    if (element instanceof SVGElement && element.localName !== 'svg') continue;
    if (element.closest('.visually-hidden')) continue;
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.display === 'contents' || style.visibility === 'hidden') continue;
    if (element.getClientRects().length === 0) continue;
    // A box of the widget that scrolls sideways: something in it is wider than the widget allows.
    if (/auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1) {
      const edge = element.getBoundingClientRect().left + element.clientWidth;
      const wide = [...element.querySelectorAll('*')].find((inner) => inner.getBoundingClientRect().right > edge + 1);
      problems.push(
        `${describe(host, element)} scrolls sideways (${element.scrollWidth} px of content in ${element.clientWidth} px${wide ? `, from ${describe(host, wide)}` : ''})`,
      );
    }
    // A rotated or moving part (the wheel's dial, a sliding message) is judged by its layout box,
    // where the engine placed it, not by the bounds of its turned corners.
    let transformed = false;
    // What may hold it: the host, or the viewport for the top layer and fixed parts; clipped by
    // every ancestor that hides its overflow.
    let frame = hostRect;
    let visible = rectOf(element);
    for (let ancestor = parentIn(element); ancestor; ancestor = parentIn(ancestor)) {
      const ancestorStyle = getComputedStyle(ancestor);
      if (ancestorStyle.transform !== 'none') transformed = true;
      if (ancestorStyle.overflowX !== 'visible' || ancestorStyle.overflowY !== 'visible')
        visible = intersect(visible, rectOf(ancestor));
    }
    if (style.transform !== 'none') transformed = true;
    if (hostStyle.overflowX !== 'visible' || hostStyle.overflowY !== 'visible') visible = intersect(visible, hostRect);
    if (isEmpty(visible)) continue;
    for (let each: Element | null = element; each; each = parentIn(each))
      if (ownsViewport(each)) {
        frame = viewport;
        break;
      }
    const box = element as HTMLElement;
    if (transformed) {
      const width = box.offsetWidth ?? 0;
      const height = box.offsetHeight ?? 0;
      if (width > frame.right - frame.left + tolerance || height > frame.bottom - frame.top + tolerance)
        problems.push(
          `${describe(host, element)} is ${width}×${height} px in a ${Math.round(frame.right - frame.left)}×${Math.round(frame.bottom - frame.top)} px box`,
        );
      continue;
    }
    if (
      visible.left < frame.left - tolerance ||
      visible.top < frame.top - tolerance ||
      visible.right > frame.right + tolerance ||
      visible.bottom > frame.bottom + tolerance
    ) {
      const [width, height] = [visible.right - visible.left, visible.bottom - visible.top].map(Math.round);
      problems.push(
        `${describe(host, element)} (${width}×${height} px at ${Math.round(visible.left - frame.left)},${Math.round(visible.top - frame.top)}) sticks out of its ${frame === viewport ? 'viewport' : 'widget'} (${Math.round(frame.right - frame.left)}×${Math.round(frame.bottom - frame.top)} px)`,
      );
    }
  }
  return problems;
}

const nameOf = (element: Element) =>
  `<${element.localName}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}>`;

/** The page scrolls sideways: something is wider than the screen (named: the outermost such boxes). */
export function sidewaysScroll(): string | null {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth + 1) return null;
  const wide = [...document.body.querySelectorAll('*')].filter(
    (element) =>
      element.getBoundingClientRect().right > root.clientWidth + 1 &&
      !(element.parentElement && element.parentElement.getBoundingClientRect().right > root.clientWidth + 1),
  );
  return `the page scrolls sideways (${root.scrollWidth} px of content in ${root.clientWidth} px: ${wide.slice(0, 3).map(nameOf).join(', ')})`;
}

/** A box that draws nothing itself (no background, border or shadow): only its content is seen. */
function paintsNothing(style: CSSStyleDeclaration): boolean {
  return (
    /^(transparent|rgba\(0, 0, 0, 0\))$/.test(style.backgroundColor) &&
    style.backgroundImage === 'none' &&
    style.boxShadow === 'none' &&
    ['Top', 'Right', 'Bottom', 'Left'].every(
      (side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) === 0,
    )
  );
}

/**
 * Each widget's painted size, rounded to the pixel, for comparing engines: the extent of the parts
 * a shopper sees — parts that draw a box, and the innermost parts (text, buttons, icons). A row that
 * draws nothing is left out: engines size an invisible wrapped flex row differently while drawing
 * the same thing. A turned part (the wheel's rotor) counts as the box it turns in.
 */
export function widgetSizes(widgets: HTMLElement[]): Array<[number, number]> {
  const shown = (element: Element) => {
    if (element.closest('.visually-hidden') || element.getClientRects().length === 0) return false;
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && style.display !== 'contents';
  };
  return widgets.map((host) => {
    let extent: Rect | null = null;
    for (const element of host.shadowRoot!.querySelectorAll('[part]')) {
      if (!shown(element)) continue;
      const style = getComputedStyle(element);
      if (paintsNothing(style) && [...element.querySelectorAll('[part]')].some(shown)) continue;
      let frame: Element = element;
      for (let each: Element | null = element; each; each = parentIn(each))
        if (getComputedStyle(each).transform !== 'none') frame = parentIn(each) ?? each;
      const rect = rectOf(frame);
      if (isEmpty(rect)) continue;
      extent = extent
        ? {
            left: Math.min(extent.left, rect.left),
            top: Math.min(extent.top, rect.top),
            right: Math.max(extent.right, rect.right),
            bottom: Math.max(extent.bottom, rect.bottom),
          }
        : rect;
    }
    return extent ? [Math.round(extent.right - extent.left), Math.round(extent.bottom - extent.top)] : [0, 0];
  });
}
