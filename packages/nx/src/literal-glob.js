// Nx reads inputs and hash requests as globs; a path must be escaped to stand for itself.

/**
 * A path as a glob matching only itself: `[id].bridge.ts` and `(group)/x.bridge.ts` are common
 * names (Next.js routes) that would otherwise match nothing, so their edits would not be hashed.
 * @param {string} path
 */
export function literalGlob(path) {
  return path.replace(/[\\[\]{}()*?!+@]/g, '\\$&');
}
