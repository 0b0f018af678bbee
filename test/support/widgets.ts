/**
 * The six widgets as a merchant writes them, valid: what the contract suite (test/contract.test.ts),
 * the hardening suite and the loader's tests build their widgets from. Plain DOM, no import: each
 * caller decides where the tags come from (core's sources, or the built bundle).
 */
export type Widget = HTMLElement & { updateComplete: Promise<unknown> };

/** The six widgets' tags (the wheel's segments and the progress's goals are children). */
export const WIDGET_TAGS = [
  'vitrine-countdown',
  'vitrine-sticky-bar',
  'vitrine-exit-popup',
  'vitrine-wheel',
  'vitrine-shipping-progress',
  'vitrine-loyalty-badge',
] as const;

/** Tags that live inside another widget, with the parent they need. */
export const CHILD_TAGS: Record<string, string> = {
  'vitrine-wheel-segment': 'vitrine-wheel',
  'vitrine-goal': 'vitrine-shipping-progress',
};

/** A valid widget of each kind, as a merchant writes it: renders without a single warning. */
export const VALID: Record<string, { attributes: Record<string, string>; html: string }> = {
  'vitrine-countdown': { attributes: { deadline: '2099-01-01T00:00:00Z', label: 'Sale ends in' }, html: '' },
  'vitrine-sticky-bar': { attributes: {}, html: '<p>Free shipping from €60</p><p>New scents</p>' },
  'vitrine-exit-popup': { attributes: { heading: '10% off', text: 'Sign up', code: 'WELCOME10' }, html: '' },
  'vitrine-wheel': {
    attributes: { heading: 'Spin to win' },
    html:
      '<vitrine-wheel-segment label="10% off" code="W10" weight="2"></vitrine-wheel-segment>' +
      '<vitrine-wheel-segment label="Not this time" weight="3" color="#0f766e"></vitrine-wheel-segment>' +
      '<vitrine-wheel-segment label="Free delivery" code="SHIP"></vitrine-wheel-segment>',
  },
  'vitrine-shipping-progress': {
    attributes: { threshold: '60', total: '20', currency: 'EUR' },
    html: '<vitrine-goal amount="100" label="a free gift"></vitrine-goal>',
  },
  'vitrine-loyalty-badge': { attributes: { price: '27.20', rate: '1' }, html: '' },
};

/** Creates a valid widget of `tag` (VALID), with `attributes` over it. */
export function widget(tag: string, attributes: Record<string, string> = {}): Widget {
  const element = document.createElement(tag) as Widget;
  const valid = VALID[tag] ?? { attributes: {}, html: '' };
  for (const [name, value] of Object.entries({ ...valid.attributes, ...attributes })) element.setAttribute(name, value);
  element.innerHTML = valid.html;
  return element;
}
