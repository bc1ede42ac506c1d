const path = require('node:path');
const webpack = require('webpack');
const codebridge = require('unplugin-codebridge/webpack').default;

/** The demo's source and bridges, shared by the five apps. */
const demoSource = path.join(__dirname, '../demo-source');

const compiler = webpack({
  mode: 'none',
  context: __dirname,
  target: 'node20',
  entry: path.join(demoSource, 'src/main.ts'),
  output: { path: path.join(__dirname, 'dist'), filename: 'main.cjs', clean: true },
  devtool: 'source-map',
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.[jt]s$/,
        loader: 'esbuild-loader',
        options: { target: 'node20' },
      },
      { test: /\.css$/, type: 'asset/resource', generator: { filename: '[name][ext]' } },
    ],
  },
  plugins: [codebridge({ root: demoSource })],
});

function report(error, stats) {
  if (error) throw error;
  console.log(stats.toString({ preset: 'errors-warnings', colors: false }) || 'built');
  if (stats.hasErrors()) process.exitCode = 1;
}

if (process.argv.includes('--watch')) compiler.watch({}, report);
else compiler.run((error, stats) => compiler.close(() => report(error, stats)));
