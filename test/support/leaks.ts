import { inspect } from 'node:util';

/** Everything a thrown value can show: message, stack, JSON, util.inspect, and the same for its causes. */
export function everythingPrintable(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    parts.push(String(current), inspect(current, { depth: 10, showHidden: true }));
    try {
      parts.push(JSON.stringify(current) ?? '');
    } catch {
      parts.push('[unserialisable]');
    }
    if (current instanceof Error) parts.push(current.message, current.stack ?? '');
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

/** Runs `action`, expecting it to throw, and returns what it threw. */
export async function thrown(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
