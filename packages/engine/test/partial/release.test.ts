import { describe, expect, test } from 'vitest';
import { dialectOf } from '../../src/dialects.js';
import { partialSource } from '../../src/languages/js/partial/choose.js';
import { TargetModule } from '../../src/languages/js/target.js';
import { bothPaths } from './both-paths.js';
import { packageRoot, read } from './real-files.js';

// Rollup's bundled ES build (node_modules/rollup, 1 MB), read at test time: `getOrCreate` is a
// top-level function that the classes DiscriminatedPathTracker and ExternalModule call.
const target = () => ({ path: 'node-entry.js', code: read(`${packageRoot('rollup')}/dist/es/shared/node-entry.js`) });

const methods = `// @class DiscriminatedPathTracker
trackEntityAtPathAndGetIfTracked(path, discriminator, entity) {
    let currentPaths = this.entityPaths;
    for (const pathSegment of path) {
        currentPaths = currentPaths[pathSegment] ||= Object.create(null, {
            [EntitiesKey]: { value: new Map() }
        });
    }
    const trackedEntities = getOrCreate(currentPaths[EntitiesKey], discriminator, getNewSet);
    return trackedEntities.has(entity) || (trackedEntities.add(entity), false);
}
// @class ExternalModule
cacheInfoGetters() {
    cacheObjectGetters(this.info, ['dynamicImporters', 'importers', 'importedIds']);
}
`;

const rename = `// @rename getOrCreateEntry
function getOrCreate(map, key, init) {
    const existing = map.get(key);
    if (existing !== undefined) {
        return existing;
    }
    const value = init();
    map.set(key, value);
    return value;
}
`;

describe('a class syntax tree released once its members are planned', () => {
  test('is parsed again when a later step of the plan reads the class: a binding rename reaches its uses there, as on the full parse (Rollup bundle)', () => {
    const input = { target: target(), bridges: [{ path: 'methods.bridge.js', code: methods }, { path: 'rename.bridge.js', code: rename }] };
    const both = bothPaths(input);
    expect(both.usedPartial).toBe(true);
    expect(both.partial).toEqual(both.full);
    const code = (both.partial as { code: string }).code;
    // ExternalModule was planned (and released) before the rename walked the classes using the name.
    expect(code).toContain("getOrCreateEntry(this.importersByExportedName, name, getNewSet).add(module);");
    expect(code).toContain("cacheObjectGetters(this.info, ['dynamicImporters', 'importers', 'importedIds']);");
    expect(code).toContain('return trackedEntities.has(entity) || (trackedEntities.add(entity), false);');
    expect(code).not.toMatch(/\bgetOrCreate\(/);
  });

  test('leaves one binding per name when the class is read again, and counts its bytes once', () => {
    const file = target();
    const source = partialSource(file, dialectOf(file.path)!, 'partial')!;
    const module = new TargetModule(file, source);
    const first = module.classNamed('ExternalModule')!;
    const unparsed = source.unparsedBytes;
    module.release(first);
    const again = module.classNamed('ExternalModule')!;
    expect(again).not.toBe(first);
    expect(again.node).not.toBe(first.node);
    expect([again.node.start, again.node.end]).toEqual([first.node.start, first.node.end]);
    expect(module.declarations('ExternalModule')).toHaveLength(1);
    expect(source.unparsedBytes).toBe(unparsed);
  });
});
