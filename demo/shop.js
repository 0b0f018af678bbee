/**
 * The shop's own JavaScript — not Vitrine. It does what a Shopify theme's script does, so
 * that Vitrine meets the same page it meets in a real shop:
 *   - sets `window.Shopify`, which Vitrine's cart source reads (root of the AJAX cart, currency);
 *   - sends the product forms to /cart/add.js and runs the cart page with /cart/change.js;
 *   - keeps the cart count in the header, and tells the page when the cart changed;
 *   - remembers, for the tab, the code Vitrine gave the shopper, so the bar shows it on every page;
 *   - keeps the product's loyalty badge on the chosen size's price;
 *   - the demo controls in the footer (open the pop-up or the wheel now, forget what Vitrine remembers).
 * The pages are served with a strict Content-Security-Policy: no inline script or style, so
 * everything here is in this file and text goes in with textContent, never as HTML.
 */

// As Shopify's storefront does, before any widget reads it: this script comes first in <head>.
window.Shopify = { routes: { root: '/' }, currency: { active: 'EUR', rate: '1.0' } };

const LANGUAGE = document.documentElement.lang.startsWith('fr') ? 'fr' : 'en';

const TEXT = {
  en: {
    adding: 'Adding…',
    added: (title, quantity) => `${title} × ${quantity} added to your cart.`,
    viewCart: 'View cart',
    addFailed: 'Sorry, this could not be added to your cart. Please try again.',
    cartFailed: 'Sorry, your cart could not be updated. Please try again.',
    cartLoadFailed: 'Sorry, your cart could not be loaded. Please reload the page.',
    decrease: (title) => `One less ${title}`,
    increase: (title) => `One more ${title}`,
    quantityOf: (title) => `Quantity of ${title}`,
    remove: (title) => `Remove ${title}`,
    removed: (title) => `${title} removed from your cart.`,
    cleared: 'Your cart is empty.',
    freeDelivery: 'Free',
    deliveryFrom: (amount) => `${amount}, free from €60`,
    checkout: 'This is a demo shop: there is no checkout. Nothing is sold.',
    popupRefused: 'The pop-up did not open: another window of the shop is open.',
    wheelRefused: 'The wheel did not open: another window of the shop is open.',
  },
  fr: {
    adding: 'Ajout…',
    added: (title, quantity) => `${title} × ${quantity} ajouté à votre panier.`,
    viewCart: 'Voir le panier',
    addFailed: "Désolé, l'article n'a pas pu être ajouté. Veuillez réessayer.",
    cartFailed: "Désolé, votre panier n'a pas pu être mis à jour. Veuillez réessayer.",
    cartLoadFailed: "Désolé, votre panier n'a pas pu être chargé. Veuillez recharger la page.",
    decrease: (title) => `Un ${title} de moins`,
    increase: (title) => `Un ${title} de plus`,
    quantityOf: (title) => `Quantité de ${title}`,
    remove: (title) => `Retirer ${title}`,
    removed: (title) => `${title} retiré de votre panier.`,
    cleared: 'Votre panier est vide.',
    freeDelivery: 'Offerte',
    deliveryFrom: (amount) => `${amount}, offerte dès 60 €`,
    checkout: "Boutique de démonstration : pas de paiement. Rien n'est vendu.",
    popupRefused: "La pop-up ne s'est pas ouverte : une autre fenêtre de la boutique est ouverte.",
    wheelRefused: "La roue ne s'est pas ouverte : une autre fenêtre de la boutique est ouverte.",
  },
}[LANGUAGE];

const FREE_DELIVERY_FROM_CENTS = 6000;
const DELIVERY_CENTS = 590;

const moneyFormat = new Intl.NumberFormat(LANGUAGE === 'fr' ? 'fr-FR' : 'en-IE', {
  style: 'currency',
  currency: window.Shopify.currency.active,
});
/** Shopify counts money in cents. */
const formatMoney = (cents) => moneyFormat.format(cents / 100);

// ---------------------------------------------------------------------------------------
// The AJAX cart.

