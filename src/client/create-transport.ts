import type { Dispatcher } from 'undici';
import { createAxiosTransport } from '../pipeline/axios-transport.js';
import { InFlightLimit } from '../pipeline/in-flight.js';
import type { ResolvedClientOptions } from '../pipeline/settings.js';
import type { Transport } from '../pipeline/transport.js';
import { createUndiciTransport } from '../pipeline/undici-transport.js';

/** The client's transport: undici (the default) or axios, with what each is built from. */
export function createTransport(provider: string, settings: ResolvedClientOptions): Transport {
  const common = {
    provider,
    clock: settings.clock,
    limits: settings.limits,
    inFlight: new InFlightLimit(settings.maxInFlight),
  };
  if (settings.transport === 'undici')
    return createUndiciTransport({ ...common, dispatcher: settings.dispatcher as Dispatcher | undefined });
  return createAxiosTransport({
    ...common,
    axios: settings.axios,
    httpsAgent: settings.httpsAgent,
    httpAgent: settings.httpAgent,
  });
}
