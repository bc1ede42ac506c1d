import { describe, expect, test } from 'vitest';
import { CodeBridge } from '../../src/compat.js';

const original = 'export class A {\n  f() {\n    return 1;\n  }\n}\n';
const snippet = 'f() {\n  return 2;\n}\n';
const merged = 'export class A {\n  f() {\n    return 2;\n  }\n}\n';

describe('CodeBridge().process', () => {
  test.each(['js', 'javascript', 'ts', 'typescript', 'jsx', 'tsx', 'JS'])('merges a %s snippet', (type) => {
    expect(new CodeBridge().process(original, snippet, type)).toBe(merged);
  });

  test('parses TypeScript syntax when the type says so', () => {
    const ts = new CodeBridge().process('class A {\n  f(): number {\n    return 1;\n  }\n}\n', 'private f(): number {\n  return 2;\n}\n', 'ts');
    expect(ts).toBe('class A {\n  private f(): number {\n    return 2;\n  }\n}\n');
  });

  test('an unknown type throws "Unsupported file type"', () => {
    expect(() => new CodeBridge().process(original, snippet, 'python')).toThrow('Unsupported file type: python');
  });
});
