import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A credential that never prints: `String()`, template literals, `JSON.stringify` and `util.inspect` all show
 * `[redacted]`. Only {@link Secret.reveal} hands out the value, and only signers call it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself. Call it only where the value goes on the wire or into a signature. */
  reveal(): string {
    return this.#value;
  }

  /** Always `[redacted]`. */
  toString(): string {
    return REDACTED;
  }

  /** Always `[redacted]`, so `JSON.stringify` never reveals the value. */
  toJSON(): string {
    return REDACTED;
  }

  /** Always `[redacted]`, so `util.inspect` and `console.log` never reveal the value. */
  [inspect.custom](): string {
    return REDACTED;
  }
}
