export { createRuntime, mergeMany, closeSharedRuntime, type Runtime, type RunResult, type MergeManyOptions, type CreateRuntimeOptions } from './runtime.js';
export { threadsAskedFor, type RuntimeOptions } from './options.js';
export { startRun as measureRun, type MeasuredRun, type MemorySample, type PredictionScore, type RunContext, type RunReport, type TaskReport, type ThreadUse } from './report.js';
export type { Settled } from './scheduler.js';
export type { MergeJob, WorkerTask, TaskOutcome, TaskTiming } from './task.js';
export type { CostModel } from './cost.js';
