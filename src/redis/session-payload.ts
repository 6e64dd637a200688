import { z } from 'zod';
import { ConfigurationError } from '../core/errors.js';
import type { Session } from '../core/session.js';

const payloadSchema = z.object({
  t: z.string().min(1),
  i: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** The token and info of an opened session payload, or `undefined` when it is not one. */
export function readPayload(text: string): { t: string; i: Record<string, string | number> } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const payload = payloadSchema.safeParse(value);
  return payload.success ? payload.data : undefined;
}

export function checkSession(session: Session): void {
  const ok =
    typeof session === 'object' &&
    session !== null &&
    typeof session.token === 'string' &&
    session.token.length > 0 &&
    typeof session.info === 'object' &&
    session.info !== null &&
    Number.isFinite(session.obtainedAt);
  if (!ok) {
    throw new ConfigurationError(
      'redis (redisSessionStore): a session needs a non-empty token, an info object and a numeric obtainedAt',
      { provider: 'redis', field: 'session' },
    );
  }
}
