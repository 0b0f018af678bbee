import { defineConfig, defaultClientConditions, rolldownVersion, runnerImport } from 'vite';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLitTemplates } from './scripts/minify-templates.ts';
import { BUS_CHUNK, CART_CHUNK, KIT_CHUNK, POPUP_CHUNK, isSharedCore } from './packages/core/chunks.ts';
import { hardeningServer } from './test/hardening/server.ts';
import { demoServer } from './test/support/demo-server.ts';
import { engineInstances } from './scripts/engines/providers.ts';

const fromRoot = (path: string) => resolve(import.meta.dirname, path);

/** Every folder of packages/ is built as an ES library with `--mode <folder>`. */
const PACKAGES = readdirSync(fromRoot('packages')).filter((name) =>
  existsSync(fromRoot(`packages/${name}/src/index.ts`)),
);

/**
 * Every browser project runs in the three engines shoppers use (Chromium, Firefox, WebKit), or in
 * those `VITRINE_ENGINES` names; see scripts/engines/providers.ts. A fresh object per project:
 * vitest mutates `instances`.
 */
const browser = (project: string) => ({
  enabled: true,
  // No Vitest UI around the test frame, also outside CI (it would shrink the frame with a transform).
  ui: false,
  // No failure screenshot in Firefox: taking one leaves its driver outside the test frame, and every
  // later file's keys then fail ("Cannot find vitest-iframe"), so one failure became five.
  screenshotFailures: !/\bfirefox\b/.test(process.env.VITRINE_ENGINES ?? 'firefox'),
  instances: engineInstances(project),
});

const libraryBuild = (name: string) => {
  const entry: Record<string, string> = { index: fromRoot(`packages/${name}/src/index.ts`) };
  // Secondary entries a package exports: `define` (registers the tags), `bus` (core's bus alone, for the loader).
  // Core's `experiment/define` registers <vitrine-experiment> (`@vitrine/core/experiment`); its
  // `attribution/pixel` is the Vitrine pixel for Shopify's sandbox (`@vitrine/core/pixel`), and
  // `attribution/record` what window.vitrine.conversion() and attribution() load (`@vitrine/core/attribution`);
  // `time-travel/time-travel` the time-travel preview and plan (`@vitrine/core/time-travel`);
  // `debug-reasons` the debug list's shared sentences (`@vitrine/core/debug`).
  // `<name>.reserve` (core: `experiment/experiment.reserve`) is the room its tags take while undefined
  // (`@vitrine/<name>/reserve`), which the umbrella joins into the loader's sheet.
  for (const extra of [
    'define',
    'bus',
    'debug-reasons',
    'experiment/define',
    'attribution/pixel',
    'attribution/record',
    'time-travel/time-travel',
    `${name}.reserve`,
    'experiment/experiment.reserve',
  ]) {
    if (existsSync(fromRoot(`packages/${name}/src/${extra}.ts`)))
      entry[extra] = fromRoot(`packages/${name}/src/${extra}.ts`);
  }
  return {
    outDir: fromRoot(`packages/${name}/dist`),
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    lib: { entry, formats: ['es' as const] },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@floating-ui\//, /^@vitrine\//],
      output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  };
};

/**
 * One hash for the ten language chunks (`texts-de-<hash>.js` …), of their sources and of the bundler
 * that minifies them (they import nothing, so nothing else changes their bytes: the reader they
 * carry imports nothing either). With one hash the
 * shared chunk computes any language's address from one template (textsChunks below), where ten
 * names would cost every page about 50 B more, and ten different hashes about 100 B more again.
 */
/** The reader of the texts beyond English and French, which imports nothing (core's i18n/texts-loader.ts). */
const TEXTS_LOADER = fromRoot('packages/core/src/i18n/texts-loader.ts');

const TEXTS_HASH = (() => {
  const folder = fromRoot('packages/core/src/i18n/texts');
  const hash = createHash('sha256').update(`rolldown ${rolldownVersion}`);
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(`${folder}/${name}`));
  // Each chunk carries a copy of the reader of texts (textsChunks below).
  hash.update(readFileSync(TEXTS_LOADER));
  return hash.digest('base64url').slice(0, 8);
})();

