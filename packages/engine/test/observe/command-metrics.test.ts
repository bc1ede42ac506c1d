import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, type MergeJob, type Runtime } from '../../src/index.js';
import { fixture } from '../support/fixtures.js';

// Real worker threads running the built worker (dist/runtime/worker.js). Build the engine first.
let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

const jobs: MergeJob[] = [
  // A rename, a decorator and a plain replaced member (no command).
  {
    target: { path: 'src/cart.ts', code: 'export class Cart {\n  sum(): number {\n    return 0;\n  }\n\n  print(): string {\n    return `${this.sum()}`;\n  }\n}\n' },
    bridges: [{ path: 'src/cart.bridge.ts', code: '// @rename total\n// @decorator log\nsum(): number {\n  return 1;\n}\n\nprint(): string {\n  return `total ${this.sum()}`;\n}\n' }],
  },
  { target: fixture('css', 'merge-keeps-other-properties', 'target.css'), bridges: [fixture('css', 'merge-keeps-other-properties', 'bridge.css')] },
];

describe('the run report counts commands and times them per kind', () => {
  for (const workers of [0, 1]) {
    it(`per target: each kind's count, plan and apply time, and the number of commands (${workers ? 'on a worker thread' : 'inline'})`, async () => {
      runtime = createRuntime({ workers, coldStartMs: 0, inlineBelowMs: 0 });
      const { report } = await runtime.mergeMany(jobs);
      const [cart, css] = report.tasks;
      expect(cart!.commands).toEqual({
        rename: { count: 1, planMs: expect.any(Number), applyMs: expect.any(Number) },
        decorator: { count: 1, planMs: expect.any(Number), applyMs: expect.any(Number) },
        text: { count: 1, planMs: expect.any(Number), applyMs: expect.any(Number) },
      });
      expect(cart!.commandCount).toBe(2);
      expect(css!.commands?.merge?.count).toBe(1);
      // The kinds share the plan's and the splice's time: never more than the phases.
      const planned = Object.values(cart!.commands!).reduce((sum, t) => sum + t.planMs, 0);
      const applied = Object.values(cart!.commands!).reduce((sum, t) => sum + t.applyMs, 0);
      expect(planned).toBeGreaterThan(0);
      expect(planned).toBeLessThanOrEqual(cart!.planMs + cart!.readMs);
      expect(applied).toBeCloseTo(cart!.applyMs, 5);
      // The run adds them up.
      expect(report.commands.rename!.count).toBe(1);
      expect(report.commands.merge!.count).toBe(1);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    });
  }
});
