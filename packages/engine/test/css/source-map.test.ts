import { expect, test } from 'vitest';
import { mergeFixture } from '../support/fixtures.js';
import { origin } from '../support/trace.js';

test('the source map lists the target and the bridge with their contents', () => {
  const { result, expected, target, bridges } = mergeFixture('css', 'source-map');
  expect(result.code).toBe(expected);
  expect(result.map).toMatchObject({ version: 3, sources: [target.path, bridges[0]!.path], sourcesContent: [target.code, bridges[0]!.code] });
});

test('a replaced declaration maps to its line in the bridge', () => {
  const { result } = mergeFixture('css', 'source-map');
  expect(origin(result, 'color: rebeccapurple')).toMatchObject({ source: 'css/source-map/bridge.css', line: 3, column: 2 });
});

test('an appended rule maps to the bridge line by line', () => {
  const { result } = mergeFixture('css', 'source-map');
  expect(origin(result, '.c {')).toMatchObject({ source: 'css/source-map/bridge.css', line: 6, column: 0 });
  expect(origin(result, 'padding: 1px')).toMatchObject({ source: 'css/source-map/bridge.css', line: 7, column: 2 });
});

test('an untouched rule maps to the target', () => {
  const { result } = mergeFixture('css', 'source-map');
  expect(origin(result, '.a { color: red; }')).toMatchObject({ source: 'css/source-map/target.css', line: 1, column: 0 });
});
