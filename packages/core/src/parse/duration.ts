/** Durations as merchants write them: `90s`, `15m`, `2h`, `1d`, `1h30m`, `7d`, `1w`. */

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|w|d|h|m|s))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g;

/** Milliseconds for a duration string, or null when it is not one (or is zero or longer than 10 years). */
export function parseDuration(value: string | null | undefined): number | null {
  if (value == null) return null;
  const text = value.trim().toLowerCase().replace(/\s+/g, '');
  if (!text || !DURATION.test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  if (!Number.isFinite(total) || total <= 0 || total > 10 * 365 * UNIT_MS.d) return null;
  return Math.round(total);
}

export const DURATION_EXPECTED = 'a duration such as 90s, 15m, 1h30m or 7d';
