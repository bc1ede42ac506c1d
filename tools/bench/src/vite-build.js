// Cost of unplugin-codebridge in a Vite build: a generated app of 500 modules built with and
// without the plugin, interleaved in one run; medians over the runs. Two cases: no bridges
// (target: at most 3% overhead) and 10% of the modules bridged (target: at most 15%). The plugin's
// merge cache is on (its default): the warm-up build fills it, so the measured builds with the
// plugin are served from it (from disk in fresh processes, from memory in process).
// Two ways to build, both measured: `cli`, a fresh `vite build` process per build (what a user
// runs: Node, Vite, the plugin and its parsers load each time), and `in-process`, repeated
// `build()` calls in one warm process (a new plugin instance each time, as a config reload does).
// In process, the bridged case also measures the floor: a plugin whose `load` hook returns the
// same 50 files unchanged, which is what any plugin loading them in JavaScript costs Rolldown.
// In process a build takes about 110 ms, and its median moved by more than the target between two
// runs on a quiet machine: that mode runs three times the rounds (`--in-process-runs`, default 45)
// and its verdict is the median of each round's own ratio (paired: the builds of a round ran within
// half a second of each other), which drift of the machine over minutes leaves alone.
// Prints the load average before and after: figures measured on a busy machine say so.
// Usage: node tools/bench/src/vite-build.js [--runs N (default 15)] [--in-process-runs N (default 3 x runs)]
//        [--modules N] [--workers N] [--mode cli|in-process]
//        (build the engine and the plugin first)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { mergeSync } from '@codebridge/engine';
import { median, printTable, round, runsFromArgs, timeOnceAsync, writeResult } from './lib/measure.js';

const runs = Math.max(5, runsFromArgs(15));
const argOf = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runsOf = { cli: runs, 'in-process': Math.max(runs, Number(argOf('--in-process-runs') ?? 3 * runs)) };
const moduleCount = Number(argOf('--modules') ?? 500);
const pluginOptions = argOf('--workers') !== undefined ? { workers: Number(argOf('--workers')) } : {};
const modes = argOf('--mode') ? [argOf('--mode')] : ['cli', 'in-process'];

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
  writeConfigs(root);
}

const require = createRequire(import.meta.url);
const viteBin = join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js');
const pluginPackage = dirname(require.resolve('unplugin-codebridge/package.json'));

/**
 * Two Vite configs, alike but for the plugin (the CLI mode builds with one or the other). The
 * plugin is linked into the app's node_modules and imported by its name, as a user's config does:
 * Vite then leaves it out of the config bundle.
 */
function writeConfigs(root) {
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  symlinkSync(pluginPackage, join(root, 'node_modules', 'unplugin-codebridge'), 'dir');
  const config = (plugins) => `export default { logLevel: 'silent', plugins: ${plugins}, build: { outDir: 'dist', emptyOutDir: true } };\n`;
  writeFileSync(join(root, 'vite.without.config.mjs'), config('[]'));
  writeFileSync(join(root, 'vite.with.config.mjs'), `import codebridge from 'unplugin-codebridge/vite';\n${config(`[codebridge(${JSON.stringify(pluginOptions)})]`)}`);
}

/**
 * The floor any plugin pays to load the same modules in JavaScript: a `load` hook on exactly the
 * bridged targets that returns the file as it is. CodeBridge's overhead is this plus discovery and merges.
 */
function loadFloorPlugin(root) {
  const ids = Array.from({ length: moduleCount }, (_, i) => i).filter((i) => i % 10 === 0).map((i) => join(root, 'src', `m${i}.js`));
  return { name: 'load-floor', enforce: 'pre', load: { filter: { id: exactly(ids) }, handler: (id) => ({ code: readFileSync(id, 'utf8') }) } };
}

