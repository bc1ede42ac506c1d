// Issue 11 benchmark: merges on real modules. The corpus is built at bench time from packages
// installed in the workspace (webpack's lib, postcss's lib, undici's lib: 2-20 KB CommonJS modules
// full of classes and functions); nothing of theirs is committed. Each file gets one bridge, its
// kind rotating over every kind a bridge can have, generated from the file's own syntax tree. The
// corpus hash is printed so that two runs can be told to be on the same bytes.
//
// Measured, side by side in one process (whole passes from a collected heap, order alternating):
//   1. mergeSync of every job against the parse-only baseline: @babel/parser on the target and on
//      each bridge, with the engine's options (a method-only bridge inside a class, as the engine
//      reads it). Target: merge median <= 1.3x parse median.
//   2. the same for a binding @rename bridge on every file that has a referenced top-level
//      function or class. Target: <= 2x.
// Given `--baseline path/to/dist/index.js` (an engine built from an earlier commit), its mergeSync
// runs in the same runs as a third pass, the order rotating, and its ratio is printed beside.
// Usage: node tools/bench/src/real-corpus.js [--runs 11] [--baseline /tmp/engine-before/dist/index.js]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from '@babel/parser';
import { mergeSync } from '@codebridge/engine';
import { ensureExposedGc, median, p95, printTable, round, runsFromArgs, timeOnce, writeResult } from './lib/measure.js';

const require = createRequire(import.meta.url);
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt > 0 ? (await import(pathToFileURL(process.argv[baselineAt + 1]).href)).mergeSync : undefined;
/** The folders read, inside packages every install of this workspace has (build tools and test deps). */
const SOURCES = [
  ['webpack', 'lib'],
  ['postcss', 'lib'],
  ['undici', 'lib'],
];
const MIN_BYTES = 2_000;
const MAX_BYTES = 20_000;

// The options the engine parses a .js target with, and a bridge (errors it lets through recovered).
const plugins = ['decorators', 'decoratorAutoAccessors', 'explicitResourceManagement', 'jsx'];
const targetOptions = { sourceType: 'module', plugins, attachComment: false };
const bridgeOptions = { ...targetOptions, errorRecovery: true };
const CLASS_OPEN = 'class __CodeBridge__ {';

function packageRoot(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

function listFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else if (entry.name.endsWith('.js')) {
      const size = statSync(path).size;
      if (size >= MIN_BYTES && size <= MAX_BYTES) found.push(path);
    }
  }
  return found.sort();
}

const indentAt = (code, offset) => /^[ \t]*/.exec(code.slice(code.lastIndexOf('\n', offset - 1) + 1))[0];

