#!/usr/bin/env bash
# Installs the packed plugin into a fresh project outside the workspace for each bundler version
# it declares (oldest and newest of each peer range), without --legacy-peer-deps (so the ranges
# themselves are checked), builds a bridged app and runs it. Needs the npm registry.
# Usage: bash tools/compat/check.sh [filter]   (e.g. `vite`; results in docs/bundlers.md)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/codebridge-compat.XXXX)
packs=$work/packs && mkdir -p "$packs"
for p in engine unplugin; do (cd "$root/packages/$p" && npm pack --silent --pack-destination "$packs" >/dev/null); done
engine=$(ls "$packs"/codebridge-engine-*.tgz) plugin=$(ls "$packs"/unplugin-codebridge-*.tgz)

# name | packages to install | build command | built file to run
cases=(
  "vite@5|vite@5.4.21|npx vite build|dist/main.js"
  "vite@6|vite@6|npx vite build|dist/main.js"
  "vite@7|vite@7|npx vite build|dist/main.js"
  "vite@8|vite@8|npx vite build|dist/main.js"
  "rollup@3|rollup@3.29.5|npx rollup -c|dist/main.js"
  "rollup@4|rollup@4|npx rollup -c|dist/main.js"
  "webpack@5.99|webpack@5.99.9 webpack-cli@6|npx webpack -c webpack.config.mjs|dist/main.cjs"
  "webpack@5|webpack@5 webpack-cli@6|npx webpack -c webpack.config.mjs|dist/main.cjs"
  "esbuild@0.24|esbuild@0.24.2|node esbuild.mjs|dist/main.js"
  "esbuild@latest|esbuild|node esbuild.mjs|dist/main.js"
  "rspack@1|@rspack/core@1.7.12|node rspack.mjs|dist/main.cjs"
  "rspack@2|@rspack/core@2|node rspack.mjs|dist/main.cjs"
)

failed=0
for c in "${cases[@]}"; do
  IFS='|' read -r name deps build out <<<"$c"
  [[ -n "${1:-}" && "$name" != *"$1"* ]] && continue
  dir=$work/${name//[@.\/]/-}
  cp -r "$root/tools/compat/app" "$dir"
  if ! (cd "$dir" && npm install --no-audit --no-fund $deps "$engine" "$plugin" >install.log 2>&1); then
    echo "FAIL $name: npm install refused (see $dir/install.log)"; failed=1; continue
  fi
  dep=${deps%% *} && dep=${dep%@*}
  version=$(node -p "JSON.parse(require('fs').readFileSync('$dir/node_modules/$dep/package.json', 'utf8')).version")
  if (cd "$dir" && $build >build.log 2>&1) && [ "$(cd "$dir" && node "$out")" = "bridged world" ]; then
    echo "ok   $name ($version)"
  else
    echo "FAIL $name ($version): see $dir/build.log"; failed=1
  fi
done
exit $failed
