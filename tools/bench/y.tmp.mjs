import postcss from 'postcss';
import { css as merger } from '../../packages/engine/dist/languages/css/index.js';
import { cssBridge, generateCss } from './src/lib/css-html-inputs.js';
import { median } from './src/lib/measure.js';
const target = { path: 'styles.css', code: generateCss(110) }, bridges = [{ path: 'styles.bridge.css', code: cssBridge }];
const a = [], b = [];
for (let i = 0; i < 150; i++) {
  let s = performance.now(); merger.plan(target, bridges); a.push(performance.now() - s);
  s = performance.now(); postcss.parse(target.code); b.push(performance.now() - s);
}
console.log('plan', median(a.slice(30)).toFixed(2), 'parse', median(b.slice(30)).toFixed(2));
