/**
 * Injection, on the built script-tag bundle: HTML and script payloads in every text attribute
 * (from custom-elements.json) and as the text of every slot, `javascript:` and other non-http
 * URLs in the URL attributes, CSS injection through the segment `color`. Nothing runs (a
 * global flag the payloads would set stays unset), no element or handler is made from text,
 * bad URLs are refused with one warning, colours are validated and fetch nothing.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  CHILD_TAGS,
  documentedElements,
  endpoints,
  frames,
  loadBundle,
  settle,
  tagsDefined,
  watchPage,
  widget,
  WIDGET_TAGS,
  type PageWatch,
  type Widget,
} from './support.js';

type Flagged = Window & { __pwned?: string };
const flag = () => (window as Flagged).__pwned;

/** Payloads that would set window.__pwned if any of them ran. */
export const PAYLOADS: Record<string, string> = {
  'img onerror': `<img src=x onerror="window.__pwned='img'">`,
  'svg onload': `<svg onload="window.__pwned='svg'"></svg>`,
  'closing tag + script': `"></p><script>window.__pwned='script'</script>`,
  'attribute break': `" autofocus onfocus="window.__pwned='focus'" x="`,
  'iframe srcdoc': `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  'template literal': '${window.__pwned="template"}{{constructor.constructor("window.__pwned=1")()}}',
  'math/style break': `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
  'lit marker': `<!--?lit$123$--><img src=x onerror="window.__pwned='marker'">`,
};

/** URLs that are not http(s): refused in every URL attribute. */
export const BAD_URLS: Record<string, string> = {
  javascript: `javascript:window.__pwned='href'`,
  'mixed case': `JaVaScRiPt:window.__pwned='href2'`,
  'leading space and tab': ` \tjava\tscript:window.__pwned='href3'`,
  data: `data:text/html,<script>window.__pwned='data'</script>`,
  vbscript: `vbscript:msgbox(1)`,
  // The URL parser drops leading C0 controls and tabs or newlines inside the scheme: still javascript:.
  'control character first': `\u0001javascript:window.__pwned='c0'`,
  'newline in scheme': `java\nscript:window.__pwned='newline'`,
};

/** Attributes that hold a URL (from the manifest's descriptions). */
const URL_ATTRIBUTES = new Set(['action', 'endpoint', 'rules-href']);

const server = endpoints('injection');
/** CSS that would make a request to the hardening server if it were applied. */
export const CSS_PAYLOADS: Record<string, string> = {
  'declaration break': `red; background-image: url(${server.url('css-1')})`,
  'url()': `url(${server.url('css-2')})`,
  'var() fallback url': `var(--nope, url(${server.url('css-3')}))`,
  'rule break': `red } :host { background: url(${server.url('css-4')}) } x {`,
  'style tag break': `red</style><img src=x onerror="window.__pwned='css'">`,
  expression: `expression(window.__pwned='expression')`,
  'image-set': `image-set(url(${server.url('css-5')}) 1x)`,
  // `\72 ` is an escaped "r": a var() fallback spelling url( without writing it.
  'escaped url in a var() fallback': `var(--nope, u\\72 l(${server.url('css-6')}))`,
};

let watch: PageWatch;
let cases = 0;
const elements = documentedElements();

beforeAll(async () => {
  await server.reset();
  watch = watchPage();
  await loadBundle();
  const valid = WIDGET_TAGS.map((tag) => document.body.appendChild(widget(tag)));
  await tagsDefined([...WIDGET_TAGS, ...Object.keys(CHILD_TAGS)]);
  for (const element of valid) element.remove();
});

afterAll(() => {
  watch.stop();
  console.info(`[hardening] injection: ${cases} cases`);
});

