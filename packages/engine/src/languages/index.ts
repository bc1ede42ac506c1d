import type { Language } from '../types.js';
import { css } from './css/index.js';
import { html } from './html/index.js';
import { js } from './js/index.js';
import type { LanguageMerger } from './merger.js';

export const mergers: Record<Language, LanguageMerger> = { js, css, html };
