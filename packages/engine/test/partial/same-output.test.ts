import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import type * as t from '@babel/types';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../../../tools/bench/src/corpus.js';
import { generateLargeModule, largeBridge } from '../../../../tools/bench/src/lib/large-file-inputs.js';
import { buildRealCorpus } from '../../../../tools/bench/src/real-corpus.js';
import type { MergeInput } from '../../src/types.js';
import { loadCase } from '../js/cases.js';
import { bothPaths } from './both-paths.js';
import { packageRoot, read } from './real-files.js';

const fixtures = fileURLToPath(new URL('../fixtures/js', import.meta.url));

/** Runs both paths over `jobs`: same code, map, warnings or errors on every one. Returns how many the partial path planned. */
function expectSameOnEvery(jobs: MergeInput[]): { partial: number; unparsed: number } {
  let partial = 0;
  let unparsed = 0;
  for (const job of jobs) {
    const both = bothPaths(job);
    expect(both.partial, job.target.path).toEqual(both.full);
    if (both.usedPartial) partial++;
    unparsed += both.unparsedBytes;
  }
  return { partial, unparsed };
}

describe('the partial path gives the output of the full parse', () => {
  test('on every JS/TS fixture', () => {
    // Fixtures whose target does not parse: the partial path leaves untouched code unvalidated, so there it may merge.
    const names = readdirSync(fixtures).filter((n) => n !== 'target-syntax');
    const jobs = names.map((n) => loadCase(n)).map((c) => ({ target: c.target, bridges: c.bridges }));
    const { partial } = expectSameOnEvery(jobs);
    console.log(`fixtures: ${jobs.length}, planned partially: ${partial}`);
    expect(partial).toBeGreaterThan(jobs.length / 3);
  });

  test('on the engine benchmark corpus (200 generated modules of 46 KB)', () => {
    const jobs = generateCorpus();
    const { partial, unparsed } = expectSameOnEvery(jobs);
    expect(partial).toBe(jobs.length);
    expect(unparsed).toBeGreaterThan(0);
  }, 120_000);

  test('on the real corpus (webpack, postcss and undici modules, bridges of every kind and binding renames)', () => {
    const corpus = buildRealCorpus();
    console.log(`real corpus ${corpus.hash} (${corpus.versions.join(', ')}): ${corpus.jobs.length} jobs, ${corpus.renames.length} binding renames`);
    const { partial } = expectSameOnEvery([...corpus.jobs, ...corpus.renames]);
    console.log(`planned partially: ${partial}`);
    expect(partial).toBeGreaterThan((corpus.jobs.length + corpus.renames.length) / 2);
  }, 300_000);

  test('on the large generated module: 3 and 40 touched classes, member renames included', () => {
    const code = generateLargeModule({ classes: 60, methods: 12 });
    const target = { path: 'src/large.ts', code };
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    console.log(`large module ${hash}: ${code.length} B`);
    const jobs = [
      { target, bridges: [{ path: 'src/large.bridge.ts', code: largeBridge('large.ts', [3, 30, 57], { methods: 12 }) }] },
      { target, bridges: [{ path: 'src/large.bridge.ts', code: largeBridge('large.ts', Array.from({ length: 40 }, (_, i) => i), { methods: 12, perClass: 2, renameEvery: 3 }) }] },
    ];
    const { partial } = expectSameOnEvery(jobs);
    expect(partial).toBe(2);
  }, 120_000);
});

/**
 * Bridges on a real module's top-level classes: every `step`-th class gets one with a method's body
 * edited, the next with a method renamed (`this.` uses follow, others are warned of), the next with one deleted.
 */
function classBridges(path: string, code: string, step: number): MergeInput[] {
  const ast = parse(code, { sourceType: 'module' });
  const classes = ast.program.body
    .map((s) => (s.type === 'ExportNamedDeclaration' && s.declaration ? s.declaration : s))
    .filter((s): s is t.ClassDeclaration => s.type === 'ClassDeclaration' && !!s.id)
    .map((c) => ({ name: c.id!.name, methods: c.body.body.filter((m): m is t.ClassMethod => m.type === 'ClassMethod' && m.kind === 'method' && !m.computed && m.key.type === 'Identifier') }))
    .filter((c) => c.methods.length > 0);
  const target = { path, code };
  return classes
    .filter((_, i) => i % step === 0)
    .map((c, i) => {
      const m = c.methods.at(-1)!;
      const name = (m.key as t.Identifier).name;
      const text = code.slice(m.start!, m.end!);
      const at = m.body.start! - m.start! + 1;
      const body = [`${text.slice(0, at)}\n\t\tvoid 0;${text.slice(at)}`, `// @rename ${name}Renamed\n${text}`, `// @delete\n${name}() {}`][i % 3];
      return { target, bridges: [{ path: path.replace(/\.js$/, '.bridge.js'), code: `// @class ${c.name}\n${body}\n` }] };
    });
}

test('the partial path gives the output of the full parse on real large bundles (Rollup, Babel parser)', () => {
  const files = [
    { file: join(packageRoot('rollup'), 'dist/es/shared/node-entry.js'), step: 7 },
    { file: join(packageRoot('@babel/parser'), 'lib/index.js'), step: 2 },
  ];
  let jobs = 0;
  for (const { file, step } of files) {
    const code = read(file);
    const found = classBridges(`vendor/${file.split('/node_modules/')[1]}`, code, step);
    console.log(`${file}: ${code.length} B, ${found.length} bridged classes`);
    const { partial } = expectSameOnEvery(found);
    expect(partial).toBe(found.length);
    jobs += found.length;
  }
  expect(jobs).toBeGreaterThan(20);
}, 300_000);
