import { redactorFor } from './redact.js';

/** Where the client reports what it does. Every message and field it receives has secrets masked. */
export interface Logger {
  /** Each request attempt and its answer. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Session renewals and other events worth knowing. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Retries and other recoverable trouble. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Failures. */
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = keyof Logger;

/** A logger that masks the current secrets in everything it forwards; silent when no logger is given. */
export function createSafeLogger(
  logger: Logger | undefined,
  secrets: () => readonly string[],
): Logger & { readonly enabled: boolean } {
  const forward =
    (level: Level) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (!logger) return;
      const redactor = redactorFor(secrets());
      if (fields) logger[level](redactor.text(message), redactor.value(fields) as Record<string, unknown>);
      else logger[level](redactor.text(message));
    };
  return {
    enabled: logger !== undefined,
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
  };
}
