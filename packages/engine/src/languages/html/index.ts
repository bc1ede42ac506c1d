import { CodeBridgeError } from '../../diagnostics.js';
import type { LanguageMerger } from '../language.js';

// Placeholder until the html merger lands.
export const html: LanguageMerger = {
  plan(target) {
    throw new CodeBridgeError([{ code: 'UNSUPPORTED_FILE_TYPE', severity: 'error', message: `Unsupported file type: html (${target.path})` }]);
  },
};
