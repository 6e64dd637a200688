import type { ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import { failed } from './answers.js';
import { INSTRUMENT, productSymbol } from './views.js';

// The ids a request names, checked before the call runs, as APEX checks them: the OMS must exist, the account
// must exist and be one the session's user is associated with, the instrument or product must exist, and a
// user named must be that user. Slate (alphapoint/slate source/includes/**): "A user with Trading permission can
// create an order only for those accounts and instruments with which the user is associated" (SendOrder); the
// same for CancelOrder, GetOrderStatus, GetOpenOrders, GetAccountPositions, GetWithdrawTickets and
// CreateWithdrawTicket ("only for an account with which they're associated"), and GetUserInfo ("only about
// users associated with the same account").
//
// Every refusal is a standard response with errorcode 100, slate's code for a request it will not take
// (background/_api_bkg_background.md, "Standard response objects and common error codes": its table words it
// "Invalid Response", its examples and the Kiiex OpenAPI files "Invalid Request"). The library reads it as an
// ExchangeError and never sends it again; errorcode 20, "Not Authorized", would make it log in again and resend,
// so it is kept for the session alone. The forms:
// - an unknown OMS: `{"result":false,"errormsg":"Invalid Request","errorcode":100,"detail":"Invalid OMSId"}`,
//   word for word as slate prints it (tickets/_api_tix_system_cancelfailedwithdrawticket.md and
//   _api_tix_system_resubmitfailedwithdrawticket.md);
// - an unknown instrument: `{"result":false,"errormsg":"Invalid InstrumentId: 10000","errorcode":100,
//   "detail":null}`, as NDAX answered it on the wire (quoted in ccxt's ndax.ts `exceptions.broad`);
// - an account, product or user the request may not name: the same form as the instrument's
//   (`"errormsg":"Invalid AccountId: 987654321"`). No source shows APEX's answer for these; the docs say only
//   that the user may not act on them. The sandbox answers an account that does not exist and one of another
//   user alike, as an exchange that does not tell a stranger which accounts exist.

/** The Order Management Systems the sandbox runs: the one every account lives on. */
const OMS_IDS: ReadonlySet<number> = new Set([1]);

/**
 * How a call names an id: it must, or it may. A required id that is missing is read as 0 (no OMS or account
 * has it), as a .NET service reads an absent integer; no source shows APEX's answer to a missing id.
 */
type Presence = 'required' | 'optional';

/** The ids one call names. */
export interface NamedIds {
  readonly OMSId?: Presence;
  readonly AccountId?: Presence;
  readonly InstrumentId?: Presence;
  readonly ProductId?: Presence;
  /** GetUserInfo: `UserId` or `UserName`, the session's own user only. */
  readonly User?: Presence;
}

/**
 * A field of a request whatever the case of its name: the wire carries `OMSId`, `AccountId`, while slate prints
 * `omsId`, `accountId` in some requests (GetOrderStatus, GetUserInfo); the sandbox reads both, so a bot that
 * follows either is checked alike.
 */
export function fieldOf(payload: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(payload).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : payload[key];
}

/** An id: a JSON integer or a string of digits (a GET query); missing is 0. */
function idOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^[0-9]{1,15}$/.test(value)) return Number(value);
  return undefined;
}

/** `Invalid <Name>: <value>` with errorcode 100 (see the sources above). */
const invalid = (name: string, value: unknown): ServerAnswer =>
  failed(100, `Invalid ${name}: ${value === undefined ? 0 : String(value)}`, null, 'unknown-id');

/** Whether a named id passes `accepts`; an optional one that is absent passes. */
function passes(
  payload: Readonly<Record<string, unknown>>,
  name: string,
  presence: Presence | undefined,
  accepts: (id: number) => boolean,
): boolean {
  if (presence === undefined) return true;
  const value = fieldOf(payload, name);
  if (value === undefined && presence === 'optional') return true;
  const id = idOf(value);
  return id !== undefined && accepts(id);
}

/**
 * Whether `accountId` is an account on `omsId` that the session's user is associated with. Each sandbox user has
 * one account, so this is its own: an id that names no account, or another user's, fails alike.
 */
function associated(own: SandboxAccount | undefined, omsId: number, accountId: number): boolean {
  return own !== undefined && own.accountId === accountId && own.omsId === omsId;
}

/** Whether the user a GetUserInfo names (by `UserId` or `UserName`) is the session's own. */
function ownUser(payload: Readonly<Record<string, unknown>>, own: SandboxAccount | undefined): boolean {
  const name = fieldOf(payload, 'UserName');
  if (name !== undefined && name !== '') return own !== undefined && name === `user${own.userId}`;
  return passes(payload, 'UserId', 'optional', (id) => own !== undefined && String(id) === own.userId);
}

/**
 * The refusal of a request naming an id it may not, or `undefined` when every id it names is one the session's
 * user may use. Checked in the order the request is read: OMS, account, instrument, product, user.
 */
export function refuseIds(
  payload: Readonly<Record<string, unknown>>,
  named: NamedIds,
  own: SandboxAccount | undefined,
): ServerAnswer | undefined {
  if (!passes(payload, 'OMSId', named.OMSId, (id) => OMS_IDS.has(id)))
    return failed(100, 'Invalid Request', 'Invalid OMSId', 'unknown-id');
  const omsId = idOf(fieldOf(payload, 'OMSId')) ?? 0;
  if (!passes(payload, 'AccountId', named.AccountId, (id) => associated(own, omsId, id)))
    return invalid('AccountId', fieldOf(payload, 'AccountId'));
  if (!passes(payload, 'InstrumentId', named.InstrumentId, (id) => id === INSTRUMENT.InstrumentId))
    return invalid('InstrumentId', fieldOf(payload, 'InstrumentId'));
  if (!passes(payload, 'ProductId', named.ProductId, (id) => productSymbol(id) !== undefined))
    return invalid('ProductId', fieldOf(payload, 'ProductId'));
  if (named.User !== undefined && !ownUser(payload, own)) {
    const name = fieldOf(payload, 'UserName');
    return name !== undefined && name !== ''
      ? invalid('UserName', name)
      : invalid('UserId', fieldOf(payload, 'UserId'));
  }
  return undefined;
}
