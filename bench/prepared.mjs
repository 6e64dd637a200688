/** A JSON body of a realistic order. */
export const prepareBody = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' };

/**
 * The request the pipeline would hand the strategy: the same shape, built once, so the benchmark measures the
 * strategy alone.
 */
export function preparedRequest(provider, method, path, body) {
  const url = new URL(`${provider.baseURL}${path}`);
  const text = body === undefined ? undefined : JSON.stringify(body);
  return Object.freeze({
    method,
    url: url.toString(),
    path: url.pathname,
    query: '',
    headers: { ...provider.headers, ...(text === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: text,
    permission: 'trade',
  });
}
