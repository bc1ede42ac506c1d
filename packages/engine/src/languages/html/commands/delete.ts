import type { CommandProcessor } from '../../../commands/processor.js';
import type { HtmlJob } from '../job.js';
import { keyOfReference } from '../keys.js';
import { addOp, remove, sectionOf } from '../ops.js';
import type { Element } from '../parse.js';
import type { DeleteUnit } from '../read.js';

/** `<!-- @delete #id -->` removes the element named; above a keyed element (no value), that element. */
export const del: CommandProcessor<'element' | 'markup'> = {
  name: 'delete',
  aliases: ['remove'],
  value: 'optional',
  appliesTo: ['element', 'markup'],
  reads: ['existence'],
  writes: ['existence'],
  summary: 'removes the element named (`@delete #id`) or the keyed element below it; one the target lacks is already deleted',
};

/** A `@delete #id` standing alone: the target element goes (one the target lacks is already deleted: nothing to do, nothing to warn about). */
export function planDelete(job: HtmlJob, unit: DeleteUnit): void {
  const key = keyOfReference(unit.command.value);
  const el = key === 'head' || key === 'body' ? sectionOf(job, key) : job.elements.get(key);
  if (el) addOp(job, key, 'delete', unit.command.offset, [remove(job, el as Element)], ['delete']);
}
