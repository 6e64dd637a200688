import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
// The modules themselves (default imports), not ESM namespaces: a namespace's `request` is a copy taken at load,
// which never sees a later patch of `http.request` (nock's, other interceptors'), so the ESM build would bypass
// them where the CJS build does not.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/**
 * What the library itself saw of one send: whether any request of it was handed to Node's http module, and
 * whether any of them got a connected socket (after which bytes may have reached the exchange). Nothing a
 * user's axios instance or interceptor reports counts: only these observations prove "not sent".
 */
export interface WireWatch {
  /** At least one request went through the watched transport. */
  readonly started: boolean;
  /** At least one request had a connected socket (TLS: a finished handshake), so bytes may have left. */
  readonly connected: boolean;
  /** The transport to give axios (`config.transport`): Node's http or https, watched. */
  readonly transport: { request: typeof http.request };
  /** Destroys the request under way with `error`, and any the transport is asked for from now on. */
  abort(error: Error): void;
}

/** A fresh watch for one send. */
export function watchWire(): WireWatch {
  const state: { started: boolean; connected: boolean; current?: ClientRequest; aborted?: Error } = {
    started: false,
    connected: false,
  };
  const mark = () => {
    state.connected = true;
  };
  const request = ((
    options: RequestOptions & { protocol?: string },
    callback?: (res: IncomingMessage) => void,
  ) => {
    state.started = true;
    const module = options.protocol === 'https:' ? https : http;
    const req: ClientRequest = module.request(options, callback);
    state.current = req;
    if (state.aborted) req.destroy(state.aborted);
    req.once('socket', (socket: Socket) => {
      if (req.reusedSocket) return mark();
      const secure = socket instanceof TLSSocket;
      if (!secure && !socket.connecting) return mark();
      socket.once(secure ? 'secureConnect' : 'connect', mark);
    });
    // Written to the socket whole: only ever after it connected.
    req.once('finish', mark);
    return req;
  }) as typeof http.request;
  return {
    get started() {
      return state.started;
    },
    get connected() {
      return state.connected;
    },
    transport: { request },
    abort(error) {
      state.aborted ??= error;
      state.current?.destroy(state.aborted);
    },
  };
}
