import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import { dialectOf } from '../dialects.js';
import { ClassPart, type ClassMark } from '../languages/js/partial/class-part.js';
import { PartialSource } from '../languages/js/partial/partial-source.js';
import { planPart } from '../languages/js/plan.js';
import { loadingTime } from '../lazy.js';
import { Collector } from '../plan/collector.js';
import { layersOf } from '../plan/resolve.js';
import type { PlanOp, Resolution } from '../types.js';
import { epochMs } from './clock.js';
import type { PartTask } from './split-target.js';
import type { TaskTiming } from './task.js';
import { textOfPieces } from './target-pieces.js';
import { threadCpuMs } from './thread-cpu.js';

/** What a part's planner read of the target: the words it asked for, and whether it read the file's head or its imports. */
export interface PartReads {
  words: string[];
  head: boolean;
  imports: boolean;
}

/** A part's plan, as data: its lists, each class's share of them marked, what it read and parsed. */
export interface PartPlan {
  ops: PlanOp[];
  references: PlanOp[];
  resolutions: Resolution[];
  /** Found while planning (what reading the bridges reported is left out: the calling thread has it). */
  diagnostics: Diagnostic[];
  marks: ClassMark[];
  reads: PartReads;
  parsedChunks: number[];
}

/** A part's times, measured as a task's are. */
export type PartTiming = Pick<TaskTiming, 'runMs' | 'cpuMs' | 'heapUsedMb' | 'threadId' | 'startedAt' | 'loadMs'>;

/** A part planned, or refused (the plan left what a part can plan alone: the target is merged unsplit). */
export type PartOutcome = ({ ok: true; plan: PartPlan } | { ok: false; refused: string }) & { timing: PartTiming };

/** Plans one part of a split target on this thread (runtime/split-target.ts); never throws. */
export function runPart({ part }: PartTask): PartOutcome {
  const cpuStart = threadCpuMs();
  const startedAt = epochMs();
  const loadedBefore = loadingTime();
  const started = performance.now();
  let result: { ok: true; plan: PartPlan } | { ok: false; refused: string };
  try {
    result = { ok: true, plan: planOf(part) };
  } catch (error) {
    // Whatever stops a part (the plan needs the whole file, a unit it cannot plan alone, an error the merge would report) is the unsplit merge's to say.
    result = { ok: false, refused: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const cpuEnd = threadCpuMs();
  const timing: PartTiming = {
    runMs: performance.now() - started,
    cpuMs: cpuStart === null || cpuEnd === null ? null : cpuEnd - cpuStart,
    heapUsedMb: getHeapStatistics().used_heap_size / 2 ** 20,
    threadId,
    startedAt,
    loadMs: loadingTime() - loadedBefore,
  };
  return { ...result, timing };
}

function planOf(part: PartTask['part']): PartPlan {
  const target = { path: part.path, code: textOfPieces(part.pieces) };
  const dialect = dialectOf(part.path)!;
  const source = new PartialSource(target, dialect, part.chunks, new Map(part.naming));
  const collector = new Collector();
  const resolutions: Resolution[] = [];
  const classes = new ClassPart(new Set(part.classes));
  const { ops, references } = planPart(source, { target, bridges: part.bridges, dialect, collector, layers: layersOf(part.bridges), resolutions }, classes);
  const { words, head, imports } = source.reads;
  return {
    ops,
    references,
    resolutions,
    diagnostics: collector.found.slice(classes.firstDiagnostic),
    marks: classes.marks,
    reads: { words: [...words], head, imports },
    parsedChunks: source.parsedChunks,
  };
}
