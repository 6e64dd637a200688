import type { FailOptions, ServerAnswer } from '../http-server.js';
import { failure } from '../http-wire.js';
import type { RequestOutcome } from '../request-log.js';
import { type FaultAction, kindOf } from './aim.js';

/** What a fault can do to one request's connection. */
export interface Wire {
  /** Sends an answer. */
  send(answer: ServerAnswer): void;
  /** Destroys the connection: the client sees a socket error. */
  drop(): void;
  /** Waits on the sandbox's clock. */
  sleep(ms: number): Promise<void>;
}

const outcomeOf = (answer: ServerAnswer, sent: boolean, action: FaultAction | undefined): RequestOutcome => ({
  status: sent ? answer.status : undefined,
  refusal: answer.refusal,
  executed: answer.executed ?? false,
  fault: action === undefined ? undefined : kindOf(action),
});

/**
 * Answers one request through `wire`, with the fault `action` (if any) applied: `run` executes the request at
 * the exchange and is called at most once, and not at all when the fault keeps the request from the exchange.
 *
 * @returns What became of the request, for the log.
 */
export async function answerWithFault(
  action: FaultAction | undefined,
  run: () => Promise<ServerAnswer>,
  wire: Wire,
): Promise<RequestOutcome> {
  const kept = (answer: ServerAnswer, sent: boolean) => outcomeOf(answer, sent, action);
  if (action === undefined) {
    const answer = await run();
    wire.send(answer);
    return kept(answer, true);
  }
  if (action === 'drop' || action === 'stall') {
    if (action === 'drop') wire.drop();
    return kept({ status: 0 }, false);
  }
  if (action === 'execute-then-drop') {
    const answer = await run();
    wire.drop();
    return kept(answer, false);
  }
  if ('status' in action) {
    const answer = failure(action as FailOptions);
    wire.send(answer);
    return kept(answer, true);
  }
  if (action.executeFirst) {
    const answer = await run();
    await wire.sleep(action.delayMs);
    wire.send(answer);
    return kept(answer, true);
  }
  await wire.sleep(action.delayMs);
  const answer = await run();
  wire.send(answer);
  return kept(answer, true);
}
