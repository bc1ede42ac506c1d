import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/**
 * The path probes of issue 18: each a project whose bridge tries to read or write a file outside
 * the root, beside a folder `outside/` that must never change nor reach a bundle.
 */
export interface Probe {
  name: string;
  /** The diagnostic code that must refuse it. */
  code: 'TARGET_OUTSIDE_DEPENDENCY' | 'TARGET_OUTSIDE_ROOT' | 'BRIDGE_OUTSIDE_ROOT';
  /** Lays the probe out in `base/project` and `base/outside`. */
  setup(base: string): void;
}

/** A marker only bridge code holds: it must never be written anywhere nor bundled. */
export const BRIDGED = 'BRIDGED_FROM_A_PROBE';
const secret = "export const secret = 'untouched';\n";
const patch = (spec: string) => `// @bridge ${spec}\nexport const secret = '${BRIDGED}';\n`;

function write(base: string, rel: string, text: string): string {
  const path = join(base, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** The project every probe starts from: an entry importing `secret` from where the probe says, and a dependency `dep`. */
function project(base: string, importFrom: string): void {
  write(base, 'outside/secret.js', secret);
  write(base, 'outside/evil/app.bridge.js', `// @bridge ../src/app.js\nexport const secret = '${BRIDGED}';\n`);
  write(base, 'project/package.json', '{"name":"probe","type":"module"}');
  write(base, 'project/src/app.js', secret);
  write(base, 'project/src/main.js', `export { secret } from '${importFrom}';\n`);
  write(base, 'project/node_modules/dep/package.json', '{"name":"dep","main":"index.js","type":"module"}');
  write(base, 'project/node_modules/dep/index.js', secret);
}

const escape = (spec: string): Probe => ({
  name: `a bare specifier that climbs out of its package: ${spec}`,
  code: 'TARGET_OUTSIDE_DEPENDENCY',
  setup(base) {
    project(base, '../../outside/secret.js');
    write(base, 'project/src/patch.bridge.js', patch(spec));
  },
});

export const probes: Probe[] = [
  escape('dep/../../../outside/secret.js'),
  escape('dep/./../../../outside/secret.js'),
  escape('dep/sub/../../../../outside/secret.js'),
  escape('dep//../../../outside/secret.js'),
  escape('@scope/dep/../../../../outside/secret.js'),
  {
    name: 'a dependency file that is a link to outside the package',
    code: 'TARGET_OUTSIDE_DEPENDENCY',
    setup(base) {
      project(base, 'dep/linked.js');
      symlinkSync(join(base, 'outside/secret.js'), join(base, 'project/node_modules/dep/linked.js'));
      write(base, 'project/src/patch.bridge.js', patch('dep/linked.js'));
    },
  },
  {
    name: 'a dependency subfolder that is a link to outside the package',
    code: 'TARGET_OUTSIDE_DEPENDENCY',
    setup(base) {
      project(base, 'dep/lib/secret.js');
      symlinkSync(join(base, 'outside'), join(base, 'project/node_modules/dep/lib'), 'dir');
      write(base, 'project/src/patch.bridge.js', patch('dep/lib/secret.js'));
    },
  },
  {
    name: 'a dependency whose main entry is a link to outside the package',
    code: 'TARGET_OUTSIDE_DEPENDENCY',
    setup(base) {
      project(base, 'dep');
      const main = join(base, 'project/node_modules/dep/index.js');
      writeFileSync(join(base, 'project/node_modules/dep/package.json'), '{"name":"dep","main":"main.js","type":"module"}');
      symlinkSync(join(base, 'outside/secret.js'), join(dirname(main), 'main.js'));
      write(base, 'project/src/patch.bridge.js', patch('dep'));
    },
  },
  {
    name: 'a relative @bridge path that leaves the root',
    code: 'TARGET_OUTSIDE_ROOT',
    setup(base) {
      project(base, '../../outside/secret.js');
      write(base, 'project/src/patch.bridge.js', patch('../../outside/secret.js'));
    },
  },
  {
    name: 'an absolute @bridge path outside the root',
    code: 'TARGET_OUTSIDE_ROOT',
    setup(base) {
      project(base, '../../outside/secret.js');
      write(base, 'project/src/patch.bridge.js', patch(join(base, 'outside/secret.js')));
    },
  },
  {
    name: 'a target inside the root that is a link to a file outside',
    code: 'TARGET_OUTSIDE_ROOT',
    setup(base) {
      project(base, './linked.js');
      symlinkSync(join(base, 'outside/secret.js'), join(base, 'project/src/linked.js'));
      write(base, 'project/src/linked.bridge.js', `export const secret = '${BRIDGED}';\n`);
    },
  },
  {
    name: 'a linked bridge folder that leads outside the root',
    code: 'BRIDGE_OUTSIDE_ROOT',
    setup(base) {
      project(base, './app.js');
      symlinkSync(join(base, 'outside/evil'), join(base, 'project/linked'), 'dir');
    },
  },
  {
    name: 'a bridge file that is a link to a bridge outside the root',
    code: 'BRIDGE_OUTSIDE_ROOT',
    setup(base) {
      project(base, './app.js');
      symlinkSync(join(base, 'outside/evil/app.bridge.js'), join(base, 'project/src/app.bridge.js'));
    },
  },
];

/** Lays a probe out in a fresh folder; returns it. */
export function layOut(probe: Probe): string {
  const base = mkdtempSync(join(tmpdir(), 'cb-probe-'));
  probe.setup(base);
  return base;
}

/** Every regular file under a folder (relative path -> text), links not followed. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.isFile() && statSync(path).isFile()) files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}
