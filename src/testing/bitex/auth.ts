import type { ApiKey, BitexState, BitexUser, KeyFlag } from './state.js';

/** The parts of an `Authorization` header. */
interface AuthorizationHeader {
  readonly token: string;
  /** The managed user a master acts for (`; user=<id>`). */
  readonly onBehalfOf: number | undefined;
}

/** Exactly `<key>` or `<key>; user=<digits>`: key characters are printable ASCII without space and `;`. */
const AUTHORIZATION = /^([\x21-\x3a\x3c-\x7e]+)(?:; user=([0-9]+))?$/;

/** Reads an `Authorization` header; `undefined` when it is missing or not in Bitex's exact shape. */
export function parseAuthorization(header: string | undefined): AuthorizationHeader | undefined {
  const match = AUTHORIZATION.exec(header ?? '');
  if (!match?.[1]) return undefined;
  return { token: match[1], onBehalfOf: match[2] === undefined ? undefined : Number(match[2]) };
}

/** Who a request acts as, or why it was refused. */
export type Authentication =
  | { readonly ok: true; readonly key: ApiKey; readonly actor: BitexUser }
  | { readonly ok: false; readonly reason: 'invalidApiKey' | 'notEnoughPermissions' };

/**
 * Finds the key and the user a request acts as. An unknown key or a malformed header is `invalidApiKey`.
 * `; user=<id>` from a key whose user is not a master, or naming a user that master does not manage, is
 * `notEnoughPermissions`: what real Bitex answers in that case is not documented; this is the sandbox's choice.
 */
export function authenticate(state: BitexState, header: string | undefined): Authentication {
  const parsed = parseAuthorization(header);
  const key = parsed && state.keys.get(parsed.token);
  const owner = key && state.users.get(key.userId);
  if (!parsed || !key || !owner) return { ok: false, reason: 'invalidApiKey' };
  if (parsed.onBehalfOf === undefined) return { ok: true, key, actor: owner };
  const actor = state.users.get(parsed.onBehalfOf);
  if (!actor || !state.manages(owner.id, actor.id)) return { ok: false, reason: 'notEnoughPermissions' };
  return { ok: true, key, actor };
}

/** What a route needs of the key and the user it acts as. */
export interface Requirement {
  /** The key flag needed, if any. */
  readonly flag?: KeyFlag;
  /** Only a master user, acting as itself or as a user it manages that is a master. */
  readonly master?: boolean;
}

/** Whether an authenticated request meets a route's requirement. */
export function authorize(key: ApiKey, actor: BitexUser, requirement: Requirement): boolean {
  const flagged = requirement.flag === undefined || key.flags.has(requirement.flag);
  return flagged && (requirement.master !== true || actor.master);
}
