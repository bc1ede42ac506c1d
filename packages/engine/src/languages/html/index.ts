import { indentUnit } from '../../apply/indent.js';
import { stripFences } from '../../read/fences.js';
import type { PlanOp } from '../../types.js';
import type { LanguageMerger } from '../merger.js';
import { indexElements } from './job.js';
import { parseHtml } from './parse.js';
import { planUnits } from './plan.js';
import { readUnits } from './read.js';

/**
 * The HTML merger: the target is parsed once with parse5 (source locations on) and its keyed
 * elements indexed; each bridge's top-level elements replace, delete or place target markup.
 */
export const html: LanguageMerger = {
  plan({ target, bridges, collector, onRead, clock }) {
    const parsed = parseHtml(target.code, target, 'target');
    const elements = indexElements(parsed.root);
    const unit = indentUnit(target.code);
    const ops: PlanOp[] = [];
    const diagnostics = collector.found;
    const read = bridges.map((original) => {
      const stripped = stripFences(original, 'html');
      diagnostics.push(...stripped.diagnostics);
      const bridge = { path: original.path, code: stripped.code };
      return { original, bridge, units: readUnits(parseHtml(bridge.code, original, 'bridge'), original, (key) => elements.has(key), diagnostics) };
    });
    onRead?.();
    read.forEach(({ original, bridge, units }, bridgeIndex) => {
      planUnits({ target, parsed, elements, bridge, original, bridgeIndex, unit, ops, diagnostics, clock }, units);
    });
    return { ops };
  },
};