/** The ten languages with a chunk of their own (every language but en and fr). */
const TEXTS_LANGUAGES = readdirSync(fromRoot('packages/core/src/i18n/texts')).map((name) => name.replace(/\.ts$/, ''));

/**
 * In the script-tag builds the shared chunk computes a language chunk's address (core's
 * i18n/texts-address.ts in place of texts-chunks.ts: `./texts-` before the language, `-<hash>.js`
 * after it, the chunks beside it) rather than holding ten import()s: about 50 B less on every page.
 * No import() names the chunks then, so this emits them, under those names.
 */
const textsChunks = (prefix: string) => ({
  name: 'vitrine:texts-chunks',
  buildStart(this: { emitFile(file: { type: 'chunk'; id: string; fileName: string }): string }) {
    for (const language of TEXTS_LANGUAGES)
      this.emitFile({
        type: 'chunk',
        id: fromRoot(`packages/core/src/i18n/texts/${language}.ts`),
        fileName: `${prefix}${language}-${TEXTS_HASH}.js`,
      });
  },
});
const TEXTS_CHUNK = { bundle: './texts-', shopify: './vitrine-texts-' };

/**
 * The tests' server serves the built bundle (test/loader/) through Vite, which warns of an import()
 * it cannot follow: the shared chunk's computed address of a language chunk, which it need not
 * follow (the file is there, built). Said so to Vite here rather than by a comment in the bundle
 * that every shopper would download.
 */
const builtImports = {
  name: 'vitrine:built-imports',
  apply: 'serve' as const,
  transform: (code: string, id: string) =>
    /packages[\\/]vitrine[\\/]dist[\\/]/.test(id)
      ? code.replace(/\bimport\((\w+)\)/g, 'import(/* @vite-ignore */ $1)')
      : undefined,
};

