import codebridge from 'unplugin-codebridge/vite';
export default { plugins: [codebridge()], build: { lib: { entry: 'src/main.js', formats: ['es'], fileName: 'main' } } };
