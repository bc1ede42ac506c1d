import type { LanguageMerger } from '../merger.js';
import { planJs } from './plan.js';

/** JavaScript and TypeScript (JSX and decorators included), merged through Babel's syntax tree. */
export const js: LanguageMerger = { plan: planJs };
