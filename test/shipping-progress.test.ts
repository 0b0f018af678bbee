/**
 * <vitrine-shipping-progress> in real Chromium: what the shopper sees and hears (message, bar,
 * progressbar values in words, the announcement), what a merchant's code receives (the
 * goal event, once per crossing), bad input, and the room it keeps before and after its code
 * arrives. Carts come from the `total` attribute or the bus, and once from a stand-in for
 * Shopify's /cart.js.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import axe from 'axe-core';
import { formatMoney, getBus, type CartState, type TrackMessage } from '@vitrine/core';
import { VitrineShippingProgress, type GoalReachedDetail } from '@vitrine/shipping-progress';
import '@vitrine/shipping-progress/define';
import { SHIPPING_PROGRESS_RESERVE_CSS } from '@vitrine/shipping-progress/reserve';
import { useTestPage } from './support/fixture.js';

type Progress = HTMLElementTagNameMap['vitrine-shipping-progress'];

/** The rule the loader adopts while the widget's code is on its way, for another tag name (the custom properties keep theirs). */
const cssFor = (tag: string) => SHIPPING_PROGRESS_RESERVE_CSS.replace(/vitrine-shipping-progress(?=:)/g, tag);

const holder = globalThis as unknown as Record<symbol | string, unknown>;
const part = (el: Progress, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Intl puts (narrow) no-break spaces in amounts: compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
const message = (el: Progress) => plain(part(el, 'message')?.textContent);
const bar = (el: Progress) => part(el, 'track')!;
const fill = (el: Progress) => Number(part(el, 'bar')!.style.getPropertyValue('--_fill'));
const euros = (amount: number, language: 'en' | 'fr' = 'en') => plain(formatMoney(amount, 'EUR', language));

const testPage = useTestPage({ reset: () => delete holder.Shopify });
const { vitrineWarnings } = testPage;

function stubReducedMotion(reduce: boolean): void {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: reduce && query.includes('prefers-reduced-motion: reduce'),
        media: query,
        onchange: null,
        addEventListener() {},
        removeEventListener() {},
        addListener() {},
        removeListener() {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  );
}

function collectGoals(el: Element): GoalReachedDetail[] {
  const seen: GoalReachedDetail[] = [];
  el.addEventListener('vitrine-goal-reached', (event) => seen.push((event as CustomEvent<GoalReachedDetail>).detail));
  return seen;
}

async function publishCart(el: Progress, cart: CartState): Promise<void> {
  getBus().publish('cart', cart);
  await el.updateComplete;
}

beforeEach(() => {
  delete holder[Symbol.for('vitrine.bus')];
  delete holder.Shopify;
});

describe('what the shopper sees', () => {
  test('empty cart: the whole threshold to go, an empty bar', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress threshold="60" total="0"></vitrine-shipping-progress>`,
    );
    expect(message(el)).toBe(`You are ${euros(60)} away from free shipping`);
    expect(bar(el).getAttribute('role')).toBe('progressbar');
    expect(bar(el).getAttribute('aria-valuemin')).toBe('0');
    expect(bar(el).getAttribute('aria-valuemax')).toBe('60');
    expect(bar(el).getAttribute('aria-valuenow')).toBe('0');
    expect(fill(el)).toBe(0);
    expect(el.reached).toBe(false);
  });

  test('partway: the amount left, the bar filled in proportion, the value in words', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress threshold="60" total="47.50"></vitrine-shipping-progress>`,
    );
    expect(message(el)).toBe(`You are ${euros(12.5)} away from free shipping`);
    expect(fill(el)).toBeCloseTo(47.5 / 60, 6);
    expect(bar(el).getAttribute('aria-valuenow')).toBe('47.5');
    expect(plain(bar(el).getAttribute('aria-valuetext'))).toBe(
      `${euros(47.5)} of ${euros(60)}: ${euros(12.5)} to go for free shipping`,
    );
    expect(bar(el).getAttribute('aria-label')).toBe('Progress towards free shipping');
    // The bar moves by transform only (compositor), towards the value set through the CSSOM.
    const style = getComputedStyle(part(el, 'bar')!);
    expect(style.transitionProperty).toBe('transform');
    expect(style.transitionDuration).toBe('0.6s');
  });

  test('reached: the reached message, a full bar, the reached attribute', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress threshold="60" total="72"></vitrine-shipping-progress>`,
    );
    expect(message(el)).toBe('You have unlocked free shipping!');
    expect(fill(el)).toBe(1);
    expect(el.hasAttribute('reached')).toBe(true);
    expect(bar(el).getAttribute('aria-valuenow')).toBe('60');
    expect(plain(bar(el).getAttribute('aria-valuetext'))).toBe(`${euros(72)}: free shipping unlocked`);
  });

  test('the cart changes at run time: the widget follows', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress threshold="60" total="30"></vitrine-shipping-progress>`,
    );
    expect(fill(el)).toBe(0.5);
    el.total = '45';
    await el.updateComplete;
    expect(fill(el)).toBe(0.75);
    el.setAttribute('threshold', '90');
    await el.updateComplete;
    expect(fill(el)).toBe(0.5);
    expect(message(el)).toBe(`You are ${euros(45)} away from free shipping`);
  });

  test('several goals: the next one not reached, with its label', async () => {
    const el = await fixture<Progress>(html`
      <vitrine-shipping-progress threshold="60" total="70">
        <vitrine-goal amount="150" label="a tote bag"></vitrine-goal>
        <vitrine-goal amount="100" label="a free gift"></vitrine-goal>
      </vitrine-shipping-progress>
    `);
    expect(message(el)).toBe(`You are ${euros(30)} away from a free gift`);
    expect(bar(el).getAttribute('aria-valuemax')).toBe('100');
    expect(fill(el)).toBe(0.7);
    el.total = '120';
    await el.updateComplete;
    expect(message(el)).toBe(`You are ${euros(30)} away from a tote bag`);
    el.total = '150';
    await el.updateComplete;
    expect(message(el)).toBe('You have unlocked a tote bag!');
    // A goal added or changed later counts at once.
    el.querySelector('vitrine-goal[amount="150"]')!.setAttribute('amount', '200');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(message(el)).toBe(`You are ${euros(50)} away from a tote bag`);
  });

  test('goals alone, without threshold', async () => {
    const el = await fixture<Progress>(html`
      <vitrine-shipping-progress total="10"
        ><vitrine-goal amount="40" label="a sample"></vitrine-goal
      ></vitrine-shipping-progress>
    `);
    expect(message(el)).toBe(`You are ${euros(30)} away from a sample`);
  });

  test("the merchant's messages with {remaining}, {goal}, {amount} and {total}", async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress
        threshold="50"
        total="20"
        message="{total} so far — add {remaining} for {goal} (from {amount})"
        reached-message="{goal}: yours!"
      ></vitrine-shipping-progress>`,
    );
    expect(message(el)).toBe(`${euros(20)} so far — add ${euros(30)} for free shipping (from ${euros(50)})`);
    el.total = '50';
    await el.updateComplete;
    expect(message(el)).toBe('free shipping: yours!');
  });

  test('text is never HTML: messages and labels are shown as they are written', async () => {
    const written = '<img src=x onerror=alert(1)> {goal} <b>bold</b>';
    const label = '<i>gift</i>';
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress total="10" message=${written}>
        <vitrine-goal amount="20" label=${label}></vitrine-goal>
      </vitrine-shipping-progress>`,
    );
    expect(el.shadowRoot!.querySelector('img, b, i')).toBeNull();
    expect(message(el)).toBe('<img src=x onerror=alert(1)> <i>gift</i> <b>bold</b>');
  });

  test('fr and en: built-in texts and amounts in the language', async () => {
    const fr = await fixture<Progress>(
      html`<vitrine-shipping-progress lang="fr" threshold="60" total="47.5"></vitrine-shipping-progress>`,
    );
    expect(message(fr)).toBe(`Plus que ${euros(12.5, 'fr')} pour la livraison gratuite`);
    expect(euros(12.5, 'fr')).toBe('12,50 €');
    expect(bar(fr).getAttribute('aria-label')).toBe('Progression vers la livraison gratuite');
    expect(plain(bar(fr).getAttribute('aria-valuetext'))).toBe(
      `${euros(47.5, 'fr')} sur ${euros(60, 'fr')} : encore ${euros(12.5, 'fr')} pour la livraison gratuite`,
    );
    fr.total = '60';
    await fr.updateComplete;
    expect(message(fr)).toBe('Bravo, vous bénéficiez de la livraison gratuite !');

    const wrapper = await fixture<HTMLElement>(
      html`<div lang="fr-CA"><vitrine-shipping-progress threshold="60" total="0"></vitrine-shipping-progress></div>`,
    );
    const inherited = wrapper.querySelector('vitrine-shipping-progress')!;
    await inherited.updateComplete;
    expect(message(inherited)).toBe(`Plus que ${euros(60, 'fr')} pour la livraison gratuite`);

    const other = await fixture<Progress>(
      html`<vitrine-shipping-progress lang="ja" threshold="60" total="0"></vitrine-shipping-progress>`,
    );
    expect(message(other)).toBe(`You are ${euros(60)} away from free shipping`);
  });

  test('outside start/end it renders nothing', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress
        threshold="60"
        total="10"
        end="2001-01-01T00:00:00Z"
      ></vitrine-shipping-progress>`,
    );
    expect(part(el, 'base')).toBeNull();
  });
});

describe('currencies', () => {
  test('thresholds per currency win over conversion', async () => {
    holder.Shopify = { currency: { active: 'USD', rate: '1.5' } };
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress
        cart-source="bus"
        threshold="60"
        thresholds="EUR:60, USD:70, GBP:50"
      ></vitrine-shipping-progress>`,
    );
    await publishCart(el, { total: 50, currency: 'USD', itemCount: 2 });
    expect(message(el)).toBe('You are $20.00 away from free shipping');
    await publishCart(el, { total: 20, currency: 'GBP', itemCount: 1 });
    expect(message(el)).toBe('You are £30.00 away from free shipping');
  });

  test("converted with Shopify.currency.rate from the shop's currency", async () => {
    holder.Shopify = { currency: { active: 'USD', rate: '1.1' } };
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress cart-source="bus" threshold="60" currency="EUR">
        <vitrine-goal amount="100" amounts="USD:100" label="a gift"></vitrine-goal>
      </vitrine-shipping-progress>`,
    );
    await publishCart(el, { total: 50, currency: 'USD', itemCount: 2 });
    expect(message(el)).toBe('You are $16.00 away from free shipping');
    expect(bar(el).getAttribute('aria-valuemax')).toBe('66');
    await publishCart(el, { total: 70, currency: 'USD', itemCount: 3 });
    // The goal's own USD amount wins over 100 × 1.1.
    expect(message(el)).toBe('You are $30.00 away from a gift');
  });

  test('JPY: no decimals, rate applied and rounded to the yen', async () => {
    holder.Shopify = { currency: { active: 'JPY', rate: '163.27' } };
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress cart-source="bus" threshold="60"></vitrine-shipping-progress>`,
    );
    await publishCart(el, { total: 4000, currency: 'JPY', itemCount: 1 });
    // 60 × 163.27 = 9796.2 → ¥9,796
    expect(message(el)).toBe('You are ¥5,796 away from free shipping');
  });

  test('a cart in a currency with no amount and no rate: one warning, the room kept empty', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress campaign="ship" cart-source="bus" threshold="60"></vitrine-shipping-progress>`,
    );
    await publishCart(el, { total: 10, currency: 'CHF', itemCount: 1 });
    el.requestUpdate();
    await el.updateComplete;
    expect(part(el, 'base')!.classList.contains('waiting')).toBe(true);
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-shipping-progress campaign="ship"> cannot show the goal of 60 EUR for a cart in CHF: add CHF to thresholds (or amounts), or let Shopify.currency.rate convert it',
    ]);
  });

  test("from Shopify's /cart.js: cents of JPY become yen", async () => {
    delete holder[Symbol.for('vitrine.cart')];
    holder.Shopify = { routes: { root: '/' }, currency: { active: 'JPY', rate: '1.0' } };
    const requests: string[] = [];
    const nativeFetch = globalThis.fetch;
    globalThis.fetch = ((input: string) => {
      requests.push(String(input));
      return Promise.resolve({
        ok: true,
        status: 200,
        headers: new Headers(),
        json: () => Promise.resolve({ total_price: 350000, currency: 'JPY', item_count: 2 }),
      } as unknown as Response);
    }) as typeof fetch;
    try {
      const el = await fixture<Progress>(
        html`<vitrine-shipping-progress thresholds="JPY:5000" threshold="40"></vitrine-shipping-progress>`,
      );
      await vi.waitFor(() => expect(message(el)).toBe('You are ¥1,500 away from free shipping'));
      expect(requests).toEqual(['/cart.js']);
    } finally {
      globalThis.fetch = nativeFetch;
      delete holder[Symbol.for('vitrine.cart')];
    }
  });
});

describe('vitrine-goal-reached', () => {
  test('once per goal crossed upward; again after the cart drops below and rises', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress campaign="goals-1" cart-source="bus" threshold="60">
        <vitrine-goal amount="100" label="a gift"></vitrine-goal>
      </vitrine-shipping-progress>`,
    );
    const seen = collectGoals(el);
    await publishCart(el, { total: 40, currency: 'EUR', itemCount: 1 });
    await publishCart(el, { total: 65, currency: 'EUR', itemCount: 2 });
    expect(seen).toEqual([
      { campaign: 'goals-1', goal: { label: 'free shipping', amount: 60 }, total: 65, currency: 'EUR' },
    ]);
    expect(part(el, 'announcement')!.textContent.trim()).toBe('You have unlocked free shipping!');
    expect(part(el, 'announcement')!.getAttribute('role')).toBe('status');
    await publishCart(el, { total: 70, currency: 'EUR', itemCount: 3 });
    el.requestUpdate();
    await el.updateComplete;
    expect(seen).toHaveLength(1);
    await publishCart(el, { total: 50, currency: 'EUR', itemCount: 2 });
    expect(seen).toHaveLength(1);
    expect(part(el, 'announcement')!.textContent.trim()).toBe('');
    // Both goals at once: one event each, lowest first.
    await publishCart(el, { total: 120, currency: 'EUR', itemCount: 4 });
    expect(seen.slice(1).map((detail) => detail.goal.label)).toEqual(['free shipping', 'a gift']);
    expect(part(el, 'announcement')!.textContent.trim()).toBe('You have unlocked a gift!');
  });

  test('not again when the page reloads with the same cart (remembered per campaign)', async () => {
    const first = await fixture<Progress>(
      html`<vitrine-shipping-progress campaign="goals-2" threshold="60" total="75"></vitrine-shipping-progress>`,
    );
    // Found reached on arrival: the event goes out (the shopper crossed it elsewhere), nothing is announced.
    expect(part(first, 'announcement')!.textContent.trim()).toBe('');
    fixtureCleanup();

    const seen: GoalReachedDetail[] = [];
    const onGoal = (event: Event) => seen.push((event as CustomEvent<GoalReachedDetail>).detail);
    document.addEventListener('vitrine-goal-reached', onGoal);
    try {
      const reloaded = await fixture<Progress>(
        html`<vitrine-shipping-progress campaign="goals-2" threshold="60" total="75"></vitrine-shipping-progress>`,
      );
      expect(seen).toEqual([]);
      // Another campaign is its own.
      await fixture<Progress>(
        html`<vitrine-shipping-progress campaign="goals-3" threshold="60" total="75"></vitrine-shipping-progress>`,
      );
      expect(seen.map((detail) => detail.campaign)).toEqual(['goals-3']);
      reloaded.total = '10';
      await reloaded.updateComplete;
      reloaded.total = '61';
      await reloaded.updateComplete;
      expect(seen.map((detail) => detail.campaign)).toEqual(['goals-3', 'goals-2']);
    } finally {
      document.removeEventListener('vitrine-goal-reached', onGoal);
    }
  });

  test('bubbles out of the shadow and the page', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <vitrine-shipping-progress campaign="goals-4" threshold="10" total="0"></vitrine-shipping-progress>
      </div>`,
    );
    const el = wrapper.querySelector('vitrine-shipping-progress')!;
    const seen = collectGoals(wrapper);
    el.total = '10';
    await el.updateComplete;
    expect(seen).toHaveLength(1);
  });

  test('a view is tracked once, never in preview', async () => {
    const tracked: TrackMessage[] = [];
    const stop = getBus().subscribe('track', (message) => tracked.push(message));
    try {
      const el = await fixture<Progress>(
        html`<vitrine-shipping-progress
          campaign="bf"
          variant="B"
          threshold="60"
          total="1"
        ></vitrine-shipping-progress>`,
      );
      el.total = '2';
      await el.updateComplete;
      await fixture(html`<vitrine-shipping-progress preview threshold="60" total="1"></vitrine-shipping-progress>`);
      expect(tracked).toEqual([{ action: 'view', widget: 'shipping-progress', campaign: 'bf', variant: 'B' }]);
    } finally {
      stop();
    }
  });
});

describe('motion and accessibility', () => {
  test('under reduced motion the bar jumps: no transition', async () => {
    stubReducedMotion(true);
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress threshold="60" total="30"></vitrine-shipping-progress>`,
    );
    expect(getComputedStyle(part(el, 'bar')!).transitionDuration).toBe('0s');
    expect(fill(el)).toBe(0.5);
  });

  test('axe: partway, reached with goals, French, while loading', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <vitrine-shipping-progress threshold="60" total="30"></vitrine-shipping-progress>
        <vitrine-shipping-progress threshold="60" total="80">
          <vitrine-goal amount="70" label="a gift"></vitrine-goal>
        </vitrine-shipping-progress>
        <vitrine-shipping-progress lang="fr" threshold="60" total="10"></vitrine-shipping-progress>
        <vitrine-shipping-progress cart-source="bus" threshold="60"></vitrine-shipping-progress>
      </div>`,
    );
    await Promise.all([...el.querySelectorAll('vitrine-shipping-progress')].map((each) => each.updateComplete));
    const { violations } = await axe.run(el);
    expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});

describe('bad input', () => {
  test('each bad value warns once, in the documented format, and falls back', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress
        campaign="bf"
        threshold="-5"
        thresholds="EUR60"
        currency="euro"
        cart-source="magic"
        total="12,50"
      >
        <vitrine-goal amount="abc" label="a gift"></vitrine-goal>
        <vitrine-goal amount="100" label="a bag"></vitrine-goal>
      </vitrine-shipping-progress>`,
    );
    el.requestUpdate();
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(vitrineWarnings().sort()).toEqual(
      [
        '[vitrine] <vitrine-shipping-progress campaign="bf"> ignored threshold="-5": expected a non-negative amount in major units with a dot, such as 60 or 59.90',
        '[vitrine] <vitrine-shipping-progress campaign="bf"> ignored thresholds="EUR60": expected currency:amount pairs in major units, such as "EUR:60, USD:70"',
        '[vitrine] <vitrine-shipping-progress campaign="bf"> ignored currency="euro": expected an ISO 4217 currency code such as EUR or USD',
        '[vitrine] <vitrine-shipping-progress campaign="bf"> ignored cart-source="magic": expected one of attribute, bus, shopify',
        '[vitrine] <vitrine-shipping-progress campaign="bf"> ignored total="12,50": expected a non-negative amount in major units with a dot, such as 60 or 59.90',
        '[vitrine] <vitrine-goal> ignored amount="abc": expected a non-negative amount in major units with a dot, such as 60 or 59.90',
      ].sort(),
    );
    // Falls back: the bus (no Shopify here), the valid goal, in EUR.
    await publishCart(el, { total: 40, currency: 'EUR', itemCount: 1 });
    expect(message(el)).toBe(`You are ${euros(60)} away from a bag`);
    expect(vitrineWarnings()).toHaveLength(6);
  });

  test('no goal at all: one warning, nothing shown', async () => {
    const el = await fixture<Progress>(
      html`<vitrine-shipping-progress campaign="x" total="10"></vitrine-shipping-progress>`,
    );
    el.requestUpdate();
    await el.updateComplete;
    expect(part(el, 'base')).toBeNull();
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-shipping-progress campaign="x"> has no goal: expected threshold, thresholds or <vitrine-goal amount> children',
    ]);
  });

  test('every attribute is a property', async () => {
    const el = document.createElement('vitrine-shipping-progress');
    el.threshold = '60';
    el.total = '15';
    el.currency = 'usd';
    el.message = '{remaining} left';
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(message(el)).toBe('$45.00 left');
      const goal = document.createElement('vitrine-goal');
      goal.amount = '20';
      goal.label = 'stickers';
      el.append(goal);
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(message(el)).toBe('$5.00 left');
      expect(goal.getAttribute('label')).toBe('stickers');
      el.reachedMessage = 'done';
      el.cartSource = 'attribute';
      el.thresholds = 'USD:15';
      el.total = '20';
      await el.updateComplete;
      expect(message(el)).toBe('done');
    } finally {
      el.remove();
    }
  });
});

