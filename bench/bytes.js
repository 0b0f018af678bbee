// The bytes section: what a page downloads, gzip and brotli, each file compressed on its own as a
// browser downloads it. Vitrine's from the build snapshot (the loader, the loader and the chunks one
// widget brings, all six); the peers' from bench/peers.js's bundles. Also the bytes chart.
import { sizesOf } from './peers.js';

/** The six widgets: tag, chunk name (Rollup's `[name]-[hash].js`), label. */
export const WIDGETS = [
  { tag: 'vitrine-countdown', chunk: 'countdown', label: 'countdown' },
  { tag: 'vitrine-sticky-bar', chunk: 'sticky-bar', label: 'sticky bar' },
  { tag: 'vitrine-exit-popup', chunk: 'exit-popup', label: 'exit pop-up' },
  { tag: 'vitrine-wheel', chunk: 'wheel', label: 'wheel' },
  { tag: 'vitrine-shipping-progress', chunk: 'shipping-progress', label: 'shipping progress' },
  { tag: 'vitrine-loyalty-badge', chunk: 'loyalty-badge', label: 'loyalty badge' },
];

// Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"` (as
// scripts/size.js reads them); `import("./x.js")` is a lazy chunk.
const STATIC_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g;

/** `./chunks/x.js` from `chunks/y.js` → `chunks/x.js` (paths inside dist/). */
function resolvePath(from, specifier) {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const importsOf = (build, file, pattern) =>
  [...(build.get(file)?.toString('utf8') ?? '').matchAll(pattern)].map((match) => resolvePath(file, match[2]));

function staticClosure(build, file, into = new Set()) {
  if (into.has(file) || !build.has(file)) return into;
  into.add(file);
  for (const imported of importsOf(build, file, STATIC_IMPORT)) staticClosure(build, imported, into);
  return into;
}

/** The lazy chunk named `name` that one of `files` imports. */
function lazyChunk(build, files, name) {
  const pattern = new RegExp(`(^|/)${name}-[\\w-]{6,12}\\.js$`);
  for (const file of files) {
    const found = importsOf(build, file, DYNAMIC_IMPORT).find((path) => pattern.test(path));
    if (found) return found;
  }
  return null;
}

/** Files of a page that uses `chunks` (lazy chunk names) through the loader. */
function pageFiles(build, chunks) {
  const files = staticClosure(build, 'vitrine.js');
  for (const name of chunks) {
    const chunk = lazyChunk(build, [...files], name);
    if (!chunk) throw new Error(`the build has no lazy "${name}" chunk`);
    staticClosure(build, chunk, files);
  }
  return [...files];
}

function total(files, bodyOf) {
  return files.reduce(
    (sum, file) => {
      const one = sizesOf(bodyOf(file));
      return { raw: sum.raw + one.raw, gzip: sum.gzip + one.gzip, brotli: sum.brotli + one.brotli };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/**
 * The rows of the bytes table: Vitrine's pages, then the peers, then what the peers weigh together
 * for the same six jobs. Each row: `{ who, label, files, raw, gzip, brotli, names }`.
 * @param {Map<string, Buffer>} build the script-tag build (paths inside dist/)
 * @param {Map<string, { label: string, version: string, files: Map<string, Buffer> }>} peers
 */
export function byteRows(build, peers) {
  const rows = [];
  const vitrine = (label, files) =>
    rows.push({ who: 'vitrine', label, files: files.length, names: files, ...total(files, (file) => build.get(file)) });
  vitrine('Vitrine: the loader alone (no widget on the page)', pageFiles(build, []));
  for (const widget of WIDGETS) vitrine(`Vitrine: loader + ${widget.label}`, pageFiles(build, [widget.chunk]));
  if (lazyChunk(build, pageFiles(build, ['loyalty-badge']), 'popover'))
    vitrine(
      'Vitrine: loader + loyalty badge with its popover (loaded on first interest)',
      pageFiles(build, ['loyalty-badge', 'popover']),
    );
  vitrine(
    'Vitrine: loader + all six widgets',
    pageFiles(
      build,
      WIDGETS.map((widget) => widget.chunk),
    ),
  );
  if (build.has('vitrine.css'))
    vitrine('Vitrine: vitrine.css (the reserve rules, if linked instead of pasted)', ['vitrine.css']);
  const all = { raw: 0, gzip: 0, brotli: 0, files: 0 };
  for (const peer of peers.values()) {
    const names = [...peer.files.keys()];
    const sizes = total(names, (file) => peer.files.get(file));
    const label = `${peer.label} ${peer.version}${peer.parts ? `: ${peer.parts}` : ''}`;
    rows.push({ who: 'peer', label, files: names.length, names, ...sizes });
    for (const field of ['raw', 'gzip', 'brotli', 'files'])
      all[field] += field === 'files' ? names.length : sizes[field];
  }
  rows.push({ who: 'peer', label: 'Peers together, for the same six jobs', names: [], ...all });
  return rows;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export const BYTES_GOAL =
  'brotli: the loader at most 1.5 KB, loader + shared + countdown at most 12 KB, all six at most 36 KB; no page ' +
  'downloads code for a feature it does not use (issue 18)';

/**
 * Code a page carries for a feature it does not use: each probe is a string that only that feature's
 * code holds, and the page (by its lazy chunks) that must not carry it.
 */
const UNUSED_FEATURE_PROBES = [
  { feature: 'debug sentences outside the debug panel', chunks: ['countdown'], text: 'outside its start/end window' },
  {
    feature: 'the lead outbox without `capture` (an exit pop-up page)',
    chunks: ['exit-popup'],
    text: 'Idempotency-Key',
  },
  { feature: 'coupon copying before a code is shown (a sticky bar page)', chunks: ['sticky-bar'], text: 'clipboard' },
  { feature: 'cart code without a cart widget or rule (a countdown page)', chunks: ['countdown'], text: 'cart.js' },
  {
    feature: 'texts of a language not shown (French on an English countdown page)',
    chunks: ['countdown'],
    text: 'Compte à rebours',
  },
];

/** The bytes goal of issue 18, from the rows of byteRows() and the build. */
export function bytesVerdict(rows, build) {
  const brotliOf = (label) => rows.find((row) => row.label === label)?.brotli ?? NaN;
  const figures = [
    ['the loader', brotliOf('Vitrine: the loader alone (no widget on the page)'), 1536],
    ['loader + shared + countdown', brotliOf('Vitrine: loader + countdown'), 12 * 1024],
    ['all six', brotliOf('Vitrine: loader + all six widgets'), 36 * 1024],
  ].map(([what, bytes, limit]) => ({ what, bytes, limit, met: bytes <= limit }));
  const unused = UNUSED_FEATURE_PROBES.filter(({ chunks, text }) =>
    pageFiles(build, chunks).some((file) => build.get(file).toString('utf8').includes(text)),
  ).map(({ feature }) => feature);
  const sizes = figures.map(
    ({ what, bytes, limit, met }) =>
      `${what} ${bytes} B (${kb(bytes)}; goal ≤ ${kb(limit)}${met ? '' : `: ${bytes - limit} B too many`})`,
  );
  const text =
    `${sizes.join(', ')}; ` +
    (unused.length
      ? `pages still download code they do not use: ${unused.join('; ')}`
      : 'no page downloads unused code');
  return { met: figures.every((figure) => figure.met) && !unused.length, text };
}

/** The bytes table (terminal and Markdown). */
export function bytesTable(rows) {
  return {
    header: ['what the page downloads', 'files', 'raw', 'gzip (level 9)', 'brotli (quality 11)'],
    rows: rows.map((row) => [
      row.label,
      String(row.files),
      kb(row.raw),
      kb(row.gzip),
      `${kb(row.brotli)} (${row.brotli} B)`,
    ]),
  };
}

const escapeXml = (text) =>
  String(text).replace(/[<>&"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[c]};`);

/** Horizontal bars, gzip and brotli side by side, one line per row of the table. */
export function bytesChartSvg(rows) {
  const lineHeight = 30;
  const labelWidth = 330;
  const width = 900;
  const top = 56;
  const height = top + rows.length * lineHeight + 40;
  const plotWidth = width - labelWidth - 90;
  const max = Math.max(...rows.map((row) => row.gzip));
  const step = max > 60 * 1024 ? 20 * 1024 : 10 * 1024;
  const scaleTop = Math.ceil(max / step) * step;
  const x = (bytes) => labelWidth + (bytes / scaleTop) * plotWidth;
  const colors = { gzip: '#93c5fd', brotli: '#2563eb', peerGzip: '#fdba74', peerBrotli: '#ea580c' };
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="600">What a page downloads: JavaScript and CSS, each file compressed on its own</text>`,
    `<rect x="${labelWidth}" y="30" width="12" height="12" fill="${colors.gzip}"/><text x="${labelWidth + 18}" y="40">Vitrine, gzip</text>`,
    `<rect x="${labelWidth + 110}" y="30" width="12" height="12" fill="${colors.brotli}"/><text x="${labelWidth + 128}" y="40">Vitrine, brotli</text>`,
    `<rect x="${labelWidth + 230}" y="30" width="12" height="12" fill="${colors.peerGzip}"/><text x="${labelWidth + 248}" y="40">peer, gzip</text>`,
    `<rect x="${labelWidth + 330}" y="30" width="12" height="12" fill="${colors.peerBrotli}"/><text x="${labelWidth + 348}" y="40">peer, brotli</text>`,
  ];
  for (let value = 0; value <= scaleTop; value += step) {
    parts.push(
      `<line x1="${x(value)}" x2="${x(value)}" y1="${top - 4}" y2="${top + rows.length * lineHeight}" stroke="#e5e7eb"/>`,
      `<text x="${x(value)}" y="${top + rows.length * lineHeight + 16}" text-anchor="middle" fill="#374151">${value / 1024} KB</text>`,
    );
  }
  rows.forEach((row, index) => {
    const y = top + index * lineHeight;
    const peer = row.who === 'peer';
    const label = row.label.replace(/^Vitrine: /, '').replace(/ \(.*\)$/, '');
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" fill="${peer ? '#9a3412' : '#1e3a8a'}">${escapeXml(label.length > 52 ? `${label.slice(0, 51)}…` : label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${x(row.gzip) - labelWidth}" height="10" fill="${peer ? colors.peerGzip : colors.gzip}"><title>${escapeXml(`${row.label}: ${kb(row.gzip)} gzip`)}</title></rect>`,
      `<rect x="${labelWidth}" y="${y + 14}" width="${x(row.brotli) - labelWidth}" height="10" fill="${peer ? colors.peerBrotli : colors.brotli}"><title>${escapeXml(`${row.label}: ${kb(row.brotli)} brotli`)}</title></rect>`,
      `<text x="${x(row.gzip) + 4}" y="${y + 13}" fill="#374151">${kb(row.gzip)}</text>`,
      `<text x="${x(row.brotli) + 4}" y="${y + 24}" fill="#374151">${kb(row.brotli)}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
