// Cost of unplugin-codebridge in a Vite build: a generated app of 500 modules built with and
// without the plugin, interleaved in one run; medians over the runs. Two cases: no bridges
// (target: at most 3% overhead) and 10% of the modules bridged (target: at most 15%).
// Usage: node tools/bench/src/vite-build.js [--runs N] [--modules N] [--workers N]   (build the engine and the plugin first)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { median, printTable, round, runsFromArgs, timeOnceAsync, writeResult } from './lib/measure.js';

const runs = Math.max(5, runsFromArgs(5));
const modulesArg = process.argv.indexOf('--modules');
const moduleCount = modulesArg > 0 ? Number(process.argv[modulesArg + 1]) : 500;

/** Module i: a class with three methods and two functions; it imports the next two modules. */
function moduleSource(i) {
  const imports = [i + 1, i + 2].filter((j) => j < moduleCount);
  return [
    ...imports.map((j) => `import { compute${j} } from './m${j}.js';`),
    '',
    `export class Store${i} {`,
    '  constructor(seed) {',
    `    this.items = Array.from({ length: ${(i % 7) + 3} }, (_, k) => seed + k * ${i + 1});`,
    '  }',
    '  total() {',
    '    return this.items.reduce((sum, value) => sum + value, 0);',
    '  }',
    '  scale(factor) {',
    '    return this.items.map((value) => value * factor);',
    '  }',
    '  describe() {',
    `    return \`Store${i}(\${this.items.length}) = \${this.total()}\`;`,
    '  }',
    '}',
    '',
    `export function compute${i}(x) {`,
    `  const store = new Store${i}(x);`,
    `  return store.total()${imports.map((j) => ` + compute${j}(x % ${j + 3})`).join('')};`,
    '}',
    '',
    `export function label${i}(x) {`,
    `  return 'module ${i}: ' + x;`,
    '}',
    '',
  ].join('\n');
}

function bridgeSource(i) {
  return [`export function label${i}(x) {`, `  return 'bridged module ${i}: ' + String(x).padStart(4, '0');`, '}', ''].join('\n');
}

/** Writes the app; every tenth module gets a sibling bridge when `bridged`. */
function generate(root, bridged) {
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(join(root, 'index.html'), '<!doctype html>\n<html><body><script type="module" src="/src/main.js"></script></body></html>\n');
  const main = [];
  for (let i = 0; i < moduleCount; i++) {
    writeFileSync(join(root, 'src', `m${i}.js`), moduleSource(i));
    if (bridged && i % 10 === 0) writeFileSync(join(root, 'src', `m${i}.bridge.js`), bridgeSource(i));
    main.push(`import { label${i} } from './m${i}.js';`);
  }
  main.push(`document.body.textContent = [${Array.from({ length: moduleCount }, (_, i) => `label${i}(${i})`).join(', ')}].join('\\n');`);
  writeFileSync(join(root, 'src', 'main.js'), `${main.join('\n')}\n`);
}

const buildOnce = (root, withPlugin) =>
  timeOnceAsync(() =>
    build({ root, configFile: false, logLevel: 'silent', plugins: withPlugin ? [codebridge(pluginOptions)] : [], build: { outDir: join(root, 'dist'), emptyOutDir: true } }),
  );

const workersArg = process.argv.indexOf('--workers');
const pluginOptions = workersArg > 0 ? { workers: Number(process.argv[workersArg + 1]) } : {};

const cases = { 'no bridges': false, '10% bridged': true };
const samples = {};
const base = mkdtempSync(join(tmpdir(), 'codebridge-vite-bench-'));
try {
  const roots = {};
  for (const [name, bridged] of Object.entries(cases)) {
    roots[name] = join(base, bridged ? 'bridged' : 'plain');
    generate(roots[name], bridged);
    samples[name] = { without: [], with: [] };
    await buildOnce(roots[name], false); // warm-up: file cache, Vite's own start-up
    await buildOnce(roots[name], true);
  }
  for (let r = 0; r < runs; r++) {
    for (const name of Object.keys(cases)) {
      // Alternate which variant goes first so drift on a busy machine hits both alike.
      const order = r % 2 === 0 ? [false, true] : [true, false];
      for (const withPlugin of order) samples[name][withPlugin ? 'with' : 'without'].push(await buildOnce(roots[name], withPlugin));
    }
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}

const targets = { 'no bridges': 3, '10% bridged': 15 };
const rows = Object.keys(cases).map((name) => {
  const without = median(samples[name].without);
  const withPlugin = median(samples[name].with);
  const overhead = ((withPlugin - without) / without) * 100;
  return { case: name, modules: moduleCount, runs, 'without ms': round(without, 1), 'with ms': round(withPlugin, 1), 'overhead %': round(overhead, 1), 'target %': targets[name], ok: overhead <= targets[name] };
});
printTable(rows);
const file = writeResult('vite-build', { runs, modules: moduleCount, rows, samples });
console.log(`\nwritten ${file}`);