/** Every element and attribute inside the widgets' shadow roots (nested roots too). */
function shadowNodes(hosts: Element[]): Element[] {
  const found: Element[] = [];
  const walk = (root: ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  for (const host of hosts) {
    if (host.shadowRoot) walk(host.shadowRoot);
    for (const child of host.querySelectorAll('*')) if (child.shadowRoot) walk(child.shadowRoot);
  }
  return found;
}

/** What a payload would have made inside a shadow root: handlers, scripts, frames, images, non-http links. */
function madeFromText(hosts: Element[]): string[] {
  const made: string[] = [];
  for (const element of shadowNodes(hosts)) {
    if (/^(script|iframe|img|object|embed|math)$/.test(element.localName)) made.push(`<${element.localName}>`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) made.push(`${element.localName}[${attribute.name}]`);
      if (
        /^(href|action|formaction|src|xlink:href)$/.test(attribute.name) &&
        !/^(https?:|\/|#|$)/i.test(attribute.value.trim())
      )
        made.push(`${element.localName}[${attribute.name}="${attribute.value.slice(0, 40)}"]`);
    }
  }
  return made;
}

/** Opens what opens, so text shown only in a dialog is rendered and shown. */
async function openAll(hosts: Widget[]) {
  for (const host of hosts) {
    const opener = (host as Widget & { show?: () => Promise<boolean> }).show;
    if (typeof opener === 'function') {
      await opener.call(host).catch(() => false);
      await host.updateComplete;
      (host as Widget & { hide?: () => void }).hide?.();
    }
  }
}

test('HTML and script payloads in every text attribute and slot run nothing and make no element', async () => {
  const errorsBefore = watch.errors.length;
  const hosts: Widget[] = [];
  for (const { tag, attributes, slots } of elements) {
    const parentTag = CHILD_TAGS[tag];
    const textAttributes = attributes.filter(({ type }) => !/^boolean$/.test(type?.text ?? ''));
    for (const [, payload] of Object.entries(PAYLOADS)) {
      for (const { name } of textAttributes) {
        if (URL_ATTRIBUTES.has(name)) continue;
        const host = widget(parentTag ?? tag);
        if (parentTag) {
          const child = document.createElement(tag);
          child.setAttribute(tag === 'vitrine-goal' ? 'amount' : 'label', '80');
          child.setAttribute(name, payload);
          host.append(child);
        } else host.setAttribute(name, payload);
        hosts.push(host);
        cases++;
      }
      // A slot's text (what a theme might fill from user data) stays text wherever the widget shows it.
      for (const slot of slots) {
        if (parentTag) continue;
        const host = widget(tag);
        const filler = document.createElement('span');
        if (slot) filler.slot = slot;
        filler.textContent = payload;
        host.append(filler);
        hosts.push(host);
        cases++;
      }
    }
  }
  // A pop-up renders its dialog (and the texts in it) once it opens: each opened alone first, as a shopper
  // sees it (a modal over a thousand widgets would make them all inert and back at each open and close).
  const popups = hosts.filter((host) => host.localName === 'vitrine-exit-popup');
  for (const popup of popups) {
    document.body.append(popup);
    await popup.updateComplete;
    await openAll([popup]);
  }
  document.body.append(...hosts);
  await Promise.all(hosts.map((host) => host.updateComplete));
  await frames();
  await settle(500);

  expect(flag()).toBeUndefined();
  expect(madeFromText(hosts)).toEqual([]);
  expect(watch.errors.slice(errorsBefore)).toEqual([]);
  // The payloads did reach the shopper's eyes, as text (headings, labels, messages…).
  const shownAsText = hosts.filter((host) => host.shadowRoot?.textContent?.includes(PAYLOADS['img onerror']));
  expect(shownAsText.length).toBeGreaterThanOrEqual(5);
  for (const host of hosts) host.remove();
});

test('the wheel shows payload labels and codes as text after a spin', async () => {
  const wheel = document.createElement('vitrine-wheel') as Widget & { spin(): Promise<unknown> };
  wheel.setAttribute('campaign', 'injection-spin');
  wheel.setAttribute('preview', '');
  wheel.setAttribute('duration', '1s');
  const payload = PAYLOADS['img onerror'];
  wheel.innerHTML = `<vitrine-wheel-segment></vitrine-wheel-segment>`;
  const segment = wheel.firstElementChild!;
  segment.setAttribute('label', payload);
  segment.setAttribute('code', `<svg onload="window.__pwned='code'">`);
  document.body.append(wheel);
  await wheel.updateComplete;
  await wheel.spin();
  await wheel.updateComplete;
  await settle();
  cases++;
  expect(flag()).toBeUndefined();
  expect(madeFromText([wheel])).toEqual([]);
  // The label is shown as the very text the merchant wrote.
  expect(wheel.shadowRoot!.textContent).toContain(payload);
  wheel.remove();
});

test('javascript:, data: and other non-http URLs are refused with one warning, and never linked', async () => {
  const errorsBefore = watch.errors.length;
  const found: string[] = [];
  for (const { tag, attributes } of elements) {
    for (const { name } of attributes.filter(({ name }) => URL_ATTRIBUTES.has(name))) {
      for (const [label, url] of Object.entries(BAD_URLS)) {
        const since = watch.warnings.length;
        const host = document.body.appendChild(widget(tag, { campaign: `url-${cases}`, [name]: url }));
        await host.updateComplete;
        await openAll([host]);
        await frames(1);
        cases++;
        const warned = watch.warnings.slice(since).filter((warning) => warning.includes(` ignored ${name}=`));
        if (warned.length !== 1) found.push(`${tag} ${name}=${label}: ${warned.length} warnings`);
        const linked = madeFromText([host]);
        if (linked.length) found.push(`${tag} ${name}=${label}: ${linked.join(', ')}`);
        host.remove();
      }
    }
  }
  expect(found).toEqual([]);
  expect(flag()).toBeUndefined();
  expect(watch.errors.slice(errorsBefore)).toEqual([]);
});

test('a segment colour is a colour: CSS injection is refused with one warning and fetches nothing', async () => {
  const wheels: Widget[] = [];
  const found: string[] = [];
  for (const [label, color] of Object.entries(CSS_PAYLOADS)) {
    const since = watch.warnings.length;
    const wheel = widget('vitrine-wheel', { campaign: `css-${label.replace(/\W/g, '-')}` });
    wheel.firstElementChild!.setAttribute('color', color);
    document.body.append(wheel);
    wheels.push(wheel);
    await wheel.updateComplete;
    await frames();
    cases++;
    const warned = watch.warnings.slice(since).filter((warning) => warning.includes(' ignored color='));
    if (warned.length !== 1) found.push(`color=${label}: ${warned.length} warnings`);
    // The slice takes the palette colour, a real colour.
    const slice = wheel.shadowRoot!.querySelector('[part~="slice"] path, [part~="slice"]')!;
    const fill = getComputedStyle(slice).fill;
    if (!/^rgb/.test(fill)) found.push(`color=${label}: slice fill "${fill}"`);
  }
  // And at run time, on a valid segment.
  const wheel = wheels[0];
  for (const [label, color] of Object.entries(CSS_PAYLOADS)) {
    wheel.lastElementChild!.setAttribute('color', color);
    await frames();
    cases++;
    if (watch.errors.length) found.push(`run time color=${label}: ${String(watch.errors[0])}`);
  }
  await settle(500);
  expect(found).toEqual([]);
  expect((await server.log()).map(({ path }) => path)).toEqual([]);
  expect(flag()).toBeUndefined();
  for (const element of wheels) element.remove();
});
