import { lineBreaks } from '../lines.js';
import type { BridgeSlice } from './splice.js';

/**
 * A bridge slice with target text around it (separators, indentation, closing lines). The origin
 * gains an unmapped line for each line break of `before` and `after`, so the slice's own lines
 * still map to their bridge lines.
 */
export function framed(slice: BridgeSlice, before: string, after = ''): BridgeSlice {
  const breaks = (text: string) => Array.from({ length: lineBreaks(text) }, () => null);
  return {
    text: before + slice.text + after,
    origin: { bridge: slice.origin.bridge, lines: [...breaks(before), ...slice.origin.lines, ...breaks(after)] },
  };
}
