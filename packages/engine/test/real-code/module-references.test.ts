import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from '@babel/parser';
import _traverse, { type Scope } from '@babel/traverse';
import type * as t from '@babel/types';
import { expect, test } from 'vitest';
import { moduleReferences } from '../../src/languages/js/commands/module-references.js';
import { boundNames } from '../../src/languages/js/names.js';

const traverse = (_traverse as unknown as { default?: typeof _traverse }).default ?? _traverse;
const require = createRequire(import.meta.url);

/** Real modules installed in the workspace: webpack's and postcss's lib folders. */
function realModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.js') && statSync(path).size < 40_000) found.push(path);
    }
  };
  for (const name of ['webpack', 'postcss']) walk(join(dirname(require.resolve(`${name}/package.json`)), 'lib'));
  return found.sort();
}

/** What @babel/traverse's scope says refers to a top-level binding: the declaration, references, assignments. */
function babelReferences(ast: t.File): (name: string) => number[] {
  let scope: Scope | undefined;
  traverse(ast, {
    Program(path) {
      scope = path.scope;
      path.stop();
    },
  });
  return (name) => {
    const binding = scope!.getBinding(name);
    if (!binding) return [];
    const offsets = [binding.identifier.start!, ...binding.referencePaths.map((p) => p.node.start!)];
    for (const v of binding.constantViolations) {
      const id = v.getBindingIdentifiers()[name];
      if (id) offsets.push(id.start!);
    }
    return [...new Set(offsets)].sort((a, b) => a - b);
  };
}

test('the scope walk finds the same references to top-level bindings as @babel/traverse, on real modules', () => {
  let compared = 0;
  for (const file of realModules()) {
    const code = readFileSync(file, 'utf8');
    const ast = parse(code, { sourceType: 'module', attachComment: false });
    const babel = babelReferences(ast);
    for (const statement of ast.program.body) {
      if (statement.type === 'ExpressionStatement' || statement.type === 'ImportDeclaration') continue;
      for (const name of boundNames(statement)) {
        if (name === 'default') continue;
        const mine = [...new Set(moduleReferences(ast.program, code, name).map((r) => r.id.start!))].sort((a, b) => a - b);
        expect(mine, `${file}: ${name}`).toEqual(babel(name));
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(500);
}, 120_000);
