import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';
import { mergeCase } from './cases.js';

const dir = mkdtempSync(join(tmpdir(), 'codebridge-js-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Merges a fixture, strips TypeScript with esbuild when needed, and imports the result. */
async function load(name: string): Promise<Record<string, any>> {
  const { code, case: c } = mergeCase(name);
  const js = /\.tsx?$/.test(c.target.path) ? (await transform(code, { loader: 'ts', format: 'esm' })).code : code;
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, js);
  return import(pathToFileURL(file).href);
}

describe('merged code runs', () => {
  test('@access private in JavaScript hides the field and its readers still work', async () => {
    const { Wallet } = await load('access-js-private');
    const wallet = new Wallet();
    expect(wallet.reveal()).toBe(42);
    expect(wallet.twice()).toBe(84);
    expect('secret' in wallet).toBe(false);
  });

  test('@rename of a member: callers through this reach the new name', async () => {
    const { Invoice } = await load('rename-member');
    const invoice = new Invoice([1, 2, 3]);
    expect(invoice.report()).toBe('total: 6');
    expect(invoice.sum).toBeUndefined();
    expect(Invoice.sum()).toBe('static');
  });

  test('@rename of a binding: references and object shorthands follow', async () => {
    const module = await load('rename-binding');
    expect(module.sum(2, 3)).toBe(5);
    expect(module.three).toBe(3);
    expect(module.api.add).toBe(module.sum);
    expect(module.addAll([1, 2])).toBe(3);
  });

  test('@rename of a binding: units the bridge brings call the new name', async () => {
    const { bar, twice, Meter, z } = await load('rename-binding-across-units');
    expect(bar(1)).toBe(11);
    expect(twice(1)).toBe(33);
    expect(new Meter().read(1)).toBe(10);
    expect(z).toBe(13);
  });

  test('@params in TypeScript: the new parameters are used', async () => {
    const { Greeter, shout } = await load('params');
    expect(new Greeter().greet('ann', '?')).toBe('hi ann?');
    expect(shout('a', 3)).toBe('AAA');
  });
});
