import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import pc from 'picocolors';

/** A git-style unified diff (`a/path`, `b/path`), coloured when the terminal takes colours. */
export function unifiedDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
  return patch.split('\n').map(colourLine).join('\n');
}

function colourLine(line: string): string {
  if (line.startsWith('---') || line.startsWith('+++')) return pc.bold(line);
  if (line.startsWith('@@')) return pc.cyan(line);
  if (line.startsWith('+')) return pc.green(line);
  if (line.startsWith('-')) return pc.red(line);
  return line;
}
