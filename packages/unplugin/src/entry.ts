import { resolveOptions, type Options } from './options.js';

/**
 * One bundler's plugin factory, checking the options when it is called (webpack and Rspack would
 * only call the unplugin factory when the compiler applies the plugin). `.default` points back to
 * it, so `require('unplugin-codebridge/webpack')` and `require(...).default` both work.
 */
export function entry<F extends (options?: Options) => unknown>(factory: F): F & { default: F } {
  const checked = ((options?: Options) => {
    resolveOptions(options);
    return factory(options);
  }) as F;
  return Object.assign(checked, { default: checked });
}
