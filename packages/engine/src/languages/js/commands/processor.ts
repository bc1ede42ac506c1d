import type { CommandProcessor } from '../../../commands/processor.js';
import type { UnitKind } from '../read.js';

/**
 * Where a JS command may stand: above a unit of one of these kinds. `snippet member` is a member
 * of a method-only snippet (not inside a bridge class), where `@class` picks the class.
 */
export type JsPlace = UnitKind | 'snippet member';

export type JsCommand = CommandProcessor<JsPlace>;
