import { entry } from './entry.js';
import { unplugin } from './index.js';

/** `import codebridge from 'unplugin-codebridge/webpack'`, then `codebridge(options?)` in the webpack plugins. */
const codebridge = entry(unplugin.webpack);

export default codebridge;
// require('unplugin-codebridge/webpack') from CommonJS returns the factory itself.
export { codebridge as 'module.exports' };
