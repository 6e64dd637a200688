import type { TransportName } from './options.js';

/** The options only the axios transport uses: giving one of them means `transport: 'axios'`. */
const AXIOS_ONLY = ['axios', 'httpsAgent', 'httpAgent'] as const;

const AXIOS_ONLY_ON_UNDICI: Record<(typeof AXIOS_ONLY)[number], string> = {
  axios:
    "axios is an axios instance, which the axios transport sends through: leave transport out, or set transport: 'axios'",
  httpsAgent:
    "httpsAgent is a Node agent, which only the axios transport uses: set transport: 'axios', or give the undici transport a dispatcher (new Agent({ connect: { cert, key, ca } }) or new ProxyAgent(url) from undici)",
  httpAgent:
    "httpAgent is a Node agent, which only the axios transport uses: set transport: 'axios', or give the undici transport a dispatcher (new Agent(...) or new ProxyAgent(url) from undici)",
};

/**
 * The transport the options ask for, and the first option that does not fit it. `transport` wins when given;
 * else `axios`, `httpsAgent` or `httpAgent` mean axios; else undici. A `dispatcher` belongs to undici alone.
 */
export function chooseTransport(options: {
  transport?: TransportName | undefined;
  axios?: unknown;
  httpsAgent?: unknown;
  httpAgent?: unknown;
  dispatcher?: unknown;
}): { transport: TransportName; misfit?: { field: string; message: string } } {
  const axiosOption = AXIOS_ONLY.find((name) => options[name] !== undefined);
  const transport = options.transport ?? (axiosOption ? 'axios' : 'undici');
  if (transport === 'undici' && axiosOption)
    return { transport, misfit: { field: axiosOption, message: AXIOS_ONLY_ON_UNDICI[axiosOption] } };
  if (transport === 'axios' && options.dispatcher !== undefined) {
    const why = options.transport ? "transport is 'axios'" : `${axiosOption} means the axios transport`;
    return {
      transport,
      misfit: {
        field: 'dispatcher',
        message: `dispatcher is an undici dispatcher, which only the undici transport uses, and ${why}: give one or the other`,
      },
    };
  }
  return { transport };
}
