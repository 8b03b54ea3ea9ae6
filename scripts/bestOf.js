/**
 * Runs `run` once to warm the page cache and the JIT, then `rounds` times; returns the
 * last result and the fastest time in seconds (the least disturbed by the machine).
 */
function bestOf(run, rounds = 3) {
  run();
  let seconds = Infinity;
  let result;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    result = run();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { result, seconds };
}

module.exports = { bestOf };
