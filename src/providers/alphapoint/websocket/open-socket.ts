import { catalogEntry } from '../../../core/catalog.js';
import { ConfigurationError, TransportError } from '../../../core/errors.js';
import type { NonceSource } from '../../../core/nonce.js';
import type { Permission } from '../../../core/permissions.js';
import type { ExtensionContext } from '../../../core/provider.js';
import { redactorFor } from '../../../core/redact.js';
import { buildRequest } from '../../../core/request.js';
import type { Session } from '../../../core/session.js';
import type { AuthStrategy } from '../../../core/strategy.js';
import { parseOptions } from '../../../core/validate.js';
import type { SessionTokenStrategy } from '../../../strategies/session-token.js';
import type { AlphaPointCatalog } from '../catalog.js';
import type { TwoFactorSource } from '../options.js';
import type { AlphaPointSigner } from '../signature.js';
import type { SocketAuthSettings } from './authenticate.js';
import { ConnectionLost } from './connection.js';
import { readEvent } from './events.js';
import { exchange } from './exchange.js';
import { Gateway } from './gateway.js';
import { type AlphaPointSocketOptions, socketOptionsSchema } from './options.js';
import { type AlphaPointSocket, EventFanOut, openSockets, unknownName } from './socket.js';
import type { SocketStatus } from './status.js';
import { accountPayload, checkSubscription, Subscriptions } from './subscriptions.js';

/** What a provider gives its sockets. */
export interface SocketProviderSettings {
  readonly provider: string;
  readonly baseURL: string;
  readonly websocketURL: string | undefined;
  readonly signer: AlphaPointSigner;
  readonly nonces: NonceSource;
  readonly nonceKey: string;
  readonly twoFactor: TwoFactorSource | undefined;
  readonly strategy: AuthStrategy;
  /** The key's session strategy; `undefined` with `auth: 'signed-headers'`. */
  readonly session: SessionTokenStrategy | undefined;
  readonly catalog: AlphaPointCatalog;
}

