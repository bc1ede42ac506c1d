import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, type Entry } from '../../src/cache/entry.js';

const key = 'a'.repeat(64);
const entry = (map: Entry['result']['map']): Entry => ({
  key,
  costMs: 12.5,
  result: {
    // Quotes, backslashes, newlines, non-ASCII and the placeholders of portable paths: the code is stored as raw UTF-8.
    code: 'const s = "caf\u00e9 \\"q\\"";\n// \u0000 0\u0000 \u{1F600}\n',
    map,
    diagnostics: [{ code: 'CB_WARN', severity: 'warning', message: 'in \u00000\u0000', file: '\u00001\u0000' } as never],
    changed: true,
    resolutions: [],
  },
});

describe('a cache entry as stored in a pack', () => {
  it('comes back whole: code, map with its mappings, diagnostics; a null map stays null', () => {
    const withMap = entry({ version: 3, sources: ['\u00000\u0000', '\u00001\u0000'], names: ['x'], mappings: 'AAAA;AACA,\u00e9' });
    expect(decodeEntry(encodeEntry(withMap), key)).toEqual(withMap);
    const noMap = entry(null);
    expect(decodeEntry(encodeEntry(noMap), key)).toEqual(noMap);
  });

  it('a body cut short, one whose lengths point past its end, or one written for another key is a miss', () => {
    const body = encodeEntry(entry({ version: 3, sources: [], names: [], mappings: 'AAAA;AACA' }));
    for (const cut of [0, 4, 13, body.length - 30, body.length - 1]) expect(decodeEntry(body.subarray(0, cut), key)).toBeUndefined();
    const lying = Buffer.from(body);
    lying.writeUInt32LE(body.length, 4);
    expect(decodeEntry(lying, key)).toBeUndefined();
    expect(decodeEntry(body, 'b'.repeat(64))).toBeUndefined();
  });

  it('decodes the code and the mappings only when they are read, and keeps what is written over them', () => {
    const stored = entry({ version: 3, sources: ['\u00000\u0000'], names: [], mappings: 'AAAA;AACA' });
    const body = encodeEntry(stored);
    const decoded = decodeEntry(body, key)!;
    const codeAt = body.length - Buffer.byteLength('AAAA;AACA') - Buffer.byteLength(stored.result.code);
    // Bytes changed after the decode and before the first read show in what is read: nothing was decoded yet.
    body.write('X', codeAt, 'latin1');
    expect(decoded.result.code).toBe(`X${stored.result.code.slice(1)}`);
    // Once read, a text is kept: later changes to the body do not reach it.
    body.write('Y', codeAt, 'latin1');
    expect(decoded.result.code[0]).toBe('X');
    decoded.result.map!.mappings = 'BBBB';
    expect(decoded.result.map!.mappings).toBe('BBBB');
    expect(JSON.parse(JSON.stringify(decoded.result)).map.mappings).toBe('BBBB');
  });
});
