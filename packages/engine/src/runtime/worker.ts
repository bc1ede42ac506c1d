// The worker entry: piscina imports this file in each thread and calls its default export per task.
export { runTask as default } from './task.js';
