import { expect, test } from 'vitest';
import { CodeBridge } from '../../src/compat.js';

test('CodeBridge.process merges css through the compatible API', () => {
  expect(new CodeBridge().process('.a { color: red; }\n.b { margin: 0; }\n', '/* @merge */\n.b { padding: 0; }', 'css')).toBe(
    '.a { color: red; }\n.b { margin: 0; padding: 0; }\n',
  );
});
