const MASK = '[redacted]';

/** Error fields that programs branch on: never rewritten, whatever a secret looks like. */
const MACHINE_FIELDS = new Set([
  'name',
  'code',
  'outcome',
  'required',
  'granted',
  'status',
  'field',
  'source',
  'provider',
  'exchangeCode',
  'networkCode',
  'retryAfterMs',
]);

/**
 * Replaces every known secret value in a text with `[redacted]`.
 *
 * Errors and log lines are built from safe fields only; this is the second line of defence, for text that
 * comes from outside (an exchange's error message that echoes the key, a system error message).
 */
export class Redactor {
  readonly #values: readonly string[];

  /** A redactor for `secrets` (empty and repeated values are ignored). Build one with {@link redactorFor}. */
  constructor(secrets: Iterable<string | undefined>) {
    const unique = new Set<string>();
    for (const secret of secrets) if (secret) unique.add(secret);
    // Longest first, so a secret that contains another is masked whole.
    this.#values = [...unique].sort((a, b) => b.length - a.length);
  }

  /** The text with every known secret masked. */
  text(input: string): string {
    let output = input;
    for (const value of this.#values) {
      if (output.includes(value)) output = output.split(value).join(MASK);
    }
    return output;
  }

  /** A deep copy of a JSON-like value with every known secret masked in its strings and object keys. */
  value(input: unknown): unknown {
    return this.#copy(input, new WeakMap());
  }

  #copy(input: unknown, seen: WeakMap<object, unknown>): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input === null || typeof input !== 'object') return input;
    const known = seen.get(input);
    if (known !== undefined) return known;
    if (Array.isArray(input)) {
      const output: unknown[] = [];
      seen.set(input, output);
      for (const item of input) output.push(this.#copy(item, seen));
      return output;
    }
    const output: Record<string, unknown> = {};
    seen.set(input, output);
    for (const [key, item] of Object.entries(input)) output[this.text(key)] = this.#copy(item, seen);
    return output;
  }
}

/** The one way to build a {@link Redactor}: from the values that must never be printed. */
export function redactorFor(secrets: Iterable<string | undefined>): Redactor {
  return new Redactor(secrets);
}

/**
 * A copy of `error` with every known secret masked in its message, stack and free-text fields at any depth.
 * Machine-readable fields (`name`, `code`, `outcome`, `status` ...) are copied as they are. The original is
 * not changed.
 */
export function maskError<E extends Error>(error: E, redactor: Redactor): E {
  const copy = Object.create(Object.getPrototypeOf(error)) as E;
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key) as PropertyDescriptor;
    if ('value' in descriptor && typeof key === 'string' && !MACHINE_FIELDS.has(key)) {
      descriptor.value = redactor.value(descriptor.value);
    }
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}
