import { CodeBridgeError } from '../../diagnostics.js';
import type { LanguageMerger } from '../language.js';

// Placeholder until the js merger lands.
export const js: LanguageMerger = {
  plan(target) {
    throw new CodeBridgeError([{ code: 'UNSUPPORTED_FILE_TYPE', severity: 'error', message: `Unsupported file type: js (${target.path})` }]);
  },
};
