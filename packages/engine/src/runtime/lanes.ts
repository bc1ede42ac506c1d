import type { Language } from '../types.js';
import { before, Heap, type Ranked } from './heap.js';

export type LaneLimits = Record<Language, number>;

export interface Laned extends Ranked {
  lane: Language;
  /** When it was queued (`performance.now()`). */
  submittedAt: number;
}

/**
 * The pool's queue: one lane per language, each with a maximum number of tasks in flight, so a
 * flood of one language cannot take every thread from the others. The next task is the costliest
 * head among the lanes that have room (larger work starts first, so the run does not end on one
 * long task).
 */
export class Lanes<T extends Laned> {
  private readonly queues = new Map<Language, Heap<T>>();
  private readonly running = new Map<Language, number>();

  /** The limits now: `LaneTuner` moves them as a run goes. */
  constructor(readonly limits: LaneLimits) {}

  /** Tasks of this lane in flight. */
  inFlight(lane: Language): number {
    return this.running.get(lane) ?? 0;
  }

  /** The next queued task of this lane, if any. */
  head(lane: Language): T | undefined {
    return this.queues.get(lane)?.peek();
  }

  /** The lanes that have queued tasks. */
  queued(): Language[] {
    return [...this.queues].filter(([, queue]) => queue.size > 0).map(([lane]) => lane);
  }

  get size(): number {
    let size = 0;
    for (const queue of this.queues.values()) size += queue.size;
    return size;
  }

  push(item: T): void {
    let queue = this.queues.get(item.lane);
    if (!queue) this.queues.set(item.lane, (queue = new Heap<T>()));
    queue.push(item);
  }

  /** Removes and returns the next task to start, counting it as running in its lane; none when `allowed` refuses it. */
  take(allowed: (item: T) => boolean = () => true): T | undefined {
    let best: Heap<T> | undefined;
    for (const [lane, queue] of this.queues) {
      const head = queue.peek();
      if (!head || (this.running.get(lane) ?? 0) >= this.limits[lane]) continue;
      const current = best?.peek();
      if (!current || before(head, current)) best = queue;
    }
    if (!best || !allowed(best.peek()!)) return undefined;
    const item = best.pop();
    if (item) this.running.set(item.lane, (this.running.get(item.lane) ?? 0) + 1);
    return item;
  }

  /** Removes and returns every queued task (the pool gave up: they run elsewhere). */
  drain(): T[] {
    const items: T[] = [];
    for (const queue of this.queues.values()) while (queue.size > 0) items.push(queue.pop()!);
    return items;
  }

  /** A task of this lane finished (or failed): its slot is free again. */
  release(lane: Language): void {
    this.running.set(lane, (this.running.get(lane) ?? 1) - 1);
  }
}
