import type { CommandProcessor, ValueSyntax } from './processor.js';

/** `@bridge path` (in a bridge's header): the target the bridge applies to. Read by `read/header.ts` at discovery. */
export const bridge = (value: ValueSyntax): CommandProcessor<never> => ({
  name: 'bridge',
  value,
  appliesTo: ['bridge'],
  reads: [],
  writes: [],
  summary: 'names the target file of the bridge',
});
