// The workspace the tests run on: an app, a library, and a project whose bridge patches the library.

/** @param {{ linkLibrary?: boolean }} [options] */
export function threeProjects({ linkLibrary = true } = {}) {
  return {
    'package.json': JSON.stringify({ name: 'three', private: true, workspaces: ['apps/*', 'libs/*'] }, null, 2),
    'nx.json': JSON.stringify({ analytics: false, neverConnectToCloud: true, useDaemonProcess: false }),
    '.gitignore': 'node_modules/\n.nx/\n.codebridge/\ndist/\n',
    'apps/app/package.json': JSON.stringify({ name: '@demo/app', version: '1.0.0', private: true }),
    'apps/app/src/cart.ts': 'export class Cart {\n  items: number[] = [];\n\n  total(): number {\n    return this.items.length;\n  }\n}\n',
    'apps/app/src/cart.bridge.ts': '// @class Cart\n// @rename sum\ntotal(): number {\n  return this.items.reduce((n, x) => n + x, 0);\n}\n',
    'apps/app/src/format.bridge.ts': '// @bridge ../../../libs/lib/src/format.ts\nexport function format(n: number): string {\n  return `$${n.toFixed(2)}`;\n}\n',
    'apps/app/index.html': '<!doctype html>\n<html>\n<head><title>App</title></head>\n<body>\n<h1 id="title">Cart</h1>\n</body>\n</html>\n',
    'apps/app/index.bridge.html': '<h1 id="title">Bridged cart</h1>\n',
    'libs/lib/package.json': JSON.stringify({ name: '@demo/lib', version: '1.0.0', private: true, type: 'module', exports: { './*': './*' } }),
    'libs/lib/src/format.ts': 'export function format(n: number): string {\n  return String(n);\n}\n',
    'libs/lib/src/greeter.js': "export class Greeter {\n  greet(name) {\n    return 'Hello ' + name;\n  }\n}\n",
    'apps/patcher/package.json': JSON.stringify({ name: '@demo/patcher', version: '1.0.0', private: true, dependencies: { '@demo/lib': '1.0.0' } }),
    'apps/patcher/src/greeter.bridge.js': "// @bridge @demo/lib/src/greeter.js\n// @class Greeter\ngreet(name) {\n  return 'Hi ' + name + '!';\n}\n",
    ...(linkLibrary && { 'node_modules/@demo/lib': { symlink: 'libs/lib' } }),
  };
}
