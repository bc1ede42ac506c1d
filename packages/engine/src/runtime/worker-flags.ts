import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The host's flags a worker thread takes, learned at the first start of the process. */
let accepted: string[] | undefined;

/**
 * Starts a worker thread with the host's Node flags (a worker inherits them), less those it
 * refuses. A host started as `node --max-old-space-size=4096 ...` (V8's flags, and the process's
 * own such as `--title`, apply to the whole process) makes `new Worker` throw
 * ERR_WORKER_INVALID_EXEC_ARGV naming them: they are left out from then on.
 */
export function startWorker(file: string, options: Omit<WorkerOptions, 'execArgv'>): Worker {
  const flags = accepted ?? inheritedFlags();
  try {
    const worker = new Worker(file, { ...options, execArgv: flags });
    accepted = flags;
    return worker;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || accepted) throw error;
    accepted = withoutRefused(flags, (error as Error).message);
    return new Worker(file, { ...options, execArgv: accepted });
  }
}

/**
 * The process's Node flags, less those about its entry point: `--input-type` (a host started as
 * `node --input-type=module -e ...`) makes a worker that loads a file fail to start.
 */
function inheritedFlags(): string[] {
  const flags: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const flag = process.execArgv[i]!;
    if (flag === '--input-type') i++;
    else if (!flag.startsWith('--input-type=')) flags.push(flag);
  }
  return flags;
}

// Node's message names what it refused: `Initiated Worker with invalid execArgv flags: --a=1, --b`.
// When nothing it names is found as given (a flag and its value as two arguments), none is kept:
// the worker module itself needs no flag of the host.
function withoutRefused(flags: string[], message: string): string[] {
  const refused = new Set(message.slice(message.indexOf(': ') + 2).split(', '));
  const kept = flags.filter((f) => !refused.has(f));
  return kept.length < flags.length ? kept : [];
}
