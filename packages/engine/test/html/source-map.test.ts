import { expect, test } from 'vitest';
import { mergeFixture } from '../support/fixtures.js';
import { origin } from '../support/trace.js';

test('the source map lists the target and the bridge with their contents', () => {
  const { result, expected, target, bridges } = mergeFixture('html', 'source-map');
  expect(result.code).toBe(expected);
  expect(result.map).toMatchObject({ version: 3, sources: [target.path, bridges[0]!.path], sourcesContent: [target.code, bridges[0]!.code] });
});

test('a replaced element maps to its lines in the bridge', () => {
  const { result } = mergeFixture('html', 'source-map');
  expect(origin(result, '<ul id="list">')).toMatchObject({ source: 'html/source-map/bridge.html', line: 2, column: 0 });
  expect(origin(result, '<li>dos</li>')).toMatchObject({ source: 'html/source-map/bridge.html', line: 4, column: 2 });
});

test('placed markup maps to the bridge', () => {
  const { result } = mergeFixture('html', 'source-map');
  expect(origin(result, '<a href="/about">')).toMatchObject({ source: 'html/source-map/bridge.html', line: 7, column: 0 });
});

test('untouched markup maps to the target', () => {
  const { result } = mergeFixture('html', 'source-map');
  // The target part of the map resolves lines (magic-string's line-resolution map).
  expect(origin(result, '<p id="note">')).toMatchObject({ source: 'html/source-map/target.html', line: 16 });
});

test('an edit inside an inline style maps to its line in the bridge', () => {
  const { result } = mergeFixture('html', 'inline-style-merge');
  expect(origin(result, 'padding: 16px')).toMatchObject({ source: 'html/inline-style-merge/bridge.html', line: 5, column: 4 });
  expect(origin(result, '.badge')).toMatchObject({ source: 'html/inline-style-merge/bridge.html', line: 7, column: 2 });
});
