// Request bodies and answers as each exchange documents them, for tests whose subject is neither: a call is
// checked against its documented schemas both ways. Account 7 on OMS 1 is the account of the answers here; the
// AlphaPoint sandbox refuses an AccountId that is not the session's own (errorcode 100), so a test against it
// names its key's ids: `{ ...AP_ORDER, ...sandbox.accountIds(credentials.apiKey) }`.

/** SendOrder: a limit buy of 0.01 BTC at 100 on instrument 1 (BTCUSD). */
export const AP_ORDER = {
  OMSId: 1,
  AccountId: 7,
  InstrumentId: 1,
  Side: 0,
  Quantity: 0.01,
  LimitPrice: 100,
  OrderType: 2,
} as const;

/** CreateWithdrawTicket: 5 of product 3 (USDT) to an external address. */
export const AP_TICKET = {
  OMSId: 1,
  AccountId: 7,
  ProductId: 3,
  Amount: 5,
  TemplateType: 'ToExternalAddress',
  TemplateForm: { TemplateType: 'ToExternalAddress', Comment: '', ExternalAddress: 'TXYZ' },
} as const;

/** `{OMSId, AccountId}`: the calls that read one account (GetAccountPositions, GetOpenOrders ...). */
export const AP_ACCOUNT = { OMSId: 1, AccountId: 7 } as const;

/** A Bitex JSON:API document. */
const jsonApi = <const T extends string, A>(type: T, attributes: A) => ({ data: { type, attributes } });

/** Bitex `bids.create` (or `asks.create` with type `asks`): 0.01 at 100 on btc_usd. */
export const bitexOrder = <const T extends 'bids' | 'asks' = 'bids'>(type: T = 'bids' as T, price = 100) =>
  jsonApi(type, { orderbook_code: 'btc_usd', amount: 0.01, price });

/** Bitex `coinWithdrawals.create`: 0.01 BTC to a testnet address. */
export const BITEX_WITHDRAWAL = jsonApi('coin_withdrawals', {
  coin_code: 'btc' as const,
  amount: 0.01,
  label: 'cold',
  to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
});

/** One GetAccountPositions row with every field AlphaPoint's APEX docs print (slate, Kiiex). */
export const apPosition = (ProductSymbol: string, ProductId: number, Amount: number) => ({
  OMSId: 1,
  AccountId: 7,
  ProductSymbol,
  ProductId,
  Amount,
  Hold: 0,
  PendingDeposits: 0,
  PendingWithdraws: 0,
  TotalDayDeposits: 0,
  TotalMonthDeposits: 0,
  TotalYearDeposits: 0,
  TotalYearDepositNotional: 0,
  TotalDayWithdraws: 0,
  TotalMonthWithdraws: 0,
  TotalYearWithdraws: 0,
  TotalYearWithdrawNotional: 0,
});
