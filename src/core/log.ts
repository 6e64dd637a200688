import { redactorFor } from './redact.js';

/**
 * Where the client reports what it does, message first (`console` fits). Every message and field it receives has
 * secrets masked. A pino or bunyan logger (fields first) is recognised and fed fields first; for another
 * fields-first logger, wrap it with {@link fieldsFirst}.
 */
export interface Logger {
  /** Each request attempt and its answer, rate-limit waits. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Logins, session renewals and other events worth knowing. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Retries and other recoverable trouble. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Failures. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that takes structured fields first and the message second, as pino and bunyan do. */
export interface FieldsFirstLogger {
  /** Each request attempt and its answer, rate-limit waits. */
  debug(fields: Record<string, unknown>, message: string): void;
  /** Logins, session renewals and other events worth knowing. */
  info(fields: Record<string, unknown>, message: string): void;
  /** Retries and other recoverable trouble. */
  warn(fields: Record<string, unknown>, message: string): void;
  /** Failures. */
  error(fields: Record<string, unknown>, message: string): void;
}

type Level = keyof Logger;

/**
 * Adapts a fields-first logger (pino, bunyan, or your own) to {@link Logger}, so structured fields arrive as
 * fields: `createClient(provider, { logger: fieldsFirst(myLogger) })`. pino and bunyan loggers are recognised
 * without it.
 */
export function fieldsFirst(logger: FieldsFirstLogger): Logger {
  const forward = (level: Level) => (message: string, fields?: Record<string, unknown>) =>
    logger[level](fields ?? {}, message);
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}

/** True for a pino logger (it has `bindings()` and a `levels` table) or a bunyan logger (it has `streams`). */
function isFieldsFirst(logger: object): boolean {
  const candidate = logger as Record<string, unknown>;
  const pino = typeof candidate.bindings === 'function' && typeof candidate.levels === 'object';
  const bunyan = Array.isArray(candidate.streams) && typeof candidate.child === 'function';
  return pino || bunyan;
}

const silent = () => undefined;

/** The logger of every client given none: one object for all of them, since it holds nothing of theirs. */
const SILENT: Logger & { readonly enabled: boolean } = Object.freeze({
  enabled: false,
  debug: silent,
  info: silent,
  warn: silent,
  error: silent,
});

/** A logger that masks the current secrets in everything it forwards; silent when no logger is given. */
export function createSafeLogger(
  given: Logger | FieldsFirstLogger | undefined,
  secrets: () => readonly string[],
): Logger & { readonly enabled: boolean } {
  if (given === undefined) return SILENT;
  const logger: Logger = isFieldsFirst(given) ? fieldsFirst(given as FieldsFirstLogger) : (given as Logger);
  let warned = false;
  // A logger must never change what a request does: a throw (or an async logger's rejection) drops that line.
  // It is said once, through Node's warnings, never through the logger that failed, and without its message.
  const dropped = () => {
    if (warned) return;
    warned = true;
    process.emitWarning(
      'exchange-auth: the logger threw; its lines are dropped',
      'ExchangeAuthLoggerWarning',
    );
  };
  const forward =
    (level: Level) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const redactor = redactorFor(secrets());
      try {
        // Called as methods: console and pino read `this`.
        const result: unknown = fields
          ? logger[level](redactor.text(message), redactor.value(fields) as Record<string, unknown>)
          : logger[level](redactor.text(message));
        if (isThenable(result)) result.then(undefined, dropped);
      } catch {
        dropped();
      }
    };
  return {
    enabled: true,
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
  };
}

/** Whether `value` is a promise-like (an async logger's or listener's result). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
