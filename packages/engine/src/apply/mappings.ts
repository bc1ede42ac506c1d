const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value: number): string {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/**
 * Writes a v3 map's `mappings` as segments come, line after line, in column order. Written here
 * rather than building decoded arrays for `@jridgewell/sourcemap-codec`'s `encode`: a merge maps
 * every line of its target, and two arrays per line were most of the map's cost.
 */
export class MappingsWriter {
  private out = '';
  private inLine = 0;
  private column = 0;
  private source = 0;
  private sourceLine = 0;
  private sourceColumn = 0;

  /** Starts the next generated line. */
  newLine(): void {
    this.out += ';';
    this.inLine = 0;
    this.column = 0;
  }

  /** A segment: generated column, source index, 0-based source line and column. */
  segment(column: number, source: number, sourceLine: number, sourceColumn: number): void {
    if (this.inLine++) this.out += ',';
    this.out += vlq(column - this.column) + vlq(source - this.source) + vlq(sourceLine - this.sourceLine) + vlq(sourceColumn - this.sourceColumn);
    this.column = column;
    this.source = source;
    this.sourceLine = sourceLine;
    this.sourceColumn = sourceColumn;
  }

  toString(): string {
    return this.out;
  }
}
