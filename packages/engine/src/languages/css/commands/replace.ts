import type { CommandProcessor } from '../../../commands/processor.js';

/** `@replace` above a rule: the rule replaces the target's (what a rule does by default; the command says it out loud). */
export const replace: CommandProcessor<'rule'> = {
  name: 'replace',
  value: 'flag',
  appliesTo: ['rule'],
  reads: [],
  writes: ['body'],
  summary: "replaces the target rule's body (the default without `@merge`)",
};
