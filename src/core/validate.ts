import type { z } from 'zod';
import { ConfigurationError } from './errors.js';

/**
 * Parses options with a zod schema, turning the first problem into a ConfigurationError that names the field
 * and says how to fix it. The offending value is never part of the message.
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, provider: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0] ?? ''].join('.');
    throw new ConfigurationError(`${provider}: "${field}" is not an option; check its spelling`, {
      provider,
      field,
    });
  }
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'options';
  const message = issue?.message ?? 'invalid options';
  const leaf = String(issue?.path.at(-1) ?? '');
  const text = leaf && message.startsWith(leaf) ? message : `option "${field}": ${message}`;
  throw new ConfigurationError(`${provider}: ${text}`, { provider, field });
}
