import type { CommandSpec } from '../../commands/parse.js';

/** The commands a JavaScript or TypeScript bridge may carry. */
export const jsCommands: CommandSpec = {
  known: {
    access: 'value',
    decorator: 'value',
    rename: 'value',
    delete: 'flag',
    params: 'optional',
    class: 'value',
    order: 'value',
    replace: 'flag',
    before: 'value',
    after: 'value',
    bridge: 'value',
  },
  aliases: { decorate: 'decorator', remove: 'delete', parameters: 'params', args: 'params', modifier: 'access', visibility: 'access' },
  // JSDoc tags are documentation, not commands.
  ignore: ['param', 'returns', 'return', 'type', 'typedef', 'template', 'example', 'deprecated', 'see', 'throws', 'description', 'since', 'author', 'private', 'public', 'protected', 'override', 'readonly', 'todo'],
  examples: {
    access: '@access private',
    decorator: '@decorator Input()',
    rename: '@rename newName',
    class: '@class ClassName',
    before: '@before memberName',
    after: '@after memberName',
  },
};
