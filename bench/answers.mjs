// What the benchmarks' loopback exchanges answer: each exchange's documented shapes, so every answer passes the
// catalog's schema as it would in production (a bench that fed schemas `[]` would measure an error path).

/** AlphaPoint's login answer, as the APEX docs print it. */
export const LOGIN = JSON.stringify({
  Authenticated: true,
  SessionToken: 'bench-session-token',
  User: {
    UserId: 7,
    UserName: 'bench',
    Email: 'bench@example.com',
    EmailVerified: true,
    AccountId: 9,
    OMSId: 1,
    Use2FA: false,
  },
  Locked: false,
  Requires2FA: false,
  EnforceEnable2FA: false,
  TwoFAType: null,
  TwoFAToken: null,
  errormsg: null,
});

/** The body of an AlphaPoint GetAccountPositions call for the bench's account. */
export const POSITIONS_BODY = { OMSId: 1, AccountId: 9 };

const position = (ProductSymbol, ProductId, Amount) => ({
  OMSId: 1,
  AccountId: 9,
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
  NotionalProductId: 0,
  NotionalProductSymbol: 'USD',
  NotionalValue: 0,
  NotionalHoldAmount: 0,
  NotionalRate: 0,
  TotalDayDepositNotional: 0,
  TotalMonthDepositNotional: 0,
  TotalDayWithdrawNotional: 0,
  TotalMonthWithdrawNotional: 0,
});

/** AlphaPoint GetAccountPositions: two positions. */
export const POSITIONS = JSON.stringify([position('BTC', 1, 0.5), position('USD', 2, 1000)]);

/** bitexbit GET /api/v2/private/balance (api-docs-v2's sample). */
export const BALANCE = JSON.stringify([
  { symbol: 'BTC', available: '0.00661226', reserved: '0.00000000' },
  { symbol: 'USD', available: '6.65245012', reserved: '0.00000124' },
]);

/** Bitex GET /coin_wallets (bitex-sdk-ruby's recorded answer, one wallet). */
export const COIN_WALLETS = JSON.stringify({
  data: [
    {
      id: '3194',
      type: 'coin_wallets',
      attributes: {
        balance: 0.01034418,
        available: 0.00834418,
        currency: 'btc',
        address: '1GvKbT2Jpgh3PM14awmEUVpQwCAaUx6Tqw',
        auto_sell_address: '1EZ3QhJNKYgUv2FEcNViFPvX54xTXmyxGG',
      },
    },
  ],
});

/** The documented answer for a request URL (`undefined` on a login, which the caller answers and counts). */
export function answerFor(url = '') {
  if (/AuthenticateUser$/.test(url)) return LOGIN;
  if (url.startsWith('/api/v2/')) return BALANCE;
  if (url.endsWith('/coin_wallets')) return COIN_WALLETS;
  return POSITIONS;
}
