import { type Aimed, aim, aimsAt, type FaultAction, type FaultSpec, type RequestIdentity } from './aim.js';

/** A fault injected with `inject()`: how often it has hit, and a way to take it back. */
export interface InjectedFault {
  /** Requests it has hit so far. */
  readonly hits: number;
  /** Matching requests it has counted so far (hit or not). */
  readonly seen: number;
  /** Disarms it: it hits no further request. */
  cancel(): void;
}

interface Armed {
  readonly aimed: Aimed;
  seen: number;
  hits: number;
  cancelled: boolean;
}

const done = (armed: Armed) => armed.cancelled || armed.seen >= armed.aimed.last;

/**
 * The faults armed on one server, the one module every sandbox's faults go through. Aimed faults count every
 * request they aim at; the first armed (in the order injected) whose window covers a request's count hits it.
 * The old `failNext`/`dropNext` faults aim at any request and queue: each takes the next request not taken by
 * the ones queued before it, ahead of aimed faults.
 */
export class FaultPlan {
  #armed: Armed[] = [];
  #queue: FaultAction[] = [];

  /** Arms a fault; throws a TypeError when the spec is invalid. */
  inject(spec: FaultSpec): InjectedFault {
    const armed: Armed = { aimed: aim(spec), seen: 0, hits: 0, cancelled: false };
    this.#armed.push(armed);
    return {
      get hits() {
        return armed.hits;
      },
      get seen() {
        return armed.seen;
      },
      cancel: () => {
        armed.cancelled = true;
      },
    };
  }

  /** Queues a fault for the next request of any kind not taken by those queued before. */
  enqueue(action: FaultAction): void {
    this.#queue.push(action);
  }

  /** The fault that hits this request, if any; counts it for every armed fault that aims at it. */
  pick(request: RequestIdentity): FaultAction | undefined {
    let hit: FaultAction | undefined = this.#queue.shift();
    for (const armed of this.#armed) {
      if (armed.cancelled || !aimsAt(armed.aimed, request)) continue;
      armed.seen += 1;
      const inWindow = armed.seen >= armed.aimed.first && armed.seen <= armed.aimed.last;
      if (inWindow && hit === undefined) {
        armed.hits += 1;
        hit = armed.aimed.action;
      }
    }
    this.#armed = this.#armed.filter((armed) => !done(armed));
    return hit;
  }

  /** Disarms every fault, aimed and queued. */
  clear(): void {
    for (const armed of this.#armed) armed.cancelled = true;
    this.#armed = [];
    this.#queue = [];
  }
}