describe('no layout shift', () => {
  let sheet: CSSStyleSheet;
  let count = 0;
  afterEach(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
  });

  /** Renders `markup` under a tag not yet defined, with the loader's rule; returns its height before and after definition. */
  async function heights(markup: (tag: string) => string, style = ''): Promise<[number, number, number]> {
    const tag = `late-shipping-progress-${++count}`;
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssFor(tag));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const container = await fixture<HTMLElement>(html`<div></div>`);
    // Wide enough for the message to hold on one line (a longer one wraps: reserve two with --vitrine-shipping-progress-lines).
    container.setAttribute('class', 'probe');
    container.style.setProperty('width', '900px');
    if (style) {
      const extra = new CSSStyleSheet();
      extra.replaceSync(`.probe{${style}}`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, extra];
    }
    container.innerHTML = `${markup(tag)}<p class="after">After</p>`;
    const after = container.querySelector('.after')!;
    const before = container.firstElementChild!.getBoundingClientRect().height;
    const afterTop = after.getBoundingClientRect().top;
    customElements.define(tag, class extends VitrineShippingProgress {});
    const el = container.firstElementChild as VitrineShippingProgress;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return [before, el.getBoundingClientRect().height, after.getBoundingClientRect().top - afterTop];
  }

  test('the room reserved before the code arrives is the room it takes', async () => {
    const [before, after, moved] = await heights(
      (tag) => `<${tag} threshold="60" total="30" cart-source="attribute"></${tag}>`,
    );
    expect(before).toBeGreaterThan(10);
    expect(after).toBeCloseTo(before, 1);
    expect(moved).toBeCloseTo(0, 1);
  });

  test('also at another font size, with two lines reserved and a taller bar, and while the cart loads', async () => {
    for (const [markup, style] of [
      [(tag: string) => `<${tag} threshold="60" total="30"><span slot="icon">🚚</span></${tag}>`, 'font-size:22px'],
      [
        (tag: string) =>
          `<${tag} threshold="60" total="80"><vitrine-goal amount="70" label="a gift"></vitrine-goal></${tag}>`,
        '--vitrine-shipping-progress-lines:2;--vitrine-shipping-progress-height:14px',
      ],
      [(tag: string) => `<${tag} threshold="60" cart-source="bus"></${tag}>`, 'font-size:13px'],
    ] as const) {
      const [before, after, moved] = await heights(markup, style);
      expect(after).toBeCloseTo(before, 1);
      expect(moved).toBeCloseTo(0, 1);
    }
  });
});
