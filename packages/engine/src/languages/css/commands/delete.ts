import type { ChildNode } from 'postcss';
import type { CommandProcessor } from '../../../commands/processor.js';
import type { Edit } from '../../../types.js';
import { removeChild } from '../body.js';

/** `@delete` above a rule removes the target's rule of that key; inside a `@merge`d rule, above a declaration, the property. */
export const del: CommandProcessor<'rule' | 'declaration'> = {
  name: 'delete',
  aliases: ['remove'],
  value: 'flag',
  appliesTo: ['rule', 'declaration'],
  reads: ['existence'],
  writes: ['existence'],
  summary: 'removes the rule (or, inside `@merge`, the declaration) of that key; what the target lacks is already deleted',
};

/** The removals of every target node of the key (none when the target has none: it is already deleted). */
export const planDelete = (found: ChildNode[]): Edit[] => found.map(removeChild);
