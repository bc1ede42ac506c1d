import { parse } from '@babel/parser';
import type * as t from '@babel/types';
import { BroadcastChannel } from 'node:worker_threads';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLargeModule, largeBridge } from '../../../../tools/bench/src/lib/large-file-inputs.js';
import { isCodeBridgeError } from '../../src/diagnostics.js';
import { createRuntime, mergeSync, type MergeJob, type Runtime, type RuntimeOptions } from '../../src/index.js';
import { usesBeyondThis } from '../../src/languages/js/partial/this-only-uses.js';
import { runPart } from '../../src/runtime/plan-part.js';
import { SPLIT_MIN_CLASSES, splitTarget } from '../../src/runtime/split-target.js';
import { packageRoot, read } from '../partial/real-files.js';
import { faultWorker, under } from './jobs.js';

// Real worker threads (the built worker: build the engine first), real large targets: the generated
// 5 MB module of the benchmarks, and Rollup's bundle from node_modules.
let runtime: Runtime | undefined;
const start = (options: RuntimeOptions = {}) => (runtime = createRuntime({ workers: 2, coldStartMs: 0, inlineBelowMs: 0, ...options }));

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

/** What one merge gives, as data: code, map and warnings, or the errors it throws. */
function unsplit(job: MergeJob) {
  try {
    const r = mergeSync(job);
    return { code: r.code, map: r.map, diagnostics: r.diagnostics, resolutions: r.resolutions };
  } catch (error) {
    if (!isCodeBridgeError(error)) throw error;
    return { errors: error.diagnostics };
  }
}

/** The same from the runtime, with the parts it was split into (1: not split). */
async function throughRuntime(job: MergeJob) {
  const { results, report } = await runtime!.mergeMany([job]);
  const [r] = results;
  const parts = report.tasks[0]!.split?.parts.length ?? 1;
  if (r!.status === 'rejected') return { parts, outcome: { errors: r!.reason.diagnostics } };
  const { code, map, diagnostics, resolutions } = r!.value;
  return { parts, outcome: { code, map, diagnostics, resolutions }, predictions: report.predictions };
}

const target = { path: 'src/large.ts', code: generateLargeModule() };
const everyOther = (n: number) => Array.from({ length: n }, (_, i) => i * 2 + 1);
const bridge = (path: string, code: string) => ({ path, code });
/** A method of class `c` of the generated module restated, and a member added after one the class lacks. */
const layered = (c: number, m: number) =>
  [`// @class Pipeline${c}`, `  step${m}(input: number, factor = 2): number {`, `    return input * ${c};`, '  }', '  // @after noSuchMember', `  extra${c}(): number {`, `    return ${c};`, '  }'].join('\n');

