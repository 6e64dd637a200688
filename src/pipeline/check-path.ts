import { isDotSegment } from '../core/validate.js';

const UNSAFE_PATH = /[\s\p{Cc}\p{Cf}#\\]/u;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;
const ENCODED_BYTE = /%([0-9A-Fa-f]{2})/g;
/** Characters a path never needs percent-encoded (RFC 3986 unreserved), or whose encoding servers disagree on. */
const PLAIN_CHARACTER = /^[A-Za-z0-9\-._~/\\]$/;

/** Why `path` is refused, or undefined. Only the part before `?` is held to the segment rules. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with "/": the part of the URL after the base URL';
  if (path.startsWith('//')) return 'must be relative to the base URL: one leading "/", no scheme or host';
  if (UNSAFE_PATH.test(path)) {
    return 'must not contain whitespace, control or invisible (such as U+200B) characters, "#" or "\\"; retype it';
  }
  const pathname = path.split('?')[0] as string;
  if (pathname.includes('//')) return 'must not contain empty segments ("//")';
  if (pathname.split('/').some(isDotSegment)) {
    return 'must not contain dot segments (one or two dots, plain or percent-encoded); write the path the request is for';
  }
  if (BAD_PERCENT.test(pathname))
    return 'has a "%" that does not start a percent-encoded byte; write "%25" for "%"';
  for (const [, hex] of pathname.matchAll(ENCODED_BYTE)) {
    if (PLAIN_CHARACTER.test(String.fromCharCode(Number.parseInt(hex as string, 16)))) {
      return 'must not percent-encode letters, digits, "-", ".", "_", "~", "/" or "\\"; write the path as the server reads it';
    }
  }
  return undefined;
}
