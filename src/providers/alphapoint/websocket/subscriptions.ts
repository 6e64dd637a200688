import { z } from 'zod';
import { ConfigurationError } from '../../../core/errors.js';
import type { RequiredPermission } from '../../../core/permissions.js';
import type { Session } from '../../../core/session.js';
import type { Connection } from './connection.js';
import { MESSAGE, readPayload } from './frames.js';
import type { SocketStatus } from './status.js';

/** What each subscription takes (slate `SubscribeAccountEvents`, `SubscribeLevel1`, `SubscribeLevel2` ...). */
export interface AlphaPointSubscriptions {
  /** Order, trade and balance events of an account. Default: the account and OMS the login named. */
  SubscribeAccountEvents: { AccountId?: number; OMSId?: number };
  /** Level 1 updates of an instrument (by id or symbol). */
  SubscribeLevel1: { OMSId: number; InstrumentId?: number; Symbol?: string };
  /** Level 2 updates of an instrument; the reply is the snapshot. */
  SubscribeLevel2: { OMSId: number; InstrumentId?: number; Symbol?: string; Depth: number };
  /** Public trades of an instrument. */
  SubscribeTrades: { OMSId: number; InstrumentId: number; IncludeLastCount: number };
  /** Ticker (candles) of an instrument. */
  SubscribeTicker: { OMSId: number; InstrumentId: number; Interval: number; IncludeLastCount: number };
}

/** A subscription's name. */
export type SubscriptionName = keyof AlphaPointSubscriptions;

const int = z.number().int();
const entries = () =>
  ({
    SubscribeAccountEvents: {
      permission: 'read',
      unsubscribe: undefined,
      body: z.strictObject({ AccountId: int.optional(), OMSId: int.optional() }),
    },
    SubscribeLevel1: {
      permission: 'public',
      unsubscribe: 'UnsubscribeLevel1',
      body: z.strictObject({ OMSId: int, InstrumentId: int.optional(), Symbol: z.string().optional() }),
    },
    SubscribeLevel2: {
      permission: 'public',
      unsubscribe: 'UnsubscribeLevel2',
      body: z.strictObject({
        OMSId: int,
        InstrumentId: int.optional(),
        Symbol: z.string().optional(),
        Depth: int,
      }),
    },
    SubscribeTrades: {
      permission: 'public',
      unsubscribe: 'UnsubscribeTrades',
      body: z.strictObject({ OMSId: int, InstrumentId: int, IncludeLastCount: int }),
    },
    SubscribeTicker: {
      permission: 'public',
      unsubscribe: 'UnsubscribeTicker',
      body: z.strictObject({ OMSId: int, InstrumentId: int, Interval: int, IncludeLastCount: int }),
    },
  }) as const satisfies Record<
    SubscriptionName,
    { permission: RequiredPermission; unsubscribe: string | undefined; body: z.ZodType }
  >;

let built: ReturnType<typeof entries> | undefined;
/** The subscriptions this library knows, built on first use. */
export const subscriptionCatalog = () => {
  built ??= entries();
  return built;
};

/** Checks a subscription's name and payload; a ConfigurationError names the field. */
export function checkSubscription(provider: string, name: string, payload: unknown) {
  const catalog = subscriptionCatalog();
  if (!Object.hasOwn(catalog, name)) {
    throw new ConfigurationError(
      `${provider}: '${name}' is not a subscription; use one of ${Object.keys(catalog).join(', ')}`,
      { provider, field: 'name' },
    );
  }
  const entry = catalog[name as SubscriptionName];
  const result = entry.body.safeParse(payload ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const field =
      issue?.code === 'unrecognized_keys'
        ? `payload.${issue.keys[0]}`
        : `payload.${issue?.path.join('.') ?? ''}`;
    throw new ConfigurationError(
      `${provider}: '${name}' ${field}: ${issue?.message ?? 'invalid'}. Nothing was sent.`,
      { provider, field },
    );
  }
  return entry;
}

/** `SubscribeAccountEvents` without ids takes the account and OMS the login named. */
export function accountPayload(provider: string, payload: Record<string, unknown>, session: Session) {
  const AccountId = payload.AccountId ?? Number(session.info.accountId);
  const OMSId = payload.OMSId ?? Number(session.info.omsId);
  if (!Number.isSafeInteger(AccountId) || !Number.isSafeInteger(OMSId)) {
    throw new ConfigurationError(
      `${provider}: the login named no AccountId and OMSId (a two-factor login may not); pass them to SubscribeAccountEvents`,
      { provider, field: 'payload.AccountId' },
    );
  }
  return { ...payload, AccountId, OMSId };
}

/** The subscriptions of one socket, made again on every new connection. */
export class Subscriptions {
  readonly #active = new Map<string, { readonly name: string; readonly payload: string }>();

  get size(): number {
    return this.#active.size;
  }

  add(name: string, payload: string): void {
    this.#active.set(`${name} ${payload}`, { name, payload });
  }

  remove(name: string, payload: string): void {
    this.#active.delete(`${name} ${payload}`);
  }

  /** Subscribes again on `connection`, every subscription, and reports each reply. */
  async restore(
    connection: Connection,
    onStatus: (status: SocketStatus) => void,
    redact: (text: string) => string,
  ) {
    await Promise.all(
      [...this.#active.values()].map(async ({ name, payload }) => {
        const reply = await connection.request(name, payload);
        const read = readPayload(reply.o);
        const refused =
          reply.m === MESSAGE.error ||
          (read.json && (read.value as { result?: unknown } | null)?.result === false);
        if (refused) onStatus({ type: 'resubscribe-failed', name, message: redact(reply.o).slice(0, 300) });
        else onStatus({ type: 'resubscribed', name, data: read.json ? read.value : read.text });
      }),
    );
  }
}