describe('a large target split across threads', () => {
  it('40 touched classes are planned in two parts and give the unsplit merge\'s code, map, warnings and resolutions', async () => {
    start();
    // Two bridges: the second layers over the first on a method of eight classes (resolutions, in
    // the order of the classes) and adds a member after an anchor that is not there (warnings).
    const second = ['// @order 1', ...[1, 3, 5, 7, 9, 11, 13, 15].map((c) => layered(c, (c * 7) % 40)), ''].join('\n');
    const job = { target, bridges: [bridge('src/large.bridge.ts', largeBridge('large.ts', everyOther(40))), bridge('src/large.b.bridge.ts', second)] };
    const expected = unsplit(job);
    expect(expected.diagnostics?.length).toBe(8);
    expect(expected.resolutions?.length).toBe(8);
    const { parts, outcome, predictions } = await throughRuntime(job);
    expect(parts).toBe(2);
    expect(outcome).toEqual(expected);
    // Scored, but not in the held subset: its threads' switches are not counted.
    expect(predictions!.scored).toBe(1);
    if (predictions!.held) expect(predictions!.held.scored).toBe(0);
  }, 120_000);

  it('a conflict between two parts\' bridges is the error the unsplit merge throws', async () => {
    start();
    const edit = (body: string) => `// @class Pipeline5\n  step35(input: number): number {\n    return ${body};\n  }\n`;
    const job = { target, bridges: [bridge('src/large.bridge.ts', largeBridge('large.ts', everyOther(12))), bridge('src/x.bridge.ts', edit('1')), bridge('src/y.bridge.ts', edit('2'))] };
    const expected = unsplit(job);
    expect(expected.errors?.map((d) => d.code)).toContain('CONFLICT');
    const { parts, outcome } = await throughRuntime(job);
    expect(parts).toBe(2);
    expect(outcome).toEqual(expected);
  }, 120_000);

  it('fewer touched classes than the threshold, a @rename of a member every class declares, or a class the target lacks (whatever its name): merged whole, with the same output', async () => {
    start();
    const few = { target, bridges: [bridge('src/large.bridge.ts', largeBridge('large.ts', everyOther(SPLIT_MIN_CLASSES - 1)))] };
    const renames = { target, bridges: [bridge('src/large.bridge.ts', largeBridge('large.ts', everyOther(12), { renameEvery: 3 }))] };
    const missing = { target, bridges: [bridge('src/large.bridge.ts', `${largeBridge('large.ts', everyOther(12))}// @class NoSuchClass\n  step1(): number {\n    return 1;\n  }\n`)] };
    // An `@class` value is any text: one a regular expression would misread.
    const odd = { target, bridges: [bridge('src/large.bridge.ts', `${largeBridge('large.ts', everyOther(12))}// @class Pipe(line[1\n  step1(): number {\n    return 1;\n  }\n`)] };
    for (const job of [few, renames, missing, odd]) {
      const { parts, outcome } = await throughRuntime(job);
      expect(parts).toBe(1);
      expect(outcome).toEqual(unsplit(job));
    }
    expect(unsplit(missing).errors?.map((d) => d.code)).toEqual(['UNKNOWN_CLASS']);
    expect(unsplit(odd).errors?.map((d) => d.code)).toEqual(['UNKNOWN_CLASS']);
  }, 120_000);

  it('on Rollup\'s bundle, a bridge editing a method of 40 of its classes and adding one to others gives the unsplit output', async () => {
    start();
    const file = join(packageRoot('rollup'), 'dist/es/shared/node-entry.js');
    const job = { target: { path: 'vendor/rollup/node-entry.js', code: read(file) }, bridges: [bridge('vendor/rollup/node-entry.bridge.js', realBridge(read(file), 40))] };
    const expected = unsplit(job);
    expect(expected.code).toBeDefined();
    expect(expected.code).not.toBe(job.target.code);
    const { parts, outcome } = await throughRuntime(job);
    expect(parts).toBe(2);
    expect(outcome).toEqual(expected);
  }, 120_000);

  it('on Rollup\'s bundle, @rename of members whose names other classes use only through `this` stays split and gives the unsplit output', async () => {
    start();
    const code = read(join(packageRoot('rollup'), 'dist/es/shared/node-entry.js'));
    const job = { target: { path: 'vendor/rollup/node-entry.js', code }, bridges: [bridge('vendor/rollup/node-entry.bridge.js', realBridge(code, 40, true))] };
    expect(job.bridges[0]!.code).toContain('@rename');
    const expected = unsplit(job);
    expect(expected.code).toContain('Renamed');
    const { parts, outcome } = await throughRuntime(job);
    expect(parts).toBe(2);
    expect(outcome).toEqual(expected);
  }, 120_000);
});

describe('a part of a split target', () => {
  it('reads the chunks naming each touched class from the calling thread\'s search of the whole file, not from a search of its own', () => {
    const split = splitTarget({ target, bridges: [bridge('src/large.bridge.ts', largeBridge('large.ts', everyOther(12)))] }, 2)!;
    const part = split.parts[0]!;
    const [first] = part.classes;
    const declaring = split.named.get(first!)!;
    expect(part.naming.find(([word]) => word === first)?.[1]).toEqual(declaring);
    expect(runPart({ part, attempt: 0 }).ok).toBe(true);
    // Told that no chunk names its first class, the part does not find that class: it refuses (the merge goes whole).
    const blind = { ...part, naming: part.naming.map(([word, chunks]): [string, number[]] => [word, word === first ? [] : chunks]) };
    expect(runPart({ part: blind, attempt: 0 })).toMatchObject({ ok: false, refused: expect.stringContaining('NeedsFullParse') });
  });
});

describe('a bridge the split leaves whole', () => {
  it('one that also sets apart a JSDoc type comment: every part would add it, so the target is not split', () => {
    const members = largeBridge('large.ts', everyOther(12));
    expect(splitTarget({ target, bridges: [bridge('src/large.bridge.ts', members)] }, 2)).toBeDefined();
    const typed = `/** @typedef {{ id: string }} PipelineId */\n\n${members}`;
    expect(splitTarget({ target, bridges: [bridge('src/large.bridge.ts', typed)] }, 2)).toBeUndefined();
  });
});

describe('a rename in a split target', () => {
  it('is planned with the chunks that use the name beyond `this` (a warning found there) and without those using only `this.name`', async () => {
    start();
    // The generated module with a member only Pipeline1 declares, a class using its own `this.special`
    // (no use of Pipeline1's) and a function using `other.special` (a use the rename cannot follow).
    const code = generateLargeModule().replace(/(export class Pipeline1<[^\n]*\n)/, '$1  special(): number {\n    return 1;\n  }\n');
    const extra = '\nexport class Mixed {\n  run(): number {\n    return this.special();\n  }\n}\n\nexport const useSpecial = (p: { special(): number }) => p.special();\n';
    const job = { target: { path: 'src/large.ts', code: code + extra }, bridges: [bridge('src/large.bridge.ts', `${largeBridge('large.ts', everyOther(12))}// @class Pipeline1\n  // @rename unusual\n  special(): number {\n    return 2;\n  }\n`)] };
    const expected = unsplit(job);
    expect(expected.diagnostics?.map((d) => d.code)).toEqual(['REFERENCES_NOT_FOLLOWED']);
    expect(expected.diagnostics?.[0]?.message).not.toContain('this.special');
    const { parts, outcome } = await throughRuntime(job);
    expect(parts).toBe(2);
    expect(outcome).toEqual(expected);
  }, 120_000);
});

