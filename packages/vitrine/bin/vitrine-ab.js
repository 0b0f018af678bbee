#!/usr/bin/env node
/**
 * `npx vitrine-ab A:10000/410 B:10000/468` or `npx vitrine-ab --csv export.csv`: the A/B verdict
 * (see ab-verdict.js for the formulas and their sources). Exit code 0 with a verdict (including
 * "not enough data yet"), 1 on bad input, with a message that says what to fix.
 */
import { readFileSync } from 'node:fs';
import { formatVerdict, parseArgument, parseCsv, verdict } from './ab-verdict.js';

const USAGE = `Usage: vitrine-ab <label>:<visitors>/<conversions> <label>:<visitors>/<conversions> […] [options]
       vitrine-ab --csv <file.csv> [options]

The first variant is the control. Visitors: people who saw the variant (GA4: view_promotion
users for its creative_slot); conversions: those of them who ordered (or signed up).

Options:
  --csv <file>       read the variants from a CSV export (a GA4 exploration: a variant
                     column, a views/users column, a conversions/purchases column)
  --min-lift <pct>   the smallest relative lift worth detecting; sets the visitors needed
                     (default 10%)
  --json             print the result as JSON
  --help             this text

Example: npx vitrine-ab A:12000/480 B:12000/552`;

/** Runs the CLI on `args`; returns [exit code, text]. Exported for the tests. */
export function run(args, read = (path) => readFileSync(path, 'utf8')) {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) return [args.length === 0 ? 1 : 0, USAGE];
  const variants = [];
  let minimumLift;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--min-lift') {
      const text = args[++i] ?? '';
      minimumLift = Number(text.replace(/%$/, '')) / (text.endsWith('%') || Number(text) >= 1 ? 100 : 1);
      if (!(minimumLift > 0)) return [1, `vitrine-ab: --min-lift expects a lift above 0, such as 10%; got "${text}"`];
    } else if (arg === '--csv') {
      const path = args[++i];
      if (!path) return [1, 'vitrine-ab: --csv expects a file name'];
      let text;
      try {
        text = read(path);
      } catch (error) {
        return [1, `vitrine-ab: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`];
      }
      const parsed = parseCsv(text);
      if (parsed.error) return [1, `vitrine-ab: ${path}: ${parsed.error}`];
      variants.push(...parsed.variants);
    } else if (arg.startsWith('-')) return [1, `vitrine-ab: unknown option ${arg}\n\n${USAGE}`];
    else {
      const parsed = parseArgument(arg);
      if (parsed.error) return [1, `vitrine-ab: ${parsed.error}`];
      variants.push(parsed.variant);
    }
  }
  const result = verdict(variants, { minimumLift });
  if (!result.ok) return [1, `vitrine-ab: ${result.error}`];
  return [0, json ? JSON.stringify(result, null, 2) : formatVerdict(result)];
}

// Run only as the command, not when imported by the tests.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('vitrine-ab')) {
  const [code, text] = run(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(text);
  process.exitCode = code;
}
