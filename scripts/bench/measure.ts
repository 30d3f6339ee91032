/** Timing and memory helpers of the benchmarks. */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Timing {
  /** Median wall time of one run, ms. */
  median: number;
  min: number;
  runs: number;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the median (ms). */
export async function time(fn: () => unknown, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), min: Math.min(...samples), runs };
}

let gcFn: (() => void) | null | undefined;

/** A garbage collection, when V8 allows one to be asked for (else nothing). */
export function collect(): void {
  if (gcFn === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gcFn = runInNewContext("gc") as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

export interface MemoryUse {
  /** Heap used after one run minus before it (garbage included: what the run allocated and kept), MB. */
  heapDelta: number;
  /** Resident set size after the run, MB. */
  rss: number;
}

const MB = 1024 * 1024;

/** Heap growth of one run of `fn`, after a collection, and the process's RSS after it. */
export async function memory(fn: () => unknown): Promise<MemoryUse> {
  collect();
  const before = process.memoryUsage().heapUsed;
  await fn();
  const after = process.memoryUsage();
  return { heapDelta: (after.heapUsed - before) / MB, rss: after.rss / MB };
}

/** Runs from the environment (BENCH_RUNS), at least `min`. */
export function runsFromEnv(fallback: number, min = 3): number {
  const n = Number(process.env.BENCH_RUNS);
  return Number.isInteger(n) && n >= min ? n : fallback;
}