describe('a thread dying during a split merge', () => {
  const killedJob = (dir: string) => under(dir, { target, bridges: [bridge('src/large.bridge.ts', largeBridge('large.ts', everyOther(16)))] });
  const killOnAnnouncement = (pool: Runtime, attempts: number[]) => {
    const channel = new BroadcastChannel('codebridge-faults');
    channel.onmessage = (event) => {
      const { threadId, attempt } = (event as MessageEvent<{ threadId: number; attempt: number }>).data;
      if (attempts.includes(attempt)) void pool.threads.find((thread) => thread.threadId === threadId)?.terminate();
    };
    return channel;
  };

  it('a part whose thread is killed is retried with the whole merge, which gives the unsplit output', async () => {
    const pool = start({ workerFile: faultWorker });
    const job = killedJob('kill1');
    const channel = killOnAnnouncement(pool, [0]);
    try {
      const { results, report } = await pool.mergeMany([job]);
      expect(results[0]!.status).toBe('fulfilled');
      expect(results[0]!.status === 'fulfilled' && results[0]!.value.code).toBe(mergeSync(job).code);
      expect(report.tasks[0]!.attempts).toBe(2);
      expect(report.tasks[0]!.split?.parts.length).toBe(2);
      expect(report.threadDeaths).toBeGreaterThanOrEqual(1);
    } finally {
      channel.close();
    }
  }, 120_000);

  it('killed on both attempts: WORKER_CRASHED for that target, and the runtime goes on', async () => {
    const pool = start({ workerFile: faultWorker });
    const channel = killOnAnnouncement(pool, [0, 1]);
    try {
      const { results } = await pool.mergeMany([killedJob('kill2')]);
      expect(results[0]!.status === 'rejected' && results[0]!.reason.code).toBe('WORKER_CRASHED');
      const after = await pool.mergeMany([{ target, bridges: [bridge('src/large.bridge.ts', largeBridge('large.ts', everyOther(16)))] }]);
      expect(after.results[0]!.status).toBe('fulfilled');
    } finally {
      channel.close();
    }
  }, 120_000);
});

/**
 * A bridge on a real module's top-level classes: for `count` classes with a method, that method's
 * body with a statement added; every third class also gets a new method after it. With `renames`,
 * a method whose name no other class's text holds (beyond `this.name`) is renamed, in up to four classes.
 */
function realBridge(code: string, count: number, renames = false): string {
  const statements = parse(code, { sourceType: 'module' }).program.body;
  const methodsOf = (c: t.ClassDeclaration) => c.body.body.filter((m): m is t.ClassMethod => m.type === 'ClassMethod' && m.kind === 'method' && !m.computed && m.key.type === 'Identifier');
  const ownOnly = (c: t.ClassDeclaration, m: t.ClassMethod) => statements.every((s) => (s.start! <= c.start! && s.end! >= c.end!) || !usesBeyondThis(code, s.start!, s.end!, (m.key as t.Identifier).name));
  let renamed = 0;
  const classes = statements
    .map((s) => (s.type === 'ExportNamedDeclaration' && s.declaration ? s.declaration : s))
    .filter((s): s is t.ClassDeclaration => s.type === 'ClassDeclaration' && !!s.id && methodsOf(s).length > 0)
    .slice(0, count)
    .map((c) => {
      const own = renames && renamed < 4 ? methodsOf(c).find((m) => ownOnly(c, m)) : undefined;
      if (own) renamed++;
      return { name: c.id!.name, method: own ?? methodsOf(c)[0]!, rename: !!own };
    });
  expect(classes.length).toBe(count);
  if (renames) expect(renamed).toBeGreaterThan(0);
  return classes
    .map(({ name, method, rename }, i) => {
      const key = (method.key as t.Identifier).name;
      const text = code.slice(method.start!, method.end!);
      const at = method.body.start! - method.start! + 1;
      const edited = `${text.slice(0, at)}\n\t\tvoid 0;${text.slice(at)}`;
      const added = i % 3 === 0 && !rename ? `\n// @after ${key}\nsplitAdded${i}() {\n\treturn ${i};\n}` : '';
      return `// @class ${name}\n${rename ? `// @rename ${key}Renamed\n` : ''}${edited}${added}\n`;
    })
    .join('');
}
