import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The corpora are plain JavaScript (tools/bench), shared with the benchmarks that time them.
import { generateCorpus } from '../../../../tools/bench/src/corpus.js';
import { cssBridge, generateCss, generateHtml, htmlBridge } from '../../../../tools/bench/src/lib/css-html-inputs.js';
import { buildRealCorpus } from '../../../../tools/bench/src/real-corpus.js';
import type { SourceFile } from '../../src/types.js';
import { loadCase } from '../js/cases.js';
import { bridgesOf, fixture } from '../support/fixtures.js';

/** One merge to run twice: a name to report it by, a target and its bridges. */
export interface IdempotenceCase {
  name: string;
  target: SourceFile;
  bridges: SourceFile[];
}

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const folders = (language: string) => readdirSync(`${fixtures}${language}`).sort();

/** Every fixture folder of a language, read as its own tests read it. */
export function fixtureCases(language: 'js' | 'css' | 'html'): IdempotenceCase[] {
  return folders(language).map((name) => {
    if (language === 'js') return { name: `js/${name}`, ...loadCase(name) };
    return { name: `${language}/${name}`, target: fixture(language, name, `target.${language}`), bridges: bridgesOf(language, name) };
  });
}

/**
 * The real-code corpus of tools/bench/src/real-corpus.js: modules of webpack, postcss and undici
 * installed in the workspace, each with one bridge of a rotating kind, plus the binding renames.
 */
export function realCorpusCases(): IdempotenceCase[] {
  const corpus = buildRealCorpus();
  return [...corpus.jobs, ...corpus.renames].map((job) => ({ name: `${job.kind} on ${job.target.path}`, target: job.target, bridges: job.bridges }));
}

/** The generated TypeScript corpus of tools/bench/src/corpus.js (a decorator, a rename and an access change per bridge). */
export function generatedCorpusCases(): IdempotenceCase[] {
  return generateCorpus({ modules: 40, classes: 2, methods: 10, editedMethods: 3 }).map((job) => ({ name: job.target.path, ...job }));
}

/** The real-world-sized stylesheet and page of the css-html benchmark, with their bridges. */
export function largeCssHtmlCases(): IdempotenceCase[] {
  return [
    { name: 'styles.css (110 KB)', target: { path: 'styles.css', code: generateCss(110) }, bridges: [{ path: 'styles.bridge.css', code: cssBridge }] },
    { name: 'page.html (55 KB)', target: { path: 'page.html', code: generateHtml(55) }, bridges: [{ path: 'page.bridge.html', code: htmlBridge }] },
  ];
}
