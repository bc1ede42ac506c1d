import { entry } from './entry.js';
import { unplugin } from './index.js';

/** `import codebridge from 'unplugin-codebridge/rollup'`, then `codebridge(options?)` in the rollup plugins. */
const codebridge = entry(unplugin.rollup);

export default codebridge;
// require('unplugin-codebridge/rollup') from CommonJS returns the factory itself.
export { codebridge as 'module.exports' };
