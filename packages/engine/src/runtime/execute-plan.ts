import { CodeBridgeError, dependencyFailed } from '../diagnostics.js';
import type { RunPlan } from '../plan/run-plan.js';
import type { Finished } from './scheduler.js';
import { epochMs } from './clock.js';
import type { MergeJob } from './task.js';
import { unrunReport } from './unrun-report.js';

/**
 * Runs a plan's jobs through `submit`: the jobs that depend on nothing at once (in one batch, in
 * parallel as ever), each other group once the jobs it depends on have settled, and only if they
 * succeeded (else DEPENDENCY_FAILED, not run). Jobs the plan refused settle with its error.
 * Returns one promise per job of the plan, in its order.
 */
export function executePlan(plan: RunPlan, submit: (jobs: MergeJob[]) => Promise<Finished>[]): Promise<Finished>[] {
  const finished = new Array<Promise<Finished>>(plan.jobs.length);
  for (const [index, error] of plan.refused) finished[index] = Promise.resolve(notRun(plan.jobs[index]!, error));
  for (const group of groupsOf(plan)) {
    const start = (): Promise<Finished>[] => submit(group.jobs.map((i) => plan.jobs[i]!));
    const ran = group.after.length === 0 ? start() : afterDependencies(plan, group, finished, start);
    group.jobs.forEach((job, i) => (finished[job] = Array.isArray(ran) ? ran[i]! : ran.then((all) => all[i]!)));
  }
  return finished;
}

interface Group {
  /** The jobs it depends on, and its own (which share those dependencies). */
  after: number[];
  jobs: number[];
}

/** The jobs to run, grouped by what they wait for, in layer order (a group's dependencies are submitted before it). */
function groupsOf(plan: RunPlan): Group[] {
  const after = plan.jobs.map(() => new Set<number>());
  for (const e of plan.edges) if (e.kind === 'rename' && plan.layers[e.from]! < plan.layers[e.to]!) after[e.to]!.add(e.from);
  const groups = new Map<string, Group>();
  const order = [...plan.jobs.keys()].filter((i) => !plan.refused.has(i)).sort((a, b) => plan.layers[a]! - plan.layers[b]! || a - b);
  for (const i of order) {
    const deps = [...after[i]!].sort((a, b) => a - b);
    const key = `${plan.layers[i]}:${deps.join(',')}`;
    const group = groups.get(key) ?? { after: deps, jobs: [] };
    group.jobs.push(i);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function afterDependencies(plan: RunPlan, group: Group, finished: Promise<Finished>[], start: () => Promise<Finished>[]): Promise<Finished[]> {
  const settled = await Promise.all(group.after.map((d) => finished[d]!));
  const failed = group.after.find((_, i) => settled[i]!.settled.status === 'rejected');
  if (failed === undefined) return Promise.all(start());
  return group.jobs.map((i) => notRun(plan.jobs[i]!, new CodeBridgeError([dependencyFailed(plan.jobs[i]!.target.path, plan.jobs[failed]!.target.path)])));
}

/** A job settled without running: its report says so (no worker, no attempt). */
function notRun(job: MergeJob, reason: CodeBridgeError): Finished {
  return { settled: { status: 'rejected', reason }, report: unrunReport(job, epochMs(), 0, reason.code) };
}
