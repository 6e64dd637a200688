/**
 * One object per content for what every client of a provider holds alike (the permissions it grants, the header
 * names a caller may not set): 10,000 clients of one exchange then hold one set, not 10,000 copies, and what is
 * built per set (the request checks' zod schemas) is built once. Only ever read, never changed, by its holders.
 * Past {@link LIMIT} contents the table starts again, so a process that makes endless variations keeps it bounded.
 */
const LIMIT = 256;

const sets = new Map<string, ReadonlySet<string>>();
const lists = new Map<string, readonly string[]>();

/** The key of a list's content, unambiguous whatever its items contain. */
const keyOf = (items: readonly string[]) => JSON.stringify(items);

function interned<T>(table: Map<string, T>, key: string, make: () => T): T {
  let value = table.get(key);
  if (value === undefined) {
    if (table.size >= LIMIT) table.clear();
    value = make();
    table.set(key, value);
  }
  return value;
}

/** A set of `items`, the same object for the same items in the same order. */
export function internedSet<T extends string>(items: readonly T[]): ReadonlySet<T> {
  return interned(sets, keyOf(items), () => new Set(items)) as ReadonlySet<T>;
}

/** A frozen copy of `items`, the same object for the same items in the same order. */
export function internedList<T extends string>(items: readonly T[]): readonly T[] {
  return interned(lists, keyOf(items), () => Object.freeze([...items])) as readonly T[];
}
