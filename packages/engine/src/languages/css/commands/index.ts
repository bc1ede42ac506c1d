import { bridge } from '../../../commands/bridge.js';
import { order } from '../../../commands/order.js';
import { specOf, type Registry } from '../../../commands/processor.js';
import { del } from './delete.js';
import { merge } from './merge.js';
import { replace } from './replace.js';

/** Every command a CSS bridge may carry: adding one is a file and a line here. */
export const cssRegistry: Registry<'rule' | 'declaration'> = [merge, del, replace, bridge('optional'), order('optional')];

/** What the comment parser accepts in a CSS bridge. */
export const cssCommands = specOf(cssRegistry);
