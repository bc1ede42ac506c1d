import { describe, expect, it } from 'vitest';
import { compileBridgeGlobs, defaultBridgeGlobs, defaultIgnore, picomatchGlobs } from '../../src/discover/bridge-globs.js';
import { targetExtensions } from '../../src/dialects.js';

// Paths relative to the root, of every kind the default globs tell apart.
const names = ['a', 'cart', 'a.b', '.hidden', '-', 'a..b', 'x.bridge', 'bridge', 'we\nird'];
const suffixes = [...targetExtensions.map((e) => `.bridge.${e}`), '.bridge.md', '.bridge.ts.bak', '.Bridge.ts', '.bridge.TS', '.bridges.ts', '.ts', ''];
const folders = ['', 'src/', 'src/deep/er/', '.storybook/', 'src/.hidden/', 'node_modules/', 'src/node_modules/pkg/', 'dist/', 'packages/a/dist/', '.git/', 'distro/', 'my.dist/', 'git/'];
const paths = folders.flatMap((f) => names.flatMap((n) => suffixes.map((s) => `${f}${n}${s}`)));

describe('the default bridge globs', () => {
  it(`answer as picomatch does, without loading it, on ${paths.length} paths`, () => {
    const own = compileBridgeGlobs(defaultBridgeGlobs, defaultIgnore, '/root');
    const picomatch = picomatchGlobs(defaultBridgeGlobs, defaultIgnore, '/root');
    expect(own).not.toBe(picomatch);
    // The folders a walk enters: none with a dot segment (it does not go into those), none skipped.
    const folderOf = (rel: string) => rel.split('/').slice(0, -1).join('/');
    const listed = [...new Set(paths.map(folderOf))].filter((f) => f && !/(^|\/)\./.test(f));
    expect(listed.filter((f) => own.skips(f) !== picomatch.skips(f))).toEqual([]);
    expect(listed.filter((f) => own.skips(f)).length).toBeGreaterThan(2);
    const walked = paths.filter((rel) => !/(^|\/)\./.test(folderOf(rel)) && !own.skips(folderOf(rel) || '-'));
    expect(walked.filter((rel) => own.matches(rel) !== picomatch.matches(rel))).toEqual([]);
    // Anywhere else (a watcher asks of any path), picomatch's `**` does not cross a newline in a name: `node_modules/a\nb.bridge.js` is not ignored there.
    expect(paths.filter((rel) => !rel.includes('\n') && own.matches(rel) !== picomatch.matches(rel))).toEqual([]);
    expect(walked.filter((rel) => own.matches(rel)).length).toBeGreaterThan(100);
    expect([own.namesDotSegments, own.mayHold('any/folder')]).toEqual([picomatch.namesDotSegments, picomatch.mayHold('any/folder')]);
  });

  it('are the defaults only when both lists are: another glob or ignore list goes through picomatch', () => {
    expect(compileBridgeGlobs(['**/*.bridge.ts'], defaultIgnore, '/root').matches('a.bridge.tsx')).toBe(false);
    expect(compileBridgeGlobs(defaultBridgeGlobs, [], '/root').matches('dist/a.bridge.ts')).toBe(true);
  });
});
