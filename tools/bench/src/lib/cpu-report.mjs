// Preloaded into a measured child process (`node --import`): prints the process's CPU time (every
// thread, user + system) on stderr as it exits, so that a benchmark on a busy machine can compare
// CPU time, which other processes' load barely moves, besides wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncodebridge-bench-cpu-ms ${(user + system) / 1000}\n`);
});
