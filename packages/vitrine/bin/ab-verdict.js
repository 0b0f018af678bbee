/**
 * The A/B verdict: is the difference between variants real or noise, and how much more traffic
 * does the test need? Plain JavaScript without dependencies, so that `npx vitrine-ab` runs on any
 * Node ≥ 20 and the docs page can use the very same code in a browser.
 *
 * Formulas and their sources (the tests check each against the source's worked examples):
 * - Rates: the Wilson score interval; differences (absolute lift): the Newcombe hybrid score
 *   interval; ratios (relative lift): the Katz log interval. All three as in Fagerland, Lydersen &
 *   Laake, "Statistical Analysis of Contingency Tables", Chapman & Hall/CRC, 2017 — chapter 2
 *   (the 1x2 table) and chapter 4 (the 2x2 table), whose worked examples are 13/16 (Ligarden et
 *   al. 2010) and 7/34 vs 1/34 (Perondi et al. 2004). Chosen over the textbook Wald interval
 *   because a shop's conversion rates are small, where Wald's coverage is poor.
 * - Visitors needed: the normal-approximation sample size for comparing two proportions,
 *   Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed., Wiley, 2003,
 *   §4.2 (without continuity correction), at 80 % power. With more than two variants, each is
 *   compared with the first (the control) at α / (k − 1) (Bonferroni), so the 95 % holds overall.
 * - Probability to be best: each rate's posterior under a uniform prior, Beta(1 + conversions,
 *   1 + visitors − conversions) (Gelman et al., "Bayesian Data Analysis", 3rd ed., 2013, §2.4),
 *   integrated numerically; the tests check two variants against Evan Miller's closed form.
 *
 * The verdict follows a fixed-horizon design: the sample size is decided from the control's rate
 * and the smallest lift worth detecting, and no verdict is given before every variant has it.
 * Looking at the interval every day and stopping the first time it excludes zero makes a false
 * winner several times likelier than the 5 % the interval promises.
 */

/** @typedef {{ label: string, visitors: number, conversions: number }} VariantInput */
/**
 * @typedef {object} VariantResult
 * @property {string} label
 * @property {number} visitors
 * @property {number} conversions
 * @property {number} rate
 * @property {[number, number]} rateInterval  Wilson 95 %
 * @property {number} probabilityBest
 * @property {null | { difference: number, differenceInterval: [number, number], ratio: number | null, ratioInterval: [number, number] | null, significant: boolean }} versusControl
 */

export const WARNING_STOPPING_EARLY =
  'Do not stop the test early: decide the number of visitors first and read the verdict once every variant has it. Stopping the first time a difference looks real makes a false winner much likelier than 5 %.';

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p) {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Wilson score interval for x successes out of n (Fagerland et al. 2017, chapter 2). */
export function wilsonInterval(x, n, alpha = 0.05) {
  const z = normalQuantile(1 - alpha / 2);
  const p = x / n;
  const centre = (2 * x + z * z) / (2 * (n + z * z));
  const half = (z * Math.sqrt(z * z + 4 * n * p * (1 - p))) / (2 * (n + z * z));
  return /** @type {[number, number]} */ ([Math.max(0, centre - half), Math.min(1, centre + half)]);
}

/** Newcombe hybrid score interval for p1 − p2 (Fagerland et al. 2017, chapter 4). */
export function newcombeInterval(x1, n1, x2, n2, alpha = 0.05) {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1, alpha);
  const [l2, u2] = wilsonInterval(x2, n2, alpha);
  const estimate = p1 - p2;
  return /** @type {[number, number]} */ ([
    Math.max(-1, estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)),
    Math.min(1, estimate + Math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)),
  ]);
}

/** Katz log interval for the ratio p1 / p2 (Fagerland et al. 2017, chapter 4); null when a count is 0. */
export function katzInterval(x1, n1, x2, n2, alpha = 0.05) {
  if (x1 === 0 || x2 === 0) return null;
  const z = normalQuantile(1 - alpha / 2);
  const ratio = x1 / n1 / (x2 / n2);
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  return /** @type {[number, number]} */ ([ratio * Math.exp(-z * se), ratio * Math.exp(z * se)]);
}

