import { subscribe } from 'node:diagnostics_channel';
import { Socket } from 'node:net';
import type { buildConnector, Dispatcher } from 'undici';

type Classes = Pick<
  typeof import('undici'),
  'Agent' | 'Pool' | 'Client' | 'ProxyAgent' | 'EnvHttpProxyAgent' | 'BalancedPool'
>;

/**
 * One module of undici, by its path under `undici/lib/` (its package has no `exports` map, so every file is
 * reachable). The transport loads the parts it uses, never undici's index: the index's first load installs an
 * undici 7 agent as the process's global dispatcher, which Node 20's own `fetch` (on its bundled undici 6) would
 * then send through. Loaded when the first client on undici is created: importing exchange-auth loads none.
 */
const part = <T>(path: string): Promise<T> =>
  import(`undici/lib/${path}`).then((module: { default: T }) => module.default);

/**
 * undici's classes whose `dispatch` calls a handler's `onRequestStart` before any byte of its request is written
 * (client-h1's `writeH1`: the request's start, then its first write). Only for these, used as they come (not a
 * subclass, not composed with interceptors), does a failure before that call prove that nothing was sent.
 */
const OBSERVABLE: Readonly<Record<keyof Classes, string>> = {
  Agent: 'dispatcher/agent.js',
  Pool: 'dispatcher/pool.js',
  Client: 'dispatcher/client.js',
  ProxyAgent: 'dispatcher/proxy-agent.js',
  EnvHttpProxyAgent: 'dispatcher/env-http-proxy-agent.js',
  BalancedPool: 'dispatcher/balanced-pool.js',
};

/**
 * Whether `dispatcher` is one of {@link OBSERVABLE} as undici made it: its own class (not a subclass) and that
 * class's own `dispatch` (`compose()` returns a proxy of the dispatcher whose `dispatch` runs the interceptors).
 * The classes are this package's undici; a dispatcher of another copy of undici is not observed.
 */
export async function isObservable(dispatcher: Dispatcher): Promise<boolean> {
  const prototype = Object.getPrototypeOf(dispatcher);
  const classes = await Promise.all(
    Object.values(OBSERVABLE).map((path) => part<{ prototype: Dispatcher }>(path)),
  );
  return classes.some(
    (Class) => Class.prototype === prototype && dispatcher.dispatch === Class.prototype.dispatch,
  );
}

let loading: Promise<Dispatcher> | undefined;
/** The process's own agent, loaded and made once. */
export const loadAgent = () => {
  loading ??= Promise.all([
    part<Classes['Agent']>(OBSERVABLE.Agent),
    part<typeof buildConnector>('core/connect.js'),
  ]).then(([Agent, build]) => agentOf(Agent, build));
  return loading;
};

/** Where an attempt is handed: a dispatcher, and whether its start can be observed. */
export interface Ready {
  readonly dispatcher: Dispatcher;
  readonly observable: boolean;
}

let processReady: Ready | undefined;
let processChosen: Promise<Ready> | undefined;
/** The process's own agent, loaded once for every client that gives no dispatcher of its own. */
export const processAgentReady = (): Promise<Ready> => {
  processChosen ??= loadAgent().then((dispatcher) => {
    processReady = { dispatcher, observable: true };
    return processReady;
  });
  return processChosen;
};
/** The process's own agent, when it is loaded. */
export const processAgentLoaded = (): Ready | undefined => processReady;

/** What an attempt on the process's own agent is told of its socket. */
export interface SocketWatch {
  /** The agent opened `socket` for the attempt (it connects for it alone). */
  opened(socket: Socket): void;
  /** The agent writes the attempt's request to `socket`. */
  writing(socket: Socket): void;
}

/** The attempt being handed to the process's own agent now: a socket opened for it is tied to it. */
let dispatching: SocketWatch | undefined;
/** The attempt whose request the process's own agent is starting now: the socket it is written to is its. */
let starting: SocketWatch | undefined;
let processAgent: Dispatcher | undefined;
/** The sockets of the process's own agent. */
const agentSockets = new WeakSet<Socket>();

/**
 * One keep-alive agent for the process (as Node's global agent is for axios), one request per connection, with
 * no timers of its own: each attempt's deadline covers connecting, sending and reading. Each attempt knows its
 * socket, so that ending it early destroys that socket with an error, which undici then counts against that one
 * request (its own `abort` leaves an ended request queued, and reconnects for it before dropping it):
 * - a connection opened for an attempt (undici opens it synchronously inside `dispatch`, and it serves only that
 *   attempt) is tied to it while it connects;
 * - the socket a request is written to is announced on the `undici:client:sendHeaders` channel, synchronously
 *   right after the request's `onRequestStart`.
 */
function agentOf(Agent: Classes['Agent'], build: typeof buildConnector): Dispatcher {
  if (processAgent) return processAgent;
  const connect = build({ timeout: 0 });
  subscribe('undici:client:sendHeaders', (message) => {
    const attempt = starting;
    starting = undefined;
    const { socket } = message as { socket?: unknown };
    if (attempt && socket instanceof Socket && agentSockets.has(socket)) attempt.writing(socket);
  });
  processAgent = new Agent({
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: (options, callback) => {
      const socket: unknown = connect(options, callback);
      if (!(socket instanceof Socket)) return;
      agentSockets.add(socket);
      if (dispatching) dispatching.opened(socket);
    },
  });
  return processAgent;
}

/** Whether `dispatcher` is the process's own agent. */
export const isProcessAgent = (dispatcher: Dispatcher) => dispatcher === processAgent;

/** Hands a request to `dispatcher`; a socket the process's own agent opens for it meanwhile goes to `handler`. */
export function dispatchWatched(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler & SocketWatch,
): void {
  dispatching = dispatcher === processAgent ? handler : undefined;
  try {
    dispatcher.dispatch(options, handler);
  } finally {
    dispatching = undefined;
  }
}

/** The process's own agent starts `watch`'s request now (its `onRequestStart`): its socket is announced next. */
export function startingOn(watch: SocketWatch): void {
  starting = watch;
}
