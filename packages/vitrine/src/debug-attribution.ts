/**
 * The debug panel's second table: what this browser's visitor saw and did, per campaign and
 * variant (`window.vitrine.attribution()`), so a merchant testing a campaign sees the funnel steps
 * it recorded and the codes an order would be owed to. Plain DOM, as the panel.
 */
import type { AttributionRow } from '@vitrine/core/attribution';

export const ATTRIBUTION_TEXTS = {
  en: {
    heading: 'Your attribution (this browser)',
    campaign: 'Campaign',
    variant: 'Variant',
    steps: 'Steps',
    codes: 'Codes',
    last: 'Last',
    none: 'Nothing recorded yet: views, clicks, sign-ups and codes appear here.',
  },
  fr: {
    heading: 'Votre attribution (ce navigateur)',
    campaign: 'Campagne',
    variant: 'Variante',
    steps: 'Étapes',
    codes: 'Codes',
    last: 'Dernière',
    none: 'Rien d’enregistré pour l’instant : vues, clics, inscriptions et codes apparaîtront ici.',
  },
};

/** `view 2 · click 1 · reveal 1`, in the funnel's order. */
export function stepsText(steps: AttributionRow['steps']): string {
  const order = ['view', 'click', 'convert', 'reveal', 'copy', 'apply', 'order'] as const;
  return order
    .filter((step) => steps[step])
    .map((step) => `${step} ${steps[step]}`)
    .join(' · ');
}

/** Fills `container` with the rows (a heading, then a table or a sentence). */
export function renderAttribution(
  container: HTMLElement,
  rows: readonly AttributionRow[],
  texts: (typeof ATTRIBUTION_TEXTS)['en'],
): void {
  const cell = (tag: 'td' | 'th', text: string) => {
    const node = document.createElement(tag);
    node.textContent = text;
    if (tag === 'th') node.setAttribute('scope', 'col');
    return node;
  };
  const heading = document.createElement('h3');
  heading.textContent = texts.heading;
  if (!rows.length) {
    const empty = document.createElement('p');
    empty.textContent = texts.none;
    container.replaceChildren(heading, empty);
    return;
  }
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  head.append(...[texts.campaign, texts.variant, texts.steps, texts.codes, texts.last].map((text) => cell('th', text)));
  const body = table.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    line.append(
      cell('td', row.campaign),
      cell('td', row.variant ?? ''),
      cell('td', stepsText(row.steps)),
      cell('td', row.codes.join(', ')),
      cell('td', row.last.replace('T', ' ').slice(0, 16)),
    );
  }
  container.replaceChildren(heading, table);
}
