// Turns the runs into figures: medians with min–max ranges, the terminal and Markdown
// tables, the goal's verdict and the SVG chart.
import { LABELS, LIBRARIES } from './pages.js';

export const GOAL =
  "500 countdowns cost at most 1/15 of simplyCountdown's main-thread time per second at 4x, on the list " +
  '(format hms) and on the collection grid (default format), and CLS 0 (issue 18; issue 3 asked for 1/6)';
const GOAL_COUNTS = [500, '500 grid'];
const GOAL_THROTTLE = 4;
const GOAL_RATIO = 1 / 15;

export const key = (...parts) => parts.join('|');

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/**
 * Median, min and max of every figure: `load` per library and count (ready, CLS, bytes),
 * `steady` per library, count and throttle (the measuring windows).
 */
export function summarise(results, counts, throttles) {
  const load = new Map();
  const steady = new Map();
  for (const count of counts) {
    for (const library of LIBRARIES) {
      const runs = results.get(key(library, count)) ?? [];
      if (!runs.length) continue;
      const figure = (pick) => stats(runs.map(pick));
      load.set(key(library, count), {
        readyMs: figure((run) => run.readyMs),
        afterReadyMsPerS: figure((run) => run.afterReadyMsPerS),
        cls: figure((run) => run.cls),
        transferBytes: figure((run) => run.transferBytes),
        scriptFiles: figure((run) => run.scriptFiles),
      });
      for (const throttle of throttles) {
        const window = (name) => figure((run) => run.windows[throttle][name]);
        steady.set(key(library, count, throttle), {
          taskMsPerS: window('taskMsPerS'),
          scriptMsPerS: window('scriptMsPerS'),
          loafPerS: window('loafPerS'),
          loafMsPerS: window('loafMsPerS'),
        });
      }
    }
  }
  return { load, steady };
}

export const number = (value) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
const cls = (value) => value.toFixed(4);
export const withRange = (figure, format = number) =>
  figure.n > 1 && format(figure.min) !== format(figure.max)
    ? `${format(figure.median)} (${format(figure.min)}–${format(figure.max)})`
    : format(figure.median);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : a > 0 ? '∞' : '—');

/** The tables: steady state per throttle, page load, and Vitrine / peer ratios of both. */
export function tables({ load, steady }, counts, throttles, loadThrottle) {
  const steadyTable = {
    header: ['N', 'CPU', 'library', 'main thread ms/s', 'script ms/s', 'LoAF /s', 'LoAF ms/s'],
    rows: [],
  };
  const steadyRatios = { header: ['N', 'CPU', 'main thread', 'script', 'LoAF ms'], rows: [] };
  const loadTable = {
    header: [
      'N',
      'library',
      `ready ms (${loadThrottle}x)`,
      `main thread ms/s, the second after ready (${loadThrottle}x)`,
      'CLS',
      'JS transferred',
    ],
    rows: [],
  };
  const loadRatios = { header: ['N', 'ready', 'JS transferred'], rows: [] };
  for (const count of counts) {
    for (const throttle of throttles) {
      const pair = LIBRARIES.map((library) => steady.get(key(library, count, throttle)));
      pair.forEach((s, index) => {
        if (!s) return;
        steadyTable.rows.push([
          String(count),
          `${throttle}x`,
          LABELS[LIBRARIES[index]],
          withRange(s.taskMsPerS),
          withRange(s.scriptMsPerS),
          withRange(s.loafPerS),
          withRange(s.loafMsPerS),
        ]);
      });
      const [ours, peer] = pair;
      if (!ours || !peer) continue;
      steadyRatios.rows.push([
        String(count),
        `${throttle}x`,
        ratio(ours.taskMsPerS.median, peer.taskMsPerS.median),
        ratio(ours.scriptMsPerS.median, peer.scriptMsPerS.median),
        ratio(ours.loafMsPerS.median, peer.loafMsPerS.median),
      ]);
    }
    const pair = LIBRARIES.map((library) => load.get(key(library, count)));
    pair.forEach((s, index) => {
      if (!s) return;
      const files = s.scriptFiles.median;
      loadTable.rows.push([
        String(count),
        LABELS[LIBRARIES[index]],
        withRange(s.readyMs, (value) => value.toFixed(0)),
        withRange(s.afterReadyMsPerS, (value) => value.toFixed(0)),
        withRange(s.cls, cls),
        `${kb(s.transferBytes.median)} (${files} file${files === 1 ? '' : 's'})`,
      ]);
    });
    const [ours, peer] = pair;
    if (!ours || !peer) continue;
    loadRatios.rows.push([
      String(count),
      ratio(ours.readyMs.median, peer.readyMs.median),
      ratio(ours.transferBytes.median, peer.transferBytes.median),
    ]);
  }
  return { steadyTable, steadyRatios, loadTable, loadRatios };
}

