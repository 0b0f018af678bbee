// scripts/import-cycles.js, which `npm run lint` runs over packages/: it must see a circle made of
// type-only and lazy imports too, and stay quiet on a graph without one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '../../scripts/import-cycles.js');
let folder: string;

function check(files: Record<string, string>) {
  folder = mkdtempSync(join(tmpdir(), 'vitrine-cycles-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return spawnSync(process.execPath, [script, folder], { encoding: 'utf8' });
}

afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('import-cycles', () => {
  it('reports a circle closed by a type-only import and a lazy import()', () => {
    const result = check({
      'element.ts': "import { Schedule } from './schedule.js';\nexport const element = new Schedule();\n",
      'schedule.ts': "import type { Engine } from './engine.js';\nexport class Schedule { engine?: Engine }\n",
      'engine.ts': "export type Engine = typeof import('./element.js');\n",
      'alone.ts': "import './element.js';\n",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('import circle of 3 file(s)');
    expect(result.stderr).toMatch(/schedule\.ts -> .*engine\.ts/);
    expect(result.stderr).not.toContain('alone.ts');
  });

  it('passes a graph whose arrows run one way (a comment naming an import is no import)', () => {
    const result = check({
      'element.ts': "import { Schedule } from './schedule.js';\nexport const element = new Schedule();\n",
      'schedule.ts': "// import { element } from './element.js';\nexport class Schedule {}\n",
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
