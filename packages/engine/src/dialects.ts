import type { Language } from './types.js';

/** How a JS-family file parses: TypeScript syntax, JSX, or both. */
export interface Dialect {
  language: Language;
  typescript: boolean;
  jsx: boolean;
}

const dialects: Record<string, Dialect> = {
  js: { language: 'js', typescript: false, jsx: true },
  mjs: { language: 'js', typescript: false, jsx: true },
  cjs: { language: 'js', typescript: false, jsx: true },
  jsx: { language: 'js', typescript: false, jsx: true },
  ts: { language: 'js', typescript: true, jsx: false },
  mts: { language: 'js', typescript: true, jsx: false },
  cts: { language: 'js', typescript: true, jsx: false },
  tsx: { language: 'js', typescript: true, jsx: true },
  css: { language: 'css', typescript: false, jsx: false },
  html: { language: 'html', typescript: false, jsx: false },
  htm: { language: 'html', typescript: false, jsx: false },
};

/** Extensions a target (and so a sibling bridge) may have. */
export const targetExtensions = Object.keys(dialects);

export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The dialect of a path, or undefined when CodeBridge does not merge that kind of file. */
export function dialectOf(path: string): Dialect | undefined {
  return dialects[extensionOf(path)];
}

/** Names a markdown fence may carry for each language (the fence of the target's language wins). */
export const fenceNames: Record<Language, readonly string[]> = {
  js: ['js', 'javascript', 'jsx', 'mjs', 'cjs', 'ts', 'typescript', 'tsx', 'mts', 'cts'],
  css: ['css'],
  html: ['html', 'htm', 'xhtml'],
};
