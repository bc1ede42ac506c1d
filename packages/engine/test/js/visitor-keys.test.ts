import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { visitorKeys } from '../../src/languages/js/visitor-keys.js';

describe('visitor keys', () => {
  it('are those of the installed @babel/types (else run node packages/engine/scripts/visitor-keys.mjs)', () => {
    const { VISITOR_KEYS } = createRequire(import.meta.url)('@babel/types') as { VISITOR_KEYS: Record<string, string[]> };
    const withChildren = Object.fromEntries(Object.entries(VISITOR_KEYS).filter(([, keys]) => keys.length > 0));
    expect(visitorKeys).toEqual(withChildren);
  });
});
