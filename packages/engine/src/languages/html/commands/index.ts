import { bridge } from '../../../commands/bridge.js';
import { order } from '../../../commands/order.js';
import { specOf, type Registry } from '../../../commands/processor.js';
import { del } from './delete.js';
import { merge } from './merge.js';
import { after, appendTo, before, prependTo } from './place.js';
import { replace } from './replace.js';

/** Every command an HTML bridge may carry: adding one is a file and a line here. */
export const htmlRegistry: Registry<'element' | 'markup'> = [del, merge, replace, appendTo, prependTo, before, after, bridge('optional'), order('optional')];

/** What the comment parser accepts in an HTML bridge. */
export const htmlCommands = specOf(htmlRegistry);

/** Commands that place the markup below them (their footprint is a position). */
export const placements = new Set(htmlRegistry.filter((p) => p.writes.includes('position')).map((p) => p.name));
