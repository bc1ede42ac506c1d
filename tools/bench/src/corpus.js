// Deterministic corpus: TypeScript modules of classes with methods, each with a bridge that edits
// a few methods through commands. The same seed always yields the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next(); // leave the tiny first values of a small seed behind
  return next;
}

function method(name, i, next, random) {
  const k = Math.floor(random() * 1000);
  return [
    `  /** Computes step ${i} of the pipeline. */`,
    `  ${name}(input: number, factor = ${k % 7 + 1}): number {`,
    `    const scaled = input * factor + ${k};`,
    `    const items = [scaled, scaled / 2, scaled % ${k % 13 + 2}].map((value) => Math.round(value * 100) / 100);`,
    `    if (items.some((value) => value > ${k * 10})) {`,
    `      this.log(\`${name} overflow at \${scaled}\`);`,
    `      return this.limit;`,
    `    }`,
    `    const total = items.reduce((sum, value) => sum + value, 0);`,
    next ? `    return this.${next}(total) - ${k % 5};` : `    return total;`,
    `  }`,
  ].join('\n');
}

function classSource(c, methods, random) {
  const names = Array.from({ length: methods }, (_, m) => `step${m}`);
  const body = names.map((n, m) => method(n, m, m % 4 === 3 ? undefined : names[m + 1], random)).join('\n\n');
  return [
    `export class Pipeline${c} {`,
    `  private readonly limit = ${Math.floor(random() * 1e6)};`,
    `  private messages: string[] = [];`,
    ``,
    `  constructor(readonly label: string) {}`,
    ``,
    `  log(message: string): void {`,
    `    this.messages.push(\`[\${this.label}] \${message}\`);`,
    `  }`,
    ``,
    body,
    `}`,
  ].join('\n');
}

function targetSource(classes, methods, random) {
  const header = [
    `import { format } from './format';`,
    ``,
    `export function logged(value: unknown, context?: unknown): void {`,
    `  void value;`,
    `  void context;`,
    `}`,
    ``,
  ].join('\n');
  return header + Array.from({ length: classes }, (_, c) => classSource(c, methods, random)).join('\n\n') + `\n\nexport const version = format(1);\n`;
}

/** A bridge editing `edited` methods of one class: a new body with a decorator, a rename, an access change. */
function bridgeSource(targetName, classIndex, methods, edited, random) {
  const picks = [];
  while (picks.length < Math.min(edited, methods)) {
    const m = Math.floor(random() * methods);
    if (!picks.includes(m)) picks.push(m);
  }
  const units = picks.map((m, i) => {
    const command = ['// @decorator logged', `// @rename renamedStep${m}`, '// @access protected'][i % 3];
    return [
      `  ${command}`,
      `  step${m}(input: number, factor = 2): number {`,
      `    const doubled = input * factor * 2;`,
      `    return doubled > this.limit ? this.limit : doubled;`,
      `  }`,
    ].join('\n');
  });
  return [`// @bridge ./${targetName}`, `// @class Pipeline${classIndex}`, ...units, ''].join('\n');
}

/**
 * `modules` targets of `classes` classes with `methods` methods each (about 42 KB with the
 * defaults), each with one bridge editing `editedMethods` methods of one class.
 */
export function generateCorpus({ modules = 200, classes = 5, methods = 20, editedMethods = 3, seed = 1 } = {}) {
  const random = rng(seed);
  return Array.from({ length: modules }, (_, i) => {
    const name = `module${String(i).padStart(4, '0')}.ts`;
    const target = { path: `src/${name}`, code: targetSource(classes, methods, random) };
    const bridge = { path: `src/${name.replace(/\.ts$/, '.bridge.ts')}`, code: bridgeSource(name, i % classes, methods, editedMethods, random) };
    return { target, bridges: [bridge] };
  });
}

/** Writes a corpus under `dir` (targets and bridges at their relative paths). */
export function writeCorpus(dir, corpus) {
  for (const { target, bridges } of corpus) {
    for (const file of [target, ...bridges]) {
      const path = join(dir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.code);
    }
  }
}
