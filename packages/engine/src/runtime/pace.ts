/**
 * How fast this machine merges right now against what the predictions say: a shared machine's
 * load can make every merge of a run 1.5x slower than the same merges an hour before (on a VM the
 * host's load shows as time on the CPU, which no thread clock can leave out). The pace follows the
 * ratio of each merge's time to its prediction (on a log scale, the newest weighing PACE_WEIGHT),
 * and each merge is predicted at the pace known when it is sent; merges more than 3x off either way
 * (anomalies, a first guess from size) do not move it.
 */
const PACE_WEIGHT = 0.1;
const IGNORED_RATIO = 3;

export class Pace {
  #log = 0;

  get factor(): number {
    return Math.exp(this.#log);
  }

  /** A merge expected to take `expectedMs` at the pace of 1 took `actualMs`. */
  learn(expectedMs: number, actualMs: number): void {
    if (!(expectedMs > 0 && actualMs > 0)) return;
    const ratio = actualMs / expectedMs;
    if (ratio > IGNORED_RATIO || ratio < 1 / IGNORED_RATIO) return;
    this.#log += PACE_WEIGHT * (Math.log(ratio) - this.#log);
  }
}
