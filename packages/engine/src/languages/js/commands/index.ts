import { bridge } from '../../../commands/bridge.js';
import { order } from '../../../commands/order.js';
import { specOf, type Registry } from '../../../commands/processor.js';
import type { CommandSpec } from '../../../commands/parse.js';
import { access } from './access.js';
import { after, before } from './before-after.js';
import { cls } from './class.js';
import { decorator } from './decorator.js';
import { del } from './delete.js';
import { params } from './params.js';
import { rename } from './rename.js';
import { replace } from './replace.js';
import type { JsPlace } from './processor.js';

/** Every command a JavaScript or TypeScript bridge may carry: adding one is a file and a line here. */
export const jsRegistry: Registry<JsPlace> = [access, decorator, rename, del, params, cls, order('value'), replace, before, after, bridge('value')];

/** JSDoc and TSDoc tags: documentation that travels with the unit, never a command. */
const documentation = ['param', 'returns', 'return', 'type', 'typedef', 'template', 'example', 'deprecated', 'see', 'throws', 'description', 'since', 'author', 'private', 'public', 'protected', 'override', 'readonly', 'todo'];

/** What the comment parser accepts in a JS bridge. */
export const jsCommands: CommandSpec = { ...specOf(jsRegistry), ignore: documentation };
