/**
 * The APEX gateway's message types (`m`): alphapoint/slate `source/includes/background/_api_bkg_background.md`;
 * the same table in NDAX's and Coinext's documents.
 */
export const MESSAGE = { request: 0, reply: 1, subscribe: 2, event: 3, unsubscribe: 4, error: 5 } as const;

/** One frame as the gateway carries it: `o` is a JSON string (or, in an `m: 5` error, plain text). */
export interface Frame {
  readonly m: number;
  readonly i: number;
  readonly n: string;
  readonly o: string;
}

/** A request frame: `o` is the payload as a JSON string (double encoded, as every APEX gateway wants). */
export function encodeFrame(i: number, n: string, payload: string): string {
  return `{"m":0,"i":${i},"n":${JSON.stringify(n)},"o":${JSON.stringify(payload)}}`;
}

/** A frame read from text, or `undefined` when the text is not one (it is then ignored, never thrown). */
export function decodeFrame(text: string): Frame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { m, i, n, o } = value as Record<string, unknown>;
  if (typeof m !== 'number' || typeof i !== 'number' || typeof n !== 'string') return undefined;
  // `o` is a string on the wire; a gateway that sent it as an object is read as the JSON it holds.
  return { m, i, n, o: typeof o === 'string' ? o : JSON.stringify(o ?? null) };
}

/** `o` read: the JSON it holds, or its plain text (an `m: 5` frame may carry `"Endpoint Not Found"`). */
export type Payload =
  | { readonly json: true; readonly value: unknown }
  | { readonly json: false; readonly text: string };

/** Reads a frame's `o`. */
export function readPayload(o: string): Payload {
  try {
    return { json: true, value: JSON.parse(o) as unknown };
  } catch {
    return { json: false, text: o };
  }
}

/**
 * Request ids of one connection: even numbers from 2, stepping by 2 (AlphaPoint's recommended practice), never
 * reused on the connection. Events carry a server-side counter of their own in `i`, so a reply is matched on
 * `m` and `i` together.
 */
export class RequestIds {
  #last = 0;
  next(): number {
    this.#last += 2;
    return this.#last;
  }
}
