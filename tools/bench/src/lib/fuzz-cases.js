// Mutated bridges and targets, drawn from the engine's fixture files, and the rule each merge of
// them must keep: a result whose output parses, or a CodeBridgeError whose first diagnostic has a
// file, line and column; never another error, never longer than a time bound. Shared by the
// engine's fuzz test (a few hundred cases) and tools/bench/src/fuzz.js (thousands).
import { parse as babelParse } from '@babel/parser';
import { parseFragment } from 'parse5';
import postcss from 'postcss';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const languageOf = (file) => (/\.(css)$/.test(file) ? 'css' : /\.html?$/.test(file) ? 'html' : 'js');

/** Every fixture with its target and bridges (`expected.*` left out), in a fixed order. */
export function readFixtures(root) {
  const found = [];
  for (const language of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, language)).sort()) {
      let files;
      try {
        files = readdirSync(join(root, language, name)).sort();
      } catch {
        continue;
      }
      const read = (file) => ({ path: `${language}/${name}/${file}`, code: readFileSync(join(root, language, name, file), 'utf8') });
      const target = files.find((f) => f.startsWith('target.'));
      const bridges = files.filter((f) => f.startsWith('bridge') && !f.endsWith('.md') && languageOf(f) === languageOf(target ?? ''));
      if (target && bridges.length) found.push({ language: languageOf(target), name, target: read(target), bridges: bridges.map(read) });
    }
  }
  return found;
}

// Pieces that broke parsers or patterns before, and plain syntax that shifts what follows.
const tokens = [
  '{', '}', '(', ')', '[', ']', ';', ',', '"', "'", '`', '${', '\\', '/', '*', '<', '>', '=', '\n', '\r\n', '\uFEFF',
  '/*', '*/', '//', '<!--', '-->', '<!---->', '<!do', '<?x', '</', '@impor', '@media screen {', '@merge', '@delete',
  '/* @merge */', '// @rename renamed', '// @params a = `', '// @params a, b = 1', '// @frob', '<!-- @delete -->',
  '<!-- @append-to #app -->', ' /* note */', 'padding: 2px /* note */', '// @class Missing', '/**/'.repeat(8),
  '/'.repeat(24), '// '.repeat(12), ' '.repeat(64), 'import x from "x";\n', '<div id="app">', '</div>', '.btn { color: red }',
];

/** One random edit of a text: a token inserted, a range deleted, duplicated or moved, a line cut short. */
function mutateOnce(code, random) {
  const at = () => Math.floor(random() * (code.length + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const kind = Math.floor(random() * 6);
  if (kind === 0 || code.length < 2) {
    const i = at();
    return code.slice(0, i) + pick(tokens) + code.slice(i);
  }
  const a = at();
  const b = Math.min(code.length, a + 1 + Math.floor(random() * 40));
  if (kind === 1) return code.slice(0, a) + code.slice(b);
  if (kind === 2) return code.slice(0, b) + code.slice(a, b).repeat(1 + Math.floor(random() * 3)) + code.slice(b);
  if (kind === 3) return code.slice(0, a);
  if (kind === 4) {
    const to = at();
    const piece = code.slice(a, b);
    const rest = code.slice(0, a) + code.slice(b);
    const j = Math.min(to, rest.length);
    return rest.slice(0, j) + piece + rest.slice(j);
  }
  const i = at();
  return code.slice(0, i) + pick(tokens).repeat(2 + Math.floor(random() * 6)) + code.slice(i);
}

/** One case: a fixture's target and bridges, each left as written or given one to three mutations. */
export function makeCase(fixtures, random, index) {
  const fixture = fixtures[Math.floor(random() * fixtures.length)];
  const mutate = (file) => {
    if (random() < 0.4) return file;
    let code = file.code;
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) code = mutateOnce(code, random);
    return { ...file, code };
  };
  const target = mutate(fixture.target);
  return { index, fixture: `${fixture.language}/${fixture.name}`, language: fixture.language, target, bridges: fixture.bridges.map(mutate) };
}

// The engine's own parser options (languages/js/parse.ts): the output must parse as the target did.
function jsPlugins(path) {
  const ts = /\.[cm]?tsx?$/.test(path);
  const jsx = !/\.[cm]?ts$/.test(path);
  return [...(ts ? ['typescript', 'decorators-legacy'] : ['decorators']), 'decoratorAutoAccessors', 'explicitResourceManagement', ...(jsx ? ['jsx'] : [])];
}

// Names a bridge may use that the target is to declare (the engine lets them through when it
// parses a bridge): output that still lacks them is the bridge's assumption, not a broken splice.
const assumedByBridges = new Set(['ModuleExportUndefined', 'InvalidPrivateFieldResolution']);

/** Why a merged output does not parse, or undefined when it does. */
export function outputProblem(language, path, code) {
  try {
    if (language === 'css') postcss.parse(code);
    else if (language === 'js') {
      const ast = babelParse(code, { sourceType: 'module', plugins: jsPlugins(path), attachComment: false, errorRecovery: true });
      const error = ast.errors?.find((e) => !assumedByBridges.has(e.reasonCode));
      if (error) return error.message;
    }
    else {
      const errors = [];
      const options = { sourceCodeLocationInfo: true, onParseError: (e) => e.code.startsWith('eof-in-') && errors.push(e.code) };
      parseFragment(code, options);
      if (errors.length) return errors[0];
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Merges one case and says what went wrong, if anything: `undefined` for a result whose output
 * parses or a located CodeBridgeError; else the rule broken. `mergeSync` is the engine's.
 */
export function checkCase(mergeSync, c, boundMs) {
  const started = performance.now();
  let outcome;
  try {
    const result = mergeSync({ target: c.target, bridges: c.bridges });
    const problem = outputProblem(c.language, c.target.path, result.code);
    outcome = problem ? { kind: 'unparsable output', detail: problem } : { kind: 'result' };
  } catch (error) {
    const d = error?.name === 'CodeBridgeError' ? error.diagnostics?.[0] : undefined;
    if (!d) outcome = { kind: 'raw error', detail: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error) };
    else if (d.file === undefined || !(d.line >= 1) || !(d.column >= 0)) outcome = { kind: 'unlocated diagnostic', detail: `${d.code}: ${d.message}` };
    else outcome = { kind: 'diagnostic', code: d.code };
  }
  const ms = performance.now() - started;
  if (ms > boundMs && (outcome.kind === 'result' || outcome.kind === 'diagnostic')) outcome = { kind: 'too slow', detail: `${Math.round(ms)} ms` };
  return { ...outcome, ms, ok: outcome.kind === 'result' || outcome.kind === 'diagnostic' };
}
