import type { CommandProcessor } from '../../../commands/processor.js';
import type { Edit } from '../../../types.js';
import { mergeBody, type Block } from '../body.js';
import type { CssJob } from '../job.js';

/** `@merge` above a rule: its declarations (and nested rules) merge into the target rule's, instead of replacing it. */
export const merge: CommandProcessor<'rule'> = {
  name: 'merge',
  aliases: ['merged'],
  value: 'flag',
  appliesTo: ['rule'],
  reads: ['body'],
  writes: ['body'],
  summary: "merges a rule's declarations into the target rule (a `@delete` above a declaration removes it)",
};

/** The edits of a `@merge`d rule: declarations by property, nested rules by selector. */
export const planMerge = (job: CssJob, target: Block, rule: Block): Edit[] => mergeBody(job, target, rule);
