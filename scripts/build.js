// Builds every package as an ES library, then the script-tag bundle into packages/vitrine/dist.
// The umbrella's library build empties dist/ first, so the bundle is built last.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const vite = 'node_modules/vite/bin/vite.js';
const packages = readdirSync('packages').filter((name) => existsSync(`packages/${name}/src/index.ts`));
const order = [...packages.filter((name) => name !== 'vitrine'), 'vitrine', 'bundle'];
for (const mode of order) {
  execFileSync(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'warn'], { stdio: 'inherit' });
  console.log(`built ${mode}`);
}
