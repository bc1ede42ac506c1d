import codebridge from 'unplugin-codebridge/webpack';
export default { mode: 'production', entry: './src/main.js', target: 'node', output: { path: new URL('./dist', import.meta.url).pathname, filename: 'main.cjs' }, optimization: { minimize: false }, plugins: [codebridge()] };
