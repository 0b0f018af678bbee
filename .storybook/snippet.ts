/**
 * The "Show code" of a story (docs page) and its Code panel (canvas): what a merchant pastes,
 * the widgets' tags with their attributes and children, not the story's frame, page mock-up or
 * <style>. Storybook hands over the story's rendered HTML; this keeps the outermost
 * `<vitrine-*>` elements and lays them out one attribute per line when a tag is long, then, for a
 * Shopify theme developer, the same settings as the theme example's section (./liquid.ts).
 */

import { liquidNote } from './liquid.ts';

const isWidget = (element: Element) => element.localName.startsWith('vitrine-');

/** A widget inside another (a countdown in a bar, a segment in a wheel) is written by its parent. */
function outermostWidgets(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].filter((element) => {
    if (!isWidget(element)) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (isWidget(parent)) return false;
    }
    return true;
  });
}

const attributeText = (attribute: Attr) =>
  attribute.value === ''
    ? attribute.name
    : `${attribute.name}="${attribute.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** One element as indented HTML: tag by tag down to the widgets, the rest of the markup on one line each. */
function format(element: Element, indent: string): string {
  const tag = element.localName;
  const attributes = [...element.attributes].map(attributeText);
  const oneLine = `${indent}<${tag}${attributes.map((attribute) => ` ${attribute}`).join('')}>`;
  const open =
    oneLine.length <= 100 || attributes.length < 2
      ? oneLine
      : `${indent}<${tag}\n${attributes.map((attribute) => `${indent}  ${attribute}`).join('\n')}\n${indent}>`;
  const holdsWidget = [...element.querySelectorAll('*')].some(isWidget);
  if (!isWidget(element) && !holdsWidget) {
    // Plain markup (a message, a heading): as written, on one line.
    if (!element.outerHTML.endsWith(`</${tag}>`)) return open; // a void element
    return `${open}${element.innerHTML.replace(/\s+/g, ' ').trim()}</${tag}>`;
  }
  const children: string[] = [];
  for (const node of element.childNodes) {
    if (node instanceof Element) children.push(format(node, `${indent}  `));
    else if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) {
      children.push(`${indent}  ${escapeText(node.textContent.replace(/\s+/g, ' ').trim())}`);
    }
  }
  if (!children.length) return `${open}</${tag}>`;
  return `${open}\n${children.join('\n')}\n${indent}</${tag}>`;
}

/** The widgets of a story's HTML, ready to paste; the HTML as it was when it holds no widget. */
export function widgetSnippet(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html.replace(/<!--[\s\S]*?-->/g, '');
  const widgets = outermostWidgets(template.content);
  return widgets.length ? widgets.map((widget) => format(widget, '')).join('\n\n') + liquidNote(widgets) : html;
}
