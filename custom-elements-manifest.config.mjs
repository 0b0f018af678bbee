export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', 'packages/vitrine/src/loader.ts', '**/dist/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
