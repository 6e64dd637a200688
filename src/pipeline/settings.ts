import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { AxiosInstance } from 'axios';
import type { Clock } from '../core/clock.js';
import type { Coordination } from '../core/coordination.js';
import type { CredentialsSource } from '../core/credentials-source.js';
import type { ClientEventListener } from '../core/events.js';
import type { FieldsFirstLogger, Logger } from '../core/log.js';
import type { BodyLimits } from './read-body.js';

/** Retry settings with every default filled in. */
export interface RetryPolicy {
  readonly retries: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxElapsedMs: number;
}

/** Client options with defaults filled in. */
export interface ResolvedClientOptions {
  /** Which HTTP engine sends: undici unless the options asked for axios (or gave what only axios uses). */
  readonly transport: 'undici' | 'axios';
  readonly axios: AxiosInstance | undefined;
  /** An undici dispatcher, typed by shape (the public options do not load undici's types). */
  readonly dispatcher: { dispatch(options: object, handler: object): boolean } | undefined;
  readonly timeout: number;
  readonly retry: RetryPolicy;
  readonly rateLimit: number | false;
  readonly httpsAgent: HttpsAgent | undefined;
  readonly httpAgent: HttpAgent | undefined;
  readonly logger: Logger | FieldsFirstLogger | undefined;
  readonly clock: Clock;
  readonly maxInFlight: number;
  readonly limits: BodyLimits;
  readonly coordination: Coordination | undefined;
  readonly onEvent: ClientEventListener | undefined;
  /** Reject an executed request whose answer does not match its schema, instead of resolving with `drift`. */
  readonly strictAnswers: boolean;
  /** Where the client reads its key again, if anywhere (the client's own business: the pipeline never reads it). */
  readonly credentials: CredentialsSource | undefined;
}