/** A hook filter matching exactly these ids. */
function exactly(ids) {
  const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:${ids.map(escape).join('|')})$`);
}

/**
 * The floor of a perfect cache: a `load` hook returning each bridged target's merged code, merged
 * once up front, and no map, as the plugin does for a build that writes none (these builds do not).
 * What the plugin costs beyond it is loading its code, discovery and the cache lookups.
 */
function mergedFloorPlugin(root) {
  const merged = new Map();
  for (let i = 0; i < moduleCount; i += 10) {
    const id = join(root, 'src', `m${i}.js`);
    const bridge = join(root, 'src', `m${i}.bridge.js`);
    const { code } = mergeSync({ target: { path: id, code: readFileSync(id, 'utf8') }, bridges: [{ path: bridge, code: readFileSync(bridge, 'utf8') }] });
    merged.set(id, { code, map: null });
  }
  return { name: 'merged-floor', enforce: 'pre', load: { filter: { id: exactly([...merged.keys()]) }, handler: (id) => merged.get(id) } };
}

const inProcessPlugins = {
  without: () => [],
  with: () => [codebridge(pluginOptions)],
  'load floor': (root) => [loadFloorPlugin(root)],
  'merged floor': (root) => [mergedFloorPlugin(root)],
};

const cpuReport = fileURLToPath(new URL('./lib/cpu-report.mjs', import.meta.url));

/** Each returns { wall, cpu } in milliseconds: CPU time (every thread) is what a busy machine's load moves least. */
const builders = {
  /** A fresh `vite build` process, timed from spawn to exit; its CPU time reported by the process itself. */
  cli: async (root, variant) => {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', cpuReport, viteBin, 'build', '--config', `vite.${variant}.config.mjs`], { cwd: root, encoding: 'utf8' });
    const wall = performance.now() - start;
    if (run.status !== 0) throw new Error(`vite build failed in ${root}:\n${run.stderr}`);
    return { wall, cpu: Number(/codebridge-bench-cpu-ms ([\d.]+)/.exec(run.stderr)[1]) };
  },
  'in-process': async (root, variant) => {
    // Made before the clock starts: the merged floor merges its 50 targets up front.
    const plugins = inProcessPlugins[variant](root);
    const cpu = process.cpuUsage();
    const wall = await timeOnceAsync(() => build({ root, configFile: false, logLevel: 'silent', plugins, build: { outDir: join(root, 'dist'), emptyOutDir: true } }));
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000 };
  },
};

const cases = { 'no bridges': false, '10% bridged': true };
const targets = { 'no bridges': 3, '10% bridged': 15 };
const variantsOf = (mode, name) => (mode === 'in-process' && cases[name] ? ['without', 'with', 'load floor', 'merged floor'] : ['without', 'with']);
const samples = {};
const cpuSamples = {};
const loadBefore = loadavg();
const base = mkdtempSync(join(tmpdir(), 'codebridge-vite-bench-'));
try {
  const roots = {};
  for (const [name, bridged] of Object.entries(cases)) {
    roots[name] = join(base, bridged ? 'bridged' : 'plain');
    generate(roots[name], bridged);
  }
  for (const mode of modes) {
    const buildOnce = builders[mode];
    samples[mode] = {};
    cpuSamples[mode] = {};
    for (const name of Object.keys(cases)) {
      samples[mode][name] = {};
      cpuSamples[mode][name] = {};
      for (const variant of variantsOf(mode, name)) {
        samples[mode][name][variant] = [];
        cpuSamples[mode][name][variant] = [];
        await buildOnce(roots[name], variant); // warm-up: file cache, Vite's own start-up
      }
    }
    for (let r = 0; r < runsOf[mode]; r++) {
      for (const name of Object.keys(cases)) {
        // Rotate which variant goes first so drift on a busy machine hits all alike.
        const variants = variantsOf(mode, name);
        const order = variants.map((_, k) => variants[(k + r) % variants.length]);
        for (const variant of order) {
          const { wall, cpu } = await buildOnce(roots[name], variant);
          samples[mode][name][variant].push(wall);
          cpuSamples[mode][name][variant].push(cpu);
        }
      }
    }
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}

const rows = modes.flatMap((mode) =>
  Object.keys(cases).map((name) => {
    const without = median(samples[mode][name].without);
    const overheadOf = (variant) => round(((median(samples[mode][name][variant]) - without) / without) * 100, 1);
    const overhead = overheadOf('with');
    // The median of each round's own ratio: a round's builds ran within a second of each other, so
    // drift of a busy machine over minutes cancels out of it.
    const paired = round((median(samples[mode][name].with.map((ms, r) => ms / samples[mode][name].without[r])) - 1) * 100, 1);
    const floor = samples[mode][name]['load floor'] ? overheadOf('load floor') : '-';
    const mergedFloor = samples[mode][name]['merged floor'] ? overheadOf('merged floor') : '-';
    // The verdict in process is the paired figure (header); a fresh process takes 4-5 times longer and its medians hold.
    const verdict = mode === 'in-process' ? paired : overhead;
    return { mode, case: name, modules: moduleCount, runs: runsOf[mode], 'without ms': round(without, 1), 'with ms': round(median(samples[mode][name].with), 1), 'overhead %': overhead, 'paired %': paired, 'without cpu ms': round(median(cpuSamples[mode][name].without), 1), 'with cpu ms': round(median(cpuSamples[mode][name].with), 1), 'cpu overhead %': round(((median(cpuSamples[mode][name].with) - median(cpuSamples[mode][name].without)) / median(cpuSamples[mode][name].without)) * 100, 1), 'load floor %': floor, 'merged floor %': mergedFloor, 'target %': targets[name], ok: verdict <= targets[name] };
  }),
);
printTable(rows);
const load = { before: loadBefore.map((n) => round(n, 2)), after: loadavg().map((n) => round(n, 2)) };
console.log(`\nload average (1, 5, 15 min): before ${load.before.join(', ')}; after ${load.after.join(', ')}`);
const file = writeResult('vite-build', { runs: runsOf, modules: moduleCount, pluginOptions, load, rows, samples, cpuSamples });
console.log(`\nwritten ${file}`);
