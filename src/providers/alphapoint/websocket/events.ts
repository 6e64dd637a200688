import type { z } from 'zod';
import { parseAnswer } from '../../../core/answer-check.js';
import type { AlphaPointEndpointTypes, AlphaPointSchemaTypes } from '../catalog-types.js';
import { accountsSchemas } from '../schemas/accounts.js';
import { marketSchemas } from '../schemas/market.js';
import { ordersSchemas } from '../schemas/orders.js';
import { tradesSchemas } from '../schemas/trades.js';
import type { Frame } from './frames.js';
import { readPayload } from './frames.js';

/** What did not match an event's documented schema. */
export interface EventDrift {
  readonly issues: readonly string[];
}

/** The events with a documented shape, and the type each is checked as. */
export interface AlphaPointEventTypes {
  /** An order of the subscribed account changed (the order object of GetOrderStatus). */
  OrderStateEvent: AlphaPointSchemaTypes['order'];
  /** An order of the subscribed account traded (the trade object of GetTradesHistory). */
  OrderTradeEvent: AlphaPointSchemaTypes['trades'];
  /** A balance of the subscribed account changed (an item of GetAccountPositions). */
  AccountPositionEvent: AlphaPointEndpointTypes['GetAccountPositions']['data'][number];
  /** The Level 1 of a subscribed instrument changed (GetLevel1's object). */
  Level1UpdateEvent: AlphaPointEndpointTypes['GetLevel1']['data'];
  /** Level 2 entries of a subscribed instrument changed (GetL2Snapshot's arrays). */
  Level2UpdateEvent: AlphaPointEndpointTypes['GetL2Snapshot']['data'];
}

/** Events the gateway documents without a shape this library checks; delivered as sent. */
export type AlphaPointOtherEventName =
  | 'CancelOrderRejectEvent'
  | 'NewOrderRejectEvent'
  | 'TransactionEvent'
  | 'PendingDepositUpdate'
  | 'MarketStateUpdate'
  | 'TradeDataUpdateEvent'
  | 'TickerDataUpdateEvent'
  | 'LogoutEvent';

/**
 * An event from the gateway (`m: 3`). A documented event that matches its schema is typed by `name`; one that
 * does not is delivered anyway, as sent, with `drift` (and a status `event-drift`), never dropped. Test `drift`
 * before reading `data`. An event name the library does not know arrives with `data` as sent.
 */
export type AlphaPointEvent =
  | {
      [N in keyof AlphaPointEventTypes]: {
        readonly name: N;
        readonly data: AlphaPointEventTypes[N];
        readonly drift?: undefined;
      };
    }[keyof AlphaPointEventTypes]
  | { readonly name: keyof AlphaPointEventTypes; readonly data: unknown; readonly drift: EventDrift }
  | { readonly name: AlphaPointOtherEventName; readonly data: unknown; readonly drift?: undefined };

let schemas: Readonly<Record<string, z.ZodType>> | undefined;
const eventSchemas = () => {
  schemas ??= {
    OrderStateEvent: ordersSchemas().order,
    OrderTradeEvent: tradesSchemas().trade,
    AccountPositionEvent: accountsSchemas().accountPosition,
    Level1UpdateEvent: marketSchemas().level1,
    Level2UpdateEvent: marketSchemas().l2Snapshot,
  };
  return schemas;
};

/** An event frame read and checked against its documented schema (the drift policy: delivered either way). */
export function readEvent(frame: Frame): AlphaPointEvent {
  const payload = readPayload(frame.o);
  const name = frame.n as AlphaPointOtherEventName;
  if (!payload.json) {
    const drift = { issues: ['the event is not JSON'] };
    return { name: name as keyof AlphaPointEventTypes, data: payload.text, drift };
  }
  const schema = Object.hasOwn(eventSchemas(), frame.n) ? eventSchemas()[frame.n] : undefined;
  if (!schema) return { name, data: payload.value };
  const parsed = parseAnswer(schema, payload.value);
  if (parsed.success) return { name: frame.n, data: parsed.data } as AlphaPointEvent;
  const issues = parsed.error.issues.map((issue) => `data.${issue.path.join('.')}: ${issue.message}`);
  return { name: frame.n as keyof AlphaPointEventTypes, data: payload.value, drift: { issues } };
}
