import { CodeBridgeError, type Diagnostic } from '../diagnostics.js';

/**
 * Every diagnostic of one plan, whichever language or command found it: gathered in one list
 * (severity tells errors from warnings), sorted once, and thrown together when any is an error,
 * before anything is applied.
 */
export class Collector {
  readonly found: Diagnostic[] = [];

  add(...diagnostics: Diagnostic[]): void {
    this.found.push(...diagnostics);
  }

  get hasErrors(): boolean {
    return this.found.some((d) => d.severity === 'error');
  }

  /**
   * The warnings, sorted by place: files in the order they were first reported on (bridges in
   * apply order), then line and column. Throws a CodeBridgeError with every diagnostic (errors
   * first) when any is an error.
   */
  settle(): Diagnostic[] {
    const rank = new Map<string | undefined, number>();
    for (const d of this.found) if (!rank.has(d.file)) rank.set(d.file, rank.size);
    const sorted = [...this.found].sort((a, b) => rank.get(a.file)! - rank.get(b.file)! || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    if (this.hasErrors) throw new CodeBridgeError(sorted);
    return sorted;
  }
}
