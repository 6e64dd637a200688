import { Bench } from 'tinybench';

/**
 * Nanoseconds per call of each function, measured side by side in one tinybench run. Each sample runs the
 * function `batch` times, so sub-microsecond work is not lost in the timer's resolution.
 */
export async function nanosPerCall(tasks, { batch = 1_000, time = 400 } = {}) {
  const bench = new Bench({ time, warmupTime: 100 });
  for (const [name, fn] of Object.entries(tasks)) {
    bench.add(name, () => {
      for (let i = 0; i < batch; i += 1) fn();
    });
  }
  await bench.run();
  const result = {};
  for (const task of bench.tasks) result[task.name] = (latencyOf(task).p50 * 1e6) / batch;
  return result;
}

function latencyOf(task) {
  if (!task.result?.latency)
    throw new Error(`benchmark task "${task.name}" failed: ${task.result?.error ?? 'no result'}`);
  return task.result.latency;
}

/** Same, for async functions: the batch runs sequentially (each awaited). */
export async function nanosPerAsyncCall(tasks, { batch = 200, time = 400 } = {}) {
  const bench = new Bench({ time, warmupTime: 100 });
  for (const [name, fn] of Object.entries(tasks)) {
    bench.add(name, async () => {
      for (let i = 0; i < batch; i += 1) await fn();
    });
  }
  await bench.run();
  const result = {};
  for (const task of bench.tasks) result[task.name] = (latencyOf(task).p50 * 1e6) / batch;
  return result;
}

/** A table row: what was measured, ours, the baseline, their ratio, the target and whether it holds. */
export function row(section, measure, ours, baseline, ratio, target, holds) {
  return { section, measure, ours, baseline, ratio, target, holds };
}

export const fmtNs = (ns) => (ns >= 1_000 ? `${(ns / 1_000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
