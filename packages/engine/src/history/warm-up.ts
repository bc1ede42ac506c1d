/**
 * What a thread's first merges cost beyond a warm thread's: its code runs unoptimised until the
 * JIT has seen enough of it (the first merge also compiles it all). The cost follows the work the
 * thread has merged: measured on fresh workers (`node tools/bench/src/history.js --warm-up`: 300
 * merges of 3.4 KB and 100 of 46 KB), a thread had paid about 35 ms of it by the end of its first
 * merge, 120-165 ms by 140 KB, 200-230 ms by 280 KB and 240-320 ms by 1 MB, then nothing more.
 * A merge from KB `before` to `before + kb` of its language on its thread pays the difference of
 * the curve between those two points; a merge on a warm thread (past 1 MB) pays none.
 */
const FIRST_MERGE_MS = 35;
const CURVE_MS = 45;
const CURVE_KB = 8;
export const WARM_AFTER_KB = 1024;

function paidBy(kb: number): number {
  if (kb <= 0) return 0;
  return FIRST_MERGE_MS + CURVE_MS * Math.log1p(Math.min(kb, WARM_AFTER_KB) / CURVE_KB);
}

/** The warm-up a merge of `kb` pays on a thread that had merged `beforeKb` of its language, at `scale` (this machine's). */
export function warmUpMs(beforeKb: number, kb: number, scale = 1): number {
  return (paidBy(beforeKb + kb) - paidBy(beforeKb)) * scale;
}
