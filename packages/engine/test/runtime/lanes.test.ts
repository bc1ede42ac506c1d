import { describe, expect, it } from 'vitest';
import { Lanes } from '../../src/runtime/lanes.js';
import type { Language } from '../../src/types.js';

let seq = 0;
const task = (lane: Language, cost: number) => ({ lane, cost, seq: seq++ });

describe('lanes', () => {
  it('the costliest queued task starts first, ties in arrival order', () => {
    const lanes = new Lanes({ js: 9, css: 9, html: 9 });
    const tasks = [task('js', 1), task('css', 5), task('js', 5), task('html', 3)];
    tasks.forEach((t) => lanes.push(t));
    expect([lanes.take(), lanes.take(), lanes.take(), lanes.take()]).toEqual([tasks[1], tasks[2], tasks[3], tasks[0]]);
  });

  it('a lane at its limit yields to the other lanes until a task of it is released', () => {
    const lanes = new Lanes({ js: 1, css: 1, html: 1 });
    const [big, next, css] = [task('js', 9), task('js', 8), task('css', 1)];
    [big, next, css].forEach((t) => lanes.push(t));
    expect([lanes.take(), lanes.take(), lanes.take()]).toEqual([big, css, undefined]);
    lanes.release('js');
    expect(lanes.take()).toBe(next);
  });
});