export function textTable({ header, rows }) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable({ header, rows }) {
  const line = (row) => `| ${row.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Whether the goal is met, and if not, the gap in words. */
export function verdict({ steady }, results) {
  const gaps = [];
  const texts = [];
  let saturated = '';
  for (const count of GOAL_COUNTS) {
    const ours = steady.get(key('vitrine', count, GOAL_THROTTLE));
    const peer = steady.get(key('simplycountdown', count, GOAL_THROTTLE));
    if (!ours || !peer) {
      gaps.push(`not measured (no N=${count} at ${GOAL_THROTTLE}x in this run)`);
      continue;
    }
    const limit = peer.taskMsPerS.median * GOAL_RATIO;
    const measured = ours.taskMsPerS.median / peer.taskMsPerS.median;
    const timeText =
      `main-thread time at N=${count}, ${GOAL_THROTTLE}x: Vitrine ${number(ours.taskMsPerS.median)} ms/s, ` +
      `simplyCountdown ${number(peer.taskMsPerS.median)} ms/s, ratio ${measured.toFixed(3)} ` +
      `(goal ≤ ${GOAL_RATIO.toFixed(3)}, i.e. ≤ ${number(limit)} ms/s)`;
    texts.push(timeText);
    if (measured > GOAL_RATIO) gaps.push(`${timeText}: ${number(ours.taskMsPerS.median - limit)} ms/s too much`);
    // A saturated main thread cannot show more than ~1000 ms/s: the peer's true demand is higher.
    if (peer.taskMsPerS.median > 900)
      saturated = ` simplyCountdown saturates the main thread (${number(peer.taskMsPerS.median)} ms of every 1000 at N=${count}): it would use more if it could, so the true ratio is lower than shown.`;
  }
  const timeText = texts.join('; ');
  const shifted = [];
  for (const [name, runs] of results) {
    const [library, count] = name.split('|');
    if (library !== 'vitrine') continue;
    const worst = Math.max(...runs.map((run) => run.cls));
    if (worst > 0) shifted.push(`N=${count}: up to ${cls(worst)}`);
  }
  if (shifted.length) gaps.push(`Vitrine's CLS is not 0 (${shifted.join('; ')})`);
  return gaps.length
    ? { met: false, text: `not met: ${gaps.join('; and ')}.${saturated}` }
    : { met: true, text: `met: ${timeText}; Vitrine's CLS is 0 in every run.${saturated}` };
}

