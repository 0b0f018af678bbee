/**
 * The `?vitrine-debug` panel (or `window.vitrine.debug({ panel: true })`): the list of
 * `window.vitrine.debug()` as a small non-modal dialog in its own shadow root, refreshed every
 * second while open, with a reset button per campaign. A chunk of its own, fetched only when
 * asked for; plain DOM (no Lit), so a page without widgets does not download the shared chunk for
 * it. Below the list, the Calendar (core's time-travel/calendar.ts, in the time-travel chunk, fetched
 * only when the page has widgets): the plan of the coming weeks and a field that previews the page
 * at another instant. It is a tool for the merchant, not a shopper's overlay: it takes no turn on the `overlay`
 * topic and never stops a pop-up from opening.
 */
import type { DebugRow } from './debug-row.js';
import type { AttributionRow } from '@vitrine/core/attribution';
import { ATTRIBUTION_TEXTS, renderAttribution } from './debug-attribution.js';

const TEXTS = {
  en: {
    title: 'Vitrine: what shows and why',
    widget: 'Widget',
    campaign: 'Campaign',
    variant: 'Variant',
    shown: 'Shown',
    why: 'Why not / note',
    yes: 'yes',
    no: 'no',
    unknown: '?',
    reset: 'Reset',
    resetAll: 'Reset all',
    resetLabel: 'Reset what this browser stores for',
    close: 'Close the Vitrine panel',
    empty: 'No Vitrine widget on this page.',
  },
  fr: {
    title: 'Vitrine : ce qui s’affiche et pourquoi',
    widget: 'Widget',
    campaign: 'Campagne',
    variant: 'Variante',
    shown: 'Affiché',
    why: 'Pourquoi pas / note',
    yes: 'oui',
    no: 'non',
    unknown: '?',
    reset: 'Réinitialiser',
    resetAll: 'Tout réinitialiser',
    resetLabel: 'Oublier ce que ce navigateur garde pour',
    close: 'Fermer le panneau Vitrine',
    empty: 'Aucun widget Vitrine sur cette page.',
  },
};

const STYLES = `:host{all:initial;position:fixed;z-index:2147483647;inset-block:auto .75rem;inset-inline:auto .75rem;max-inline-size:min(46rem,calc(100vw - 1.5rem));font:13px/1.4 system-ui,sans-serif;color:#1a1a1a}
section{background:#fff;border:1px solid #888;border-radius:8px;box-shadow:0 6px 24px #0004;max-block-size:60vh;overflow:auto;padding:.5rem .75rem .75rem}
section:focus{outline:none}
button:focus-visible{outline:2px solid #1358c9;outline-offset:2px}
header{display:flex;align-items:center;gap:.5rem;justify-content:space-between}
h2{font-size:14px;margin:0}
h3{font-size:13px;margin:.75rem 0 0}
table{border-collapse:collapse;inline-size:100%;margin-block:.5rem}
th,td{text-align:start;padding:.25rem .4rem;border-block-end:1px solid #ddd;vertical-align:top}
th{font-weight:600}
.no{color:#a4161a;font-weight:600}
button{font:inherit;color:#1a1a1a;background:#f2f2f2;border:1px solid #767676;border-radius:4px;padding:.15rem .5rem;cursor:pointer;min-block-size:24px;min-inline-size:24px}`;

