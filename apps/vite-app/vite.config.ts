import { defineConfig } from 'vite';
import codebridge from 'unplugin-codebridge/vite';

export default defineConfig({
  plugins: [codebridge()],
  build: { sourcemap: true, minify: false, cssMinify: false },
});
