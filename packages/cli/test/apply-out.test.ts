import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, read, snapshot, tree } from './cli.js';

describe('codebridge apply --out', () => {
  it('writes merged copies under DIR, mirroring their paths, and leaves the targets untouched', async () => {
    const root = copyOf('basic');
    const before = snapshot(root);
    const run = await codebridge(['apply', '--out', 'merged'], { cwd: root });
    expect(run.code).toBe(0);
    const after = snapshot(root);
    for (const [path, text] of Object.entries(before)) expect(after[path]).toBe(text);
    expect(read(root, 'merged/src/greet.ts')).toBe("export function greet() { return 'hi'; }\nexport const audience = 'world';\n");
    expect(read(root, 'merged/styles/app.css')).toContain('color: blue;');
    expect(read(root, 'merged/src/same.ts')).toBe(before['src/same.ts']);
    expect(Object.keys(after).filter((p) => p.startsWith('merged/')).sort()).toEqual(['merged/src/greet.ts', 'merged/src/same.ts', 'merged/styles/app.css']);
  });

  it('patches a file of a local node_modules package named by a bare specifier', async () => {
    const library = "export function greet() { return 'hello'; }\nexport const version = 1;\n";
    const root = tree({
      'package.json': '{ "name": "app", "type": "module" }\n',
      'node_modules/greeter/package.json': '{ "name": "greeter", "type": "module", "main": "index.js" }\n',
      'node_modules/greeter/index.js': library,
      'patches/greeter.bridge.js': "// @bridge greeter/index.js\nexport function greet() { return 'hi'; }\n",
    });
    const run = await codebridge(['apply', '--out', join(root, 'out')], { cwd: root });
    expect(run.code).toBe(0);
    expect(read(root, 'out/node_modules/greeter/index.js')).toContain("return 'hi'");
    expect(read(root, 'out/node_modules/greeter/index.js')).toContain('export const version = 1;');
    expect(read(root, 'node_modules/greeter/index.js')).toBe(library);
  });
});
