// Types of ab-verdict.js (plain JavaScript, so that the command runs on Node without a build).
export interface VariantInput {
  label: string;
  visitors: number;
  conversions: number;
}
export interface Comparison {
  difference: number;
  differenceInterval: [number, number];
  ratio: number | null;
  ratioInterval: [number, number] | null;
  significant: boolean;
}
export interface VariantResult extends VariantInput {
  rate: number;
  rateInterval: [number, number];
  probabilityBest: number;
  versusControl: Comparison | null;
}
export type Verdict =
  | {
      ok: true;
      variants: VariantResult[];
      enough: boolean;
      needed: number | null;
      more: number | null;
      summary: string;
      warning: string;
    }
  | { ok: false; error: string };
export const WARNING_STOPPING_EARLY: string;
export function normalQuantile(p: number): number;
export function wilsonInterval(x: number, n: number, alpha?: number): [number, number];
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, alpha?: number): [number, number];
export function katzInterval(x1: number, n1: number, x2: number, n2: number, alpha?: number): [number, number] | null;
export function sampleSizePerVariant(p1: number, p2: number, alpha?: number, power?: number): number;
export function logBeta(a: number, b: number): number;
export function probabilityBest(
  variants: ReadonlyArray<Pick<VariantInput, 'visitors' | 'conversions'>>,
  steps?: number,
): number[];
export function roughly(count: number): number;
export function inputProblem(variants: readonly VariantInput[]): string | null;
export function verdict(variants: readonly VariantInput[], options?: { minimumLift?: number; power?: number }): Verdict;
export function formatPoints(difference: number): string;
export function formatVerdict(result: Verdict): string;
export function parseCsv(
  text: string,
): { variants: VariantInput[]; error?: undefined } | { error: string; variants?: undefined };
export function parseArgument(
  text: string,
): { variant: VariantInput; error?: undefined } | { error: string; variant?: undefined };