const PANEL_TAG = 'vitrine-debug-panel';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** Opens the panel (once per page: a second call focuses it) over the rows `list()` gives. */
export function openDebugPanel(
  list: () => DebugRow[],
  reset: (campaign?: string) => unknown,
  attribution?: () => Promise<AttributionRow[]>,
): void {
  const existing = document.querySelector(PANEL_TAG);
  if (existing) {
    existing.shadowRoot?.querySelector('section')?.focus();
    return;
  }
  const texts = /^fr\b/i.test(document.documentElement.lang) ? TEXTS.fr : TEXTS.en;
  const host = document.createElement(PANEL_TAG);
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
  } catch {
    /* an old browser: unstyled, still usable */
  }
  const section = element('section', '', { role: 'dialog', 'aria-labelledby': 'title', tabindex: '-1' });
  const header = element('header');
  const close = element('button', '×', { type: 'button', 'aria-label': texts.close });
  header.append(element('h2', texts.title, { id: 'title' }), close);
  const table = element('table');
  const head = element('tr');
  for (const label of [texts.widget, texts.campaign, texts.variant, texts.shown, texts.why, texts.reset])
    head.append(element('th', label, { scope: 'col' }));
  const body = element('tbody');
  table.append(element('thead'), body);
  table.tHead!.append(head);
  const empty = element('p', texts.empty);
  const resetAll = element('button', texts.resetAll, { type: 'button' });
  // The visitor's own attribution, below: read from core's attribution chunk, fetched for it.
  const attributed = element('div');
  section.append(header, table, empty, resetAll, attributed);
  const french = texts === TEXTS.fr;
  // The Calendar needs core (the shared chunk): fetched once the page has widgets to plan.
  let calendar: { refresh(): void } | undefined;
  let calendarAsked = false;
  const refreshCalendar = () => {
    calendar?.refresh();
    if (calendarAsked || !list().length) return;
    calendarAsked = true;
    import('@vitrine/core/time-travel')
      .then((chunk) => {
        const made = chunk.calendar(french);
        try {
          root.adoptedStyleSheets[0]?.insertRule(`@media all{${made.styles}}`);
        } catch {
          /* unstyled, still usable */
        }
        section.insertBefore(made.element, attributed);
        (calendar = made).refresh();
      })
      .catch((error: unknown) => console.error('[vitrine] debug panel:', error));
  };
  let shownAttribution = '';
  const refreshAttribution = () =>
    void attribution?.()
      .then((rows) => {
        const json = JSON.stringify(rows);
        if (json === shownAttribution) return;
        shownAttribution = json;
        renderAttribution(attributed, rows, french ? ATTRIBUTION_TEXTS.fr : ATTRIBUTION_TEXTS.en);
      })
      .catch((error: unknown) => console.error('[vitrine] debug panel:', error));
  root.append(section);

  let shownRows = '';
  const refresh = () => {
    const rows = list();
    const json = JSON.stringify(rows);
    if (json === shownRows) return;
    shownRows = json;
    // Rebuilding the rows must not lose the focus of a keyboard user on a reset button.
    const focused = (root.activeElement as HTMLElement | null)?.dataset.campaign;
    body.replaceChildren();
    const campaigns = new Set<string>();
    for (const row of rows) {
      const line = element('tr');
      const shown = row.shown === 'unknown' ? texts.unknown : row.shown ? texts.yes : texts.no;
      line.append(
        element('td', row.tag.replace(/^vitrine-/, '')),
        element('td', row.campaign),
        element('td', row.variant ?? ''),
        element('td', shown, row.shown === false ? { class: 'no' } : {}),
        element(
          'td',
          [
            // The cause's code first, unless the sentence already starts with it ("targeting: …").
            !row.shown && row.code && !row.reason.startsWith(row.code) ? `[${row.code}] ${row.reason}` : row.reason,
            row.note,
            row.buckets,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      );
      const cell = element('td');
      // One button per campaign (a campaign may have several widgets); experiments are reset by name.
      if (!campaigns.has(row.campaign)) {
        campaigns.add(row.campaign);
        const button = element('button', texts.reset, {
          type: 'button',
          'aria-label': `${texts.resetLabel} ${row.campaign}`,
          'data-campaign': row.campaign,
        });
        cell.append(button);
      }
      line.append(cell);
      body.append(line);
    }
    table.hidden = !rows.length;
    empty.hidden = !!rows.length;
    if (focused) root.querySelector<HTMLElement>(`[data-campaign="${CSS.escape(focused)}"]`)?.focus();
  };

  const previous = document.activeElement as HTMLElement | null;
  const timer = setInterval(() => {
    refresh();
    refreshAttribution();
    refreshCalendar();
  }, 1000);
  const dismiss = () => {
    clearInterval(timer);
    host.remove();
    if (previous?.isConnected) previous.focus();
  };
  close.addEventListener('click', dismiss);
  section.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      dismiss();
    }
  });
  section.addEventListener('click', (event) => {
    const campaign = (event.target as HTMLElement).closest<HTMLElement>('[data-campaign]')?.dataset.campaign;
    if (campaign !== undefined) reset(campaign);
    else if (event.target === resetAll) reset();
    else return;
    shownRows = '';
    refresh();
    refreshAttribution();
  });
  refresh();
  refreshAttribution();
  refreshCalendar();
  document.body.append(host);
  section.focus();
}
