import { z } from 'zod';

/**
 * Which requests a fault hits: an endpoint or a route (or any request), and which of the matching requests by
 * count. Counts start when the fault is injected and count every matching request the server receives,
 * whatever other faults do to them.
 */
export interface FaultAim {
  /**
   * The endpoint's catalog name, as `client.call()` names it: `'orders.create'` (bitexbit), `'bids.create'`
   * (Bitex), `'SendOrder'` (AlphaPoint). Default: any endpoint.
   */
  endpoint?: string;
  /**
   * A route, `'METHOD /path'`: the route's template (`'POST /api/bids/:id/cancel'`) or the path as received
   * (`'POST /api/bids/1001/cancel'`). Default: any route.
   */
  route?: string;
  /** Hit only the `nth` matching request (1 is the next one). */
  nth?: number;
  /** Hit every matching request after the first `after` (with `times`, only that many of them). */
  after?: number;
  /** How many matching requests to hit. Default 1, or every one with `after`. */
  times?: number;
}

/**
 * What a fault does to a request it hits:
 * - `{ status }`: answers `status` (503, 429 …) without reaching the exchange;
 * - `'drop'`: destroys the connection once the body is read, without executing the request;
 * - `'execute-then-drop'`: executes the request, then destroys the connection instead of answering;
 * - `{ delayMs }`: holds the request `delayMs` on the sandbox's clock before the exchange sees it
 *   (`executeFirst: true`: executes it at once and holds the answer);
 * - `'stall'`: neither executes nor answers; the connection stays open until `close()`.
 */
export type FaultAction =
  | 'drop'
  | 'execute-then-drop'
  | 'stall'
  | { status: number; retryAfterSeconds?: number; body?: unknown }
  | { delayMs: number; executeFirst?: boolean };

/** A fault to inject: where it aims ({@link FaultAim}) and what it does ({@link FaultAction}). */
export interface FaultSpec extends FaultAim {
  fault: FaultAction;
}

/** The kind of fault that hit a request, as the log and `stats().faults` name it. */
export type FaultKind = 'status' | 'drop' | 'execute-then-drop' | 'delay' | 'stall';

const count = z.number().int().positive();
const action = z.union([
  z.enum(['drop', 'execute-then-drop', 'stall']),
  z.strictObject({
    status: z.number().int().min(100).max(599),
    retryAfterSeconds: z.number().nonnegative().optional(),
    body: z.unknown().optional(),
  }),
  z.strictObject({ delayMs: z.number().nonnegative(), executeFirst: z.boolean().optional() }),
]);
const routeText = z.string().regex(/^[A-Z]+ \/\S*$/, "a route is 'METHOD /path', such as 'POST /api/bids'");

const specSchema = z
  .strictObject({
    endpoint: z.string().min(1).optional(),
    route: routeText.optional(),
    nth: count.optional(),
    after: z.number().int().nonnegative().optional(),
    times: count.optional(),
    fault: action,
  })
  .refine((spec) => spec.nth === undefined || (spec.after === undefined && spec.times === undefined), {
    message: 'nth hits one request: give nth alone, or after and times',
    path: ['nth'],
  });

/** A fault spec checked, with the window of matching requests it hits: counts `first` to `last` (1-based). */
export interface Aimed {
  readonly endpoint: string | undefined;
  readonly route: string | undefined;
  readonly first: number;
  readonly last: number;
  readonly action: FaultAction;
}

/**
 * Checks a fault spec and turns its counts into a window. An invalid spec throws a TypeError naming the field
 * and how to fix it.
 */
export function aim(spec: FaultSpec): Aimed {
  const parsed = specSchema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'fault';
    throw new TypeError(`sandbox fault: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  const { endpoint, route, nth, after, times } = parsed.data;
  const first = nth ?? (after ?? 0) + 1;
  const last = nth ?? (times === undefined ? (after === undefined ? first : Infinity) : first + times - 1);
  return { endpoint, route, first, last, action: spec.fault };
}

/** What a server knows of a request before the exchange runs it. */
export interface RequestIdentity {
  /** The catalog name of the endpoint the request is for, when the sandbox knows it. */
  readonly endpoint: string | undefined;
  /** The route's template key, `'METHOD /template'`, when the request names a route. */
  readonly route: string | undefined;
  readonly method: string;
  readonly path: string;
}

/** Whether `aimed` aims at the request (whatever its counts). */
export function aimsAt(aimed: Pick<Aimed, 'endpoint' | 'route'>, request: RequestIdentity): boolean {
  if (aimed.endpoint !== undefined && aimed.endpoint !== request.endpoint) return false;
  if (aimed.route === undefined) return true;
  return aimed.route === request.route || aimed.route === `${request.method} ${request.path}`;
}

/** The {@link FaultKind} of an action. */
export function kindOf(action: FaultAction): FaultKind {
  if (typeof action === 'string') return action;
  return 'status' in action ? 'status' : 'delay';
}
