// Runs every benchmark in its own process, one after the other (they must not share the CPU).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const benches = readdirSync(here).filter((f) => f.endsWith('.js') && !['run-all.js', 'corpus.js'].includes(f));
for (const file of benches) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
