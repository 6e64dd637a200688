import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { ReceivedRequest } from '../../src/testing/index.js';

/** A fresh folder for the running test's cassettes, removed when it finishes. */
export async function cassetteFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'cassettes-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/**
 * Every credential header as the exchanges name them, written out here rather than taken from the library, so
 * the scan does not share a blind spot with the recorder.
 */
const CREDENTIAL_HEADERS = [
  'authorization',
  'one-time-password',
  'x-api-key',
  'x-nonce',
  'x-signature',
  'x-key',
  'x-timeout',
  'x-sign',
  'apikey',
  'signature',
  'nonce',
  'aptoken',
  'pending2fatoken',
  'cookie',
];

/**
 * The credentials that reached the exchange, read from its own log: each credential header's value (a Bitex
 * `Authorization` without its `; user=` part) and each `Code` a body or query carried.
 */
export function credentialsSent(log: readonly ReceivedRequest[]): string[] {
  const found = new Set<string>();
  for (const entry of log) {
    for (const name of CREDENTIAL_HEADERS) {
      const value = entry.headers[name];
      if (value) found.add(name === 'authorization' ? (value.split(';')[0] ?? value) : value);
    }
    if (entry.query.Code) found.add(entry.query.Code);
    const code = /"Code"\s*:\s*"?([0-9]+)/.exec(entry.body)?.[1];
    if (code) found.add(code);
  }
  return [...found];
}

/** Every file in a folder (the cassettes a test wrote), as text. */
export async function cassetteTexts(folder: string): Promise<{ name: string; text: string }[]> {
  const names = await readdir(folder);
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(folder, name), 'utf8') })));
}

/**
 * Which of `forms` appear in any cassette of `folder`: each as it is, and each short numeric one (nonces,
 * deadlines, codes) as a JSON string, since a bare number may occur inside an unrelated one.
 */
export async function leakedInto(folder: string, forms: readonly string[]): Promise<string[]> {
  const texts = await cassetteTexts(folder);
  return forms.filter((form) => {
    const needle = /^[0-9]+$/.test(form) ? `"${form}"` : form;
    return texts.some(({ text }) => text.includes(needle));
  });
}
