// Builds every package as an ES library with its type declarations, then the script-tag bundle
// into packages/vitrine/dist and its flat variant for Shopify into packages/vitrine/dist/shopify,
// then the files the packages ship beside the code (the manifest, the editor data). The umbrella's
// library build empties dist/ first, so the bundles are built last. Last, the Shopify examples get
// the flat files in assets/ and the app extension its generated blocks (all git-ignored), so both
// are complete as they stand: `shopify theme push` or `shopify app deploy` uploads a working Vitrine.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const vite = 'node_modules/vite/bin/vite.js';
const packages = readdirSync('packages').filter((name) => existsSync(`packages/${name}/src/index.ts`));
// Core first (the widgets' declarations import its .d.ts), the umbrella after every widget.
const order = ['core', ...packages.filter((name) => name !== 'core' && name !== 'vitrine'), 'vitrine'].filter((name) =>
  packages.includes(name),
);

/** The source files of a package that become declarations: not tests, not stories. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.(test|stories|d)\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Emits packages/<name>/dist/**\/*.d.ts. The workspace's tsconfig resolves @vitrine/* to src/
 * (the `source` condition); here that condition is dropped, so a widget's declarations import
 * core's emitted .d.ts through its `types` export, as a user's project will, and never pull
 * core's sources into this package's output.
 */
function emitDeclarations(name) {
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.build.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('tsconfig.build.json is unreadable');
  const options = { ...config.options, rootDir: `packages/${name}/src`, outDir: `packages/${name}/dist` };
  const program = ts.createProgram(sourceFiles(`packages/${name}/src`), options);
  const result = program.emit(undefined, undefined, undefined, true);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length) {
    const host = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: ts.sys.getCurrentDirectory,
      getNewLine: () => '\n',
    };
    console.error(ts.formatDiagnostics(diagnostics, host));
    throw new Error(`declarations of ${name} failed`);
  }
}

/** Each package's manifest: the umbrella gets all of it, a widget package its own modules. */
function writeManifest(name) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  if (name !== 'vitrine') {
    manifest.modules = manifest.modules.filter((module) => module.path.startsWith(`packages/${name}/`));
  }
  writeFileSync(`packages/${name}/dist/custom-elements.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}

for (const mode of [...order, 'bundle', 'shopify']) {
  execFileSync(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (mode !== 'bundle' && mode !== 'shopify') {
    emitDeclarations(mode);
    writeManifest(mode);
  }
  console.log(`built ${mode}`);
}
if (existsSync('scripts/editor-data.js'))
  execFileSync(process.execPath, ['scripts/editor-data.js', '--out', 'packages/vitrine/dist'], { stdio: 'inherit' });

// The flat build into the Shopify examples, and the extension's generated parts (see the script).
execFileSync(process.execPath, ['scripts/shopify-app.js'], { stdio: 'inherit' });
