import { resolve } from 'node:path';
import type { ParsedCommandLine, Program } from 'typescript';
import type { TypeScript } from './load-typescript.js';

/**
 * A program over the merged code: each bridged target is read as its merge (in memory, never
 * written) and the bridges themselves are not part of it (they are snippets, not modules).
 */
export function mergedProgram(ts: TypeScript, config: ParsedCommandLine, merged: ReadonlyMap<string, string>, bridges: ReadonlySet<string>): Program {
  const host = ts.createCompilerHost(config.options, true);
  const { readFile, fileExists, getSourceFile } = host;
  const isBridge = (file: string) => bridges.has(resolve(file));
  host.readFile = (file) => merged.get(resolve(file)) ?? (isBridge(file) ? undefined : readFile.call(host, file));
  host.fileExists = (file) => !isBridge(file) && (merged.has(resolve(file)) || fileExists.call(host, file));
  host.getSourceFile = (file, language, onError, create) => {
    const code = merged.get(resolve(file));
    return code === undefined ? getSourceFile.call(host, file, language, onError, create) : ts.createSourceFile(file, code, language, true);
  };
  return ts.createProgram({
    rootNames: config.fileNames.filter((file) => !isBridge(file)),
    options: config.options,
    host,
    ...(config.projectReferences && { projectReferences: config.projectReferences }),
  });
}
