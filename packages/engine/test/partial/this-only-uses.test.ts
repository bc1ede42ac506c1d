import { parse } from '@babel/parser';
import type * as t from '@babel/types';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { usesBeyondThis } from '../../src/languages/js/partial/this-only-uses.js';
import { walk } from '../../src/languages/js/walk.js';
import { packageRoot, read } from './real-files.js';

/** Every place a statement's tree holds `name` (an identifier, a private name, a string key): `this` when it is `this.name` / `this.#name`. */
function usesIn(statement: t.Node, name: string): ('this' | 'other')[] {
  const found: ('this' | 'other')[] = [];
  const word = name.replace(/^#/, '');
  const throughThis = new Set<t.Node>();
  walk(statement, (n) => {
    if (n.type === 'MemberExpression' && n.object.type === 'ThisExpression' && !n.computed) throughThis.add(n.property);
    const named = (n.type === 'Identifier' && n.name === word) || (n.type === 'PrivateName' && n.id.name === word) || (n.type === 'StringLiteral' && n.value === word);
    if (named) found.push(throughThis.has(n) ? 'this' : 'other');
    return n.type !== 'PrivateName';
  });
  return found;
}

test("the member-dependency map, on Rollup's bundle: a class that uses a member name only through `this` (by its text) has no other use of it in its syntax tree", () => {
  const code = read(join(packageRoot('rollup'), 'dist/es/shared/node-entry.js'));
  const statements = parse(code, { sourceType: 'module' }).program.body;
  const classes = statements.filter((s) => (s.type === 'ExportNamedDeclaration' ? s.declaration : s)?.type === 'ClassDeclaration');
  const members = new Set<string>();
  for (const s of classes) {
    const cls = (s.type === 'ExportNamedDeclaration' ? s.declaration : s) as t.ClassDeclaration;
    for (const m of cls.body.body) if ('key' in m && m.key.type === 'Identifier') members.add(m.key.name);
  }
  expect(classes.length).toBeGreaterThan(100);
  let thisOnly = 0;
  let beyond = 0;
  for (const s of classes) {
    for (const name of members) {
      const uses = usesIn(s, name);
      if (!uses.length) continue;
      if (usesBeyondThis(code, s.start!, s.end!, name)) beyond++;
      else {
        thisOnly++;
        expect(uses, `${name} in the class at ${s.start}`).not.toContain('other');
      }
      // A use the tree shows beyond `this` is always seen in the text.
      if (uses.includes('other')) expect(usesBeyondThis(code, s.start!, s.end!, name), `${name} in the class at ${s.start}`).toBe(true);
    }
  }
  // The map tells both kinds apart on this file: classes using inherited members through `this` only, and the rest.
  expect(thisOnly).toBeGreaterThan(50);
  expect(beyond).toBeGreaterThan(500);
});

test('the map reads `this.x` and `this.#x` as uses through `this`, and a declaration, `other.x`, `super.x` and a comment as uses beyond it', () => {
  const own = 'class A { m() { return this.x + this.#x + (() => this.x)(); } }';
  expect(usesBeyondThis(own, 0, own.length, 'x')).toBe(false);
  for (const text of ['class A { x() {} }', 'class A { m() { return other.x; } }', 'class A { m() { return super.x; } }', 'class A { m() { /* x */ } }', 'class A { m() { return mythis.x; } }', 'class A { m() { return a.this.x; } }']) {
    expect(usesBeyondThis(text, 0, text.length, 'x'), text).toBe(true);
  }
});
