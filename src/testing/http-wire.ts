import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { FailOptions, ServerAnswer } from './http-server.js';

/** The request's headers as received, names in lower case; repeated headers joined with `, `. */
export function rawHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) {
    const name = (message.rawHeaders[i] ?? '').toLowerCase();
    const value = message.rawHeaders[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** The whole body, as UTF-8 text. */
export async function readBody(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends an answer: a string body as is, any other body as JSON (with a JSON content type unless one is given). Its
 * `Date` header reads the server's clock (shifts included), as a real exchange's reads its own, so a client
 * measuring the clock offset from answers measures this server's.
 */
export function send(response: ServerResponse, answer: ServerAnswer, now: number): void {
  const headers: Record<string, string> = { Date: new Date(now).toUTCString(), ...answer.headers };
  let payload = '';
  if (typeof answer.body === 'string') {
    payload = answer.body;
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (!hasType) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  response.writeHead(answer.status, { ...headers, 'Content-Length': String(Buffer.byteLength(payload)) });
  response.end(payload);
}

/** The answer of a status fault: the status, `Retry-After` when asked, and the body (default its reason phrase). */
export function failure(options: FailOptions): ServerAnswer {
  const headers: Record<string, string> =
    options.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(options.retryAfterSeconds) };
  const body = 'body' in options ? options.body : { error: STATUS_CODES[options.status] ?? 'Error' };
  return { status: options.status, headers, body };
}
