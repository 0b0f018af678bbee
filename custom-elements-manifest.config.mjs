export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', 'packages/vitrine/src/loader.ts', '**/dist/**'],
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
