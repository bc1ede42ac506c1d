import { describe, expect, test } from 'vitest';
import { CodeBridgeError } from '../../src/diagnostics.js';
import { mergeSync } from '../../src/merge.js';
import { loadCase, mergeCase, mergeError as jsError } from '../js/cases.js';
import { mergeError, mergeFixture } from '../support/fixtures.js';

// One test per row of docs/resolution.md, in the table's order.

const js = (name: string) => `test/fixtures/js/${name}`;

describe('footprints on different aspects of one unit compose', () => {
  test('edits of different members from two bridges both apply', () => {
    const result = mergeCase('resolve-different-members');
    expect(result.code).toBe(result.case.expected);
    expect(result.resolutions).toEqual([]);
  });

  test('a decorator from one bridge and a new body from another both apply, in one edit', () => {
    const result = mergeCase('resolve-decorator-and-body');
    expect(result.code).toBe(result.case.expected);
    expect(result.diagnostics).toEqual([]);
    expect(result.resolutions).toEqual([]);
  });

  test('a rename from one bridge and a new body from another both apply, this.references follow', () => {
    const result = mergeCase('resolve-rename-and-body');
    expect(result.code).toBe(result.case.expected);
    expect(result.diagnostics).toEqual([]);
  });

  test('an access modifier and a parameter list from two bridges both apply; the same modifier twice is one edit', () => {
    const result = mergeCase('resolve-access-and-params');
    expect(result.code).toBe(result.case.expected);
    expect(result.diagnostics).toEqual([]);
    expect(result.resolutions).toEqual([]);
  });

  test('decorators from two bridges add up', () => {
    const result = mergeCase('resolve-two-decorators');
    expect(result.code).toBe(result.case.expected);
  });
});

describe('a body restated to carry commands a merge before applied is no edit', () => {
  test.each(['resolve-decorator-and-body', 'resolve-rename-and-body'])('%s merged into its own result: the other bridge\'s body stays, nothing changes', (name) => {
    const c = loadCase(name);
    const result = mergeSync({ target: { ...c.target, code: c.expected! }, bridges: c.bridges });
    expect(result.code).toBe(c.expected);
    expect(result.changed).toBe(false);
    expect(result.diagnostics).toEqual([]);
    expect(result.resolutions).toEqual([]);
  });
});

describe('overlapping footprints ordered by @order layer: the later wins and the override is reported', () => {
  test('two bridges replacing one function with @order 1 and @order 2', () => {
    const result = mergeCase('resolve-order-function');
    expect(result.code).toBe(result.case.expected);
    expect(result.diagnostics).toEqual([]);
    expect(result.resolutions).toEqual([
      {
        key: 'binding greet',
        aspects: ['body'],
        winner: { bridge: js('resolve-order-function/bridge-b.js'), line: 2, column: 0, order: 2 },
        overridden: { bridge: js('resolve-order-function/bridge-a.js'), line: 2, column: 0, order: 1 },
      },
    ]);
  });

  test('a member: the higher @order wins whatever the bridges are called', () => {
    const result = mergeCase('resolve-order-member');
    expect(result.code).toBe(result.case.expected);
    expect(result.resolutions).toMatchObject([{ key: 'Job.run', winner: { bridge: js('resolve-order-member/bridge-a.js'), order: 5 }, overridden: { order: 3 } }]);
  });

  test('a later @delete wins over an edit of the member', () => {
    const result = mergeCase('resolve-order-delete');
    expect(result.code).toBe(result.case.expected);
    expect(result.resolutions).toMatchObject([{ key: 'Job.run', aspects: ['existence'], winner: { order: 2, line: 2 }, overridden: { order: 1 } }]);
  });

  test('a later rename wins the name; the earlier bridge still gives the body', () => {
    const result = mergeCase('resolve-order-rename');
    expect(result.code).toBe(result.case.expected);
    expect(result.resolutions).toMatchObject([{ key: 'Cart.sum', aspects: ['name'], winner: { line: 2, column: 3, order: 2 }, overridden: { line: 2, column: 3, order: 1 } }]);
  });

  test('CSS: one rule from two ordered bridges', () => {
    const { result, expected } = mergeFixture('css', 'resolve-order');
    expect(result.code).toBe(expected);
    expect(result.resolutions).toMatchObject([{ key: '.btn', winner: { bridge: 'css/resolve-order/bridge-1.css', order: 2 }, overridden: { bridge: 'css/resolve-order/bridge-2.css', order: 1 } }]);
  });

  test('HTML: one element from two ordered bridges', () => {
    const { result, expected } = mergeFixture('html', 'resolve-order');
    expect(result.code).toBe(expected);
    expect(result.resolutions).toMatchObject([{ key: '#greeting', winner: { bridge: 'html/resolve-order/bridge-2.html', order: 2 }, overridden: { order: 1 } }]);
  });
});

describe('overlapping footprints with no order between them are conflicts naming both bridges', () => {
  test('two bridges with no @order editing one member', () => {
    const error = jsError('conflict-edit') as CodeBridgeError;
    expect(error.diagnostic).toMatchObject({ code: 'CONFLICT', file: js('conflict-edit/bridge-b.js'), line: 2 });
    expect(error.diagnostic.message).toContain(`${js('conflict-edit/bridge-a.js')}:1:1`);
  });

  test('two bridges with the same @order editing one function', () => {
    const error = jsError('resolve-same-order-conflict') as CodeBridgeError;
    expect(error.diagnostics).toMatchObject([{ code: 'CONFLICT', file: js('resolve-same-order-conflict/bridge-b.js'), line: 2, column: 0 }]);
    expect(error.diagnostic.message).toContain(`binding greet is edited by ${js('resolve-same-order-conflict/bridge-a.js')}:2:1`);
  });

  test('one member twice in one bridge', () => {
    const error = jsError('resolve-twice-in-one-bridge') as CodeBridgeError;
    expect(error.diagnostics).toMatchObject([{ code: 'CONFLICT', file: js('resolve-twice-in-one-bridge/bridge.js'), line: 5 }]);
  });

  test('two renames onto one name conflict whatever their order (a name cannot be overridden)', () => {
    const error = jsError('resolve-rename-onto-one-name') as CodeBridgeError;
    expect(error.diagnostics).toMatchObject([{ code: 'CONFLICT', file: js('resolve-rename-onto-one-name/bridge-b.js') }]);
    expect(error.diagnostic.message).toContain('Cart.total');
  });

  test('HTML: two bridges with no @order editing one element', () => {
    expect(mergeError('html', 'conflict-same-element').diagnostic).toMatchObject({ code: 'CONFLICT', file: 'html/conflict-same-element/bridge-2.html' });
  });

  test('different units whose edits touch one stretch of text (markup placed into an element another bridge deletes)', () => {
    expect(mergeError('html', 'conflict-placement-inside-deleted').diagnostic).toMatchObject({ code: 'CONFLICT', file: 'html/conflict-placement-inside-deleted/bridge-2.html' });
  });
});
