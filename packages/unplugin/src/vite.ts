import { entry } from './entry.js';
import { lazyVitePlugin } from './vite-lazy-plugin.js';

/** `import codebridge from 'unplugin-codebridge/vite'`, then `codebridge(options?)` in the vite plugins. */
const codebridge = entry(lazyVitePlugin);

export default codebridge;
// require('unplugin-codebridge/vite') from CommonJS returns the factory itself.
export { codebridge as 'module.exports' };
