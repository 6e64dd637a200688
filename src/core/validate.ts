import { z } from 'zod';
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

/** The longest delay a Node timer can hold: a timeout above it would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A whole number of milliseconds from 1 to {@link MAX_TIMER_MS}, with messages that name `name`. */
export function millisecondsSchema(name: string) {
  return z
    .number({ error: `${name} must be a number of milliseconds` })
    .int({ error: `${name} must be a whole number of milliseconds` })
    .positive({ error: `${name} must be greater than 0` })
    .max(MAX_TIMER_MS, { error: `${name} must be at most ${MAX_TIMER_MS} (about 24.8 days)` });
}
