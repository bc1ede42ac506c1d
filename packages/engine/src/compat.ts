import { CodeBridgeError, unsupportedFileType } from './diagnostics.js';
import { mergeSync } from './merge.js';

const extensions: Record<string, string> = {
  js: 'js',
  javascript: 'js',
  jsx: 'jsx',
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  css: 'css',
  html: 'html',
};

/** The original synchronous API, kept as it was: merged code out, errors thrown. */
export class CodeBridge {
  process(original: string, snippet: string, type: string): string {
    const ext = extensions[String(type).toLowerCase()];
    if (!ext) throw new CodeBridgeError([unsupportedFileType(String(type))]);
    return mergeSync({
      target: { path: `original.${ext}`, code: original },
      bridges: [{ path: `snippet.${ext}`, code: snippet }],
      options: { sourceMap: false },
    }).code;
  }
}
