import type { JsCommand } from './processor.js';

/** `@replace`: a bridge class replaces the target's whole, instead of merging member by member. */
export const replace: JsCommand = {
  name: 'replace',
  value: 'flag',
  appliesTo: ['member', 'snippet member', 'class', 'binding'],
  reads: [],
  writes: ['body'],
  summary: 'replaces the unit whole (a class is otherwise merged member by member)',
};
