// CSS and HTML merge speed against parse-only of the same target (PostCSS, parse5), in one
// interleaved run: merge median should stay within 1.5x parse-only.
// Usage: node tools/bench/src/css-html.js [--runs N]   (build the engine first)
import { mergeSync } from '@codebridge/engine';
import { parse } from 'parse5';
import postcss from 'postcss';
import { cssBridge, generateCss, generateHtml, htmlBridge } from './lib/css-html-inputs.js';
import { median, p95, printTable, round, runsFromArgs, timeOnce, writeResult } from './lib/measure.js';

const runs = runsFromArgs(300);
const warmup = Math.max(20, Math.round(runs / 5));

const css = { target: { path: 'styles.css', code: generateCss(110) }, bridges: [{ path: 'styles.bridge.css', code: cssBridge }] };
const html = { target: { path: 'page.html', code: generateHtml(55) }, bridges: [{ path: 'page.bridge.html', code: htmlBridge }] };

const cases = {
  'css merge': () => mergeSync(css),
  'css merge (no map)': () => mergeSync({ ...css, options: { sourceMap: false } }),
  'css parse-only (postcss)': () => postcss.parse(css.target.code),
  'html merge': () => mergeSync(html),
  'html merge (no map)': () => mergeSync({ ...html, options: { sourceMap: false } }),
  'html parse-only (parse5)': () => parse(html.target.code, { sourceCodeLocationInfo: true }),
};
const names = Object.keys(cases);
const samples = Object.fromEntries(names.map((n) => [n, []]));

for (let i = 0; i < warmup; i++) for (const name of names) cases[name]();
// A new order each round (seeded, so runs are repeatable): a fixed order would make each case
// always follow the same one and pay for that one's garbage collection.
let seed = 0x2f6b3a1d;
const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) ^ 0x9e3779b9) >>> 0) / 2 ** 32;
for (let i = 0; i < runs; i++) {
  const order = [...names];
  for (let j = order.length - 1; j > 0; j--) {
    const k = Math.floor(random() * (j + 1));
    [order[j], order[k]] = [order[k], order[j]];
  }
  for (const name of order) samples[name].push(timeOnce(cases[name]));
}

const rows = names.map((name) => ({ case: name, 'median ms': round(median(samples[name])), 'p95 ms': round(p95(samples[name])) }));
const ratio = (merge, base) => round(median(samples[merge]) / median(samples[base]), 2);
const ratios = {
  css: ratio('css merge', 'css parse-only (postcss)'),
  cssNoMap: ratio('css merge (no map)', 'css parse-only (postcss)'),
  html: ratio('html merge', 'html parse-only (parse5)'),
  htmlNoMap: ratio('html merge (no map)', 'html parse-only (parse5)'),
};

console.log(`css target ${css.target.code.length} B, html target ${html.target.code.length} B, ${runs} runs after ${warmup} warm-up rounds`);
printTable(rows);
console.log(`merge/parse median ratio: css ${ratios.css} (no map ${ratios.cssNoMap}), html ${ratios.html} (no map ${ratios.htmlNoMap}); goal <= 1.5`);
const file = writeResult('css-html', { runs, warmup, sizes: { css: css.target.code.length, html: html.target.code.length }, rows, ratios, goal: 1.5 });
console.log(`wrote ${file}`);
