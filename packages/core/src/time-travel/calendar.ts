/**
 * The `?vitrine-debug` panel's Calendar: the plan over the coming six weeks, one row per widget, a
 * mark per day it is live, its conflicts in words; and a date-time field that previews the page at
 * another instant. Every mark has its text beside it (days live per week, the conflict itself), so
 * nothing is told by colour alone. Plain DOM, as the panel; here in the time-travel chunk rather
 * than in the panel's, which fetches it only when the page has widgets to plan.
 */
import type { PlanRow } from './plan.js';

/** What the calendar calls: the plan, and the preview (time-travel.ts, which hands them in). */
export interface CalendarApi {
  plan(): PlanRow[];
  preview(options?: { now?: string | null }): { now: string } | null;
}

const CALENDAR_TEXTS = {
  en: {
    heading: 'Calendar: the next 6 weeks',
    at: 'Preview the page at',
    go: 'Preview',
    live: 'Back to live',
    next: 'Next start',
    end: 'Next end',
    recurrence: 'Repeats',
    conflicts: 'Conflicts',
    none: 'none',
    never: 'never again',
    week: 'week of',
    days: (count: number) => `${count}/7 d`,
    daysLong: (count: number) => `live ${count} of 7 days`,
  },
  fr: {
    heading: 'Calendrier : les 6 prochaines semaines',
    at: 'Prévisualiser la page au',
    go: 'Prévisualiser',
    live: 'Revenir au direct',
    next: 'Prochain début',
    end: 'Prochaine fin',
    recurrence: 'Répétition',
    conflicts: 'Conflits',
    none: 'aucun',
    never: 'plus jamais',
    week: 'semaine du',
    days: (count: number) => `${count}/7 j`,
    daysLong: (count: number) => `en ligne ${count} jours sur 7`,
  },
};

const CALENDAR_STYLES = `.days{display:inline-flex;gap:1px;margin-inline-end:.3rem;vertical-align:middle}
.days i{inline-size:5px;block-size:9px;background:#d6d6d6}
.days i.on{background:#1358c9}
.days i.x{background:#a4161a;block-size:13px}
.cal td{white-space:nowrap}
.cal td.c{white-space:normal;min-inline-size:12rem}
form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-block:.5rem}
input{font:inherit}`;

type Texts = (typeof CALENDAR_TEXTS)['en'];

const DAY_COUNT = 42;

function node<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

/** Local midnights from the day of `from`, one per day (a DST day is 23 or 25 hours long). */
function dayStarts(from: number): number[] {
  const first = new Date(from);
  return Array.from({ length: DAY_COUNT + 1 }, (_, index) =>
    new Date(first.getFullYear(), first.getMonth(), first.getDate() + index).getTime(),
  );
}

const within = (window: { startAt: number | null; endAt: number | null }, from: number, to: number) =>
  (window.startAt ?? -Infinity) < to && (window.endAt ?? Infinity) > from;

/** The calendar's form (built once: typing in it survives the refreshes) and its table; its styles go in the panel's sheet. */
export function createCalendar(
  api: CalendarApi,
  french: boolean,
): { element: HTMLElement; refresh(): void; styles: string } {
  const texts = french ? CALENDAR_TEXTS.fr : CALENDAR_TEXTS.en;
  const element = node('div');
  const form = node('form');
  const label = node('label', `${texts.at} `);
  const input = node('input');
  input.type = 'datetime-local';
  label.append(input);
  const go = node('button', texts.go);
  const live = node('button', texts.live);
  live.type = 'button';
  live.hidden = true;
  form.append(label, go, live);
  const table = node('div');
  element.append(node('h3', texts.heading), form, table);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value) api.preview({ now: input.value });
    refresh();
  });
  live.addEventListener('click', () => api.preview({ now: null }));

  let shown = '';
  const refresh = () => {
    const [rows, state] = [api.plan(), api.preview()];
    live.hidden = !state;
    const from = state ? Date.parse(state.now) : Date.now();
    const json = JSON.stringify([rows, new Date(from).toDateString()]);
    if (json === shown) return;
    shown = json;
    table.replaceChildren(renderTable(rows, dayStarts(from), texts));
  };
  return { element, refresh, styles: CALENDAR_STYLES };
}

function renderTable(rows: PlanRow[], days: number[], texts: Texts): HTMLTableElement {
  const table = node('table', '', 'cal');
  const head = node('tr');
  const format = new Intl.DateTimeFormat(/^fr\b/i.test(document.documentElement.lang) ? 'fr' : 'en-GB', {
    day: 'numeric',
    month: 'short',
  });
  const columns = ['Widget', texts.next, texts.end, texts.recurrence];
  for (const title of columns) head.append(Object.assign(node('th', title), { scope: 'col' }));
  for (let week = 0; week < DAY_COUNT / 7; week++) {
    const cell = Object.assign(node('th', format.format(days[week * 7])), { scope: 'col' });
    cell.title = `${texts.week} ${format.format(days[week * 7])}`;
    head.append(cell);
  }
  head.append(Object.assign(node('th', texts.conflicts), { scope: 'col' }));
  table.append(node('thead'), node('tbody'));
  table.tHead!.append(head);
  for (const row of rows) {
    const line = node('tr');
    const name = node('th', row.tag.replace(/^vitrine-/, ''));
    name.scope = 'row';
    name.append(node('br'), node('small', row.campaign));
    line.append(
      name,
      node('td', row.nextStartAt === undefined ? texts.never : row.nextStart),
      node('td', row.nextEndAt === undefined ? '' : row.nextEnd),
      node('td', row.recurrence ?? ''),
    );
    const timed = row.conflicts.filter((conflict) => conflict.startAt !== undefined);
    for (let week = 0; week < DAY_COUNT / 7; week++) {
      const cell = node('td');
      const marks = node('span', '', 'days');
      marks.setAttribute('aria-hidden', 'true');
      let count = 0;
      for (let day = week * 7; day < week * 7 + 7; day++) {
        const [from, to] = [days[day], days[day + 1]];
        const on = row.windows.some((window) => within(window, from, to));
        const clash =
          on &&
          timed.some((conflict) =>
            within({ startAt: conflict.startAt ?? null, endAt: conflict.endAt ?? null }, from, to),
          );
        if (on) count++;
        marks.append(node('i', '', clash ? 'x' : on ? 'on' : ''));
      }
      const text = node('span', texts.days(count));
      text.title = texts.daysLong(count);
      cell.append(marks, text);
      line.append(cell);
    }
    const conflicts = node('td', '', 'c');
    if (!row.conflicts.length) conflicts.textContent = texts.none;
    for (const conflict of row.conflicts) conflicts.append(node('div', `⚠ ${conflict.message}`));
    line.append(conflicts);
    table.tBodies[0].append(line);
  }
  return table;
}
