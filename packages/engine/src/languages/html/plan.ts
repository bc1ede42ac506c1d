import { indentAt } from '../../apply/indent.js';
import { sliceBridge } from '../../apply/splice.js';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { atOffset, commandNotApplicable, elidedCode } from '../../diagnostics.js';
import { marksElision } from '../../read/elision.js';
import type { Edit } from '../../types.js';
import { timedUnit } from '../../plan/command-clock.js';
import { planDelete } from './commands/delete.js';
import { planPlace } from './commands/place.js';
import { mergeInline } from './inline.js';
import type { HtmlJob } from './job.js';
import { headTags } from './keys.js';
import { addInsertion, addOp, missing, remove, sectionOf } from './ops.js';
import { isWritten, rangeOf, type Element } from './parse.js';
import { place } from './place.js';
import type { ElementUnit, Unit } from './read.js';

export function planUnits(job: HtmlJob, units: Unit[]): void {
  for (const unit of units) {
    if (unit.kind === 'delete') timedUnit(job.clock, ['delete'], () => planDelete(job, unit));
    else if (unit.kind === 'place') timedUnit(job.clock, [unit.command.name], () => planPlace(job, unit));
    else timedUnit(job.clock, names(unit), () => planElement(job, unit));
  }
}

function planElement(job: HtmlJob, unit: ElementUnit): void {
  const command = (name: string) => unit.commands.find((c) => c.name === name);
  const { start, end } = rangeOf(unit.el);
  const target = unit.key ? job.elements.get(unit.key) : undefined;
  const asked = command('delete') ?? command('merge');
  if (asked && !unit.key) {
    job.diagnostics.push(commandNotApplicable(asked.name, 'the element has no id or other key', atOffset(job.original, asked.offset)));
    if (asked.name === 'delete') return;
  }
  if (command('delete')) {
    // An element the target lacks is already deleted.
    if (target) addOp(job, unit.key!, 'delete', start, [remove(job, target)], ['delete']);
    return;
  }
  if (asked && unit.key && !target) return missing(job, unit.key, asked.offset);
  if (!target) return addInsertion(job, unit.key ?? `new <${unit.el.tagName}> (${job.original.path}:${atOffset(job.original, start).line})`, 'append', start, appendNew(job, unit));
  const merged = command('merge') && mergeInline(job, target, unit.el, command('merge')!.offset);
  const elided = !merged && elisionIn(job, unit.el);
  if (elided) return void job.diagnostics.push(elidedCode(unit.key!, atOffset(job.original, elided.sourceCodeLocation!.startOffset), ELIDED_HINT));
  const range = rangeOf(target);
  const edits = merged || [{ ...range, ...sliceBridge(job.bridge, job.bridgeIndex, start, end, indentAt(job.target.code, range.start), job.target.code) }];
  addOp(job, unit.key!, merged ? 'merge' : 'replace', start, edits, names(unit));
}

const ELIDED_HINT = 'Write the element out in full, or add only the new markup with a placement command above it (`<!-- @append-to #id -->`, `@prepend-to`, `@before`, `@after`).';

/**
 * A comment inside an element standing for markup a model left out (`<!-- ... existing content ... -->`):
 * the element replaces the target's whole, so that markup would be deleted.
 */
function elisionIn(job: HtmlJob, el: Element): T.CommentNode | undefined {
  for (const child of el.childNodes) {
    if (child.nodeName === '#comment') {
      const comment = child as T.CommentNode;
      if (marksElision(comment.data.trim()) && !job.target.code.includes(`<!--${comment.data}-->`)) return comment;
    } else if ('childNodes' in child) {
      const found = elisionIn(job, child as Element);
      if (found) return found;
    }
  }
  return undefined;
}

/** A new element goes at the end of its section: the bridge's, or for a fragment bridge head for metadata, else body. */
function appendNew(job: HtmlJob, unit: ElementUnit): Edit {
  const { start, end } = rangeOf(unit.el);
  const section = unit.section ?? (headTags.has(unit.el.tagName) ? 'head' : 'body');
  const container = sectionOf(job, section)!;
  const firstBody = job.parsed.body?.childNodes.find(isWritten);
  if (section === 'head' && !container.childNodes.some(isWritten) && !(container as Element).sourceCodeLocation && firstBody) {
    return place(job, 'before', firstBody as Element, start, end);
  }
  return place(job, 'append-to', container, start, end);
}

/** The commands an element unit carries out, by name. */
const names = (unit: ElementUnit): string[] => [...new Set(unit.commands.map((c) => c.name))];
