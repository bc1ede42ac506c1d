import codebridge from 'unplugin-codebridge/rollup';
export default { input: 'src/main.js', output: { dir: 'dist', format: 'es' }, plugins: [codebridge()] };
