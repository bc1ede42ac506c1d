import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss, { type Declaration, type Rule } from 'postcss';
// The corpora are plain JavaScript (tools/bench), shared with the benchmarks that time them.
import { generateCorpus } from '../../../../tools/bench/src/corpus.js';
import { cssBridge, generateCss, generateHtml, htmlBridge } from '../../../../tools/bench/src/lib/css-html-inputs.js';
import { buildRealCorpus } from '../../../../tools/bench/src/real-corpus.js';
import { normalizeSelector } from '../../src/languages/css/keys.js';
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

const nodeModules = fileURLToPath(new URL('../../../../node_modules/', import.meta.url));
/** Packages installed in the workspace that ship stylesheets and pages (built UIs: minified and hand-written CSS). */
const STYLED = ['playwright-core', 'nx', 'istanbul-reports'];

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Files of `ext` in the STYLED packages, one per content (a package ships some twice). */
function styledFiles(ext: string): SourceFile[] {
  const seen = new Set<string>();
  return STYLED.flatMap((name) => filesUnder(join(nodeModules, name), ext))
    .map((path) => ({ path: relative(nodeModules, path), code: readFileSync(path, 'utf8') }))
    .filter((f) => f.code.length > 1_000 && !seen.has(f.code) && seen.add(f.code));
}

/**
 * A bridge for a real stylesheet, written from its own rules: one replaced (its first value
 * changed), one merged (a property deleted, one added), one deleted, a new rule and a new context.
 */
function cssBridgeFor(code: string): string | undefined {
  const rules = postcss.parse(code).nodes.filter((n): n is Rule => n.type === 'rule' && n.nodes.some((d) => d.type === 'decl'));
  const picked: Rule[] = [];
  for (const k of [1, 2, 3]) {
    const rule = rules[Math.floor((k * rules.length) / 4)];
    if (rule && !picked.some((p) => normalizeSelector(p.selector) === normalizeSelector(rule.selector))) picked.push(rule);
  }
  if (picked.length < 3) return undefined;
  const [replaced, merged, deleted] = picked as [Rule, Rule, Rule];
  const decls = (rule: Rule) => rule.nodes.filter((d): d is Declaration => d.type === 'decl');
  const first = decls(merged)[0]!;
  return [
    `${replaced.selector} {`,
    ...decls(replaced).map((d, i) => `  ${d.prop}: ${i === 0 ? 'inherit' : d.value};`),
    '}',
    '/* @merge */',
    `${merged.selector} {`,
    '  /* @delete */',
    `  ${first.prop}: none;`,
    '  outline: 0;',
    '}',
    '/* @delete */',
    `${deleted.selector} {}`,
    '.codebridge-added { color: teal; }',
    '@media (min-width: 1234px) {',
    '  .codebridge-wide { display: none; }',
    '}',
    '',
  ].join('\n');
}

/** A bridge for a real page: a head key, markup appended to and placed before its first element with an id that holds elements. */
function htmlBridgeFor(code: string): string | undefined {
  const id = /<(?!script|style|textarea|title)[a-z][\w-]*\s[^>]*\bid="([^"]+)"/.exec(code)?.[1];
  if (!id) return undefined;
  return `<title>Merged</title>\n<!-- @append-to #${id} -->\n<div class="codebridge-added">added</div>\n<!-- @before #${id} -->\n<noscript>Needs JavaScript</noscript>\n`;
}

/** Stylesheets and pages shipped by packages in node_modules, each with a bridge written from its own rules or ids. */
export function nodeModulesCssHtmlCases(): IdempotenceCase[] {
  const withBridge = (ext: string, bridgeFor: (code: string) => string | undefined) =>
    styledFiles(ext).flatMap((target) => {
      const code = bridgeFor(target.code);
      return code ? [{ name: target.path, target, bridges: [{ path: target.path.replace(/(\.\w+)$/, '.bridge$1'), code }] }] : [];
    });
  return [...withBridge('.css', cssBridgeFor), ...withBridge('.html', htmlBridgeFor)];
}
