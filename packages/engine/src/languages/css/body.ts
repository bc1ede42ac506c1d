import type { AtRule, ChildNode, Declaration, Rule } from 'postcss';
import { indentAt } from '../../apply/indent.js';
import { framed } from '../../apply/frame.js';
import { sliceBridge, type BridgeSlice } from '../../apply/splice.js';
import type { Edit } from '../../types.js';
import { keyOf, propertyOf } from './keys.js';
import { endOf, startOf } from './parse.js';
import { commandsAbove } from './read.js';
import type { CssJob } from './job.js';
import { lineStartAt } from '../../lines.js';

export type Block = (Rule | AtRule) & { nodes: ChildNode[] };

/** Offset of the `{` that opens a rule's or at-rule's body. */
export function bodyOpen(node: Block, code: string): number {
  const raws = node.raws as { selector?: { raw: string }; params?: { raw: string }; afterName?: string; between?: string };
  const head =
    node.type === 'rule' ? (raws.selector?.raw ?? node.selector) : `@${node.name}${raws.afterName ?? ''}${raws.params?.raw ?? node.params}`;
  const guess = startOf(node) + head.length + (raws.between ?? '').length;
  return code[guess] === '{' ? guess : code.indexOf('{', startOf(node));
}

/** A bridge slice of `[start, end)` moved to `indent`. */
export function slice(job: CssJob, start: number, end: number, indent: string, inner: Edit[] = []): BridgeSlice {
  return sliceBridge(job.bridge, job.bridgeIndex, start, end, indent, job.target.code, inner);
}

/** Removes a child with the blanks before it, so that what follows its end is left in place. */
export function removeChild(node: ChildNode): Edit {
  const prev = node.prev();
  const next = node.next();
  if (prev) return { start: endOf(prev), end: endOf(node), text: '' };
  return { start: startOf(node), end: next ? startOf(next) : endOf(node), text: '' };
}

/**
 * Where and with what separator a new node goes after `last`: the blanks written before `last`
 * when they hold a line break, else `fallback`.
 */
export function appendPoint(job: CssJob, last: ChildNode, fallback: string): { at: number; before: string; indent: string } {
  const raw = last.raws.before ?? '';
  const semicolon = isOpen(job.target.code, last) ? ';' : '';
  const before = raw.includes('\n') ? raw : fallback;
  return { at: endOf(last), before: semicolon + before, indent: before.slice(lineStartAt(before, before.length)) };
}

/**
 * True when the last statement before the end of `last` (a declaration or an at-rule without a
 * body, comments after it skipped) has no closing `;`: what follows it must start with one, or
 * the next node would join it (`padding: 2px`, a comment, then `margin: 0` read as one declaration).
 */
function isOpen(code: string, last: ChildNode): boolean {
  let node: ChildNode | undefined = last;
  while (node?.type === 'comment') node = node.prev();
  if (!node || !(node.type === 'decl' || (node.type === 'atrule' && !node.nodes))) return false;
  return code[endOf(node) - 1] !== ';';
}

/** Fills an empty body (`{}` or `{ }`) with a bridge slice, one level deeper than the block. */
export function fillEmpty(job: CssJob, block: Block, start: number, end: number, inner: Edit[] = []): Edit {
  const code = job.target.code;
  const open = bodyOpen(block, code);
  const outer = indentAt(code, startOf(block));
  const deeper = outer + job.unit;
  const filled = framed(slice(job, start, end, deeper, inner), `\n${deeper}`, `\n${outer}`);
  return { start: open + 1, end: endOf(block) - 1, ...filled };
}

/** A bridge rule without `@merge`: its body replaces the target's body, the target's braces and indentation stay. */
export function replaceBody(job: CssJob, target: Block, bridge: Block): Edit[] {
  const code = job.target.code;
  if (!bridge.nodes.length) {
    const open = bodyOpen(target, code);
    return open + 1 < endOf(target) - 1 ? [{ start: open + 1, end: endOf(target) - 1, text: '' }] : [];
  }
  const from = startOf(bridge.first!);
  const to = endOf(bridge.last!);
  if (!target.nodes.length) return [fillEmpty(job, target, from, to)];
  const start = startOf(target.first!);
  return [{ start, end: endOf(target.last!), ...slice(job, from, to, indentAt(code, start)) }];
}

/** A declaration's text with or without its closing `;`, as the place it goes needs. */
function withSemicolon(s: BridgeSlice, wanted: boolean): BridgeSlice {
  const has = s.text.endsWith(';');
  if (has === wanted) return s;
  return { ...s, text: wanted ? `${s.text};` : s.text.slice(0, -1) };
}

/**
 * A bridge rule with `@merge`: each bridge declaration replaces the target's declarations of that
 * property (or is appended); other target declarations stay. Nested rules merge by key the same
 * way, and `@delete` above a declaration or nested rule removes it from the target.
 */
export function mergeBody(job: CssJob, target: Block, bridge: Block): Edit[] {
  if (!target.nodes.length) return replaceBody(job, target, bridge);
  const code = job.target.code;
  const edits: Edit[] = [];
  const point = appendPoint(job, target.last!, ' ');
  let before = point.before;
  const append = (node: ChildNode, semicolon: boolean) => {
    const text = withSemicolon(slice(job, startOf(node), endOf(node), point.indent), semicolon);
    edits.push({ start: point.at, end: point.at, ...framed(text, before) });
    before = before.replace(/^;/, '');
  };
  const groups = new Map<string, { nodes: ChildNode[]; deleted: boolean }>();
  for (const node of bridge.nodes) {
    if (node.type === 'comment') continue;
    const commands = commandsAbove(node, job.original, job.diagnostics);
    const key = node.type === 'decl' ? `decl ${propertyOf(node)}` : keyOf(node)!;
    const group = groups.get(key) ?? { nodes: [], deleted: false };
    group.nodes.push(node);
    group.deleted ||= commands.some((c) => c.name === 'delete');
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    const matches = target.nodes.filter((n) => (n.type === 'decl' ? `decl ${propertyOf(n as Declaration)}` : keyOf(n)) === key);
    if (group.deleted) {
      // A property the target rule lacks is already deleted.
      edits.push(...matches.map(removeChild));
      continue;
    }
    if (!matches.length) {
      for (const node of group.nodes) append(node, node.type === 'decl');
      continue;
    }
    const first = matches[0]!;
    const indent = indentAt(code, startOf(first));
    const semicolon = first.type === 'decl' && code[endOf(first) - 1] === ';';
    const texts = group.nodes.map((n, i) =>
      withSemicolon(slice(job, startOf(n), endOf(n), indent), n.type === 'decl' && (semicolon || i < group.nodes.length - 1)),
    );
    edits.push({ start: startOf(first), end: endOf(first), ...texts[0]! });
    const sep = first.raws.before?.includes('\n') ? first.raws.before : ' ';
    for (const extra of texts.slice(1)) edits.push({ start: endOf(first), end: endOf(first), ...framed(extra, sep) });
    edits.push(...matches.slice(1).map(removeChild));
  }
  return edits;
}
