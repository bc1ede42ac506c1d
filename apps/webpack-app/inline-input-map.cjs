/**
 * esbuild-loader drops the source map of the loaders before it (CodeBridge's, which points into the bridges),
 * but esbuild follows an inline input map: hand the map over that way.
 */
module.exports = function inlineInputMap(source, map) {
  if (!map) return source;
  const json = typeof map === 'string' ? map : JSON.stringify(map);
  return `${source}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(json).toString('base64')}`;
};
