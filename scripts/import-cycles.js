// No import circles in packages/ (run by `npm run lint`): `node scripts/import-cycles.js [folder …]`.
// Every import counts — `import type`, re-exports and lazy `import()` too — because a circle is
// a reader's problem before it is the bundler's: two modules that name each other can be neither
// understood nor moved alone. `@vitrine/<package>[/<entry>]` resolves through the package's
// `exports` (its `source` condition), as Vite does. Prints each circle and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folders = process.argv.slice(2).map((folder) => resolve(folder));
if (!folders.length) folders.push(join(root, 'packages'));

const IGNORED = new Set(['node_modules', 'dist', 'types']);

function sources(folder, into = []) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (!IGNORED.has(name)) sources(path, into);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) into.push(path);
  }
  return into;
}

/** `@vitrine/core/bus` → packages/core/src/bus.ts, through packages/core/package.json `exports`. */
function packageEntry(specifier) {
  const [, name, subpath] = /^@vitrine\/([^/]+)(\/.+)?$/.exec(specifier) ?? [];
  if (!name) return null;
  const folder = join(root, 'packages', name);
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) return null;
  const entry = JSON.parse(readFileSync(manifest, 'utf8')).exports?.[subpath ? `.${subpath}` : '.'];
  const source = typeof entry === 'object' ? (entry.source ?? entry.default) : entry;
  return source ? join(folder, source) : null;
}

function resolveImport(from, specifier) {
  if (specifier.startsWith('.')) {
    const path = resolve(dirname(from), specifier);
    for (const candidate of [path.replace(/\.js$/, '.ts'), path, `${path}.ts`, join(path, 'index.ts')])
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    return null;
  }
  return packageEntry(specifier);
}

const files = folders.flatMap((folder) => sources(folder));
const graph = new Map(
  files.map((file) => {
    // preProcessFile reads imports as the compiler does (comments and strings are no imports),
    // dynamic `import()` and `typeof import()` included.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map(({ fileName }) => resolveImport(file, fileName)).filter(Boolean);
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components: each component of more than one file is a circle.
let index = 0;
const stack = [];
const state = new Map();
const circles = [];
function visit(file) {
  const node = { index, low: index, onStack: true };
  index++;
  state.set(file, node);
  stack.push(file);
  for (const target of graph.get(file) ?? []) {
    if (!graph.has(target)) continue;
    const seen = state.get(target);
    if (!seen) {
      visit(target);
      node.low = Math.min(node.low, state.get(target).low);
    } else if (seen.onStack) node.low = Math.min(node.low, seen.index);
  }
  if (node.low !== node.index) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    state.get(member).onStack = false;
    component.push(member);
  } while (member !== file);
  if (component.length > 1 || graph.get(file).includes(file)) circles.push(component);
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

const show = (file) => relative(root, file);
for (const circle of circles) {
  const members = new Set(circle);
  console.error(`import circle of ${circle.length} file(s):`);
  for (const file of circle.sort())
    for (const target of graph.get(file).filter((target) => members.has(target)))
      console.error(`  ${show(file)} -> ${show(target)}`);
}
if (circles.length) {
  console.error(`${circles.length} import circle(s): give the shared part a module of its own (see CONTRIBUTING.md).`);
  process.exit(1);
}
console.log(`no import circles in ${files.length} files`);
