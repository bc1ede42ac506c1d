import type { AtRule, ChildNode, Container } from 'postcss';
import { framed } from '../../apply/frame.js';
import { indentAt } from '../../apply/indent.js';
import type { BridgeSlice } from '../../apply/splice.js';
import { blankLines } from '../../apply/remove.js';
import { atOffset, elidedCode, elisionDropped } from '../../diagnostics.js';
import { marksElision } from '../../read/elision.js';
import { isCommandOnly } from '../../commands/parse.js';
import { lineIndexOf, lineStartAt } from '../../lines.js';
import type { Command } from '../../commands/parse.js';
import type { Aspect, Edit } from '../../types.js';
import { appendPoint, fillEmpty, replaceBody, slice, type Block } from './body.js';
import { planDelete } from './commands/delete.js';
import { planMerge } from './commands/merge.js';
import { timedUnit } from '../../plan/command-clock.js';
import type { CssJob } from './job.js';
import { endOf, startOf } from './parse.js';
import { type ContextUnit, type RuleUnit, type Unit } from './read.js';

/** Statements that belong at the top of their context (`@import` must precede rules). */
const leading = new Set(['charset', 'import', 'namespace', 'layer', 'use', 'forward']);

/** A readable key for conflicts and messages: `@media (min-width:600px) { .btn }`. */
const describe = (path: string[]) => path.slice(0, -1).map((p) => `${p} { `).join('') + path.at(-1)! + ' }'.repeat(path.length - 1);

/** Plans the units of one bridge container against the target containers of the same context. */
export function planUnits(job: CssJob, units: Unit[], containers: Container[], path: string[]): void {
  for (const unit of units) {
    const found = job.index.find(containers, unit.key);
    const here = [...path, unit.key];
    if (unit.kind === 'context' && found.length) planUnits(job, unit.units, found as Container[], here);
    else if (unit.kind === 'context') addOp(job, here, 'append', unit.node, [appendNew(job, containers.at(-1)!, unit.node, blanksIn(job, unit))]);
    else timedUnit(job.clock, unit.commands.map((c) => c.name), () => planRule(job, unit, found, containers.at(-1)!, here));
  }
}

/** What each kind of operation writes of its rule: with the rule's key, its footprint. */
const aspectsOf: Record<string, Aspect[]> = { delete: ['existence'], insert: ['existence', 'body'], append: ['existence', 'body'], replace: ['body'], merge: ['body'] };

function addOp(job: CssJob, path: string[], kind: string, node: ChildNode, edits: Edit[], commands: Command[] = []): void {
  const source = { bridge: job.bridgeIndex, ...lineIndexOf(job.bridge).position(startOf(node)) };
  job.ops.push({ key: describe(path), aspects: aspectsOf[kind]!, kind, commands: [...new Set(commands.map((c) => c.name))], source, edits });
}

function planRule(job: CssJob, unit: RuleUnit, found: ChildNode[], container: Container, path: string[]): void {
  const has = (name: string) => unit.commands.find((c) => c.name === name);
  const deletion = has('delete');
  const last = found.at(-1);
  if (deletion) {
    // A rule the target lacks is already deleted.
    if (last) addOp(job, path, 'delete', unit.node, planDelete(found), unit.commands);
  } else if (isStatement(unit.node)) {
    if (!last) addOp(job, path, 'insert', unit.node, [insertStatement(job, container, unit.node)], unit.commands);
  } else if (!last) {
    addOp(job, path, 'append', unit.node, [appendNew(job, container, unit.node)], unit.commands);
  } else if (isStatement(last)) {
    // The target's node has no body to merge into (`@keyframes spin` cut short): the bridge's replaces it whole.
    addOp(job, path, 'replace', unit.node, [{ start: startOf(last), end: endOf(last), ...nodeSlice(job, unit.node, indentAt(job.target.code, startOf(last))) }], unit.commands);
  } else {
    const merged = has('merge') || elidesBody(job, unit, path, !!has('replace'));
    addOp(job, path, merged ? 'merge' : 'replace', unit.node, (merged ? planMerge : replaceBody)(job, last as Block, unit.node as Block), unit.commands);
  }
}

