#!/usr/bin/env node
// `npm test`'s browser run: Vitest once per engine, one after the other, each in a process of its
// own (Chromium with the Node project, then Firefox, then WebKit). In one process, a later engine
// ran after the others' groups and failed where it passes on its own (WebKit's clicks looked in a
// stale frame, Firefox's keys went to another frame): separate processes are what a developer runs
// with VITRINE_ENGINES, and what CI runs. Extra arguments go to each run; with
// `--outputFile.json=<file>`, each run writes <file>.<engine>-<unit|storybook>.json and <file> sums them (the
// `N passed, N failed` of .ci/run counts every engine). VITRINE_ENGINES still picks engines.
import { spawn } from 'node:child_process';
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
// A browser that goes away in the middle of a run (WebKitGTK's MiniBrowser, once in a few dozen
// runs on CI, closed its page during a story that passes in every other run) is the machine's
// failure, not a test's: that run is started again once, saying so. A run with a failed test is
// never repeated.
const BROWSER_GONE = 'Browser connection was closed';

/** Runs Vitest, streaming its output, and resolves with its exit status and whether the browser went away. */
function vitest(argv, engine) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', ...argv], {
      stdio: ['inherit', 'pipe', 'pipe'],
      // Piped to be watched, so Vitest no longer sees a terminal: keep its colours for one.
      env: { ...process.env, VITRINE_ENGINES: engine, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
    });
    let browserGone = false;
    const watch = (stream, sink) => {
      let tail = '';
      stream.on('data', (chunk) => {
        sink.write(chunk);
        const text = tail + chunk.toString();
        if (text.includes(BROWSER_GONE)) browserGone = true;
        tail = text.slice(-BROWSER_GONE.length);
      });
    };
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ status: code ?? 1, browserGone }));
  });
}

const readReport = (file) => (file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

for (const { name, engine, projects } of runs) {
  const out = jsonFile ? `${jsonFile}.${name}.json` : undefined;
  const argv = [
    ...projects.flatMap((project) => ['--project', project]),
    ...passThrough,
    ...(out ? [`--outputFile.json=${out}`] : []),
  ];
  console.log(`\n--- ${engine}: ${projects.join(', ')}`);
  let run;
  for (let attempt = 1; ; attempt++) {
    if (out) rmSync(out, { force: true });
    run = await vitest(argv, engine);
    const failedTests = readReport(out)?.numFailedTests ?? 0;
    if (run.status === 0 || !run.browserGone || failedTests > 0 || attempt === 2) break;
    console.log(`\n--- ${engine}: the browser went away during ${name} (no test had failed); running it again once`);
  }
  if (run.status !== 0) status = run.status;
  const report = readReport(out);
  if (report) reports.push(report);
}

if (jsonFile) {
  const sum = (key) => reports.reduce((total, report) => total + (report[key] ?? 0), 0);
  writeFileSync(
    jsonFile,
    JSON.stringify({
      numTotalTests: sum('numTotalTests'),
      numPassedTests: sum('numPassedTests'),
      // A test that never finished (its browser went away) did not pass: it counts as failed.
      numFailedTests: reports.reduce(
        (total, report) =>
          total +
          Math.max(
            report.numFailedTests ?? 0,
            (report.numTotalTests ?? 0) - (report.numPassedTests ?? 0) - (report.numPendingTests ?? 0),
          ),
        0,
      ),
      numPendingTests: sum('numPendingTests'),
      numTotalTestSuites: sum('numTotalTestSuites'),
      numFailedTestSuites: sum('numFailedTestSuites'),
      success: status === 0 && reports.every((report) => report.success),
      testResults: reports.flatMap((report) => report.testResults ?? []),
    }),
  );
}
process.exit(status);
