/** One step of a scripted flow, as reported. */
interface StepResult {
  readonly provider: string;
  readonly step: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly detail: string;
}

/** Runs named steps, timing each and recording a one-line outcome; a failed step does not stop the others. */
export class StepRunner {
  readonly results: StepResult[] = [];

  constructor(private readonly onResult: (result: StepResult) => void) {}

  /** Runs `action`; its string result (or error message) is the step's detail. */
  async step(provider: string, step: string, action: () => Promise<string>): Promise<boolean> {
    const started = performance.now();
    let ok = true;
    let detail: string;
    try {
      detail = await action();
    } catch (error) {
      ok = false;
      detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const result = { provider, step, ok, ms: Math.round(performance.now() - started), detail };
    this.results.push(result);
    this.onResult(result);
    return ok;
  }

  get failed(): number {
    return this.results.filter((result) => !result.ok).length;
  }
}

/** Throws with `message` unless `condition` holds; steps use it to check what they observed. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The text line of one step. */
export function formatStep(result: StepResult): string {
  const mark = result.ok ? 'ok  ' : 'FAIL';
  return `${mark} ${result.provider.padEnd(9)} ${result.step} (${result.ms} ms): ${result.detail}`;
}
