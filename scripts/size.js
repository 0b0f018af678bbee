// Checks the script-tag build against size-budgets.json: `npm run size` (after `npm run build`).
// A group is an entry file plus every chunk it imports statically, plus any lazy chunks it
// names (found through the entry's import() calls, so hashed file names need no updating)
// with their own static imports; `only` narrows that set to the chunks it names (one widget's
// own chunk, say). Each file is brotli-compressed on its own, as a browser downloads it, and
// the group's sum is held to its budget. Exits 1 when a group is over.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8'));
const dist = join(root, config.dist);

// Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
// The statement must start after `;`, `}` or a line start, so `import("./x.js")` never matches.
const STATIC_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g;
// A computed address, `` `./texts-${e}-<hash>.js` `` then imported (the language chunks, vite.config.ts):
// the part before the placeholder and the part after, between which a chunk's name goes.
const COMPUTED_IMPORT = /`(\.{1,2}\/[^`$]*)\$\{\w+\}([^`$]*\.js)`/g;

const sources = new Map();
function source(file) {
  if (!sources.has(file)) {
    if (!existsSync(file)) throw new Error(`${relative(root, file)} is missing`);
    sources.set(file, readFileSync(file));
  }
  return sources.get(file);
}

function specifiers(file, pattern) {
  const text = source(file).toString('utf8');
  return [...text.matchAll(pattern)].map((match) => resolve(dirname(file), match[2]));
}

/** The file and every file it imports statically, transitively, in discovery order. */
function staticClosure(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const imported of specifiers(file, STATIC_IMPORT)) staticClosure(imported, into);
  return into;
}

/** Matches the file name of the chunk named `name`: Rollup's `[name]-[hash].js`. */
function chunkPattern(name) {
  // The hash is a few base64url characters (so `countdown` does not match `countdown-extra-…`).
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[\\w-]{6,12}\\.js$`);
}

/** The chunk named `name` that one of `files` loads with import(). */
function lazyChunk(files, name) {
  const pattern = chunkPattern(name);
  for (const file of files) {
    const found = specifiers(file, DYNAMIC_IMPORT).find((imported) => pattern.test(basename(imported)));
    if (found) return found;
    for (const [, before, after] of source(file).toString('utf8').matchAll(COMPUTED_IMPORT)) {
      const prefix = basename(before);
      const computed = resolve(dirname(file), dirname(before), `${name}${after}`);
      if (name.startsWith(prefix) && pattern.test(`${name}${after}`) && existsSync(computed)) return computed;
    }
  }
  throw new Error(`no import() of a "${name}" chunk found from ${[...files].map((f) => relative(dist, f)).join(', ')}`);
}

const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const bytes = source(file);
    sizeCache.set(file, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(file);
}

function groupFiles(group) {
  const files = staticClosure(join(dist, group.entry));
  // Each lazy chunk is looked for in everything the group holds so far, so a chunk a widget
  // loads on demand (the badge's popover) can follow that widget in the list.
  for (const name of group.lazy ?? []) staticClosure(lazyChunk([...files], name), files);
  if (!group.only) return [...files];
  // `only`: just these chunks of the group (by chunk name, or the entry's file name), e.g. one
  // widget's own chunk without the Lit and core chunks it shares with the others.
  return group.only.map((name) => {
    const pattern = chunkPattern(name);
    const found = [...files].find((file) => relative(dist, file) === name || pattern.test(basename(file)));
    if (!found) throw new Error(`group "${group.name}": no "${name}" chunk among its files`);
    return found;
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
function printTable(header, rows) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column]).length)));
  // Names and verdicts to the left, numbers to the right.
  const numeric = (column) => column > 0 && column < header.length - 1;
  const line = (row) =>
    row
      .map((cell, column) => String(cell)[numeric(column) ? 'padStart' : 'padEnd'](widths[column]))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

if (!existsSync(join(dist, 'vitrine.js'))) {
  console.error(`${relative(root, dist)}/vitrine.js is missing: run \`npm run build\` first.`);
  process.exit(2);
}

let over = 0;
const rows = [];
const details = [];
try {
  for (const group of config.groups) {
    const files = groupFiles(group);
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const size = sizes(file);
      for (const key of Object.keys(total)) total[key] += size[key];
    }
    const ok = total.brotli <= group.budget;
    if (!ok) over++;
    // A `target` below the budget is a goal not yet met: shown, not enforced, so the gap stays visible.
    const gap =
      group.target && total.brotli > group.target
        ? ` (target ${group.target}: ${total.brotli - group.target} B to go)`
        : '';
    const verdict = ok ? `OK${gap}` : `OVER by ${total.brotli - group.budget} B`;
    rows.push([group.name, total.raw, total.gzip, total.brotli, group.budget, verdict]);
    details.push(
      `${group.name}: ${files.map((file) => `${relative(dist, file)} ${sizes(file).brotli}`).join(' + ')} = ${kb(total.brotli)} of ${kb(group.budget)}`,
    );
  }
} catch (error) {
  console.error(`size: ${error instanceof Error ? error.message : String(error)}. Run \`npm run build\` first?`);
  process.exit(2);
}

console.log(`Script-tag build, ${relative(root, dist)} (bytes; brotli quality 11, each file compressed on its own)\n`);
printTable(['group', 'raw', 'gzip', 'brotli', 'budget', 'status'], rows);
console.log(`\n${details.join('\n')}`);
if (over) {
  console.error(`\n${over} group${over > 1 ? 's' : ''} over budget (size-budgets.json).`);
  process.exit(1);
}
