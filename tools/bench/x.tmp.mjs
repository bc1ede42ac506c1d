import { mergeSync } from '@codebridge/engine';
import postcss from 'postcss';
import { cssBridge, generateCss } from './src/lib/css-html-inputs.js';
import { median } from './src/lib/measure.js';
const css = { target: { path: 'styles.css', code: generateCss(110) }, bridges: [{ path: 'styles.bridge.css', code: cssBridge }] };
const m = [], p = [], ph = {read:0,plan:0,apply:0}, pl = [], ap = [];
for (let i = 0; i < 150; i++) {
  let s = performance.now(); mergeSync(css, ph); m.push(performance.now() - s); pl.push(ph.plan); ap.push(ph.apply);
  s = performance.now(); postcss.parse(css.target.code); p.push(performance.now() - s);
}
console.log('merge', median(m.slice(30)).toFixed(2), 'plan', median(pl.slice(30)).toFixed(2), 'apply', median(ap.slice(30)).toFixed(2), 'parse', median(p.slice(30)).toFixed(2));
