const MASK = '[redacted]';

/**
 * Replaces every known secret value in a text with `[redacted]`.
 *
 * Errors and log lines are built from safe fields only; this is the second line of defence, for text that
 * comes from outside (an exchange's error message that echoes the key, a system error message).
 */
export class Redactor {
  readonly #values: string[] = [];

  /** Remember a value that must never be printed. Values shorter than 4 characters are masked too. */
  add(value: string | undefined): this {
    if (value && !this.#values.includes(value)) {
      this.#values.push(value);
      this.#values.sort((a, b) => b.length - a.length);
    }
    return this;
  }

  /** The text with every known secret masked. */
  text(input: string): string {
    let output = input;
    for (const value of this.#values) {
      if (output.includes(value)) output = output.split(value).join(MASK);
    }
    return output;
  }

  /** A deep copy of a JSON-like value with every known secret masked in its strings. */
  value(input: unknown, depth = 0): unknown {
    if (typeof input === 'string') return this.text(input);
    if (depth > 8 || input === null || typeof input !== 'object') return input;
    if (Array.isArray(input)) return input.map((item) => this.value(item, depth + 1));
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) output[key] = this.value(item, depth + 1);
    return output;
  }
}
