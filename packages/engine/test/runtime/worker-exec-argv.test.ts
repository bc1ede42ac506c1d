import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('worker threads in a host started with flags a thread does not take', () => {
  const script = `
      import { createRuntime } from '@codebridge/engine';
      import { generateCorpus } from ${JSON.stringify(new URL('../../../../tools/bench/src/corpus.js', import.meta.url).href)};
      const runtime = createRuntime({ workers: 2, coldStartMs: 0, inlineBelowMs: 0 });
      const { report } = await runtime.mergeMany(generateCorpus({ modules: 8, classes: 1, methods: 4, editedMethods: 1 }));
      await runtime.close();
      console.log(JSON.stringify({ inline: report.inline, fallback: report.inlineFallback, deaths: report.threadDeaths }));`;

  it('start in `node --input-type=module -e` (the flag is not passed on to the threads)', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { inline: number; fallback: number; deaths: number };
    expect(out).toEqual({ inline: 0, fallback: 0, deaths: 0 });
  });

  it('start in a host given V8 flags a worker refuses (`node --max-old-space-size=4096 --stack-size=2000 --expose-gc`, as big builds run)', () => {
    const flags = ['--max-old-space-size=4096', '--stack-size=2000', '--expose-gc', '--input-type=module', '-e', script];
    const out = JSON.parse(execFileSync(process.execPath, flags, { encoding: 'utf8' })) as { inline: number; fallback: number; deaths: number };
    expect(out).toEqual({ inline: 0, fallback: 0, deaths: 0 });
  });
});
