// The APEX WebSocket frame (alphapoint/slate background/_api_bkg_background.md): `{"m","i","n","o"}` with `m` 0
// request, 1 reply, 2 subscribe, 3 event, 4 unsubscribe, 5 error, `i` the sequence number, `n` the function
// name and `o` the payload as a JSON string (double encoded).

/** A frame a client sent that asks for something (m 0, 2 or 4). */
export interface RequestFrame {
  readonly m: number;
  readonly i: number;
  readonly n: string;
  /** The payload read from `o`; undefined when `o` is not a JSON object in a string. */
  readonly payload: Record<string, unknown> | undefined;
}

/** The payload of `o`: a JSON object in a string; an absent or empty `o` is `{}`. */
function payloadOf(o: unknown): Record<string, unknown> | undefined {
  if (o === undefined || o === null || o === '') return {};
  if (typeof o !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(o);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The request in a text frame, or undefined for text that is no frame of a request (not JSON, not an object, `m`
 * not 0, 2 or 4, `n` not a string): APEX leaves such text unanswered and the socket open (Bitazza profile).
 */
export function readFrame(text: string): RequestFrame | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { m, i, n, o } = parsed as Record<string, unknown>;
  if ((m !== 0 && m !== 2 && m !== 4) || typeof n !== 'string') return undefined;
  return { m, i: typeof i === 'number' ? i : 0, n, payload: payloadOf(o) };
}

/** A reply (m 1) to request `i`, the body double encoded in `o`. */
export const replyFrame = (i: number, n: string, body: unknown): string =>
  JSON.stringify({ m: 1, i, n, o: JSON.stringify(body) });

/** An error (m 5) with a bare-text `o`, as `{"m":5,"i":26,"n":"NoSuchFunction","o":"Endpoint Not Found"}`. */
export const errorFrame = (i: number, n: string, text: string): string =>
  JSON.stringify({ m: 5, i, n, o: text });

/** An event (m 3) numbered `i` by the socket's own counter. */
export const eventFrame = (i: number, n: string, body: unknown): string =>
  JSON.stringify({ m: 3, i, n, o: JSON.stringify(body) });
