import type { z } from 'zod';
import type { EndpointDefinition } from '../core/catalog.js';
import type { RequestOptions } from '../core/client.js';
import { ConfigurationError } from '../core/errors.js';
import type { EndpointMatch } from './context.js';

function check(
  provider: string,
  name: string,
  part: 'body' | 'query',
  schema: z.ZodType,
  value: unknown,
): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue && issue.path.length > 0 ? `${part}.${issue.path.join('.')}` : part;
  const what =
    issue?.code === 'unrecognized_keys'
      ? `"${[...issue.path, issue.keys[0] ?? ''].join('.')}" is not a field of '${name}'; check its spelling`
      : `${at}: ${issue?.message ?? 'does not match the documented shape'}`;
  const field =
    issue?.code === 'unrecognized_keys' ? `${part}.${[...issue.path, issue.keys[0] ?? ''].join('.')}` : at;
  throw new ConfigurationError(`${provider}: '${name}' ${what}. Nothing was sent.`, { provider, field });
}

/**
 * Checks a catalog call's body and query against the endpoint's documented request schemas, before anything is
 * sent. Returns them as the schemas parse them; endpoints without schemas pass their input through.
 */
export function checkEndpointInput(
  provider: string,
  name: string,
  endpoint: EndpointDefinition,
  input: { readonly body?: unknown; readonly query?: unknown },
): { body: unknown; query: unknown } {
  const schemas = endpoint.request;
  return {
    body:
      schemas?.body && input.body !== undefined
        ? check(provider, name, 'body', schemas.body, input.body)
        : input.body,
    query:
      schemas?.query && input.query !== undefined
        ? check(provider, name, 'query', schemas.query, input.query)
        : input.query,
  };
}

/**
 * `request()` and `authorize()` on a catalogued route: the body and query are checked as `call()` checks them, so
 * every door keeps one rule; they are then sent as given (the catalog's request schemas do not transform). A
 * string body is checked as the JSON it holds. A route outside the catalog passes.
 *
 * @throws ConfigurationError naming the field, before anything is sent.
 */
export function checkMatchedInput(
  provider: string,
  match: EndpointMatch | undefined,
  options: Pick<RequestOptions, 'body' | 'query'>,
): void {
  const schemas = match?.endpoint.request;
  if (!match || !schemas) return;
  let body = options.body;
  if (typeof body === 'string' && schemas.body) {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      throw new ConfigurationError(
        `${provider}: '${match.name}' takes a JSON body; the string given is not JSON. Nothing was sent.`,
        { provider, field: 'body' },
      );
    }
  }
  checkEndpointInput(provider, match.name, match.endpoint, { body, query: options.query });
}
