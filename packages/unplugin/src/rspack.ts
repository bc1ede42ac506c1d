import { entry } from './entry.js';
import { unplugin } from './index.js';

/** `import codebridge from 'unplugin-codebridge/rspack'`, then `codebridge(options?)` in the rspack plugins. */
const codebridge = entry(unplugin.rspack);

export default codebridge;
// require('unplugin-codebridge/rspack') from CommonJS returns the factory itself.
export { codebridge as 'module.exports' };
