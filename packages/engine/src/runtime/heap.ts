/** An entry of a priority queue: costlier first, then first come first served. */
export interface Ranked {
  cost: number;
  seq: number;
}

/** True when `a` should start before `b`. */
export const before = (a: Ranked, b: Ranked): boolean => a.cost > b.cost || (a.cost === b.cost && a.seq < b.seq);

/** A binary max-heap by cost (ties in arrival order): push and pop in O(log n). */
export class Heap<T extends Ranked> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) this.sink(last);
    return top;
  }

  private sink(item: T): void {
    const items = this.items;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && before(items[child + 1]!, items[child]!)) child++;
      if (!before(items[child]!, item)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = item;
  }
}
