import { join } from 'node:path';
import { defineConfig } from 'vite';
import codebridge from 'unplugin-codebridge/vite';

/** `apps/`: the root that holds both this page's HTML bridge and the demo's shared source and bridges. */
const apps = join(import.meta.dirname, '..');

export default defineConfig({
  plugins: [codebridge({ root: apps, bridges: ['vite-app/*.bridge.html', 'demo-source/src/**/*.bridge.*'] })],
  build: { sourcemap: true, minify: false, cssMinify: false },
});
