import type { CommandProcessor } from '../../../commands/processor.js';

/** `<!-- @replace -->` above a keyed element: it replaces the target's (the default; the command says it out loud). */
export const replace: CommandProcessor<'element'> = {
  name: 'replace',
  value: 'flag',
  appliesTo: ['element'],
  reads: [],
  writes: ['body'],
  summary: 'replaces the target element of the same key (the default)',
};
