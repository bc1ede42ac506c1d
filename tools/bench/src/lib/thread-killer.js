// Kills a runtime's worker threads by a seeded plan, through the mechanism of the engine's fault
// tests: the worker wrapper packages/engine/test/runtime/fixtures/phased-worker.mjs announces each
// thread's phases (and fault-worker.mjs the kill1/ and kill2/ tasks) on BroadcastChannels, and the
// killer calls `terminate()` on `runtime.threads`. Shared by the pool stress test and pool-kills.js.
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';

export const phasedWorker = fileURLToPath(new URL('../../../../packages/engine/test/runtime/fixtures/phased-worker.mjs', import.meta.url));

const moved = (dir, job) => ({ ...job, target: { ...job.target, path: `${dir}/${job.target.path}` }, bridges: job.bridges.map((b) => ({ ...b, path: `${dir}/${b.path}` })) });

/**
 * Picks `once` jobs whose first attempt is killed (moved under kill1/) and `twice` jobs killed on
 * both attempts (kill2/). Returns the jobs and the fault of each ('kill1', 'kill2' or null).
 */
export function markKillTargets(jobs, random, { once, twice }) {
  const faults = jobs.map(() => null);
  const free = jobs.map((_, i) => i);
  const pick = (fault) => faults[free.splice(Math.floor(random() * free.length), 1)[0]] = fault;
  for (let i = 0; i < once; i++) pick('kill1');
  for (let i = 0; i < twice; i++) pick('kill2');
  return { jobs: jobs.map((job, i) => (faults[i] ? moved(faults[i], job) : job)), faults };
}

/**
 * Starts killing: each new thread gets a fate, drawn when it first shows up: killed at once
 * ('starting'), while it loads the worker module ('loading'), while it warms up ('warm-up'), or
 * left alone. At most `preReadyInRow` threads in a row die before they are ready, so the pool
 * keeps below its give-up limit. Every kill1/ and kill2/ task is killed where it runs ('running').
 * `killIdle()` kills every live thread ('idle', between runs). `stop()` returns the kill log.
 */
export function startKiller(runtime, random, { starting = 0.2, loading = 0.15, warmUp = 0.2, preReadyInRow = 3 } = {}) {
  const kills = [];
  const fates = new Map();
  let inRow = 0;
  const kill = (threadId, entry) => {
    const thread = runtime.threads.find((t) => t.threadId === threadId);
    if (!thread) return;
    kills.push({ ...entry, threadId, at: performance.now() });
    void thread.terminate();
  };
  const fateOf = (threadId) => {
    if (!fates.has(threadId)) {
      const draw = random();
      let fate = draw < starting ? 'starting' : draw < starting + loading ? 'loading' : draw < starting + loading + warmUp ? 'warm-up' : 'live';
      if (fate !== 'live' && inRow >= preReadyInRow) fate = 'live';
      inRow = fate === 'live' ? 0 : inRow + 1;
      fates.set(threadId, fate);
    }
    return fates.get(threadId);
  };
  const poll = setInterval(() => {
    for (const thread of runtime.threads) if (!fates.has(thread.threadId) && fateOf(thread.threadId) === 'starting') kill(thread.threadId, { phase: 'starting' });
  }, 1);
  const phases = new BroadcastChannel('codebridge-phases');
  phases.onmessage = ({ data: { phase, threadId } }) => fateOf(threadId) === phase && kill(threadId, { phase });
  const tasks = new BroadcastChannel('codebridge-faults');
  tasks.onmessage = ({ data: { path, threadId, attempt } }) => kill(threadId, { phase: 'running', path, attempt });
  return {
    kills,
    async killIdle() {
      const idle = [...runtime.threads];
      for (const thread of idle) {
        fates.set(thread.threadId, 'idle');
        kills.push({ phase: 'idle', threadId: thread.threadId, at: performance.now() });
      }
      await Promise.all(idle.map((thread) => thread.terminate()));
    },
    stop() {
      clearInterval(poll);
      phases.close();
      tasks.close();
      return kills;
    },
  };
}

/** Kills by phase: { starting: n, loading: n, ... }. */
export function killsByPhase(kills) {
  const counts = {};
  for (const { phase } of kills) counts[phase] = (counts[phase] ?? 0) + 1;
  return counts;
}
