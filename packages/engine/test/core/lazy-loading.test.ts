import { execFileSync } from 'node:child_process';
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

  it('a JS merge loads the Babel parser alone', () => {
    const merged = loadedAfter(`engine.mergeSync({ target: { path: '/a.js', code: 'export function f() { return 1; }\\n' }, bridges: [{ path: '/a.bridge.js', code: 'export function f() { return 2; }\\n' }] });`);
    expect(merged).toEqual(['@babel/parser']);
  });

  it('a CSS merge loads PostCSS alone', () => {
    const merged = loadedAfter(`engine.mergeSync({ target: { path: '/a.css', code: 'a { color: red; }\\n' }, bridges: [{ path: '/a.bridge.css', code: 'a { color: blue; }\\n' }] });`);
    expect(merged).toEqual(['postcss']);
  });
});
