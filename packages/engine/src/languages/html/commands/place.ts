import type { CommandProcessor } from '../../../commands/processor.js';
import { atOffset, commandNotApplicable } from '../../../diagnostics.js';
import type { HtmlJob } from '../job.js';
import { keyOfReference, textOnlyTags } from '../keys.js';
import { addInsertion, named } from '../ops.js';
import { place, type Placement } from '../place.js';
import type { PlaceUnit } from '../read.js';

const placement = (name: Placement, aliases: string[], summary: string): CommandProcessor<'markup'> => ({
  name,
  aliases,
  value: 'value',
  example: `<!-- @${name} #id -->`,
  appliesTo: ['markup'],
  reads: ['existence'],
  writes: ['position'],
  summary,
});

/** The placements: the markup below the command (up to the next command) goes where it says, relative to a target element. */
export const appendTo = placement('append-to', ['appendto', 'append'], 'places the markup below it as the last children of the element named');
export const prependTo = placement('prepend-to', ['prependto', 'prepend'], 'places the markup below it as the first children of the element named');
export const before = placement('before', ['insert-before'], 'places the markup below it before the element named');
export const after = placement('after', ['insert-after'], 'places the markup below it after the element named');

/** A placement command and its markup: one insertion relative to the element named (which must be written in the target for before/after). */
export function planPlace(job: HtmlJob, unit: PlaceUnit): void {
  const key = keyOfReference(unit.command.value);
  const ref = named(job, key, unit.command.offset);
  if (!ref) return;
  const how = unit.command.name as Placement;
  if ((how === 'before' || how === 'after') && !('sourceCodeLocation' in ref && ref.sourceCodeLocation)) {
    job.diagnostics.push(commandNotApplicable(how, `${key} is not written in the target`, atOffset(job.original, unit.command.offset)));
    return;
  }
  if ((how === 'append-to' || how === 'prepend-to') && 'tagName' in ref && textOnlyTags.has(ref.tagName)) {
    // Markup put there would be the element's text: a script's code, a title's words.
    job.diagnostics.push(commandNotApplicable(how, `<${ref.tagName}> ${key} holds text, not elements`, atOffset(job.original, unit.command.offset)));
    return;
  }
  const where = `${job.original.path}:${atOffset(job.original, unit.command.offset).line}`;
  addInsertion(job, `@${how} ${key} (${where})`, how, unit.command.offset, place(job, how, ref, unit.start, unit.end), [how]);
}
