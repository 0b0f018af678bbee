// Types of the parts of profile.js that test/node/profile.test.ts reads.
/** A CDP Profiler profile, as much of it as vitrineSamples reads. */
export interface CpuProfile {
  startTime: number;
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}
export function vitrineSamples(profile: CpuProfile): (from: number, to: number) => boolean;
export function traceBreakdown(
  events: object[],
  runsVitrine?: (from: number, to: number) => boolean,
): { longList: string[]; vitrineLongTasks: number; longestVitrineTaskMs: number; mainMs: number };
