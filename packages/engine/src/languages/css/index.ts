import { CodeBridgeError } from '../../diagnostics.js';
import type { LanguageMerger } from '../language.js';

// Placeholder until the css merger lands.
export const css: LanguageMerger = {
  plan(target) {
    throw new CodeBridgeError([{ code: 'UNSUPPORTED_FILE_TYPE', severity: 'error', message: `Unsupported file type: css (${target.path})` }]);
  },
};
