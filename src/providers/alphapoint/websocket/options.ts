import { z } from 'zod';
import type { SocketStatus } from './status.js';

/** Options of `client.websocket()`. */
export interface AlphaPointSocketOptions {
  /** The gateway's URL (`wss://api.ndax.io/WSGateway/`). Default: the provider's `websocketURL`. */
  url?: string;
  /** A call's deadline in milliseconds, waiting for a connection included. Default: the client's `timeout`. */
  timeoutMs?: number;
  /** Connecting, authenticating and restoring subscriptions must be over within this. Default 10,000. */
  connectTimeoutMs?: number;
  /** `Ping` after this long without a frame. Default 10,000 (notbank-node's interval). */
  pingIntervalMs?: number;
  /** The connection is dead when nothing arrives this long after a `Ping`. Default 5,000. */
  deadAfterMs?: number;
  /** Reconnection backoff: `initialDelayMs` (default 500) doubling to `maxDelayMs` (default 30,000), jittered. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /**
   * Authentications failing in a row after which the socket stops trying (the breaker): APEX locks a user who
   * fails to log in too many times in rapid succession. Default 3.
   */
  maxAuthFailures?: number;
  /** Events each reader (`events()`) keeps while it is busy; the oldest is dropped past it. Default 10,000. */
  eventBuffer?: number;
  /** The largest frame accepted, in bytes. Default 16 MiB. */
  maxPayload?: number;
  /** Told what the socket does (connected, reconnecting, breaker open ...); what it throws is ignored. */
  onStatus?: (status: SocketStatus) => void;
}

const ms = (field: string) =>
  z
    .number({ error: `${field} must be a whole number of milliseconds` })
    .int({ error: `${field} must be a whole number of milliseconds` })
    .min(1, { error: `${field} must be at least 1` })
    .max(2 ** 31 - 1, { error: `${field} must be at most 2^31-1` });

/** The options' schema: every field named in its error. */
export const socketOptionsSchema = z.strictObject({
  url: z
    .string()
    .regex(/^wss?:\/\/[^\s]+$/, { error: 'url must be a ws:// or wss:// URL' })
    .optional(),
  timeoutMs: ms('timeoutMs').optional(),
  connectTimeoutMs: ms('connectTimeoutMs').optional(),
  pingIntervalMs: ms('pingIntervalMs').optional(),
  deadAfterMs: ms('deadAfterMs').optional(),
  reconnect: z
    .strictObject({
      initialDelayMs: ms('reconnect.initialDelayMs').optional(),
      maxDelayMs: ms('reconnect.maxDelayMs').optional(),
    })
    .optional(),
  maxAuthFailures: z.number().int().min(1).max(100).optional(),
  eventBuffer: z.number().int().min(1).max(10_000_000).optional(),
  maxPayload: z.number().int().min(1024).optional(),
  onStatus: z
    .custom<(status: SocketStatus) => void>((value) => typeof value === 'function', {
      error: 'onStatus must be a function',
    })
    .optional(),
});
