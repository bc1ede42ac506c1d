import { alreadyInserted } from '../../apply/already-applied.js';
import { indentAt } from '../../apply/indent.js';
import { removalRange } from '../../apply/remove.js';
import { sliceBridge } from '../../apply/splice.js';
import { atOffset, commandNotApplicable, missingElement } from '../../diagnostics.js';
import { lineIndexOf } from '../../lines.js';
import type { Edit } from '../../types.js';
import { mergeInline } from './inline.js';
import type { HtmlJob } from './job.js';
import { headTags, keyOfReference } from './keys.js';
import { isWritten, rangeOf, type Element, type Parent } from './parse.js';
import { place, type Placement } from './place.js';
import type { DeleteUnit, ElementUnit, PlaceUnit, Unit } from './read.js';

export function planUnits(job: HtmlJob, units: Unit[]): void {
  for (const unit of units) {
    if (unit.kind === 'delete') planDelete(job, unit);
    else if (unit.kind === 'place') planPlace(job, unit);
    else planElement(job, unit);
  }
}

function addOp(job: HtmlJob, key: string, kind: string, at: number, edits: Edit[]): void {
  job.ops.push({ key, kind, source: { bridge: job.bridgeIndex, ...lineIndexOf(job.bridge).position(at) }, edits });
}

/** The target element a command names; undefined after a MISSING_ELEMENT error (the merger throws them all at the end). */
function named(job: HtmlJob, key: string, at: number): Element | Parent | undefined {
  const found = key === 'head' || key === 'body' ? sectionOf(job, key) : job.elements.get(key);
  if (!found) missing(job, key, at);
  return found;
}

function missing(job: HtmlJob, key: string, at: number): void {
  job.diagnostics.push(missingElement(key, atOffset(job.original, at)));
}

function remove(job: HtmlJob, el: Element): Edit {
  const { start, end } = rangeOf(el);
  return { ...removalRange(job.target.code, start, end), text: '' };
}

/** An element the target lacks is already deleted: nothing to do, nothing to warn about. */
function planDelete(job: HtmlJob, unit: DeleteUnit): void {
  const key = keyOfReference(unit.command.value);
  const el = key === 'head' || key === 'body' ? sectionOf(job, key) : job.elements.get(key);
  if (el) addOp(job, key, 'delete', unit.command.offset, [remove(job, el as Element)]);
}

/** Adds a placement's op unless the target already holds its markup there (a merge placed it before). */
function addInsertion(job: HtmlJob, key: string, kind: string, at: number, edit: Edit): void {
  if (!alreadyInserted(job.target.code, edit)) addOp(job, key, kind, at, [edit]);
}

function planPlace(job: HtmlJob, unit: PlaceUnit): void {
  const key = keyOfReference(unit.command.value);
  const ref = named(job, key, unit.command.offset);
  if (!ref) return;
  const how = unit.command.name as Placement;
  if ((how === 'before' || how === 'after') && !('sourceCodeLocation' in ref && ref.sourceCodeLocation)) {
    job.diagnostics.push(commandNotApplicable(how, `${key} is not written in the target`, atOffset(job.original, unit.command.offset)));
    return;
  }
  const where = `${job.original.path}:${atOffset(job.original, unit.command.offset).line}`;
  addInsertion(job, `@${how} ${key} (${where})`, how, unit.command.offset, place(job, how, ref, unit.start, unit.end));
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
    if (target) addOp(job, unit.key!, 'delete', start, [remove(job, target)]);
    return;
  }
  if (asked && unit.key && !target) return missing(job, unit.key, asked.offset);
  if (!target) return addInsertion(job, unit.key ?? `new <${unit.el.tagName}> (${job.original.path}:${atOffset(job.original, start).line})`, 'append', start, appendNew(job, unit));
  const merged = command('merge') && mergeInline(job, target, unit.el, command('merge')!.offset);
  const range = rangeOf(target);
  const edits = merged || [{ ...range, ...sliceBridge(job.bridge, job.bridgeIndex, start, end, indentAt(job.target.code, range.start), job.target.code) }];
  addOp(job, unit.key!, merged ? 'merge' : 'replace', start, edits);
}

/** The target's head or body; for a fragment target, the fragment itself. */
function sectionOf(job: HtmlJob, section: 'head' | 'body'): Element | Parent | undefined {
  return job.parsed.document ? job.parsed[section] : job.parsed.root;
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
