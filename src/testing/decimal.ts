/** Decimal places every sandbox amount is kept to. */
const DECIMALS = 8;

const SCALE = 10n ** BigInt(DECIMALS);
const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads an amount sent as a JSON number or a decimal string into units of 10^-8, exactly.
 *
 * @returns The units, or `undefined` when the value is not a finite decimal with at most 8 places.
 */
export function parseDecimal(value: unknown): bigint | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = value.toFixed(DECIMALS);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > DECIMALS) return undefined;
  const units = BigInt(whole) * SCALE + BigInt(fraction.padEnd(DECIMALS, '0'));
  return sign === '-' ? -units : units;
}

/** Writes units of 10^-8 as a decimal string without trailing zeros (`150`, `0.5`). */
export function formatDecimal(units: bigint): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `a × b` of two amounts, rounded down to 8 places. */
export function multiplyDecimal(a: bigint, b: bigint): bigint {
  return (a * b) / SCALE;
}

/** `a ÷ b` of two amounts, rounded down to 8 places. */
export function divideDecimal(a: bigint, b: bigint): bigint {
  return (a * SCALE) / b;
}
