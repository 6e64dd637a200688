import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/** Fixed HKDF inputs: changing one makes every stored session unreadable (bump the format version with it). */
const SALT = 'exchange-auth/redis session store';
const SEAL_INFO = 'exchange-auth/redis session v1: aes-256-gcm key';
const TOKEN_ID_INFO = 'exchange-auth/redis session v1: token id hmac-sha256 key';
const READER_ID_INFO = 'exchange-auth/redis session v1: reader id hmac-sha256 key';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals and opens session payloads with keys derived from the API secret; holds the derived keys only. */
export interface SessionCipher {
  /** base64(iv | tag | ciphertext) of `plain`, bound to `context` (the Redis key it is stored under). */
  seal(plain: string, context: string): string;
  /** The plain text, or `undefined` when `sealed` was made with another secret, for another key, or altered. */
  open(sealed: string, context: string): string | undefined;
  /** A keyed hash of a token, so Lua can compare tokens without Redis ever holding one in clear. */
  tokenId(token: string): string;
  /**
   * A keyed hash of `context` (the Redis key): only a holder of the secret can name it, so Lua lets only such a
   * reader mark a session used.
   */
  readerId(context: string): string;
}

function derive(secret: Uint8Array, info: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', secret, SALT, info, 32)));
}

/** Keys = HKDF-SHA256(API secret, fixed salt, fixed info); AES-256-GCM with a random 12-byte IV per seal. */
export function sessionCipher(secret: Uint8Array): SessionCipher {
  const sealKey = derive(secret, SEAL_INFO);
  const tokenIdKey = derive(secret, TOKEN_ID_INFO);
  const readerIdKey = derive(secret, READER_ID_INFO);
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
    },
    open(sealed, context) {
      const bytes = Buffer.from(sealed, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', sealKey, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        return undefined;
      }
    },
    tokenId(token) {
      return createHmac('sha256', tokenIdKey).update(token, 'utf8').digest('base64url');
    },
    readerId(context) {
      return createHmac('sha256', readerIdKey).update(context, 'utf8').digest('base64url');
    },
  };
}
