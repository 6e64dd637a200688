import { createHash } from 'node:crypto';

/** A Lua script and its SHA-1, computed once: it is sent by `EVALSHA`, and by `EVAL` only when Redis lacks it. */
export interface Script {
  readonly text: string;
  readonly sha: string;
}

/** A script with its SHA-1. */
export function script(text: string): Script {
  return { text, sha: createHash('sha1').update(text).digest('hex') };
}

/** The first line of a script that reads Redis's clock before it writes (effects replication, Redis < 5). */
export const REPLICATE_EFFECTS = 'if redis.replicate_commands then redis.replicate_commands() end';

/** Answers 1: the cheapest script, to check that Redis answers. */
export const PING = script('return 1');
