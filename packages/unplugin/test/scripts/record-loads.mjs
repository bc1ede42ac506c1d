// A module resolve hook that appends every URL it resolves to the file named by RECORD_LOADS
// (hooks run on a thread of their own: the file is how the test reads what was loaded).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.RECORD_LOADS, `${resolved.url}\n`);
  return resolved;
}
