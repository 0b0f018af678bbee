#!/usr/bin/env node
// `npm test`'s browser run: Vitest once per engine, one after the other, each in a process of its
// own (Chromium with the Node project, then Firefox, then WebKit). In one process, a later engine
// ran after the others' groups and failed where it passes on its own (WebKit's clicks looked in a
// stale frame, Firefox's keys went to another frame): separate processes are what a developer runs
// with VITRINE_ENGINES, and what CI runs. Extra arguments go to each run; with
// `--outputFile.json=<file>`, each run writes <file>.<engine>-<unit|storybook>.json and <file> sums them (the
// `N passed, N failed` of .ci/run counts every engine). VITRINE_ENGINES still picks engines.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const asked = (process.env.VITRINE_ENGINES ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const engines = asked.length ? ENGINES.filter((engine) => asked.includes(engine)) : ENGINES;
const args = process.argv.slice(2);
const jsonArg = args.find((arg) => arg.startsWith('--outputFile.json='));
const jsonFile = jsonArg?.slice('--outputFile.json='.length);
const passThrough = args.filter((arg) => arg !== jsonArg);

let status = 0;
const reports = [];
// The stories apart from the other tests too: a story's frame left focused took the keys of a later
// keyboard walkthrough in Firefox.
const runs = engines.flatMap((engine, index) => [
  { name: `${engine}-unit`, engine, projects: [`unit (${engine})`, ...(index === 0 ? ['node'] : [])] },
  { name: `${engine}-storybook`, engine, projects: [`storybook (${engine})`] },
]);
for (const { name, engine, projects } of runs) {
  const out = jsonFile ? `${jsonFile}.${name}.json` : undefined;
  if (out) rmSync(out, { force: true });
  console.log(`\n--- ${engine}: ${projects.join(', ')}`);
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      ...passThrough,
      ...(out ? [`--outputFile.json=${out}`] : []),
    ],
    { stdio: 'inherit', env: { ...process.env, VITRINE_ENGINES: engine } },
  );
  if (run.status !== 0) status = run.status ?? 1;
  if (out && existsSync(out)) reports.push(JSON.parse(readFileSync(out, 'utf8')));
}

if (jsonFile) {
  const sum = (key) => reports.reduce((total, report) => total + (report[key] ?? 0), 0);
  writeFileSync(
    jsonFile,
    JSON.stringify({
      numTotalTests: sum('numTotalTests'),
      numPassedTests: sum('numPassedTests'),
      numFailedTests: sum('numFailedTests'),
      numPendingTests: sum('numPendingTests'),
      numTotalTestSuites: sum('numTotalTestSuites'),
      numFailedTestSuites: sum('numFailedTestSuites'),
      success: status === 0 && reports.every((report) => report.success),
      testResults: reports.flatMap((report) => report.testResults ?? []),
    }),
  );
}
process.exit(status);
