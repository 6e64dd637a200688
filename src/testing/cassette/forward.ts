import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ReceivedRequest } from '../http-server.js';

/** What the exchange answered, read whole. */
export interface ForwardedAnswer {
  readonly status: number;
  /** Header names in lower case, framing headers left out; repeated headers joined with `, `. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Headers that describe one hop, not the request: the proxy sets its own. */
const HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'date']);

function headersOf(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    if (HOP.has(name)) continue;
    const value = raw[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** The request's headers without the hop-by-hop ones, to send on or to record. */
export function endToEndHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP.has(name)));
}

/**
 * Sends a received request on to `origin` as it came (method, path and query, headers, body bytes), so what the
 * bot signed is what the exchange checks, and reads the answer whole. Compressed answers are asked for not.
 */
export function forward(origin: string, received: ReceivedRequest): Promise<ForwardedAnswer> {
  const target = new URL(received.url, origin);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = Buffer.from(received.body, 'utf8');
  const headers: Record<string, string> = {
    ...endToEndHeaders(received.headers),
    'accept-encoding': 'identity',
  };
  if (body.length > 0 || received.method !== 'GET') headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = send(target, { method: received.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', reject);
      answer.on('end', () =>
        resolve({
          status: answer.statusCode ?? 502,
          headers: headersOf(answer.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
