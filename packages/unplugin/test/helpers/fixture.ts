import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A copy of a fixture project in a fresh temp dir (its `deps/` become `node_modules/`). */
export class Fixture {
  readonly root: string;

  constructor(name: string) {
    this.root = mkdtempSync(join(tmpdir(), `codebridge-${name}-`));
    cpSync(join(fixtures, name), this.root, { recursive: true });
    try {
      renameSync(join(this.root, 'deps'), join(this.root, 'node_modules'));
    } catch {
      // a fixture without dependencies
    }
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  write(rel: string, text: string): void {
    writeFileSync(this.path(rel), text);
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { force: true });
  }

  /** Makes the dependency a package of the project linked into node_modules, as npm workspaces and pnpm do. */
  withLinkedDependency(): this {
    const real = this.path('packages/fake-dep');
    mkdirSync(this.path('packages'));
    renameSync(this.path('node_modules/fake-dep'), real);
    symlinkSync(real, this.path('node_modules/fake-dep'), 'dir');
    return this;
  }

  /** Removes every bridge of the fixture (the project as it was before any bridge). */
  withoutBridges(): this {
    for (const rel of bridgeFiles) this.remove(rel);
    return this;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true, maxRetries: 5 });
  }
}

export const bridgeFiles = ['src/greet.bridge.js', 'src/format.bridge.ts', 'src/style.bridge.css', 'index.bridge.html', 'src/dep.bridge.js'];

/** A line of `greet.bridge.js` with an unknown command above `greet` (a warning at line 2). */
export const bridgeWithUnknownCommand = `// The bridge replaces greet; shout stays as it is.
// @frobnicate now
export function greet(name) {
  const who = name.trim();
  return 'bridged hello ' + who;
}
`;

/** A bridge that does not parse (an error at line 3). */
export const bridgeWithSyntaxError = `// The bridge replaces greet; shout stays as it is.
export function greet(name) {
  return 'bridged hello ' + ;
}
`;

export const expectedRun = 'bridged hello world|OK|EUR 3.00 (bridged)|untouched module|dep bridged';
export const unbridgedRun = 'hello  world |OK|3 EUR|untouched module|dep original';
