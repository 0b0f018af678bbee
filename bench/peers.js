// The peers, bundled the same way for the bytes table and the storefront's peers page: each one
// from its npm package (devDependencies) through Vite's JS API (Rolldown), minified ES modules,
// one build per peer so that none shares a chunk with another; then every output file (the
// chunks a page downloads, and the CSS) is compressed on its own, as a browser downloads it.
// The entries are written to bench/.tmp/ (git-ignored) so that their bare imports resolve from
// the repository's node_modules; the bundles are held in memory, never written.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const SHOELACE = '@shoelace-style/shoelace/dist';

/**
 * Each peer: its label, its version's package, and the entry module a shop would write to use
 * it (what it exports is what the peers page imports).
 */
export const PEERS = [
  {
    name: 'simplycountdown',
    label: 'simplyCountdown.js',
    packageName: 'simplycountdown.js',
    job: 'countdown',
    entry: "export { default as simplyCountdown } from 'simplycountdown.js';\n",
  },
  {
    name: 'ouibounce',
    label: 'ouibounce',
    packageName: 'ouibounce',
    job: 'exit intent (the pop-up opens in a Shoelace dialog)',
    entry: "import ouibounce from 'ouibounce';\nexport { ouibounce };\n",
  },
  {
    name: 'spinwheel',
    label: 'spin-wheel',
    packageName: 'spin-wheel',
    job: 'wheel of fortune',
    entry:
      // Its package exports its browser build as the bare name; the easing functions (the ease-out the
      // wheel benchmark uses) are not exported, so they come by path (NODE_MODULES is replaced).
      "export { Wheel } from 'spin-wheel';\nexport { cubicOut } from 'NODE_MODULES/spin-wheel/scripts/easing.js';\n",
  },
  {
    name: 'shoelace',
    label: 'Shoelace',
    parts: 'dialog + tooltip + progress bar + badge, with its light theme CSS',
    packageName: '@shoelace-style/shoelace',
    job: 'pop-up dialog, progress bar, badge and its tooltip',
    entry:
      ['dialog', 'tooltip', 'progress-bar', 'badge']
        .map((name) => `import '${SHOELACE}/components/${name}/${name}.js';`)
        .join('\n') + `\nimport '${SHOELACE}/themes/light.css';\n`,
  },
];

const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (body) => gzipSync(body, { level: 9 }).length;

/** Raw, gzip (level 9) and brotli (quality 11) bytes of one file. */
export const sizesOf = (body) => ({ raw: body.length, gzip: gzip(body), brotli: brotli(body) });

/**
 * Builds every peer. Resolves to a Map of peer name → `{ label, version, files: Map<name, Buffer>,
 * entryFile }` (entryFile: the module the page imports, e.g. `simplycountdown.js`).
 * @param {string} root the repository
 */
export async function bundlePeers(root) {
  const folder = join(root, 'bench/.tmp/peers');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const bundles = new Map();
  try {
    for (const peer of PEERS) {
      const entryPath = join(folder, `${peer.name}.js`);
      writeFileSync(entryPath, peer.entry.replaceAll('NODE_MODULES', join(root, 'node_modules')));
      const output = await build({
        configFile: false,
        root: folder,
        logLevel: 'silent',
        publicDir: false,
        build: {
          write: false,
          minify: true,
          target: 'es2022',
          modulePreload: false,
          cssCodeSplit: true,
          reportCompressedSize: false,
          rollupOptions: {
            input: { [peer.name]: entryPath },
            preserveEntrySignatures: 'exports-only',
            output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      });
      const results = Array.isArray(output) ? output : [output];
      const files = new Map();
      for (const result of results) {
        for (const item of result.output) {
          const body = item.type === 'chunk' ? Buffer.from(item.code) : Buffer.from(item.source);
          // Vite names an entry's CSS after the entry, under assets/.
          files.set(item.fileName.replace(/^assets\//, ''), body);
        }
      }
      const { version } = JSON.parse(
        readFileSync(join(root, 'node_modules', peer.packageName, 'package.json'), 'utf8'),
      );
      bundles.set(peer.name, { ...peer, version, files, entryFile: `${peer.name}.js` });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return bundles;
}
