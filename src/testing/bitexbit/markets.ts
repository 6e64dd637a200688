/** The trading pairs, each as its base and quote currency. */
export const PAIRS: Readonly<Record<string, readonly [base: string, quote: string]>> = {
  BTC_USD: ['BTC', 'USD'],
  ETH_USD: ['ETH', 'USD'],
  BTC_USDT: ['BTC', 'USDT'],
  USDT_USD: ['USDT', 'USD'],
  ETH_USDT: ['ETH', 'USDT'],
};

/** The networks each currency can be withdrawn over. */
export const NETWORKS: Readonly<Record<string, readonly string[]>> = {
  BTC: ['bitcoin'],
  ETH: ['ethereum'],
  USDT: ['tron', 'ethereum'],
  USD: ['card'],
};
