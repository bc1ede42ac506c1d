import { cacheInfo, cleanCache, resolveCacheDir, type CacheInfo } from '@codebridge/engine/warm';
import { exitCodes, UsageError, type ExitCode } from '../exit-codes.js';
import { plural } from '../plural.js';

export interface CacheCommandOptions {
  action: string;
  root: string;
  /** --cache-dir, absolute. */
  dir?: string;
  json: boolean;
}

/** `codebridge cache info|clean`: what the merge cache of a root holds, or delete it. */
export async function cacheCommand(options: CacheCommandOptions): Promise<ExitCode> {
  const dir = resolveCacheDir(options.root, options.dir);
  if (options.action === 'info') {
    const info = await cacheInfo(dir);
    process.stdout.write(options.json ? `${JSON.stringify(info, null, 2)}\n` : describe(info));
    return exitCodes.ok;
  }
  if (options.action === 'clean') {
    const removed = await cleanCache(dir);
    process.stdout.write(`Removed ${removed.entries} entries (${size(removed.bytes)}) from ${dir}\n`);
    return exitCodes.ok;
  }
  throw new UsageError(`Unknown cache action "${options.action}" (info or clean)`);
}

function describe(info: CacheInfo): string {
  const lines = [`cache ${info.dir}`, `  ${info.entries} entries, ${size(info.bytes)}`];
  if (info.hitRate === null) lines.push('  no runs logged yet');
  else {
    const hits = info.runs.reduce((n, r) => n + r.hits, 0);
    const misses = info.runs.reduce((n, r) => n + r.misses, 0);
    const saved = info.runs.reduce((n, r) => n + r.savedMs, 0);
    lines.push(`  last ${plural(info.runs.length, 'run')}: hit rate ${Math.round(info.hitRate * 100)}% (${plural(hits, 'hit')}, ${plural(misses, 'miss', 'misses')}), ${(saved / 1000).toFixed(2)} s of merging saved`);
    for (const run of info.runs.slice(-5)) lines.push(`    ${run.at}  ${run.tool}  ${plural(run.hits, 'hit')}, ${plural(run.misses, 'miss', 'misses')}`);
  }
  return `${lines.join('\n')}\n`;
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`);
