// The custom elements of custom-elements.json, shared by the generators that follow it
// (scripts/editor-data.js, scripts/readme-tables.js). The manifest names a typed attribute's
// type only (`CountdownFormat`), so the TypeScript checker resolves each attribute's property
// to say what it accepts: a list of values, a boolean, a number or any string.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** `vitrine-countdown` → `VitrineCountdown`. */
export const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, letter) => letter.toUpperCase());

/** `packages/countdown/src/countdown.ts` → `@vitrine/countdown`. */
export const packageOf = (path) => {
  const folder = /^packages\/([^/]+)\//.exec(path)?.[1];
  return folder === 'vitrine' ? 'vitrine' : `@vitrine/${folder}`;
};

/**
 * Every class of the manifest that has attributes or a tag (custom elements, and the
 * `VitrineElement` base that holds the common attributes), each attribute with its `kind`
 * (`enum` with `values`, `boolean`, `number`, `string`), in tag order.
 */
export function manifestElements(manifestPath = 'custom-elements.json') {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const declarations = manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.kind === 'class' && (declaration.customElement || declaration.attributes))
      .map((declaration) => ({ ...declaration, modulePath: module.path })),
  );

  const parsed = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  );
  const program = ts.createProgram([...new Set(declarations.map((d) => d.modulePath))], parsed.options);
  const checker = program.getTypeChecker();

  const instanceTypeOf = (declaration) => {
    let found;
    program.getSourceFile(declaration.modulePath)?.forEachChild((node) => {
      if (ts.isClassDeclaration(node) && node.name?.text === declaration.name) found = node;
    });
    return found ? checker.getTypeAtLocation(found) : null;
  };

  const kindOf = (instanceType, attribute) => {
    const property = attribute.fieldName && instanceType?.getProperty(attribute.fieldName);
    if (!property) return { kind: /boolean/.test(attribute.type?.text ?? '') ? 'boolean' : 'string' };
    const type = checker.getNonNullableType(checker.getTypeOfSymbol(property));
    const parts = type.isUnion() ? type.types : [type];
    if (parts.every((part) => part.flags & ts.TypeFlags.BooleanLike)) return { kind: 'boolean' };
    if (parts.every((part) => part.isStringLiteral())) return { kind: 'enum', values: parts.map((part) => part.value) };
    if (parts.some((part) => part.flags & ts.TypeFlags.NumberLike)) return { kind: 'number' };
    return { kind: 'string' };
  };

  return declarations
    .map((declaration) => {
      const instanceType = instanceTypeOf(declaration);
      return {
        ...declaration,
        attributes: (declaration.attributes ?? []).map((attribute) => ({
          ...attribute,
          ...kindOf(instanceType, attribute),
        })),
      };
    })
    .sort((a, b) => ((a.tagName ?? a.name) < (b.tagName ?? b.name) ? -1 : 1));
}

/** A manifest description on one line. */
export const oneLine = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').trim();
