import type { Clock } from '../core/clock.js';

/** What the library uses of a WebSocket: text frames in and out, a close, and one report of its end. */
export interface TextSocket {
  /** Sends a text frame; false when the socket is no longer open (nothing was sent). */
  send(text: string): boolean;
  /** Ends the socket at once (no closing handshake is waited for). Safe to call more than once. */
  terminate(): void;
  /** Every text frame received, in order, until the end. */
  onMessage(listener: (text: string) => void): void;
  /** Called once when the socket ends, however it ends. */
  onEnd(listener: () => void): void;
}

/** Options of {@link openTextSocket}. */
export interface OpenOptions {
  /** Connecting (TCP, TLS and the upgrade) must be over within this many milliseconds. */
  readonly timeoutMs: number;
  readonly clock: Clock;
  /** The largest frame accepted, in bytes; a larger one ends the socket. */
  readonly maxPayload: number;
  /** Ends the attempt when it aborts. */
  readonly signal?: AbortSignal | undefined;
}

type WsModule = typeof import('ws');
let loading: Promise<WsModule['WebSocket']> | undefined;
/** `ws`, loaded when the first socket opens: importing exchange-auth loads none of it. */
const loadWs = () => {
  loading ??= import('ws').then(
    (module) => module.WebSocket ?? (module as unknown as { default: WsModule }).default.WebSocket,
  );
  return loading;
};

/** Sockets open in this process (opened, not yet ended), for leak checks. */
let open = 0;
/** How many sockets this library has open in the process now. */
export const openSockets = (): number => open;

/**
 * Opens a WebSocket to `url` and resolves once it is open, or rejects with the reason it could not (the
 * deadline, an abort, a refused upgrade). Text frames only; compression is not negotiated (the gateways seen on
 * the wire negotiate none).
 */
export async function openTextSocket(url: string, options: OpenOptions): Promise<TextSocket> {
  const WebSocket = await loadWs();
  options.signal?.throwIfAborted();
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: options.maxPayload });
  open += 1;
  let ended = false;
  const endListeners: (() => void)[] = [];
  socket.once('close', () => {
    open -= 1;
    ended = true;
    for (const listener of endListeners.splice(0)) listener();
  });
  // An error is always followed by `close`; without a listener it would be thrown.
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    const fail = (reason: unknown) => {
      settle();
      socket.terminate();
      reject(reason);
    };
    const onAbort = () => fail(options.signal?.reason);
    const cancelTimer = options.clock.setTimer(options.timeoutMs, () =>
      fail(new Error(`no WebSocket connection within ${options.timeoutMs} ms`)),
    );
    const onOpen = () => {
      settle();
      resolve();
    };
    const onClose = () => fail(new Error('the WebSocket connection was refused or closed while opening'));
    const settle = () => {
      cancelTimer();
      options.signal?.removeEventListener('abort', onAbort);
      socket.off('open', onOpen);
      socket.off('close', onClose);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('open', onOpen);
    socket.once('close', onClose);
  });
  return {
    send(text) {
      if (ended || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(text);
      return true;
    },
    terminate() {
      if (!ended) socket.terminate();
    },
    onMessage(listener) {
      socket.on('message', (data, isBinary) => {
        if (!isBinary) listener(data.toString());
      });
    },
    onEnd(listener) {
      if (ended) queueMicrotask(listener);
      else endListeners.push(listener);
    },
  };
}
