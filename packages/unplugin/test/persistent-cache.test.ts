import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';
import { runModule } from './helpers/output.js';

const script = fileURLToPath(new URL('./scripts/persistent-cache-build.mjs', import.meta.url));
const run = promisify(execFile);

let fixture: Fixture;
afterEach(() => fixture?.dispose());

describe.each(['webpack', 'rspack'])('%s persistent cache', (bundler) => {
  it('a bridge edited between two builds in new processes is in the second bundle', async () => {
    fixture = new Fixture('basic');
    await run(process.execPath, [script, bundler, fixture.root]);
    expect(await runModule(fixture.path('dist/main.mjs'))).toContain('bridged hello world');
    fixture.write('src/greet.bridge.js', "export function greet(name) {\n  return 'edited between builds ' + name;\n}\n");
    await run(process.execPath, [script, bundler, fixture.root]);
    // The bundle's text: this process imported the first bundle, and its module runner keeps it.
    expect(readFileSync(fixture.path('dist/main.mjs'), 'utf8')).toContain('edited between builds');
  });
});
