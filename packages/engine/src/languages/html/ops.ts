import { alreadyInserted } from '../../apply/already-applied.js';
import { removalWithBreakBefore } from '../../apply/remove.js';
import { atOffset, missingElement } from '../../diagnostics.js';
import { lineIndexOf } from '../../lines.js';
import type { Aspect, Edit } from '../../types.js';
import type { HtmlJob } from './job.js';
import { rangeOf, type Element, type Parent } from './parse.js';

/** What each kind of operation writes of its element: with the element's key, its footprint. */
const aspectsOf: Record<string, Aspect[]> = { delete: ['existence'], append: ['existence', 'body'], replace: ['body'], merge: ['body'] };

/** Records one operation of the bridge being planned; `at` is the bridge offset it was asked for at. */
export function addOp(job: HtmlJob, key: string, kind: string, at: number, edits: Edit[], commands: string[] = []): void {
  const source = { bridge: job.bridgeIndex, ...lineIndexOf(job.bridge).position(at) };
  job.ops.push({ key, aspects: aspectsOf[kind] ?? ['position'], kind, commands, source, edits });
}

/** Adds a placement's op unless the target already holds its markup there (a merge placed it before). */
export function addInsertion(job: HtmlJob, key: string, kind: string, at: number, edit: Edit, commands: string[] = []): void {
  if (!alreadyInserted(job.target.code, edit)) addOp(job, key, kind, at, [edit], commands);
}

/** The target element a command names; undefined after a MISSING_ELEMENT error (the merger throws them all at the end). */
export function named(job: HtmlJob, key: string, at: number): Element | Parent | undefined {
  const found = key === 'head' || key === 'body' ? sectionOf(job, key) : job.elements.get(key);
  if (!found) missing(job, key, at);
  return found;
}

export function missing(job: HtmlJob, key: string, at: number): void {
  job.diagnostics.push(missingElement(key, atOffset(job.original, at)));
}

/** The removal of a target element with the line it stands on. */
export function remove(job: HtmlJob, el: Element): Edit {
  const { start, end } = rangeOf(el);
  return { ...removalWithBreakBefore(job.target.code, start, end), text: '' };
}

/** The target's head or body; for a fragment target, the fragment itself. */
export function sectionOf(job: HtmlJob, section: 'head' | 'body'): Element | Parent | undefined {
  return job.parsed.document ? job.parsed[section] : job.parsed.root;
}
