/**
 * Thrown while planning on a partial target when the plan needs what only the whole file's syntax
 * tree gives (every statement, the program's directives, a slice that did not parse as the scanner
 * bounded it). The planner catches it and plans again from a full parse: never an error for a user.
 */
export class NeedsFullParse extends Error {
  override readonly name = 'NeedsFullParse';
}
