import type { CommandProcessor, ValueSyntax } from './processor.js';

/**
 * `@order N` (in a bridge's header): bridges of one target apply by order, then path. Where two
 * bridges edit one aspect of one unit, the higher order wins (docs/resolution.md). Read by
 * `read/header.ts`; its value syntax is the language's (CSS and HTML tolerate an empty one).
 */
export const order = (value: ValueSyntax): CommandProcessor<never> => ({
  name: 'order',
  value,
  appliesTo: ['bridge'],
  reads: [],
  writes: [],
  summary: 'orders the bridges of one target; the later one wins an overlapping edit',
});
