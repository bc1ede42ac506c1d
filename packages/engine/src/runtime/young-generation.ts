/** From this size of a run's largest target up, worker threads start with a larger young generation. */
export const LARGE_TARGET_KB = 1024;

/** V8's largest young generation: 192 MB gives two 64 MB semi-spaces (a larger value is cut to it). */
const LARGE_YOUNG_GENERATION_MB = 192;

/**
 * The young generation worker threads start with (`resourceLimits.maxYoungGenerationSizeMb`),
 * or undefined for V8's default (16 MB semi-spaces).
 *
 * A merge of a multi-megabyte target builds syntax trees of hundreds of MB that live until its plan
 * is done. With 16 MB semi-spaces a scavenge copies them every 16 MB. Measured on the 5 MB module
 * with 40 touched classes: garbage collection was 43% of the merging thread's time, and the parallel
 * scavenger's helpers used the second core, so two threads gained only 1.2x over one. With 64 MB
 * semi-spaces the process's CPU time fell by 12-27%, and two threads gained 1.3-1.7x
 * (docs/performance.md, "Large files"). A size cannot change once a thread runs, so the pool decides
 * it when it starts, from the largest target asked for so far. Runs of small targets keep the
 * default: on 200 x 42 KB modules, 64 MB semi-spaces raised two workers' peak RSS by 140%. A
 * memory limit under 768 MB (`maxMemoryMb`) keeps it too.
 */
export function youngGenerationMb(largestKb: number, maxMemoryMb: number): number | undefined {
  if (largestKb < LARGE_TARGET_KB || maxMemoryMb < 4 * LARGE_YOUNG_GENERATION_MB) return undefined;
  return LARGE_YOUNG_GENERATION_MB;
}