/**
 * Visitors per variant to detect a change from rate p1 to p2 with a two-sided test at `alpha` and
 * the given power (Fleiss, Levin & Paik 2003, §4.2, without continuity correction).
 */
export function sampleSizePerVariant(p1, p2, alpha = 0.05, power = 0.8) {
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const mean = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / ((p2 - p1) * (p2 - p1)));
}

/** ln Γ(x), Lanczos (g = 7, n = 9). */
function logGamma(x) {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = g[0];
  for (let i = 1; i < 9; i++) sum += g[i] / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function logBeta(a, b) {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * The probability that each variant has the highest true rate, under uniform priors: the integral
 * of one posterior density times the others' distribution functions, on a grid over the range
 * where the posteriors have their mass (± 12 standard deviations).
 */
export function probabilityBest(variants, steps = 4000) {
  const posteriors = variants.map(({ visitors, conversions }) => {
    const a = conversions + 1;
    const b = visitors - conversions + 1;
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    return { a, b, mean, sd, logNorm: logBeta(a, b) };
  });
  const low = Math.max(0, Math.min(...posteriors.map((p) => p.mean - 12 * p.sd)));
  const high = Math.min(1, Math.max(...posteriors.map((p) => p.mean + 12 * p.sd)));
  const h = (high - low) / steps;
  const density = (p, x) =>
    x <= 0 || x >= 1
      ? (x <= 0 && p.a === 1) || (x >= 1 && p.b === 1)
        ? Math.exp(-p.logNorm)
        : 0
      : Math.exp((p.a - 1) * Math.log(x) + (p.b - 1) * Math.log1p(-x) - p.logNorm);
  const grid = Array.from({ length: steps + 1 }, (_, i) => low + i * h);
  const densities = posteriors.map((p) => grid.map((x) => density(p, x)));
  // Distribution functions by the trapezoid rule on the same grid, normalised to end at 1.
  const cumulative = densities.map((values) => {
    const out = [0];
    for (let i = 1; i < values.length; i++) out.push(out[i - 1] + ((values[i - 1] + values[i]) * h) / 2);
    const total = out[out.length - 1];
    return out.map((value) => value / total);
  });
  const best = posteriors.map((_, i) => {
    let sum = 0;
    for (let step = 0; step <= steps; step++) {
      let product = densities[i][step];
      for (let j = 0; j < posteriors.length; j++) if (j !== i) product *= cumulative[j][step];
      sum += (step === 0 || step === steps ? 1 : 2) * product;
    }
    return (sum * h) / 2;
  });
  const total = best.reduce((sum, value) => sum + value, 0);
  return best.map((value) => value / total);
}

/** A visitor count to two significant figures (the nearest), for "about N"; small counts exactly. */
export function roughly(count) {
  if (count < 100) return Math.ceil(count);
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.round(count / unit) * unit;
}

/**
 * Checks the input; returns the message that says what is wrong, or null. Visitors and
 * conversions are whole, non-negative numbers; a variant converts at most every visitor; labels
 * are unique; there are at least two variants.
 */
export function inputProblem(variants) {
  if (!Array.isArray(variants) || variants.length < 2)
    return `an A/B test needs at least two variants; got ${Array.isArray(variants) ? variants.length : 0}`;
  const seen = new Set();
  for (const { label, visitors, conversions } of variants) {
    const name = `variant ${label}`;
    if (seen.has(label)) return `${name} appears twice: give each variant its own label`;
    seen.add(label);
    for (const [what, value] of [
      ['visitors', visitors],
      ['conversions', conversions],
    ])
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        return `${name}: ${what} must be a whole number, 0 or more; got ${String(value)}`;
    if (visitors === 0) return `${name} has no visitors yet: nothing to compare`;
    if (conversions > visitors)
      return `${name}: ${conversions} conversions out of ${visitors} visitors is impossible (conversions cannot exceed visitors; are the columns swapped?)`;
  }
  return null;
}

/**
 * The verdict for per-variant visitors and conversions, the first variant being the control.
 * `minimumLift`: the smallest relative lift worth detecting (0.1 = +10 %), which sets the sample size.
 * @param {VariantInput[]} variants
 * @param {{ minimumLift?: number, power?: number }} [options]
 */
export function verdict(variants, options = {}) {
  const problem = inputProblem(variants);
  if (problem) return { ok: false, error: problem };
  const minimumLift = options.minimumLift ?? 0.1;
  const power = options.power ?? 0.8;
  if (!(minimumLift > 0) || !(power > 0 && power < 1))
    return { ok: false, error: 'the minimum lift must be above 0 (e.g. 10%) and the power between 0 and 1' };
  const alpha = 0.05 / (variants.length - 1);
  const [control] = variants;
  const best = probabilityBest(variants);
  /** @type {VariantResult[]} */
  const results = variants.map((variant, index) => {
    const { visitors, conversions } = variant;
    const result = {
      ...variant,
      rate: conversions / visitors,
      rateInterval: wilsonInterval(conversions, visitors),
      probabilityBest: best[index],
      versusControl: null,
    };
    if (index > 0) {
      const differenceInterval = newcombeInterval(conversions, visitors, control.conversions, control.visitors, alpha);
      result.versusControl = {
        difference: conversions / visitors - control.conversions / control.visitors,
        differenceInterval,
        ratio: control.conversions > 0 ? conversions / visitors / (control.conversions / control.visitors) : null,
        ratioInterval: katzInterval(conversions, visitors, control.conversions, control.visitors, alpha),
        significant: differenceInterval[0] > 0 || differenceInterval[1] < 0,
      };
    }
    return result;
  });
  // The control's rate sets the horizon; with no conversion there yet, the pooled rate does.
  const pooled = variants.reduce((sum, v) => sum + v.conversions, 0) / variants.reduce((sum, v) => sum + v.visitors, 0);
  const baseline = control.conversions > 0 ? control.conversions / control.visitors : pooled;
  const fewest = Math.min(...variants.map((v) => v.visitors));
  if (baseline === 0 || baseline * (1 + minimumLift) >= 1) {
    return {
      ok: true,
      variants: results,
      enough: false,
      needed: null,
      more: null,
      summary:
        baseline === 0
          ? 'Not enough data yet — no conversion in any variant: wait for the first conversions before reading anything.'
          : 'Not enough data yet — the control converts almost every visitor: a lift cannot be measured this way.',
      warning: WARNING_STOPPING_EARLY,
    };
  }
  const needed = sampleSizePerVariant(baseline, baseline * (1 + minimumLift), alpha, power);
  const liftText = `${Math.round(minimumLift * 100)} %`;
  if (fewest < needed) {
    const more = roughly(needed - fewest);
    return {
      ok: true,
      variants: results,
      enough: false,
      needed,
      more,
      summary: `Not enough data yet — about ${more.toLocaleString('en-US')} more visitors per variant (${needed.toLocaleString('en-US')} each to see a ${liftText} lift on a ${(baseline * 100).toFixed(2)} % rate, 80 % of the time).`,
      warning: WARNING_STOPPING_EARLY,
    };
  }
  const lines = results.slice(1).map(({ label, versusControl }) => {
    const comparison = /** @type {NonNullable<VariantResult['versusControl']>} */ (versusControl);
    if (!comparison.significant)
      return `${label} vs ${control.label}: no real difference — what you see is within the noise (a lift of ${liftText} or more would most likely have shown).`;
    return `${label} vs ${control.label}: a real difference — ${label} converts ${comparison.difference > 0 ? 'better' : 'worse'} (${formatPoints(comparison.difference)}).`;
  });
  return {
    ok: true,
    variants: results,
    enough: true,
    needed,
    more: 0,
    summary: lines.join('\n'),
    warning: WARNING_STOPPING_EARLY,
  };
}

/** `+1.50 pts` */
export function formatPoints(difference) {
  return `${difference >= 0 ? '+' : '−'}${Math.abs(difference * 100).toFixed(2)} pts`;
}

const percent = (value) => `${(value * 100).toFixed(2)} %`;
const signedPercent = (value) => `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(0)} %`;

/** The verdict as text, for the terminal. */
export function formatVerdict(result) {
  if (!result.ok) return `vitrine-ab: ${result.error}`;
  const header = ['variant', 'visitors', 'conversions', 'rate (95 % CI)', 'lift vs control (95 % CI)', 'P(best)'];
  const rows = result.variants.map((v) => {
    const versus = v.versusControl;
    const lift = versus
      ? `${formatPoints(versus.difference)} (${formatPoints(versus.differenceInterval[0])} to ${formatPoints(versus.differenceInterval[1])})` +
        (versus.ratio !== null && versus.ratioInterval
          ? `; ${signedPercent(versus.ratio - 1)} (${signedPercent(versus.ratioInterval[0] - 1)} to ${signedPercent(versus.ratioInterval[1] - 1)})`
          : '')
      : 'control';
    return [
      v.label,
      v.visitors.toLocaleString('en-US'),
      v.conversions.toLocaleString('en-US'),
      `${percent(v.rate)} (${percent(v.rateInterval[0])} – ${percent(v.rateInterval[1])})`,
      lift,
      `${Math.round(v.probabilityBest * 100)} %`,
    ];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), '', result.summary, '', `Warning: ${result.warning}`].join('\n');
}

/** Splits one CSV line, with quoted fields ("1,234"). */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

const VISITOR_HEADER = /view|visitor|user|session|impression|exposure/i;
const CONVERSION_HEADER = /conversion|purchase|transaction|order|sign.?up|lead|key event/i;

/**
 * Variants from a CSV export (a GA4 exploration exported as CSV: its `#` comment lines, a header
 * row, one row per variant, a totals row). The variant is the first column whose header is not a
 * count; visitors the first header that names views, visitors, users or sessions; conversions the
 * first that names conversions, purchases, transactions, orders, sign-ups or key events.
 * Returns `{ variants }` or `{ error }`.
 */
export function parseCsv(text) {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  if (lines.length < 2) return { error: 'the CSV has no header row and data rows' };
  const header = csvFields(lines[0]);
  const visitorsColumn = header.findIndex((name) => VISITOR_HEADER.test(name) && !CONVERSION_HEADER.test(name));
  const conversionsColumn = header.findIndex((name) => CONVERSION_HEADER.test(name));
  const labelColumn = header.findIndex((_, index) => index !== visitorsColumn && index !== conversionsColumn);
  if (visitorsColumn < 0 || conversionsColumn < 0)
    return {
      error: `the CSV header "${lines[0]}" has no column for visitors (views, visitors, users, sessions) and one for conversions (conversions, purchases, transactions, orders, sign-ups, key events)`,
    };
  const variants = [];
  for (const line of lines.slice(1)) {
    const fields = csvFields(line);
    const label = fields[labelColumn] ?? '';
    if (/^(grand )?totals?$/i.test(label) || label === '') continue;
    const number = (text) => (/^-?[\d,\s]+$/.test(text ?? '') ? Number(text.replace(/[,\s]/g, '')) : Number.NaN);
    variants.push({ label, visitors: number(fields[visitorsColumn]), conversions: number(fields[conversionsColumn]) });
  }
  return { variants };
}

/** `A:1000/52` → `{ label: 'A', visitors: 1000, conversions: 52 }`, or an error message. */
export function parseArgument(text) {
  const match = /^([^:=]+)[:=]\s*([^/]*)\/\s*(.*)$/.exec(text.trim());
  if (!match) return { error: `"${text}" is not label:visitors/conversions (e.g. A:1000/52)` };
  const count = (value) => (/^\s*-?\d[\d_,]*\s*$/.test(value) ? Number(value.replace(/[_,\s]/g, '')) : Number.NaN);
  return { variant: { label: match[1].trim(), visitors: count(match[2]), conversions: count(match[3]) } };
}
