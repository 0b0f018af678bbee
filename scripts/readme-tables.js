// Writes the reference tables of README.md from custom-elements.json, between markers:
//
//   <!-- vitrine:reference countdown -->            every table of <vitrine-countdown>
//   <!-- vitrine:reference countdown events -->     one table: attributes, events, slots, parts or properties
//   <!-- vitrine:reference common -->               the attributes every widget shares (VitrineElement)
//   <!-- vitrine:reference theming -->              shared custom properties × widgets; each widget's parts and own properties
//   …generated…
//   <!-- /vitrine:reference -->
//
// The name is the tag without `vitrine-` (`wheel-segment`, `goal`). `node scripts/readme-tables.js`
// rewrites the blocks; `--check` exits 1 when README.md differs from what the manifest says (CI).
// The blocks are formatted with Prettier as `prettier --check .` expects.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { manifestElements, oneLine } from './manifest-elements.js';

const README = 'README.md';
const KINDS = ['attributes', 'events', 'slots', 'parts', 'properties'];
const MARKER = /<!-- vitrine:reference ([\w-]+)(?: ([\w-]+))? -->\n[\s\S]*?<!-- \/vitrine:reference -->/g;

const check = process.argv.includes('--check');
const elements = manifestElements();
const byName = new Map(
  elements.map((element) => [element.tagName ? element.tagName.replace(/^vitrine-/, '') : element.name, element]),
);
byName.set('common', byName.get('VitrineElement'));

/** Text in a table cell: one line, pipes escaped. */
const cell = (text) => oneLine(text).replace(/\|/g, '\\|') || '—';
const code = (text) => `\`${text}\``;

/**
 * The default as a reader wants it: the manifest's literal (`'auto'`, `false`), else what the
 * description says (`(default \`5s\`)`, `\`explicit\` (default)`, `Defaults to the tag name`).
 */
function defaultOf(attribute) {
  const literal = attribute.default;
  if (attribute.kind === 'boolean') return literal === 'true' ? 'on' : 'off';
  if (literal && literal !== 'null' && literal !== 'undefined' && literal !== "''") {
    return code(literal.replace(/^'(.*)'$/, '$1'));
  }
  const text = oneLine(attribute.description);
  const said =
    /(`[^`]+`) \(?default\b/.exec(text)?.[1] ??
    /\bdefault:? (`[^`]+`)/i.exec(text)?.[1] ??
    /\bdefaults? to (the [^.;,)]+|`[^`]+`)/i.exec(text)?.[1] ??
    /\bDefault: ([^.;]+)/.exec(text)?.[1];
  return said ? cell(said) : '—';
}

function typeOf(attribute) {
  if (attribute.kind === 'enum') return attribute.values.map(code).join(', ');
  return attribute.kind;
}

function table(head, rows) {
  if (!rows.length) return '';
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function tables(element, only) {
  // A widget's own attributes (with those of a pop-up, from PopupElement); the ones every widget
  // shares (VitrineElement) have their own table (`common`).
  const own = element.attributes.filter(
    (attribute) => element.tagName === undefined || attribute.inheritedFrom?.name !== 'VitrineElement',
  );
  const parts = {
    attributes: table(
      ['attribute', 'property', 'type', 'default', 'meaning'],
      own.map((attribute) => [
        code(attribute.name),
        attribute.fieldName ? code(attribute.fieldName) : '—',
        typeOf(attribute),
        defaultOf(attribute),
        cell(attribute.description),
      ]),
    ),
    events: table(
      ['event', 'when, and its `detail`'],
      (element.events ?? []).map((event) => [code(event.name), cell(event.description)]),
    ),
    slots: table(
      ['slot', 'content'],
      (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
    ),
    parts: table(
      ['part', 'what'],
      (element.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
    ),
    properties: table(
      ['custom property', 'what, and its default'],
      (element.cssProperties ?? []).map((property) => [
        code(property.name),
        cell(`${oneLine(property.description)}${property.default ? ` Default: ${code(property.default)}.` : ''}`),
      ]),
    ),
  };
  return (only ? [parts[only]] : KINDS.map((kind) => parts[kind])).filter(Boolean).join('\n\n');
}

/** The theming overview: which widget reads which shared property, and each one's parts and own properties. */
function theming() {
  const widgets = elements.filter(
    (element) => element.tagName && (element.cssParts?.length || element.cssProperties?.length),
  );
  const short = (element) => element.tagName.replace(/^vitrine-/, '');
  // Shared: a `--vitrine-*` property not named after one widget (`--vitrine-wheel-size` is the wheel's own).
  const own = (element, name) => name.startsWith(`--${element.tagName}-`);
  const shared = [
    ...new Set(
      widgets.flatMap((element) =>
        (element.cssProperties ?? []).map((property) => property.name).filter((name) => !own(element, name)),
      ),
    ),
  ];
  const uses = table(
    ['shared property', ...widgets.map((element) => short(element))],
    shared.map((name) => [
      code(name),
      ...widgets.map((element) =>
        (element.cssProperties ?? []).some((property) => property.name === name) ? '✓' : '',
      ),
    ]),
  );
  const perWidget = table(
    ['tag', 'parts (`::part()`)', 'its own custom properties'],
    widgets.map((element) => [
      code(`<${element.tagName}>`),
      (element.cssParts ?? []).map((part) => code(part.name)).join(', ') || '—',
      (element.cssProperties ?? [])
        .filter((property) => own(element, property.name))
        .map((property) => code(property.name))
        .join(', ') || '—',
    ]),
  );
  return `${uses}\n\n${perWidget}`;
}

const readme = readFileSync(README, 'utf8');
const prettierOptions = { ...(await resolveConfig(README)), parser: 'markdown' };
const problems = [];
const blocks = [];
for (const match of readme.matchAll(MARKER)) {
  const [, name, only] = match;
  const element = byName.get(name);
  if (name === 'theming') {
    const body = (await format(theming(), prettierOptions)).trim();
    blocks.push({ match, text: `<!-- vitrine:reference theming -->\n\n${body}\n\n<!-- /vitrine:reference -->` });
  } else if (!element) problems.push(`<!-- vitrine:reference ${name} -->: no such element in custom-elements.json`);
  else if (only && !KINDS.includes(only))
    problems.push(`<!-- vitrine:reference ${name} ${only} -->: not one of ${KINDS.join(', ')}`);
  else {
    const body = (await format(tables(element, only), prettierOptions)).trim();
    const opening = `<!-- vitrine:reference ${name}${only ? ` ${only}` : ''} -->`;
    blocks.push({ match, text: `${opening}\n\n${body}\n\n<!-- /vitrine:reference -->` });
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

let updated = '';
let cursor = 0;
for (const { match, text } of blocks) {
  updated += readme.slice(cursor, match.index) + text;
  cursor = match.index + match[0].length;
}
updated += readme.slice(cursor);

if (check) {
  if (updated !== readme) {
    console.error(
      'README.md: the reference tables differ from custom-elements.json; run node scripts/readme-tables.js and commit',
    );
    process.exit(1);
  }
  console.log(`README.md: ${blocks.length} reference blocks match custom-elements.json`);
} else if (updated !== readme) {
  writeFileSync(README, updated);
  console.log(`README.md: ${blocks.length} reference blocks written`);
}