/** A node's text with the indentation of its first line taken off every later line. */
function textOf(code, node, text = code.slice(node.start, node.end)) {
  const indent = indentAt(code, node.start);
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

/** The text of a function-like node with one statement added at the top of its body. */
function editedText(code, node, body) {
  const at = body.start + 1;
  return textOf(code, node, `${code.slice(node.start, at)}\n${indentAt(code, node.start)}\tvoid 0;${code.slice(at, node.end)}`);
}

const isMethod = (m) => m.type === 'ClassMethod' && m.kind === 'method' && !m.computed && m.key.type === 'Identifier';

/** Top-level classes (declared, or `module.exports = class X`) with their plain methods. */
function classesOf(ast) {
  const found = [];
  for (const s of ast.program.body) {
    const decl = s.type === 'ExportNamedDeclaration' && s.declaration ? s.declaration : s;
    const node =
      decl.type === 'ClassDeclaration'
        ? decl
        : decl.type === 'ExpressionStatement' && decl.expression.type === 'AssignmentExpression' && decl.expression.right.type === 'ClassExpression'
          ? decl.expression.right
          : undefined;
    if (node?.id && node.body.body.some(isMethod)) found.push({ name: node.id.name, node, methods: node.body.body.filter(isMethod) });
  }
  return found;
}

const functionsOf = (ast) => ast.program.body.filter((s) => s.type === 'FunctionDeclaration' && s.id);

/** One bridge per kind; `undefined` when the file has nothing that kind can edit. */
const kinds = {
  'member replace': ({ code, cls }) => cls && `// @class ${cls.name}\n${editedText(code, cls.methods.at(-1), cls.methods.at(-1).body)}\n`,
  'member @rename': ({ code, cls }) => {
    const m = cls?.methods.find((x) => x.key.name !== 'constructor');
    return m && `// @class ${cls.name}\n// @rename ${m.key.name}Renamed\n${textOf(code, m)}\n`;
  },
  'member @access private': ({ code, cls }) => {
    const m = cls?.methods.find((x) => x.key.name !== 'constructor');
    return m && `// @class ${cls.name}\n// @access private\n${textOf(code, m)}\n`;
  },
  'member @after': ({ cls, index }) => cls && `// @class ${cls.name}\n// @after ${cls.methods[0].key.name}\nbenchAdded${index}(value) {\n\treturn this.benchValue ?? value;\n}\n`,
  'member @delete': ({ cls }) => {
    const m = cls?.methods.find((x) => x.key.name !== 'constructor');
    return m && `// @class ${cls.name}\n// @delete\n${m.static ? 'static ' : ''}${m.key.name}() {}\n`;
  },
  'whole class': ({ code, cls }) => {
    if (!cls) return undefined;
    const m = cls.methods.at(-1);
    const text = code.slice(cls.node.start, cls.node.end);
    const at = m.body.start - cls.node.start + 1;
    return `${text.slice(0, at)}\n\t\tvoid 0;${text.slice(at)}\n`;
  },
  'function replace': ({ code, fn }) => fn && `${editedText(code, fn, fn.body)}\n`,
  'import added': ({ index }) => `import { benchHelper${index} } from './bench-helper.js';\n`,
};

/**
 * A binding @rename of a referenced top-level function (the bridge repeats it) or class (the bridge
 * names it with an empty body, which merges member by member: the rename alone; a whole class is
 * the "whole class" kind). Its references in the file follow.
 */
function bindingRename({ code, fn, cls }) {
  const named = fn ?? cls?.node;
  if (!named || named.type === 'ClassExpression') return undefined;
  const name = named.id.name;
  if (code.split(new RegExp(`\\b${name}\\b`)).length < 3) return undefined;
  return `// @rename ${name}Renamed\n${named === fn ? textOf(code, named) : `class ${name} {}`}\n`;
}

/** Builds the corpus from the installed packages; deterministic for the same installed versions. */
export function buildRealCorpus() {
  const jobs = [];
  const renames = [];
  const hash = createHash('sha256');
  const kindNames = Object.keys(kinds);
  const counts = Object.fromEntries(kindNames.map((k) => [k, 0]));
  const versions = [];
  for (const [name, folder] of SOURCES) {
    const root = packageRoot(name);
    versions.push(`${name}@${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}`);
    for (const path of listFiles(join(root, folder))) {
      const code = readFileSync(path, 'utf8');
      let ast;
      try {
        ast = parse(code, targetOptions);
      } catch {
        continue;
      }
      const index = jobs.length;
      const target = { path: `${name}/${relative(root, path)}`, code };
      const facts = { code, ast, index, cls: classesOf(ast)[0], fn: functionsOf(ast)[0] };
      for (let k = 0; k < kindNames.length; k++) {
        const kind = kindNames[(index + k) % kindNames.length];
        const bridge = kinds[kind](facts);
        if (!bridge) continue;
        jobs.push({ kind, target, bridges: [{ path: target.path.replace(/\.js$/, '.bridge.js'), code: bridge }] });
        counts[kind]++;
        hash.update(target.path).update(code).update(bridge);
        break;
      }
      const rename = bindingRename(facts);
      if (rename) renames.push({ kind: 'binding @rename', target, bridges: [{ path: target.path.replace(/\.js$/, '.bridge.js'), code: rename }] });
    }
  }
  return { jobs, renames, counts, versions, hash: hash.digest('hex').slice(0, 16) };
}

/** Parse-only: the target, and each bridge as the engine reads it (members inside a class). */
function parseOnly(job) {
  parse(job.target.code, targetOptions);
  for (const b of job.bridges) {
    const members = /^\/\/ @class /.test(b.code);
    parse(members ? `${CLASS_OPEN}${b.code}\n}` : b.code, bridgeOptions);
  }
}

/**
 * Milliseconds of this process's CPU one call takes (user and system). On a machine others load
 * (the figures in performance.md were taken at a load average of 15-20 on 2 cores) wall time also
 * counts the time the process waited for a core; CPU time does not.
 */
function cpuOnce(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function measure(label, jobs, runs) {
  const ways = { parse: parseOnly, merge: mergeSync, ...(baseline && { before: baseline }) };
  const names = Object.keys(ways);
  for (const job of jobs.slice(0, 30)) for (const fn of Object.values(ways)) fn(job);
  const pass = (fn) => {
    globalThis.gc();
    const wall = [];
    const cpu = [];
    for (const job of jobs) {
      wall.push(timeOnce(() => fn(job)));
      cpu.push(cpuOnce(() => fn(job)));
    }
    return { wall, cpu };
  };
  const perRun = [];
  for (let run = 0; run < runs; run++) {
    const passes = {};
    // The order rotates run by run: no way always runs first or after the same one.
    for (let k = 0; k < names.length; k++) {
      const name = names[(run + k) % names.length];
      passes[name] = pass(ways[name]);
    }
    const { parse: parsed, merge: merged, before } = passes;
    perRun.push({
      set: label,
      run: run + 1,
      parseMedianMs: round(median(parsed.wall)),
      mergeMedianMs: round(median(merged.wall)),
      mergeP95Ms: round(p95(merged.wall)),
      ratio: round(median(merged.wall) / median(parsed.wall)),
      cpuParseMs: round(median(parsed.cpu)),
      cpuMergeMs: round(median(merged.cpu)),
      cpuRatio: round(median(merged.cpu) / median(parsed.cpu)),
      ...(before && { beforeRatio: round(median(before.wall) / median(parsed.wall)), beforeCpuRatio: round(median(before.cpu) / median(parsed.cpu)) }),
    });
  }
  return perRun;
}

function summaryOf(perRun, files, target) {
  const mid = (key) => round(median(perRun.map((r) => r[key])));
  return {
    files,
    parseMedianMs: mid('parseMedianMs'),
    mergeMedianMs: mid('mergeMedianMs'),
    ratio: mid('ratio'),
    cpuParseMs: mid('cpuParseMs'),
    cpuMergeMs: mid('cpuMergeMs'),
    cpuRatio: mid('cpuRatio'),
    ...(baseline && { beforeRatio: mid('beforeRatio'), beforeCpuRatio: mid('beforeCpuRatio') }),
    target,
  };
}

function main() {
  ensureExposedGc();
  const runs = runsFromArgs(11);
  const corpus = buildRealCorpus();
  const bytes = corpus.jobs.reduce((n, j) => n + j.target.code.length, 0);
  console.log(`corpus ${corpus.hash}: ${corpus.jobs.length} files (${corpus.versions.join(', ')}), mean ${Math.round(bytes / corpus.jobs.length)} B; bridges per kind ${JSON.stringify(corpus.counts)}; ${corpus.renames.length} binding renames`);
  // Every job must merge: a refused merge would time an error path, not a merge.
  for (const job of [...corpus.jobs, ...corpus.renames]) {
    try {
      mergeSync(job);
    } catch (error) {
      throw new Error(`${job.kind} on ${job.target.path} does not merge: ${error.message}`);
    }
  }
  const all = measure('all kinds', corpus.jobs, runs);
  const renames = measure('binding @rename', corpus.renames, runs);
  printTable([...all, ...renames]);
  const summary = {
    corpusHash: corpus.hash,
    versions: corpus.versions,
    counts: corpus.counts,
    all: summaryOf(all, corpus.jobs.length, 1.3),
    bindingRename: summaryOf(renames, corpus.renames.length, 2),
  };
  for (const [name, s] of [['all kinds', summary.all], ['binding @rename', summary.bindingRename]]) {
    console.log(`${name}: merge ${s.mergeMedianMs} ms, parse ${s.parseMedianMs} ms, ratio ${s.ratio}; CPU time ${s.cpuMergeMs} ms / ${s.cpuParseMs} ms, ratio ${s.cpuRatio} (target <= ${s.target})${baseline ? `; the baseline engine: ratio ${s.beforeRatio}, CPU ${s.beforeCpuRatio}` : ''}`);
  }
  writeResult('real-corpus', { summary, perRun: [...all, ...renames] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