/** GET (no body) or POST JSON to the cart API; throws with Shopify's `description` on an error. */
async function cartRequest(path, body) {
  const response = await window.fetch(`${window.Shopify.routes.root}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.description ?? `HTTP ${response.status}`);
  return json;
}

/**
 * Everything that follows a cart change: the header count, the `cart:updated` event many
 * themes dispatch (Vitrine's cart source listens to it), and the cart on Vitrine's bus through
 * the queue, which works whether or not vitrine.js has loaded yet.
 */
function cartChanged(cart) {
  for (const count of document.querySelectorAll('[data-cart-count]')) count.textContent = String(cart.item_count);
  document.dispatchEvent(new window.CustomEvent('cart:updated', { detail: { cart } }));
  (window.vitrine = window.vitrine || []).push([
    'publish',
    'cart',
    { total: cart.total_price / 100, currency: cart.currency, itemCount: cart.item_count },
  ]);
}

/** Shows a message in a status region (`role="status"`, so screen readers hear it). */
function setStatus(region, message, link) {
  if (!region) return;
  region.replaceChildren(message);
  if (link) {
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.textContent = link.text;
    region.append(' ', anchor);
  }
}

// ---------------------------------------------------------------------------------------
// Product pages: the add-to-cart forms (the main one, and the quick adds under "Pairs well with").

function wireProductForm(form) {
  const button = form.querySelector('button[type="submit"]');
  const status = form.querySelector('[data-form-status]');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = new window.FormData(form);
    const quantity = Math.max(1, Number(fields.get('quantity')) || 1);
    const label = button.textContent;
    button.disabled = true;
    button.textContent = TEXT.adding;
    try {
      const item = await cartRequest('cart/add.js', { id: Number(fields.get('id')), quantity });
      setStatus(status, TEXT.added(item.title, quantity), { href: '/cart', text: TEXT.viewCart });
      cartChanged(await cartRequest('cart.js'));
    } catch (error) {
      console.error('[shop] add to cart failed:', error);
      setStatus(status, TEXT.addFailed);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });

  // The main form: the price, and the points it earns (Vitrine's badge, in major units), follow the chosen size.
  const price = document.querySelector('[data-product-price]');
  form.addEventListener('change', (event) => {
    const input = event.target;
    if (!price || input.name !== 'id' || !input.dataset.price) return;
    price.querySelector('[data-price]').textContent = formatMoney(Number(input.dataset.price));
    price.querySelector('[data-compare-at]').textContent = formatMoney(Number(input.dataset.compareAt));
    document
      .querySelector('[data-points-badge]')
      ?.setAttribute('price', (Number(input.dataset.price) / 100).toFixed(2));
  });
}

// ---------------------------------------------------------------------------------------
// The cart page.

function wireCartPage(root) {
  const lines = root.querySelector('[data-cart-lines]');
  const status = root.querySelector('[data-cart-status]');
  const template = document.getElementById('cart-line');

  const render = (cart) => {
    root.querySelector('[data-cart-loading]').hidden = true;
    root.querySelector('[data-cart-empty]').hidden = cart.item_count > 0;
    root.querySelector('[data-cart-filled]').hidden = cart.item_count === 0;
    lines.replaceChildren(...cart.items.map(renderLine));
    root.querySelector('[data-cart-subtotal]').textContent = formatMoney(cart.total_price);
    root.querySelector('[data-cart-delivery]').textContent =
      cart.total_price >= FREE_DELIVERY_FROM_CENTS ? TEXT.freeDelivery : TEXT.deliveryFrom(formatMoney(DELIVERY_CENTS));
    root.setAttribute('aria-busy', 'false');
  };

  const renderLine = (item) => {
    const row = template.content.firstElementChild.cloneNode(true);
    const name = `${item.product_title} (${item.variant_title})`;
    const image = row.querySelector('[data-line-image]');
    image.src = item.image;
    const title = row.querySelector('[data-line-title]');
    title.href = item.url;
    title.textContent = item.product_title;
    row.querySelector('[data-line-variant]').textContent = item.variant_title;
    row.querySelector('[data-line-price]').textContent = formatMoney(item.final_price);
    row.querySelector('[data-line-total]').textContent = formatMoney(item.final_line_price);

    const quantity = row.querySelector('[data-line-quantity]');
    quantity.value = String(item.quantity);
    quantity.setAttribute('aria-label', TEXT.quantityOf(name));
    row.querySelector('[data-line-decrease]').setAttribute('aria-label', TEXT.decrease(name));
    row.querySelector('[data-line-increase]').setAttribute('aria-label', TEXT.increase(name));
    row.querySelector('[data-line-remove]').setAttribute('aria-label', TEXT.remove(name));

    // The line key identifies the line even when the same variant is on two lines.
    const change = (next, message) => update('cart/change.js', { id: item.key, quantity: next }, message);
    row.querySelector('[data-line-decrease]').addEventListener('click', () => change(item.quantity - 1));
    row.querySelector('[data-line-increase]').addEventListener('click', () => change(item.quantity + 1));
    row.querySelector('[data-line-remove]').addEventListener('click', () => change(0, TEXT.removed(name)));
    quantity.addEventListener('change', () => {
      const next = Math.min(99, Math.max(0, Math.round(Number(quantity.value))));
      if (Number.isFinite(next) && next !== item.quantity) change(next, next === 0 ? TEXT.removed(name) : undefined);
      else quantity.value = String(item.quantity);
    });
    return row;
  };

  /** One change at a time: controls are disabled while a request runs. */
  const update = async (path, body, message) => {
    root.setAttribute('aria-busy', 'true');
    for (const control of root.querySelectorAll('button, input')) control.disabled = true;
    try {
      const cart = await cartRequest(path, body);
      render(cart);
      cartChanged(cart);
      setStatus(status, message ?? '');
    } catch (error) {
      console.error('[shop] cart update failed:', error);
      setStatus(status, TEXT.cartFailed);
    } finally {
      for (const control of root.querySelectorAll('button, input')) control.disabled = false;
      root.setAttribute('aria-busy', 'false');
    }
  };

  root.querySelector('[data-cart-clear]').addEventListener('click', () => update('cart/clear.js', {}, TEXT.cleared));
  root.querySelector('[data-checkout]').addEventListener('click', () => setStatus(status, TEXT.checkout));

  cartRequest('cart.js')
    .then((cart) => {
      render(cart);
      cartChanged(cart);
    })
    .catch((error) => {
      console.error('[shop] could not load the cart:', error);
      root.querySelector('[data-cart-loading]').hidden = true;
      setStatus(status, TEXT.cartLoadFailed);
    });
}

// ---------------------------------------------------------------------------------------
// For developers: every Vitrine bus message, as the DOM event `vitrine:<topic>` on document.

function wireBusLog(list) {
  const topics = ['cart', 'customer', 'coupon', 'lead', 'overlay', 'timer-end', 'track'];
  const time = new Intl.DateTimeFormat(LANGUAGE, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  for (const topic of topics) {
    document.addEventListener(`vitrine:${topic}`, (event) => {
      const entry = document.createElement('li');
      entry.textContent = `${time.format(new Date())}  ${topic}  ${JSON.stringify(event.detail)}`;
      list.prepend(entry);
      while (list.children.length > 20) list.lastElementChild.remove();
    });
  }
}

// ---------------------------------------------------------------------------------------
// The code the shopper was given (Vitrine's bus `coupon` topic: the sign-up pop-up publishes
// it). The bus lives as long as the page, so the shop keeps the code for the tab and hands it
// back on the next page, through the queue: the bar's `show-coupon` shows it there too.

const COUPON_KEY = 'maison-lumiere:coupon';

/** sessionStorage, or null where the browser refuses it (then the code stays on its page). */
function tabStorage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function keepCoupon() {
  const store = tabStorage();
  let kept = null;
  try {
    kept = JSON.parse(store?.getItem(COUPON_KEY) ?? 'null');
  } catch {
    /* unreadable: no code to show again */
  }
  if (kept && typeof kept.code === 'string') (window.vitrine = window.vitrine || []).push(['publish', 'coupon', kept]);
  document.addEventListener('vitrine:coupon', (event) => {
    // For the theme's CSS: on a phone the bar then shows the code alone (see shop.css).
    for (const bar of document.querySelectorAll('vitrine-sticky-bar[show-coupon]')) {
      bar.toggleAttribute('data-has-coupon', Boolean(event.detail?.code));
    }
    try {
      if (event.detail?.code) store?.setItem(COUPON_KEY, JSON.stringify(event.detail));
    } catch {
      /* full or blocked: the code stays on this page */
    }
  });
}

// ---------------------------------------------------------------------------------------
// Demo controls, in the footer: a visitor who closed the pop-up or the wheel (or signed up) can see it again.

/**
 * Forgets what Vitrine remembers on this browser: keys `vitrine:…` in localStorage and
 * sessionStorage (closed bar and pop-up, sign-up), and the code kept above. Leads still waiting
 * in Vitrine's outbox (`vitrine:outbox:…`) are kept: they are the shopper's, not the demo's.
 */
function resetDemo() {
  if (typeof window.vitrine?.reset === 'function') window.vitrine.reset();
  for (const name of ['localStorage', 'sessionStorage']) {
    try {
      const store = window[name];
      const keys = Array.from({ length: store.length }, (_, index) => store.key(index));
      for (const key of keys) {
        if (key?.startsWith('vitrine:') && !key.startsWith('vitrine:outbox:')) store.removeItem(key);
      }
      store.removeItem(COUPON_KEY);
    } catch {
      /* storage blocked: Vitrine kept everything in memory, and the reload forgets it */
    }
  }
}

function wireDemoControls(section) {
  const status = section.querySelector('[data-demo-status]');
  // The product pages open the sign-up pop-up, the cart page the wheel: both are Vitrine pop-ups with show().
  const opens = [
    ['[data-demo-open]', 'vitrine-exit-popup', TEXT.popupRefused],
    ['[data-demo-wheel]', 'vitrine-wheel', TEXT.wheelRefused],
  ];
  for (const [button, tag, refused] of opens) {
    section.querySelector(button)?.addEventListener('click', async () => {
      setStatus(status, '');
      const overlay = document.querySelector(tag);
      if (!overlay) return;
      // Its code may still be on its way: the loader fetches it when the tag is seen.
      await window.customElements.whenDefined(tag);
      if (!(await overlay.show())) setStatus(status, refused);
    });
  }
  section.querySelector('[data-demo-reset]').addEventListener('click', () => {
    resetDemo();
    window.location.reload();
  });
  section.hidden = false;
}

// Module scripts run once the document is parsed: the elements are there.
const busLog = document.querySelector('[data-bus-log]');
if (busLog) wireBusLog(busLog);
keepCoupon();
const demoControls = document.querySelector('[data-demo-controls]');
if (demoControls) wireDemoControls(demoControls);
for (const form of document.querySelectorAll('form[data-product-form]')) wireProductForm(form);
const cartRoot = document.querySelector('[data-cart]');
if (cartRoot) wireCartPage(cartRoot);
else cartRequest('cart.js').then(cartChanged, (error) => console.error('[shop] could not load the cart:', error));