/** Opens (lazily: on first use) an authenticated, self-healing gateway connection for a client. */
export function openAlphaPointSocket<Granted extends Permission>(
  ext: ExtensionContext<Granted, AlphaPointCatalog>,
  settings: SocketProviderSettings,
  input: AlphaPointSocketOptions | undefined,
): AlphaPointSocket<Granted> {
  const { provider } = settings;
  const options = parseOptions(socketOptionsSchema, input ?? {}, provider);
  const url = options.url ?? settings.websocketURL;
  if (!url) {
    throw new ConfigurationError(
      `${provider}: no WebSocket URL is known for this deployment; pass websocket({ url })`,
      { provider, field: 'url' },
    );
  }
  const context = ext.authContext();
  const { clock } = context;
  const defaultTimeout = Math.max(1, (context.deadline ?? clock.now() + 30_000) - clock.now());
  const issued = new Set<string>();
  const redact = (text: string) => redactorFor([...settings.strategy.secrets(), ...issued]).text(text);
  const onStatus = (status: SocketStatus) => {
    try {
      options.onStatus?.(status);
    } catch {
      // A status listener's error changes nothing.
    }
  };
  const fanOut = new EventFanOut(options.eventBuffer ?? 10_000, (dropped) =>
    onStatus({ type: 'events-dropped', dropped }),
  );
  const subscriptions = new Subscriptions();
  const session = settings.session;
  const wrapLost = (error: unknown) =>
    Promise.reject(
      error instanceof ConnectionLost
        ? new TransportError(`${provider}: the WebSocket ended during the login`, {
            provider,
            outcome: 'not-sent',
          })
        : error,
    );
  const auth: SocketAuthSettings = {
    provider,
    signer: settings.signer,
    nonces: settings.nonces,
    nonceKey: settings.nonceKey,
    twoFactor: settings.twoFactor,
    now: () => clock.now(),
    issued: (credential) => {
      issued.add(credential);
    },
    redact,
    session: session
      ? (login: () => Promise<Session>) =>
          ext.guard(() => session.session(ext.authContext(), () => login().catch(wrapLost)))
      : undefined,
    expire: async (token) => {
      if (!session) return;
      const carrier = buildRequest({
        provider,
        baseURL: settings.baseURL,
        method: 'POST',
        path: '/WebAuthenticateUser',
        headers: { aptoken: token },
      });
      await session.expire?.(carrier);
    },
  };
  const gateway = new Gateway({
    url,
    provider,
    clock,
    auth,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    keepAlive: {
      pingIntervalMs: options.pingIntervalMs ?? 10_000,
      deadAfterMs: options.deadAfterMs ?? 5_000,
    },
    reconnect: {
      initialDelayMs: options.reconnect?.initialDelayMs ?? 500,
      maxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
    },
    maxAuthFailures: options.maxAuthFailures ?? 3,
    maxPayload: options.maxPayload ?? 16 * 1024 * 1024,
    onEvent: (frame) => {
      const event = readEvent(frame);
      if (event.drift) onStatus({ type: 'event-drift', name: event.name, issues: event.drift.issues });
      fanOut.deliver(event);
    },
    onStatus,
    restore: (connection) => subscriptions.restore(connection, onStatus, redact),
  });
  let closed = false;
  const closedError = () =>
    closed
      ? new ConfigurationError(`${provider}: the WebSocket is closed`, { provider, field: 'websocket' })
      : undefined;
  const ensureOpen = () => {
    const error = closedError();
    if (error) throw error;
  };
  const send = (
    name: string,
    payload: unknown,
    idempotent: boolean,
    call: { signal?: AbortSignal | undefined; timeoutMs?: number | undefined } | undefined,
    response?: AlphaPointCatalog[keyof AlphaPointCatalog]['response'],
  ) =>
    exchange(gateway, {
      provider,
      name,
      idempotent,
      response,
      redact,
      payload: JSON.stringify(payload ?? {}),
      signal: call?.signal,
      timeoutMs: call?.timeoutMs ?? options.timeoutMs ?? defaultTimeout,
    });

  const socket: AlphaPointSocket<Granted> = {
    async connect() {
      ensureOpen();
      const { session: current } = await gateway.ready();
      return { userId: current.info.userId, accountId: current.info.accountId, omsId: current.info.omsId };
    },
    call(name, payload, call) {
      try {
        ensureOpen();
        const endpoint = catalogEntry(settings.catalog, name);
        if (!endpoint) throw unknownName(provider, name);
        // The client's one preparation step: the permission gate and the input checks, before anything is sent.
        const prepared = ext.prepare({ method: endpoint.method, path: endpoint.path, body: payload }, name);
        return send(name, payload, prepared.idempotent, call, endpoint.response) as never;
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async subscribe(name, payload, call) {
      ensureOpen();
      const entry = checkSubscription(provider, name, payload);
      ext.prepare({ method: 'POST', path: `/${name}`, body: payload, permission: entry.permission });
      let body = (payload ?? {}) as Record<string, unknown>;
      if (name === 'SubscribeAccountEvents')
        body = accountPayload(provider, body, (await gateway.ready(call?.signal)).session);
      const reply = await send(name, body, true, call);
      subscriptions.add(name, JSON.stringify(body));
      return reply.data;
    },
    async unsubscribe(name, payload, call) {
      ensureOpen();
      const entry = checkSubscription(provider, name, payload);
      ext.prepare({
        method: 'POST',
        path: `/${entry.unsubscribe}`,
        body: payload,
        permission: entry.permission,
      });
      subscriptions.remove(name, JSON.stringify(payload));
      await send(entry.unsubscribe ?? name, payload, true, call);
    },
    events: () => fanOut.reader(closedError),
    on: (listener) => (closed ? () => undefined : fanOut.on(listener)),
    stats: () => ({
      ...gateway.counts,
      subscriptions: subscriptions.size,
      readers: fanOut.readers,
      listeners: fanOut.listeners,
      waiting: gateway.waiting,
      openSockets: openSockets(),
    }),
    async close() {
      if (closed) return;
      closed = true;
      fanOut.end();
      await gateway.close();
    },
  };
  ext.onClose(() => socket.close());
  return socket;
}
