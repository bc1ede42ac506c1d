// Temporary project trees for the CLI benchmarks (kill-series.js, fsync-cost.js), and the built binary to run on them.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};

/** The CLI binary: packages/cli/dist/bin.js, or `--bin PATH` (another build, to compare). */
export const cliBin = resolve(argValue('--bin', fileURLToPath(new URL('../../../../packages/cli/dist/bin.js', import.meta.url))));
export { argValue };

/** `count` targets src/m<i>.ts, each with a bridge replacing its function (as the CLI tests' manyTargets), and a node_modules folder (the journal's home). */
export function targetFiles(count) {
  const files = { 'node_modules/.keep': '' };
  for (let i = 0; i < count; i++) {
    files[`src/m${i}.ts`] = `export function value${i}() { return ${i}; }\nexport const name${i} = 'm${i}';\n`;
    files[`src/m${i}.bridge.ts`] = `export function value${i}() { return ${i + 1}; }\n`;
  }
  return files;
}

export const mergedTarget = (i) => `export function value${i}() { return ${i + 1}; }\nexport const name${i} = 'm${i}';\n`;

/** A template tree written once; `fresh()` copies it to a new temporary folder. */
export function treeMaker(files) {
  const template = mkdtempSync(join(tmpdir(), 'codebridge-bench-template-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(template, path)), { recursive: true });
    writeFileSync(join(template, path), text);
  }
  return () => {
    const root = mkdtempSync(join(tmpdir(), 'codebridge-bench-'));
    cpSync(template, root, { recursive: true });
    return root;
  };
}

/** Runs the binary (`bin`, default cliBin); `started(child)` is called once it is spawned. Resolves with code, signal, stdout, stderr and wall ms. */
export function runCli(args, { cwd, env = {}, started, bin = cliBin } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, wallMs: performance.now() - t0 }));
    started?.(child);
  });
}