/** The script-tag build: a tiny loader and one lazy chunk per widget, Lit and core shared. */
const bundleBuild = {
  outDir: fromRoot('packages/vitrine/dist'),
  emptyOutDir: false,
  minify: true,
  // Maps are written beside the files but not announced in them: shoppers never download them.
  sourcemap: 'hidden' as const,
  lib: { entry: { vitrine: fromRoot('packages/vitrine/src/loader.ts') }, formats: ['es' as const] },
  rolldownOptions: {
    plugins: [
      textsChunks('chunks/texts-'),
      {
        // The loader adopts these rules when it runs; a merchant who wants them before the first
        // paint links this file (or pastes it) in the theme's <head>.
        name: 'vitrine:reserve-css',
        async generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
          // The umbrella's sheet imports each widget's rules by package name (`@vitrine/countdown/reserve`),
          // which Node alone would resolve to dist/ (stale, or missing): run it through Vite, from the
          // sources (the `source` condition, nothing of ours external), as the loader is bundled.
          const { module } = await runnerImport<typeof import('./packages/vitrine/src/reserve-css.ts')>(
            fromRoot('packages/vitrine/src/reserve-css.ts'),
            {
              logLevel: 'silent',
              environments: { inline: { resolve: { conditions: ['source'], noExternal: [/^@vitrine\//] } } },
            },
          );
          this.emitFile({ type: 'asset', fileName: 'vitrine.css', source: `${module.UNDEFINED_CSS}\n` });
        },
      },
    ],
    output: {
      minify: true,
      // No `/* @__PURE__ */` marks either: they help a bundler that reads this code again, and
      // nothing does (the script-tag build is final); every page would download them (~20 B a file).
      comments: false,
      // V8's explicit compile hint (Chrome 136+; a comment elsewhere): a chunk is fetched when its code is
      // about to run, so V8 compiles all of it while it streams in, off the main thread, instead of each
      // function on the main thread at its first call. The product page at 4x: Vitrine's script ~374 → ~220
      // ms, no task of its own over 50 ms (BENCHMARKS.md). Only where there is code enough to matter
      // (4,000 characters before minifying: not the bus, the runtime helper or the unique-code draw, ~20 B
      // a file being more than they would save), and never on the language chunks, which are texts.
      postBanner: (chunk: { facadeModuleId: string | null; modules: Record<string, { renderedLength: number }> }) =>
        !/i18n[\\/]texts[\\/]/.test(chunk.facadeModuleId ?? '') &&
        Object.values(chunk.modules).reduce((length, module) => length + module.renderedLength, 0) >= 4000
          ? '//# allFunctionsCalledOnLoad'
          : '',
      entryFileNames: '[name].js',
      // Each widget's `define` module is a dynamic entry, so its chunk IS that module (no namespace
      // wrapper); name it after its package rather than "define".
      chunkFileNames: (chunk: { facadeModuleId?: string | null; name: string }) => {
        // A language's texts (core's i18n/texts/de.ts) are the `texts-de` chunk, all ten with one hash.
        const language = /i18n[\\/]texts[\\/](\w+)\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
        if (language) return `chunks/texts-${language}-${TEXTS_HASH}.js`;
        // Core's experiment/define.ts is the `experiment` chunk.
        const match = /packages[\\/]([^\\/]+)[\\/]src[\\/](?:(experiment)[\\/])?define\.ts$/.exec(
          chunk.facadeModuleId ?? '',
        );
        // Six characters of hash (36 bits, plenty to tell a build's files apart), not eight: the
        // loader names ten chunks and the hashes do not compress, so two fewer each save it ~20 B.
        return `chunks/${match?.[2] ?? match?.[1] ?? chunk.name}-[hash:6].js`;
      },
      // Which of core's modules go in which group: packages/core/chunks.ts, beside them.
      codeSplitting: {
        groups: [
          // The kit (with the unbiased draw the wheel and an experiment's bucket share) is claimed before the pop-up group below, which would otherwise pull it in as its
          // dependencies and make the sticky bar download the pop-up machinery.
          { name: 'kit', test: KIT_CHUNK, priority: 2.5 },
          { name: 'cart', test: CART_CHUNK, priority: 2 },
          // A page with neither the exit pop-up nor the wheel never downloads the pop-up machinery.
          { name: 'popup', test: POPUP_CHUNK, priority: 2 },
          { name: 'bus', test: BUS_CHUNK, priority: 4 },
          // Lit and the core every widget needs travel together: one request serves all widgets.
          {
            name: 'shared',
            test: (id: string) => /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/.test(id) || isSharedCore(id),
            priority: 3,
          },
        ],
      },
    },
  },
};

/**
 * The same build, flat, for Shopify (`dist/shopify/`): a theme's `assets/` folder and a theme app
 * extension's `assets/` take no sub-folders, so every chunk sits beside the loader under one prefix
 * (`vitrine-countdown-<hash>.js`) and is imported as `./vitrine-….js`. Relative imports resolve
 * against the loader's own URL, so the `?v=` that `asset_url` appends never reaches a chunk's URL.
 * No source maps: they would be public files of the merchant's theme.
 */
const shopifyBuild = {
  ...bundleBuild,
  outDir: fromRoot('packages/vitrine/dist/shopify'),
  emptyOutDir: true,
  sourcemap: false,
  rolldownOptions: {
    ...bundleBuild.rolldownOptions,
    plugins: [textsChunks('vitrine-texts-'), ...bundleBuild.rolldownOptions.plugins.slice(1)],
    output: {
      ...bundleBuild.rolldownOptions.output,
      chunkFileNames: (chunk: { facadeModuleId?: string | null; name: string }) =>
        bundleBuild.rolldownOptions.output.chunkFileNames(chunk).replace(/^chunks\//, 'vitrine-'),
    },
  },
};

const BUILDS: Record<string, object> = { bundle: bundleBuild, shopify: shopifyBuild };

export default defineConfig(({ mode }) => ({
  // hardeningServer: the hardening suite's pages with their own headers (strict CSP) and failing endpoints.
  // demoServer: the demo storefront's pages, files and cart stand-in, for test/demo.test.ts.
  // builtImports: the built bundle's computed import() of a language chunk, left as it is.
  plugins: [
    minifyLitTemplates(),
    hardeningServer(),
    demoServer(),
    builtImports,
    // The script-tag builds take Lit's decorators as this code base uses them (legacy, on fields),
    // without the standard-decorator path every page would otherwise download (lit-decorators.ts).
    BUILDS[mode] && {
      name: 'vitrine:legacy-decorators',
      enforce: 'pre' as const,
      resolveId: (id: string) =>
        id === 'lit/decorators.js' ? fromRoot('packages/vitrine/src/lit-decorators.ts') : null,
    },
    // With those, TypeScript's decorator helper (which the transform injects into the shared chunk)
    // only ever calls a field decorator that returns nothing: lit-decorators.ts has no other kind,
    // and no other decorator is imported. What it needs of the helper, in ~40 B rather than ~320.
    BUILDS[mode] && {
      name: 'vitrine:field-decorators',
      transform: (code: string, id: string) =>
        /^\0@oxc-project\+runtime@[^/]+\/helpers\/esm\/decorate\.js$/.test(id)
          ? 'export default (decorators, target, key) => { for (const decorate of decorators) decorate(target, key); };'
          : undefined,
    },
    // Each language's chunk, and the overrides' chunk, gets a copy of the reader of texts (an import
    // of texts-loader.ts under a name of its own, so the bundler cannot share it): a German page then
    // fetches one chunk, `texts-de`, rather than it and a shared reader, one round trip and one file
    // less. The copies keep no state apart: core's i18n/index.ts asks only the first that arrives.
    mode in TEXTS_CHUNK && {
      name: 'vitrine:texts-loader-copies',
      enforce: 'pre' as const,
      resolveId(source: string, importer?: string) {
        const copy =
          /texts-loader\.js$/.test(source) && /i18n[\\/](?:texts[\\/](\w+)|(overrides))\.ts$/.exec(importer ?? '');
        return copy ? `${TEXTS_LOADER}?copy=${copy[1] ?? copy[2]}` : null;
      },
    },
    // The debug sentences reach the script-tag build's widgets with the API chunk (debug-reasons-later.ts).
    BUILDS[mode] && {
      name: 'vitrine:debug-reasons-later',
      enforce: 'pre' as const,
      resolveId: (id: string, importer?: string) =>
        id === './debug-reasons.js' && /packages[\\/]core[\\/]src[\\/]element\.ts$/.test(importer ?? '')
          ? fromRoot('packages/core/src/debug-reasons-later.ts')
          : null,
    },
  ],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    alias: {
      '@web/test-runner-commands': fromRoot('test/stubs/wtr-commands.ts'),
      ...(mode in TEXTS_CHUNK && { './texts-chunks.js': fromRoot('packages/core/src/i18n/texts-address.ts') }),
    },
  },
  optimizeDeps: {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directive.js',
      'lit/directive-helpers.js',
      'lit/directives/class-map.js',
      'lit/directives/if-defined.js',
      'lit/directives/keyed.js',
      'lit/directives/live.js',
      'lit/directives/ref.js',
      'lit/directives/repeat.js',
      'lit/static-html.js',
      'axe-core',
      '@open-wc/testing-helpers',
    ],
  },
  build: PACKAGES.includes(mode) ? libraryBuild(mode) : (BUILDS[mode] ?? {}),
  // The script-tag builds compute a language chunk's address (core's i18n/texts-address.ts, and
  // textsChunks above); everywhere else the ten import()s of texts-chunks.ts, for a bundler to follow.
  define:
    mode in TEXTS_CHUNK
      ? {
          __VITRINE_TEXTS_BEFORE__: JSON.stringify(TEXTS_CHUNK[mode as keyof typeof TEXTS_CHUNK]),
          __VITRINE_TEXTS_AFTER__: JSON.stringify(`-${TEXTS_HASH}.js`),
        }
      : {},
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/node/**'],
          browser: browser('unit'),
          setupFiles: ['test/support/engine-setup.ts'],
          testTimeout: 15_000,
        },
      },
      // Checks of what ships (npm pack), in Node: no browser, no jsdom.
      {
        test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: fromRoot('.storybook') })],
        test: {
          name: 'storybook',
          browser: browser('storybook'),
          // After each story: its layout at 320, 375 and 1280 px, against Chromium's recorded sizes.
          setupFiles: ['test/support/engine-setup.ts', 'test/support/story-layout.ts'],
          provide: { layoutUpdate: process.env.VITRINE_LAYOUT_UPDATE === '1' },
        },
      },
    ],
  },
}));
