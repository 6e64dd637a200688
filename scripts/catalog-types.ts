import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

// Writes src/providers/<provider>/catalog-types.ts: the TypeScript types of a provider's catalog, declared
// instead of inferred from its zod schemas, so that a client's type costs the compiler (and every user's editor)
// a few interfaces rather than thousands of zod types.
//
//   npx tsx scripts/catalog-types.ts <provider>           (bitex, bitexbit, alphapoint ...)
//   npx tsx scripts/catalog-types.ts <provider> --check   exits 1 when the file on disk differs
//
// It imports the catalog from source (src/providers/<provider>/catalog.ts, export `<provider>Catalog`) and walks
// each endpoint's zod schemas through zod 4's `def`, as scripts/endpoint-docs.mjs does:
// - bodies and queries get the request schema's input type (what a caller may pass): a pipe's input side, a
//   default's field optional;
// - answers get the answer schema's output type, as a closed object type: exactly the documented fields, no
//   index signature, though the schema is loose (an undocumented field still passes at run time, untyped);
// - an endpoint without a schema gets `never` there (client.call then takes any body or query, and answers
//   `unknown`);
// - a pipe reads as its input side's input and its output side's output: AlphaPoint's case-insensitive objects
//   (a z.preprocess into a loose object) as the object, and the unions of a schema with its text form (a number or
//   a numeric string, orJsonText) as the schema, since the text option is piped into it.
// The output goes through `biome format`, so the file on disk is what `npx biome check` expects.

type Mode = 'input' | 'output';
type Schema = z.core.$ZodType;

const args = process.argv.slice(2);
const check = args.includes('--check');
const [provider, ...extra] = args.filter((arg) => arg !== '--check');
if (!provider || extra.length > 0 || !/^[a-z][a-z0-9-]*$/.test(provider)) {
  console.error(
    'usage: npx tsx scripts/catalog-types.ts <provider> [--check]   (bitex, bitexbit, alphapoint ...)',
  );
  process.exit(2);
}

