// What `npm pack` would publish for each package: only what a user needs (built JS and its maps,
// declarations, the manifest, README, package.json; for `vitrine` also the script-tag build's CSS
// and the editor data), never sources, tests, stories or configs, and every file the package.json
// names (exports, main, types, customElements, sideEffects) is in it. Runs after `npm run build`.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const packages = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'package.json')),
);

interface PackageJson {
  name: string;
  main?: string;
  module?: string;
  types?: string;
  customElements?: string;
  sideEffects?: boolean | string[];
  exports?: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
}

/** The paths `npm pack --dry-run` lists for one package. */
async function packedFiles(name: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: join(root, 'packages', name),
    maxBuffer: 16 * 1024 * 1024,
  });
  const [report] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
  return report.files.map((file) => file.path).sort();
}

/** Every file a package.json promises to users (the workspace-only `source` condition aside). */
function promised(pkg: PackageJson): string[] {
  const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements, ...Object.values(pkg.bin ?? {})];
  for (const target of Object.values(pkg.exports ?? {})) {
    if (typeof target === 'string') targets.push(target);
    else for (const [condition, path] of Object.entries(target)) if (condition !== 'source') targets.push(path);
  }
  if (Array.isArray(pkg.sideEffects))
    targets.push(...pkg.sideEffects.filter((path) => path.startsWith('./dist/') && !path.includes('*')));
  return [...new Set(targets.filter((path): path is string => !!path).map((path) => path.replace(/^\.\//, '')))];
}

const SHIPPED = [
  /^package\.json$/,
  /^README\.md$/,
  /^dist\/([\w-]+\/)*[\w.-]+\.js(\.map)?$/,
  /^dist\/([\w-]+\/)*[\w.-]+\.d\.ts$/,
  /^dist\/custom-elements\.json$/,
];
// dist/shopify/: the flat build for Shopify's assets (one folder, no maps: they would be public theme files).
const SHIPPED_BY_VITRINE = [
  /^dist\/(shopify\/)?vitrine\.css$/,
  /^dist\/vscode\.html-custom-data\.json$/,
  /^types\/[\w-]+\.d\.ts$/,
  // The A/B verdict tool (`npx vitrine-ab`, `vitrine/ab-verdict`): plain JS that runs as shipped, with its types.
  /^bin\/(vitrine-ab|ab-verdict)\.(js|d\.ts)$/,
];

describe.concurrent('npm pack', () => {
  it.each(packages)('%s ships only what a user needs, and all of it', async (name) => {
    const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as PackageJson;
    const files = await packedFiles(name);
    const allowed = name === 'vitrine' ? [...SHIPPED, ...SHIPPED_BY_VITRINE] : SHIPPED;

    expect(files.filter((file) => !allowed.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(files.filter((file) => /(^|\/)(src|test|stories)\/|\.(test|stories)\.|tsconfig/.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
    expect(promised(pkg).filter((path) => !files.includes(path))).toEqual([]);
    if (existsSync(join(root, 'packages', name, 'src/define.ts'))) {
      expect(files).toEqual(expect.arrayContaining(['dist/define.js', 'dist/define.d.ts']));
      expect(pkg.sideEffects).toContain('./dist/define.js');
    }
  });

  it('each package manifest holds its own tags; vitrine ships all of them, the loader and the editor data', async () => {
    const tagsOf = (name: string) => {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'dist/custom-elements.json'), 'utf8')) as {
        modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
      };
      return manifest.modules.flatMap((module) => (module.declarations ?? []).map((d) => d.tagName).filter(Boolean));
    };
    expect(tagsOf('countdown')).toEqual(['vitrine-countdown']);
    expect(tagsOf('wheel')).toEqual(expect.arrayContaining(['vitrine-wheel', 'vitrine-wheel-segment']));
    expect(tagsOf('vitrine')).toEqual(
      expect.arrayContaining(['vitrine-countdown', 'vitrine-sticky-bar', 'vitrine-exit-popup', 'vitrine-wheel']),
    );

    const files = await packedFiles('vitrine');
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/vitrine.js',
        'dist/vitrine.css',
        'dist/custom-elements.json',
        'dist/vscode.html-custom-data.json',
        'types/react.d.ts',
        'types/vue.d.ts',
        'types/svelte.d.ts',
      ]),
    );
    expect(files.some((file) => /^dist\/chunks\/countdown-[\w-]+\.js$/.test(file))).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['dist/shopify/vitrine.js', 'dist/shopify/vitrine.css']));
    const flat = files.filter((file) => file.startsWith('dist/shopify/'));
    expect(flat.filter((file) => !/^dist\/shopify\/vitrine(-[\w-]+)?\.(js|css)$/.test(file))).toEqual([]);

    const vscode = JSON.parse(
      readFileSync(join(root, 'packages/vitrine/dist/vscode.html-custom-data.json'), 'utf8'),
    ) as {
      tags: Array<{ name: string; attributes: Array<{ name: string; values?: Array<{ name: string }> }> }>;
    };
    const countdown = vscode.tags.find((tag) => tag.name === 'vitrine-countdown');
    expect(countdown?.attributes.find((attribute) => attribute.name === 'format')?.values).toEqual([
      { name: 'auto' },
      { name: 'dhms' },
      { name: 'hms' },
      { name: 'ms' },
    ]);
  });
});