/**
 * True when a rule's body holds a comment standing for declarations a model left out
 * (`/* ... existing styles ... *\/`): the rule then merges into the target's, which keeps them, and
 * the marker is dropped with a warning. Under `@replace`, which would delete them, it is an error.
 */
function elidesBody(job: CssJob, unit: RuleUnit, path: string[], replace: boolean): boolean {
  const markers = (unit.node as Block).nodes.filter((n) => n.type === 'comment' && marksElision(n.text) && !job.target.code.includes(n.toString()));
  if (!markers.length) return false;
  const at = (n: ChildNode) => atOffset(job.original, startOf(n));
  job.diagnostics.push(replace ? elidedCode(describe(path), at(markers[0]!)) : elisionDropped(markers.map(at), '/* ... existing styles ... */'));
  return !replace;
}

const isStatement = (node: ChildNode): node is AtRule => node.type === 'atrule' && node.nodes === undefined;

/** Appends a bridge node (a rule, or a whole context the target lacks) at the end of a target container. */
function appendNew(job: CssJob, container: Container, node: ChildNode, inner: Edit[] = []): Edit {
  if (!container.nodes?.length) {
    if (container.type !== 'root') return fillEmpty(job, container as Block, startOf(node), endOf(node), inner);
    const code = job.target.code;
    return { start: code.length, end: code.length, ...framed(nodeSlice(job, node, '', inner), code.trim() ? '\n' : '', code.trim() ? '' : '\n') };
  }
  return insertAfter(job, container.last!, container.type === 'root' ? '\n\n' : ' ', node, inner);
}

function insertAfter(job: CssJob, last: ChildNode, fallback: string, node: ChildNode, inner: Edit[] = []): Edit {
  const point = appendPoint(job, last, fallback);
  return { start: point.at, end: point.at, ...framed(nodeSlice(job, node, point.indent, inner), point.before) };
}

/** A bridge node's text; a statement the bridge ends without `;` (at its end) gets one, as target text may follow it. */
function nodeSlice(job: CssJob, node: ChildNode, indent: string, inner: Edit[] = []): BridgeSlice {
  const text = slice(job, startOf(node), endOf(node), indent, inner);
  return isStatement(node) && !text.text.endsWith(';') ? { ...text, text: `${text.text};` } : text;
}

/** A new `@import`-like statement goes after the last one of its name, else at the top of its context. */
function insertStatement(job: CssJob, container: Container, node: AtRule): Edit {
  const name = node.name.toLowerCase();
  const same = container.nodes!.filter((n) => n.type === 'atrule' && n.name.toLowerCase() === name).at(-1);
  const first = container.first;
  if (same) return insertAfter(job, same, container.type === 'root' ? '\n' : ' ', node);
  if (!leading.has(name) || !first) return appendNew(job, container, node);
  const raw = first.raws.before ?? '';
  const indent = raw.slice(lineStartAt(raw, raw.length));
  const after = raw.includes('\n') || container.type === 'root' ? `\n${indent}` : ' ';
  return { start: startOf(first), end: startOf(first), ...framed(nodeSlice(job, node, indent), '', after) };
}

/**
 * A context the target lacks is copied whole from the bridge; its command comments are blanked
 * and its `@delete` rules dropped (what the target lacks is already deleted).
 */
function blanksIn(job: CssJob, unit: ContextUnit): Edit[] {
  const edits: Edit[] = [];
  const blank = (node: ChildNode) => {
    const code = job.bridge.code;
    const lineStart = lineStartAt(code, startOf(node));
    const start = code.slice(lineStart, startOf(node)).trim() ? startOf(node) : lineStart;
    edits.push({ start, end: endOf(node), text: blankLines(code, start, endOf(node)) });
  };
  unit.node.walkComments((c) => {
    if (isCommandOnly(job.bridge.code.slice(startOf(c), endOf(c)))) blank(c);
  });
  const visit = (units: Unit[]) => {
    for (const u of units) {
      if (u.kind === 'context') visit(u.units);
      else if (u.commands.some((c) => c.name === 'delete')) blank(u.node);
    }
  };
  visit(unit.units);
  return edits;
}

