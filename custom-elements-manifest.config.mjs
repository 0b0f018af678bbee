export default {
  globs: ['packages/*/src/**/*.ts'],
  // The umbrella's loader, API, chunk map and decorators are the script-tag build's internals, not
  // elements; so are the widgets' reserve rules (`<widget>.reserve.ts`), which the loader adopts.
  exclude: [
    '**/*.test.ts',
    '**/*.stories.ts',
    'packages/vitrine/src/{loader,api,window,widgets,reserve-css,lit-decorators}.ts',
    'packages/*/src/**/*.reserve.ts',
    // What the script-tag build puts in place of the debug sentences (vite.config.ts), not API.
    'packages/core/src/debug-reasons-later.ts',
    // The language chunks are data (every widget's texts in one language), not API: README, "Languages".
    'packages/core/src/i18n/texts/*.ts',
    '**/dist/**',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The glob reads folders concurrently, so modules come in a different order from run to
      // run; sorted, the committed manifest only changes when the code does (CI diffs it).
      name: 'vitrine-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
