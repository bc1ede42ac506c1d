import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engine = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const heavy = ['@babel/parser', '@babel/traverse', '@babel/types', '@babel/code-frame', 'postcss', 'parse5', 'piscina'];

/** The heavy dependencies a fresh Node process has loaded after running `script` (which has `engine` in scope). */
function loadedAfter(script: string): string[] {
  const program = `
    import { createRequire } from 'node:module';
    const engine = await import(${JSON.stringify(engine)});
    ${script}
    const files = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(${JSON.stringify(heavy)}.filter((id) => files.some((f) => f.includes('/node_modules/' + id + '/')))));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' })) as string[];
}

describe('lazy loading', () => {
  it('importing the engine loads no parser, no code frame and no pool', () => {
    expect(loadedAfter('')).toEqual([]);
  });

  // The check above sees CommonJS loads only; parse5 is an ES module, so imports are checked in the built files too.
  it('no built file of the engine imports one of them statically', () => {
    const dist = fileURLToPath(new URL('../../dist', import.meta.url));
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    const imported = files.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/^import\b[^;]*?['"]([^'"]+)['"]/gm)].map((m) => m[1]!));
    expect(imported.length).toBeGreaterThan(50);
    expect(imported.filter((id) => heavy.includes(id))).toEqual([]);
  });

  it('a JS merge loads the Babel parser alone', () => {
    const merged = loadedAfter(`engine.mergeSync({ target: { path: '/a.js', code: 'export function f() { return 1; }\\n' }, bridges: [{ path: '/a.bridge.js', code: 'export function f() { return 2; }\\n' }] });`);
    expect(merged).toEqual(['@babel/parser']);
  });

  it('a CSS merge loads PostCSS alone', () => {
    const merged = loadedAfter(`engine.mergeSync({ target: { path: '/a.css', code: 'a { color: red; }\\n' }, bridges: [{ path: '/a.bridge.css', code: 'a { color: blue; }\\n' }] });`);
    expect(merged).toEqual(['postcss']);
  });
});
