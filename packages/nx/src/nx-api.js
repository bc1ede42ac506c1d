// The parts of Nx the plugin uses, from the modules that define them. Nx's own plugins take them
// from `nx/src/devkit-internals` and `nx/src/devkit-exports`, but those load most of Nx (release,
// cloud, formatters): about 0.8 s per Nx process here, against 0.2 s for these modules. Keeping
// the paths in one file keeps a move in a later Nx a one-file change.

export { DependencyType } from 'nx/src/config/project-graph';
export { hashArray, hashObject } from 'nx/src/hasher/file-hasher';
export { buildPackageJsonPatterns, buildPackageJsonWorkspacesMatcher } from 'nx/src/plugins/package-json/create-nodes';
export { createNodesFromFiles } from 'nx/src/project-graph/plugins/utils';
export { createProjectRootMappingsFromProjectConfigurations, findProjectForPath } from 'nx/src/project-graph/utils/find-project-for-path';
export { workspaceDataDirectoryForWorkspace } from 'nx/src/utils/cache-directory';
export { PluginCache } from 'nx/src/utils/plugin-cache-utils';
export { quoteShellArg } from 'nx/src/utils/shell-quoting';
export { globWithWorkspaceContext, hashMultiGlobWithWorkspaceContext } from 'nx/src/utils/workspace-context';