const escapeXml = (text) =>
  String(text).replace(/[<>&"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[c]};`);

/** Grouped bars (median, with a min–max whisker) of main-thread ms/s against N at one throttle. */
export function chartSvg({ steady }, counts, throttle) {
  const width = 640;
  const height = 360;
  const margin = { top: 64, right: 24, bottom: 56, left: 64 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const colors = { vitrine: '#2563eb', simplycountdown: '#ea580c' };
  const all = counts.flatMap((count) =>
    LIBRARIES.map((library) => steady.get(key(library, count, throttle))?.taskMsPerS.max ?? 0),
  );
  const rawMax = Math.max(1, ...all);
  const magnitude = 10 ** Math.floor(Math.log10(rawMax));
  const top = [1, 1.2, 1.6, 2, 2.5, 3, 4, 5, 6, 8, 10].map((step) => step * magnitude).find((value) => value >= rawMax);
  const y = (value) => margin.top + plotHeight - (value / top) * plotHeight;
  const group = plotWidth / counts.length;
  const bar = Math.min(56, group / 3);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="600">Main-thread time per second at ${throttle}x CPU throttling (median, min–max)</text>`,
  ];
  for (let step = 0; step <= 4; step++) {
    const value = (top / 4) * step;
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(value)}" y2="${y(value)}" stroke="#e5e7eb"/>`,
      `<text x="${margin.left - 8}" y="${y(value) + 4}" text-anchor="end" fill="#374151">${Math.round(value)}</text>`,
    );
  }
  parts.push(
    `<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#374151">ms of main thread per second</text>`,
    `<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle" fill="#374151">countdowns on the page (N)</text>`,
  );
  counts.forEach((count, index) => {
    const center = margin.left + group * (index + 0.5);
    parts.push(`<text x="${center}" y="${margin.top + plotHeight + 18}" text-anchor="middle">${count}</text>`);
    LIBRARIES.forEach((library, side) => {
      const figure = steady.get(key(library, count, throttle))?.taskMsPerS;
      if (!figure) return;
      const x = center + (side - 1) * (bar + 4) + 2;
      parts.push(
        `<rect x="${x}" y="${y(figure.median)}" width="${bar}" height="${y(0) - y(figure.median)}" fill="${colors[library]}"><title>${escapeXml(`${LABELS[library]}, N=${count}: ${number(figure.median)} ms/s`)}</title></rect>`,
        `<line x1="${x + bar / 2}" x2="${x + bar / 2}" y1="${y(figure.min)}" y2="${y(figure.max)}" stroke="#111827"/>`,
        `<text x="${x + bar / 2}" y="${y(figure.max) - 6}" text-anchor="middle" fill="#111827">${number(figure.median)}</text>`,
      );
    });
  });
  // The goal: Vitrine's bar at N=500 should end at or under this mark.
  const peerAtGoal = steady.get(key('simplycountdown', GOAL_COUNTS[0], throttle))?.taskMsPerS;
  const goalIndex = counts.indexOf(GOAL_COUNTS[0]);
  if (throttle === GOAL_THROTTLE && peerAtGoal && goalIndex >= 0) {
    const x = margin.left + group * (goalIndex + 0.5) - bar - 6;
    const goalY = y(peerAtGoal.median * GOAL_RATIO);
    const legendX = margin.left + 8 + LIBRARIES.length * 150;
    parts.push(
      `<line x1="${x}" x2="${x + bar + 8}" y1="${goalY}" y2="${goalY}" stroke="#16a34a" stroke-width="2" stroke-dasharray="4 3"/>`,
      `<line x1="${legendX}" x2="${legendX + 16}" y1="38" y2="38" stroke="#16a34a" stroke-width="2" stroke-dasharray="4 3"/>`,
      `<text x="${legendX + 22}" y="42">goal: 1/15 of the peer at N=${GOAL_COUNTS[0]}</text>`,
    );
  }
  LIBRARIES.forEach((library, index) => {
    const x = margin.left + 8 + index * 150;
    parts.push(
      `<rect x="${x}" y="32" width="12" height="12" fill="${colors[library]}"/>`,
      `<text x="${x + 18}" y="42">${escapeXml(LABELS[library])}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

// The cart benchmark: /cart.js requests per cart change, Vitrine beside the naive per-widget fetch.

export const CART_GOAL = 'exactly 1 request to `/cart.js` per cart change with 3 widgets on the page';

/** Label of the page load row, then of each change, in order. */
const loadLabel = (widgetCount) => `page load (${widgetCount} widgets)`;

/**
 * The cart tables: per row (page load, then each change), the requests of each library and the
 * time until every widget showed the new cart.
 * @param {Map<string, Array<{ load: { requests: number, shownMs: number | null }, changes: Record<string, { requests: number, shownMs: number | null }> }>>} results per library
 * @param {{ name: string, label: string }[]} changes
 * @param {string[]} libraries
 * @param {Record<string, string>} labels
 * @param {number} widgetCount
 */
export function cartTables(results, changes, libraries, labels, widgetCount) {
  const rows = [{ label: loadLabel(widgetCount), pick: (run) => run.load }].concat(
    changes.map((change) => ({ label: change.label, pick: (run) => run.changes[change.name] })),
  );
  const requestsTable = {
    header: ['cart change', ...libraries.map((library) => `${labels[library]}: /cart.js requests`), 'goal (Vitrine)'],
    rows: [],
  };
  const timeTable = {
    header: ['cart change', ...libraries.map((library) => `${labels[library]}: all widgets show it after (ms)`)],
    rows: [],
  };
  for (const row of rows) {
    const requestCells = libraries.map((library) => {
      const runs = results.get(library) ?? [];
      return runs.length
        ? withRange(stats(runs.map((run) => row.pick(run).requests)), (value) => value.toFixed(0))
        : '—';
    });
    requestsTable.rows.push([row.label, ...requestCells, '1']);
    timeTable.rows.push([
      row.label,
      ...libraries.map((library) => {
        const runs = results.get(library) ?? [];
        const times = runs.map((run) => row.pick(run).shownMs).filter((value) => value !== null);
        const missing = runs.length - times.length;
        const text = times.length ? withRange(stats(times), (value) => value.toFixed(0)) : '—';
        return missing ? `${text}; not shown in ${missing} of ${runs.length} runs` : text;
      }),
    ]);
  }
  return { requestsTable, timeTable };
}

/** Whether Vitrine made exactly 1 request at page load and per change in every run; else the gap in words. */
export function cartVerdict(results, changes, labels, widgetCount, ours = 'vitrine', peer = 'naive') {
  const runs = results.get(ours) ?? [];
  const peerRuns = results.get(peer) ?? [];
  if (!runs.length) return { met: false, text: 'not measured' };
  const rows = [{ label: loadLabel(widgetCount), pick: (run) => run.load }].concat(
    changes.map((change) => ({ label: change.label, pick: (run) => run.changes[change.name] })),
  );
  const gaps = [];
  for (const row of rows) {
    const counts = runs.map((run) => row.pick(run).requests);
    const off = counts.filter((value) => value !== 1);
    if (off.length) {
      gaps.push(
        `${row.label}: ${[...new Set(off)].sort((a, b) => a - b).join(' or ')} requests in ${off.length} of ${runs.length} runs (median ${stats(counts).median})`,
      );
    }
    const unseen = runs.filter((run) => row.pick(run).shownMs === null).length;
    if (unseen)
      gaps.push(`${row.label}: the widgets did not all show the new cart in ${unseen} of ${runs.length} runs`);
  }
  const peerMedians = rows
    .map((row) => (peerRuns.length ? stats(peerRuns.map((run) => row.pick(run).requests)).median : null))
    .map((value) => (value === null ? '—' : String(value)));
  const peerText = `the ${labels[peer]} made ${peerMedians.slice(0, -1).join(', ')} and ${peerMedians.at(-1)} (medians, same order)`;
  return gaps.length
    ? { met: false, text: `not met: ${gaps.join('; ')}. Beside it, ${peerText}.` }
    : {
        met: true,
        text:
          `met: Vitrine's ${widgetCount} widgets made 1 request at page load and 1 per cart change (one add, a burst of ` +
          `three adds, a \`cart:updated\` event) in every run (${runs.length} of ${runs.length}); ${peerText}.`,
      };
}

// The wheel benchmark: main-thread time per frame and missed frames during a 4 s spin, Vitrine
// beside spin-wheel; and the bytes of the wheel's own chunk.

export const WHEEL_GOAL =
  'at most 1 ms of main-thread time per frame during a 4 s spin (at 1x and 4x CPU throttling), 0 missed frames at 1x, ' +
  "and the wheel's own chunk at most 5 KB brotli";
const WHEEL_GOAL_MS = 1;
const WHEEL_GOAL_MISSED_THROTTLE = 1;
/** 5 KB, as every KB of this report: 1024 bytes. */
export const WHEEL_GOAL_BYTES = 5 * 1024;

/**
 * The wheel tables: per throttle and library, the figures of the spin; the Vitrine / peer ratios;
 * the bytes.
 * @param {Map<string, Array<{ spins: Record<number, Record<string, number>> }>>} results per library
 * @param {number[]} throttles
 * @param {readonly string[]} libraries ours first, then the peer
 * @param {Record<string, string>} labels
 * @param {{ label: string, raw: number, brotli: number, goal: boolean }[]} bytes
 */
export function wheelTables(results, throttles, libraries, labels, bytes) {
  const spinTable = {
    header: [
      'CPU',
      'library',
      'main thread ms/frame',
      'script ms/frame',
      'frames drawn',
      'missed frames',
      'longest frame gap ms',
    ],
    rows: [],
  };
  const ratioTable = { header: ['CPU', 'main thread per frame', 'missed frames'], rows: [] };
  const figure = (library, throttle, name) => {
    const runs = results.get(library) ?? [];
    return runs.length ? stats(runs.map((run) => run.spins[throttle][name])) : null;
  };
  const whole = (value) => value.toFixed(0);
  for (const throttle of throttles) {
    for (const library of libraries) {
      const pick = (name, format) => {
        const value = figure(library, throttle, name);
        return value ? withRange(value, format) : '—';
      };
      spinTable.rows.push([
        `${throttle}x`,
        labels[library],
        pick('taskMsPerFrame'),
        pick('scriptMsPerFrame'),
        pick('frames', whole),
        pick('missed', whole),
        pick('worstFrameMs', whole),
      ]);
    }
    const [ours, peer] = libraries.map((library) => figure(library, throttle, 'taskMsPerFrame'));
    const [oursMissed, peerMissed] = libraries.map((library) => figure(library, throttle, 'missed'));
    if (ours && peer && oursMissed && peerMissed)
      ratioTable.rows.push([
        `${throttle}x`,
        ratio(ours.median, peer.median),
        ratio(oursMissed.median, peerMissed.median),
      ]);
  }
  const bytesTable = {
    header: ['script', 'raw', 'brotli (quality 11)', 'goal'],
    rows: bytes.map(({ label, raw, brotli, goal }) => [
      label,
      kb(raw),
      `${kb(brotli)} (${brotli} bytes)`,
      goal ? `≤ ${kb(WHEEL_GOAL_BYTES)}` : '',
    ]),
  };
  return { spinTable, ratioTable, bytesTable };
}

/**
 * Whether the wheel's goal is met (medians), else the gaps in words.
 * @param {Map<string, Array<{ spins: Record<number, Record<string, number>> }>>} results
 * @param {number[]} throttles
 * @param {{ brotli: number } | null} chunk the wheel's own chunk
 */
export function wheelVerdict(results, throttles, chunk, ours = 'vitrine', peer = 'spinwheel') {
  const runs = results.get(ours) ?? [];
  const peerRuns = results.get(peer) ?? [];
  if (!runs.length) return { met: false, text: 'not measured' };
  const gaps = [];
  const facts = [];
  for (const throttle of throttles) {
    const task = stats(runs.map((run) => run.spins[throttle].taskMsPerFrame));
    const peerTask = peerRuns.length ? stats(peerRuns.map((run) => run.spins[throttle].taskMsPerFrame)) : null;
    const text =
      `at ${throttle}x, Vitrine's main thread worked ${number(task.median)} ms per frame during the spin` +
      (peerTask ? ` (spin-wheel: ${number(peerTask.median)} ms)` : '');
    if (task.median > WHEEL_GOAL_MS) gaps.push(`${text}: ${number(task.median - WHEEL_GOAL_MS)} ms over the goal`);
    else facts.push(text);
  }
  if (throttles.includes(WHEEL_GOAL_MISSED_THROTTLE)) {
    const missed = runs.map((run) => run.spins[WHEEL_GOAL_MISSED_THROTTLE].missed);
    const some = missed.filter((value) => value > 0);
    const peerMissed = peerRuns.length
      ? ` (spin-wheel: ${stats(peerRuns.map((run) => run.spins[WHEEL_GOAL_MISSED_THROTTLE].missed)).median})`
      : '';
    const range = some.length ? `${Math.min(...some)}–${Math.max(...some)}`.replace(/^(\d+)–\1$/, '$1') : '';
    const text =
      `at ${WHEEL_GOAL_MISSED_THROTTLE}x, Vitrine's spin missed a median of ${stats(missed).median} frame${stats(missed).median === 1 ? '' : 's'}${peerMissed}` +
      (some.length ? `, ${some.length} of ${runs.length} runs missed ${range}` : ', none in any run');
    if (stats(missed).median > 0) gaps.push(text);
    else facts.push(text);
  }
  if (!chunk) gaps.push("the wheel's chunk (chunks/wheel-*.js) is not in the build");
  else {
    const text = `the wheel's own chunk is ${kb(chunk.brotli)} brotli (${chunk.brotli} bytes; goal ≤ ${kb(WHEEL_GOAL_BYTES)}, ${WHEEL_GOAL_BYTES} bytes)`;
    if (chunk.brotli > WHEEL_GOAL_BYTES) gaps.push(`${text}: ${chunk.brotli - WHEEL_GOAL_BYTES} bytes too many`);
    else facts.push(text);
  }
  const also = facts.length ? ` Met: ${facts.join('; ')}.` : '';
  return gaps.length
    ? { met: false, text: `not met: ${gaps.join('; ')}.${also}` }
    : { met: true, text: `met: ${facts.join('; ')}.` };
}
