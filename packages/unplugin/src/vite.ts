import { entry } from './entry.js';
import { unplugin } from './index.js';

/** `import codebridge from 'unplugin-codebridge/vite'`, then `codebridge(options?)` in the vite plugins. */
const codebridge = entry(unplugin.vite);

export default codebridge;
// require('unplugin-codebridge/vite') from CommonJS returns the factory itself.
export { codebridge as 'module.exports' };
