import type { Language } from '../types.js';
import { epochMs } from './clock.js';
import type { Laned, Lanes } from './lanes.js';

/** One change of a lane's limit while a run went, and why. */
export interface LaneChange {
  /** When, in ms since 1970 (the clock of the tasks' `startedAt`). */
  at: number;
  lane: Language;
  from: number;
  to: number;
  why: 'its queue waited while a thread idled' | 'it held every thread while another lane waited';
}

/** A lane whose next task waited this long with nothing of the lane in flight is starved. */
export const STARVED_MS = 50;
/** Changes kept for the reports (a long-lived runtime: a dev server's). */
const CHANGES_KEPT = 1000;

/**
 * Tunes the lanes' limits while a run goes: a lane whose queue waits for its limit while a thread
 * would take its next task grows by one; while another lane's task has waited STARVED_MS with
 * nothing of its lane in flight, the lane holding the most threads shrinks to what it holds (at
 * least one), so the thread it frees next goes to the starved lane. Each change is recorded.
 */
export class LaneTuner<T extends Laned> {
  readonly changes: LaneChange[] = [];

  constructor(
    private readonly lanes: Lanes<T>,
    private readonly maxLimit: number,
  ) {}

  /** Grows the lane of the costliest task its limit holds back, if a thread would take it. True when it grew one. */
  grow(wouldTake: (task: T) => boolean): boolean {
    let held: T | undefined;
    for (const lane of this.lanes.queued()) {
      const head = this.lanes.head(lane)!;
      if (this.lanes.inFlight(lane) >= this.lanes.limits[lane] && this.lanes.limits[lane] < this.maxLimit && (!held || head.cost > held.cost)) held = head;
    }
    if (!held || !wouldTake(held)) return false;
    this.change(held.lane, this.lanes.limits[held.lane] + 1, 'its queue waited while a thread idled');
    return true;
  }

  /** A lane starved past STARVED_MS makes the lane holding the most threads yield one. */
  shrink(now: number): void {
    const starved = this.lanes.queued().some((lane) => this.lanes.inFlight(lane) === 0 && now - this.lanes.head(lane)!.submittedAt >= STARVED_MS);
    if (!starved) return;
    const lanes = Object.keys(this.lanes.limits) as Language[];
    const holder = lanes.reduce((a, b) => (this.lanes.inFlight(b) > this.lanes.inFlight(a) ? b : a));
    // Down to what it holds now (the thread it just freed goes to the starved lane), never below one.
    const to = Math.max(1, this.lanes.inFlight(holder));
    if (this.lanes.inFlight(holder) > 0 && to < this.lanes.limits[holder]) this.change(holder, to, 'it held every thread while another lane waited');
  }

  private change(lane: Language, to: number, why: LaneChange['why']): void {
    this.changes.push({ at: epochMs(), lane, from: this.lanes.limits[lane], to, why });
    if (this.changes.length > CHANGES_KEPT) this.changes.shift();
    this.lanes.limits[lane] = to;
  }
}
