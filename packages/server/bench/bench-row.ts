/**
 * One line of the benchmark table (RESULTS.md): Ponte's figure beside the
 * floor or peer measured in the same run, interleaved, and the goal it is
 * held to. Each bench module answers its lines; run.ts prints and records them.
 */
export interface BenchRow {
  /** what is measured: 'freeSlots, 4 weeks, 60 mediators, 30,000 appointments' */
  path: string;
  /** 'sqlite', 'postgres', 'chromium' … */
  where: string;
  /** the measure and its unit: 'p50 ms', 'req/s', 'kB on the wire' */
  measure: string;
  ponte: number;
  /** what the floor or peer does in the same run, and what it is */
  peer?: { name: string; value: number } | undefined;
  /** the goal as the issue sets it: 'p50 ≤ 10 ms', '≤ 0.5× SurveyJS' */
  goal: string;
  met: boolean;
  /** anything a reader needs: p95, p99, samples, errors */
  detail?: string | undefined;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
