// The inferred target of one project: a cacheable `codebridge apply` over its bridges.

import { literalGlob } from './literal-glob.js';
import { quoteShellArg } from './nx-api.js';

/** @typedef {import('nx/src/devkit-exports').TargetConfiguration} TargetConfiguration */
/** @typedef {Exclude<TargetConfiguration['inputs'], undefined>[number]} Input */

/**
 * The target runs from the workspace root (Nx's default for commands) so that a bridge may edit
 * files of other projects and of dependencies; it names its bridges one by one, so it merges
 * exactly the files it hashes. `--no-cache --no-history`: Nx is the cache, and a task must be
 * reproducible and write nothing but its out folder (no merge cache or learned run history under
 * node_modules/.cache). Its metadata keeps the links for createDependencies.
 * @param {string} projectRoot
 * @param {import('./links.js').BridgeLink[]} links
 * @param {import('./options.js').NormalizedOptions} options
 * @param {import('./tool.js').Tool} tool
 * @returns {TargetConfiguration}
 */
export function codebridgeTarget(projectRoot, links, options, tool) {
  const outDir = projectRoot === '.' ? options.outDir : `${projectRoot}/${options.outDir}`;
  const mode = options.mode === 'out' ? ['--out', outDir] : ['--check'];
  const args = ['--no-cache', '--no-history', ...mode, ...links.map((l) => l.bridge)];
  return {
    command: `${tool.command} apply ${args.map(quoteShellArg).join(' ')}`,
    cache: true,
    inputs: [...links.map((l) => fileInput(projectRoot, l.bridge)), ...targetInputs(projectRoot, links), ...(tool.inputs ?? [])],
    outputs: options.mode === 'out' ? [`{projectRoot}/${options.outDir}`] : [],
    ...(tool.dependsOn && { dependsOn: tool.dependsOn }),
    metadata: {
      technologies: ['codebridge'],
      description:
        options.mode === 'out'
          ? `Merge this project's bridges into copies under ${options.outDir} (codebridge apply --out)`
          : "Check that this project's bridges are merged (codebridge apply --check)",
      help: { command: `${tool.command} apply --help`, example: { args: options.mode === 'out' ? ['--jobs', '2'] : ['--json'] } },
      codebridge: { links },
    },
  };
}

/**
 * Targets are hashed where they are; a dependency's file lives in an ignored folder (node_modules,
 * a build's dist), which only an `includeIgnored` file set reads.
 * @param {string} projectRoot @param {import('./links.js').BridgeLink[]} links @returns {Input[]} */
function targetInputs(projectRoot, links) {
  const seen = new Set();
  /** @type {Input[]} */
  const inputs = [];
  for (const { target, dependency } of links) {
    if (target === undefined || seen.has(target)) continue;
    seen.add(target);
    inputs.push(dependency ? { fileset: `{workspaceRoot}/${literalGlob(target)}`, includeIgnored: true } : fileInput(projectRoot, target));
  }
  return inputs;
}

/** @param {string} projectRoot @param {string} path @returns {string} */
function fileInput(projectRoot, path) {
  if (projectRoot === '.') return `{projectRoot}/${literalGlob(path)}`;
  return path.startsWith(`${projectRoot}/`) ? `{projectRoot}/${literalGlob(path.slice(projectRoot.length + 1))}` : `{workspaceRoot}/${literalGlob(path)}`;
}
