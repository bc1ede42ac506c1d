import { entry } from './entry.js';
import { unplugin } from './index.js';

/** `import codebridge from 'unplugin-codebridge/esbuild'`, then `codebridge(options?)` in the esbuild plugins. */
const codebridge = entry(unplugin.esbuild);

export default codebridge;
// require('unplugin-codebridge/esbuild') from CommonJS returns the factory itself.
export { codebridge as 'module.exports' };