/** The prefix of the provider's type names, as its catalog type spells it (`AlphaPointCatalog`). */
const PREFIXES: Readonly<Record<string, string>> = {
  alphapoint: 'AlphaPoint',
  bitex: 'Bitex',
  bitexbit: 'Bitexbit',
};
const prefix =
  PREFIXES[provider] ?? provider.replace(/(?:^|-)([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

const root = new URL('../', import.meta.url);
const relative = `src/providers/${provider}/catalog-types.ts`;
const catalogModule = new URL(`src/providers/${provider}/catalog.ts`, root);
const loaded = (await import(catalogModule.href).catch((error: Error) => {
  console.error(`catalog-types: cannot import ${fileURLToPath(catalogModule)}: ${error.message}`);
  process.exit(2);
})) as Record<string, unknown>;
const exportName = Object.keys(loaded).find((name) => name.toLowerCase() === `${provider}catalog`);
if (!exportName) {
  console.error(`catalog-types: src/providers/${provider}/catalog.ts exports no ${provider}Catalog`);
  process.exit(2);
}

interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly permission: string;
  readonly idempotent: boolean;
  readonly summary?: string;
  readonly request?: { readonly body?: Schema; readonly query?: Schema };
  readonly response?: Schema;
}
const catalog = loaded[exportName] as Readonly<Record<string, Endpoint>>;

/** zod 4's definition of a schema, by kind. */
const defOf = (schema: Schema) => (schema as z.core.$ZodTypes)._zod.def;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
const literal = (value: unknown) =>
  value === undefined ? 'undefined' : typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
const comment = (text: string) => `/** ${text.replaceAll('*/', '*\\/').replaceAll('\n', ' ')} */`;

/** A type's text split at each `separator` outside brackets and quotes. */
function splitTop(text: string, separator: '|' | '&'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ('{[(<'.includes(char ?? '')) depth++;
    else if ('}])>'.includes(char ?? '')) depth--;
    else if (depth === 0 && char === separator) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Whether a type's text is a union or an intersection (it needs parentheses before `[]`). */
const isCompound = (text: string) => splitTop(text, '|').length > 1 || splitTop(text, '&').length > 1;

/** The members of a union type's text. */
const members = (text: string) => splitTop(text, '|');

/** A union of types' texts: each once, in order; `never` left out. */
function union(texts: readonly string[]): string {
  const all = [...new Set(texts.flatMap((text) => members(text)).filter((text) => text !== 'never'))];
  if (all.length === 0) return 'never';
  if (all.includes('unknown')) return 'unknown';
  return all.join(' | ');
}

/** What a schema's description says, from the schema or the one it wraps (`.describe()` before `.optional()`). */
function noteOf(schema: Schema): string | undefined {
  let current: Schema | undefined = schema;
  while (current) {
    const description = (current as { description?: string }).description;
    if (description) return description;
    const def = defOf(current);
    current = 'innerType' in def ? def.innerType : undefined;
  }
  return undefined;
}

/** Whether an object key is optional on this side: zod's `optin` (any rung) for input, `optout` for output. */
const isOptional = (schema: Schema, mode: Mode) =>
  mode === 'input' ? schema._zod.optin !== undefined : schema._zod.optout === 'optional';

/**
 * The schemas the provider's schema modules build (src/providers/<provider>/schemas/*.ts), by their names.
 * The type of one that several answers (or several requests) share is written once, as a member of
 * `<Prefix>SchemaTypes` named after it, and referred to as `<Prefix>SchemaTypes['order']`.
 */
const schemaNames = new Map<Schema, string>();
const schemaDir = new URL(`src/providers/${provider}/schemas/`, root);
const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
const schemaFiles = existsSync(schemaDir)
  ? readdirSync(schemaDir).filter((name) => name.endsWith('.ts'))
  : [];
for (const file of schemaFiles.sort()) {
  const module = (await import(new URL(file, schemaDir).href)) as Record<string, unknown>;
  // A module's schemas are built on first use, by the function it exports as `<module>Schemas`.
  const builder = Object.entries(module).find(
    ([name, value]) => name.endsWith('Schemas') && typeof value === 'function',
  )?.[1] as (() => Record<string, unknown>) | undefined;
  for (const [name, value] of Object.entries(builder ? builder() : module).sort(byName)) {
    const isSchema = typeof value === 'object' && value !== null && '_zod' in value;
    if (isSchema && !schemaNames.has(value as Schema) && ![...schemaNames.values()].includes(name)) {
      schemaNames.set(value as Schema, name);
    }
  }
}
const schemaTypes = `${prefix}SchemaTypes`;

/** How often each named schema is used on each side (`output:order`), counted by a first pass. */
const uses = new Map<string, number>();
let counting = true;
/** The shared types, by `side:schema name`: their member names in `<Prefix>SchemaTypes` and texts. */
const shared = new Map<string, { readonly member: string; readonly text: string; readonly note?: string }>();

/** The TypeScript type of a schema's input or output, as text: a reference when its type is shared. */
/** A pipe from a bare string (or number) into an enum or literal: only the enum's values pass it. */
function narrows(from: Schema, to: Schema): boolean {
  const source = defOf(from);
  const target = defOf(to).type;
  return (
    (source.type === 'string' || source.type === 'number') &&
    !(source.checks?.length ?? 0) &&
    (target === 'enum' || target === 'literal')
  );
}

function typeOf(schema: Schema, mode: Mode): string {
  const exported = schemaNames.get(schema);
  if (exported === undefined) return inlineTypeOf(schema, mode);
  const id = `${mode}:${exported}`;
  const known = shared.get(id);
  if (known) return `${schemaTypes}[${literal(known.member)}]`;
  if (counting) {
    const count = (uses.get(id) ?? 0) + 1;
    uses.set(id, count);
    // Its fields are counted once, as they will be written once.
    return count === 1 ? inlineTypeOf(schema, mode) : exported;
  }
  const text = inlineTypeOf(schema, mode);
  if ((uses.get(id) ?? 0) < 2 || !text.includes('{')) return text;
  // A schema shared on both sides: the answer's type takes the name, the request's gets `Input`.
  const member =
    mode === 'input' && (uses.get(`output:${exported}`) ?? 0) >= 2 ? `${exported}Input` : exported;
  const note = noteOf(schema);
  shared.set(id, { member, text, ...(note ? { note } : {}) });
  return `${schemaTypes}[${literal(member)}]`;
}

/** The TypeScript type of a schema's input or output, written out. */
function inlineTypeOf(schema: Schema, mode: Mode): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'bigint':
      return 'bigint';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'Date';
    case 'symbol':
      return 'symbol';
    case 'undefined':
    case 'void':
      return 'undefined';
    case 'null':
      return 'null';
    case 'any':
      return 'any';
    case 'unknown':
      return 'unknown';
    case 'never':
      return 'never';
    case 'nan':
      return 'number';
    case 'literal':
      return union(def.values.map(literal));
    case 'enum':
      return union(Object.values(def.entries).map(literal));
    case 'optional':
      return union([typeOf(def.innerType, mode), 'undefined']);
    case 'nullable':
      return union([typeOf(def.innerType, mode), 'null']);
    case 'default':
    case 'prefault':
      // The input may leave it out; the output always has it.
      return mode === 'input'
        ? union([typeOf(def.innerType, mode), 'undefined'])
        : typeOf(def.innerType, mode);
    case 'nonoptional': {
      const inner = typeOf(def.innerType, mode);
      return inner === 'undefined' ? 'never' : inner.replace(/ \| undefined$/, '');
    }
    case 'catch':
      return mode === 'input' ? 'unknown' : typeOf(def.innerType, mode);
    case 'readonly': {
      const inner = typeOf(def.innerType, mode);
      return inner.endsWith('[]') || inner.startsWith('[') ? `readonly ${inner}` : `Readonly<${inner}>`;
    }
    case 'pipe':
      // `z.string().pipe(z.enum([...]))` takes only what the enum takes: its input is the enum's literals.
      if (mode === 'input' && narrows(def.in, def.out)) return typeOf(def.out, mode);
      return mode === 'input' ? typeOf(def.in, mode) : typeOf(def.out, mode);
    case 'transform':
      // A transform's input is anything (`z.preprocess`); its output is what its function returns, which only
      // the compiler knows: a pipe after it (`.pipe(schema)`) says what comes out.
      return 'unknown';
    case 'array': {
      const element = typeOf(def.element, mode);
      return isCompound(element) ? `(${element})[]` : `${element}[]`;
    }
    case 'tuple': {
      const items = def.items.map((item) => typeOf(item, mode));
      if (def.rest) {
        const rest = typeOf(def.rest, mode);
        items.push(`...${isCompound(rest) ? `(${rest})` : rest}[]`);
      }
      return `[${items.join(', ')}]`;
    }
    case 'union':
      return union(def.options.map((option) => typeOf(option, mode)));
    case 'intersection':
      return `(${typeOf(def.left, mode)}) & (${typeOf(def.right, mode)})`;
    case 'record': {
      const keyType = typeOf(def.keyType, mode);
      const record = `Record<${keyType}, ${typeOf(def.valueType, mode)}>`;
      return isOptional(def.keyType, mode) ? `Partial<${record}>` : record;
    }
    case 'object':
      return objectType(def.shape, mode, def.catchall);
    case 'lazy':
      return typeOf(def.getter(), mode);
    case 'promise':
      return `Promise<${typeOf(def.innerType, mode)}>`;
    case 'map':
      return `Map<${typeOf(def.keyType, mode)}, ${typeOf(def.valueType, mode)}>`;
    case 'set':
      return `Set<${typeOf(def.valueType, mode)}>`;
    default:
      throw new Error(`catalog-types: no TypeScript type for a zod ${def.type} schema`);
  }
}

/**
 * An object type with exactly the shape's fields. Loose or strict, no index signature: a request's unknown
 * field is refused at run time anyway, and an answer's is not documented. With no field, nothing may be given
 * (input) or read (output).
 */
function objectType(
  shape: Readonly<Record<string, Schema>>,
  mode: Mode,
  catchall: Schema | undefined,
): string {
  const entries = Object.entries(shape);
  if (entries.length === 0) {
    if (mode === 'input')
      return catchall && defOf(catchall).type !== 'never' ? 'object' : 'Record<string, never>';
    return 'object';
  }
  const fields = entries.map(([name, child]) => {
    const note = noteOf(child);
    const optional = isOptional(child, mode);
    let type = typeOf(child, mode);
    // An optional answer field is absent, never `undefined` (JSON has none); an input may say undefined.
    if (optional && mode === 'output') type = union(members(type).filter((t) => t !== 'undefined'));
    if (optional && mode === 'input') type = union([type, 'undefined']);
    return `${note ? `${comment(note)}\n` : ''}${key(name)}${optional ? '?' : ''}: ${type};`;
  });
  return `{\n${fields.join('\n')}\n}`;
}

const entries = Object.entries(catalog);
/** Each endpoint's body, query and answer types, as text. */
function endpointTypes(endpoint: Endpoint) {
  return {
    body: endpoint.request?.body ? typeOf(endpoint.request.body, 'input') : 'never',
    query: endpoint.request?.query ? typeOf(endpoint.request.query, 'input') : 'never',
    data: endpoint.response ? typeOf(endpoint.response, 'output') : 'never',
  };
}
for (const [, endpoint] of entries) endpointTypes(endpoint);
counting = false;
const written = entries.map(([name, endpoint]) => [name, endpoint, endpointTypes(endpoint)] as const);

const lines: string[] = [
  `// Generated by \`npx tsx scripts/catalog-types.ts ${provider}\` from ${exportName}'s zod schemas: do not edit by hand.`,
  `// \`npx tsx scripts/catalog-types.ts ${provider} --check\` (CI) fails when this file and the catalog differ.`,
  '',
  "import type { DeclaredEndpoint } from '../../core/catalog.js';",
  '',
  '/**',
  ` * The ${prefix} catalog's type: each endpoint's method, path, permission and idempotency, the schemas it has`,
  ` * (typed \`z.ZodType\`), and the types of its body, query and answer ({@link ${prefix}EndpointTypes}), declared`,
  ' * rather than inferred from the schemas.',
  ' */',
  `export type ${prefix}Catalog = {`,
];
for (const [name, endpoint] of entries) {
  const facts = [endpoint.method, endpoint.path, endpoint.permission].map(literal).join(', ');
  const types = `${prefix}EndpointTypes[${literal(name)}]`;
  const schemas = [
    ...(endpoint.request?.body ? ['body'] : []),
    ...(endpoint.request?.query ? ['query'] : []),
    ...(endpoint.response ? ['response'] : []),
  ];
  const has = schemas.length > 0 ? `, ${schemas.map(literal).join(' | ')}` : '';
  lines.push(`readonly ${key(name)}: DeclaredEndpoint<${facts}, ${endpoint.idempotent}, ${types}${has}>;`);
}
lines.push(
  '};',
  '',
  '/**',
  ` * The types of each ${prefix} endpoint: \`body\` and \`query\` are what \`client.call\` takes (the request`,
  " * schemas' input types), `data` what it answers with (the answer schema's output type, closed: exactly the",
  ' * documented fields; an undocumented field passes at run time, untyped). `never` where the endpoint has no such',
  ' * schema: `client.call` then takes any body or query, and answers `unknown`.',
  ' */',
  `export interface ${prefix}EndpointTypes {`,
);
for (const [name, endpoint, { body, query, data }] of written) {
  if (endpoint.summary) lines.push(comment(endpoint.summary));
  lines.push(`${key(name)}: {\nbody: ${body};\nquery: ${query};\ndata: ${data};\n};`);
}
lines.push('}', '');
if (shared.size > 0) {
  lines.push(
    '/**',
    ` * The types several ${prefix} endpoints share, named after their schemas in src/providers/${provider}/schemas:`,
    " * an answer schema's output type, or a request schema's input type.",
    ' */',
    `export interface ${schemaTypes} {`,
  );
  const sorted = [...shared.values()].sort((a, b) =>
    a.member < b.member ? -1 : a.member > b.member ? 1 : 0,
  );
  for (const { member, text, note } of sorted) {
    lines.push(`${note ? `${comment(note)}\n` : ''}${key(member)}: ${text};`);
  }
  lines.push('}', '');
}

const target = fileURLToPath(new URL(relative, root));
const biome = fileURLToPath(new URL('node_modules/.bin/biome', root));
const text = execFileSync(biome, ['format', `--stdin-file-path=${target}`], {
  input: lines.join('\n'),
  encoding: 'utf8',
  cwd: fileURLToPath(root),
});

if (check) {
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    console.error(
      `catalog-types: ${relative} ${current === undefined ? 'is missing' : 'differs from the catalog'}; ` +
        `run npx tsx scripts/catalog-types.ts ${provider}, and commit it`,
    );
    process.exit(1);
  }
  console.log(`catalog-types: ${relative} matches the catalog (${entries.length} endpoints)`);
} else {
  writeFileSync(target, text);
  console.log(`catalog-types: wrote ${entries.length} endpoints to ${relative}`);
}
