import { indentUnit } from '../../apply/indent.js';
import { stripFences } from '../../read/fences.js';
import type { PlanOp } from '../../types.js';
import type { LanguageMerger } from '../merger.js';
import { checkEdits } from './check.js';
import { TargetIndex } from './job.js';
import { parseCss } from './parse.js';
import { planUnits } from './plan.js';
import { readUnits } from './read.js';

/**
 * The CSS merger: the target is parsed once; each bridge is read into units keyed by selector or
 * at-rule inside their chain of context at-rules, and planned against the target's index.
 */
export const css: LanguageMerger = {
  plan({ target, bridges, collector, onRead, clock }) {
    const root = parseCss(target.code, target, 'target');
    const index = new TargetIndex(root);
    const unit = indentUnit(target.code);
    const ops: PlanOp[] = [];
    const diagnostics = collector.found;
    const read = bridges.map((original) => {
      const stripped = stripFences(original, 'css');
      diagnostics.push(...stripped.diagnostics);
      const bridge = { path: original.path, code: stripped.code };
      return { original, bridge, units: readUnits(parseCss(bridge.code, original, 'bridge'), original, diagnostics) };
    });
    onRead?.();
    read.forEach(({ original, bridge, units }, bridgeIndex) => {
      planUnits({ target, bridge, original, bridgeIndex, unit, index, ops, diagnostics, clock }, units, [index.root], []);
    });
    collector.add(...checkEdits(target, root, ops, bridges));
    return { ops };
  },
};
