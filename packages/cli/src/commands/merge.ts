import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { text } from 'node:stream/consumers';
import { dialectOf, isCodeBridgeError, merge, targetExtensions, type Diagnostic } from '@codebridge/engine';
import { exitCodes, UsageError, type ExitCode } from '../exit-codes.js';
import { formatForTerminal } from '../summary.js';

export interface MergeOptions {
  target: string;
  /** A path, or `-` for standard input. */
  bridge: string;
  /** The target's file type when its extension does not say (an extension: ts, css, html...). */
  type?: string;
}

/** `codebridge merge <target> <bridge|->`: one merge, the merged code on stdout. */
export async function mergeOne(options: MergeOptions): Promise<ExitCode> {
  const target = { path: relative(process.cwd(), options.target) || options.target, code: readInput(options.target) };
  const bridge = options.bridge === '-' ? { path: '<stdin>', code: await text(process.stdin) } : { path: relative(process.cwd(), options.bridge), code: readInput(options.bridge) };
  // The engine tells languages apart by extension: a --type is passed as one, and taken off again in messages.
  const typed = typedPath(target.path, options.type);
  const untype = (d: Diagnostic): Diagnostic => (d.file === typed ? { ...d, file: target.path } : d);
  try {
    const result = await merge({ target: { ...target, path: typed }, bridges: [bridge], options: { sourceMap: false } });
    for (const d of result.diagnostics) process.stderr.write(`${formatForTerminal(untype(d))}\n`);
    process.stdout.write(result.code);
    return exitCodes.ok;
  } catch (error) {
    if (!isCodeBridgeError(error)) throw error;
    for (const d of error.diagnostics) process.stderr.write(`${formatForTerminal(untype(d))}\n`);
    return exitCodes.failed;
  }
}

function readInput(path: string): string {
  if (!existsSync(path)) throw new UsageError(`No such file: ${path}`);
  return readFileSync(path, 'utf8');
}

function typedPath(path: string, type: string | undefined): string {
  if (type === undefined) {
    if (!dialectOf(path)) throw new UsageError(`Cannot tell the file type of ${path} from its extension; pass --type (${targetExtensions.join(', ')}).`);
    return path;
  }
  const ext = type.replace(/^\./, '').toLowerCase();
  if (!targetExtensions.includes(ext)) throw new UsageError(`Unknown --type "${type}"; use one of ${targetExtensions.join(', ')}.`);
  return dialectOf(path) === dialectOf(`x.${ext}`) ? path : `${path}.${ext}`;
}
