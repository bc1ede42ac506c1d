import type { SourceMapV3 } from '@codebridge/engine';

/** The code with its map appended as an inline `sourceMappingURL` comment (a CSS comment for CSS). */
export function withInlineMap(code: string, map: SourceMapV3 | null, css = false): string {
  if (!map) return code;
  const url = `data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
  return css ? `${code}\n/*# sourceMappingURL=${url} */\n` : `${code}\n//# sourceMappingURL=${url}\n`;
}
