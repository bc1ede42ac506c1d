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

/**
 * JSDoc block tags (jsdoc.app), the tags TypeScript reads in JavaScript (`@import`, `@satisfies`,
 * `@overload`), TSDoc's standard tags (tsdoc.org), TypeDoc's (`@category`, `@group`, `@hidden`) and
 * Closure Compiler's, lower-cased as the parser reads them: documentation that travels with the
 * unit, never a command, in any comment. A name that is also a command here (`@class`, `@access`,
 * `@decorator`) is the command.
 */
const documentation = [
  ...['abstract', 'alias', 'arg', 'argument', 'async', 'augments', 'author', 'borrows', 'callback', 'classdesc', 'const', 'constant', 'constructs', 'copyright', 'default', 'description'],
  ...['enum', 'event', 'example', 'exception', 'exports', 'extends', 'external', 'file', 'fileoverview', 'fires', 'func', 'function', 'generator', 'global', 'hideconstructor', 'ignore'],
  ...['implements', 'inheritdoc', 'inner', 'instance', 'interface', 'kind', 'lends', 'license', 'link', 'listens', 'member', 'memberof', 'method', 'mixes', 'mixin', 'module', 'name'],
  ...['namespace', 'override', 'package', 'param', 'private', 'prop', 'property', 'protected', 'public', 'readonly', 'requires', 'return', 'returns', 'see', 'since', 'static', 'summary'],
  ...['template', 'this', 'throws', 'todo', 'tutorial', 'type', 'typedef', 'variation', 'version', 'virtual', 'yield', 'yields', 'deprecated'],
  ...['alpha', 'beta', 'defaultvalue', 'eventproperty', 'experimental', 'internal', 'label', 'packagedocumentation', 'privateremarks', 'remarks', 'sealed', 'typeparam'],
  ...['import', 'satisfies', 'overload', 'category', 'categorydescription', 'group', 'groupdescription', 'hidden', 'expand', 'inline', 'primaryexport', 'document'],
  ...['nocollapse', 'nosideeffects', 'noinline', 'suppress', 'struct', 'record', 'define', 'dict', 'final', 'export'],
];

/** What the comment parser accepts in a JS bridge. */
export const jsCommands: CommandSpec = { ...specOf(jsRegistry), ignore: documentation };
