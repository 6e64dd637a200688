import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Writes docs/providers/<provider>-endpoints.md from a provider's catalog: one table per endpoint with its
// method, path, permission, idempotency, summary, and the fields of its request and answer schemas.
//
//   npm run build && node scripts/endpoint-docs.mjs <provider>          (bitexbit, bitex, alphapoint ...)
//   npm run build && node scripts/endpoint-docs.mjs <provider> --check  exits 1 when the file on disk differs
//
// It reads the built package (dist/index.js), whose export `<provider>Catalog` is the catalog. The zod schemas
// are walked through zod 4's `def` (type, shape, element, options, innerType, in/out); the walker knows the
// few kinds the catalogs use and prints any other by its kind name.

const args = process.argv.slice(2);
const check = args.includes('--check');
const [provider, ...extra] = args.filter((arg) => arg !== '--check');
if (!provider || extra.length > 0 || !/^[a-z][a-z0-9-]*$/.test(provider)) {
  console.error('usage: node scripts/endpoint-docs.mjs <provider> [--check]   (after npm run build)');
  process.exit(2);
}
const built = await import(new URL('../dist/index.js', import.meta.url).href).catch((error) => {
  console.error(`endpoint-docs: cannot import dist/index.js (run npm run build first): ${error.message}`);
  process.exit(2);
});
const exportName = Object.keys(built).find((name) => name.toLowerCase() === `${provider}catalog`);
if (!exportName) {
  const known = Object.keys(built).filter((name) => name.endsWith('Catalog') && name !== 'defineCatalog');
  console.error(`endpoint-docs: no catalog for "${provider}" in dist/index.js (found: ${known.join(', ')})`);
  process.exit(2);
}
const catalog = built[exportName];

/** Wrappers whose inner schema is what a reader wants to see. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/nullable/default wrappers and the output side of pipes. */
function unwrap(schema) {
  let current = schema;
  for (;;) {
    const def = current.def;
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.out.def.type === 'transform' ? def.in : def.out;
    // The same schema, or its JSON text (`orJsonText`): documented as the schema.
    else if (
      def.type === 'union' &&
      def.options.length === 2 &&
      def.options[1].def.type === 'pipe' &&
      def.options[1].def.out === def.options[0]
    )
      current = def.options[0];
    else return current;
  }
}

/** A short type for one schema: `string`, `number | null`, `"buy-limit" | "sell-limit"`, `object[]` ... */
function typeOf(schema) {
  const def = schema.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return typeOf(def.innerType);
    case 'nullable':
      return `${typeOf(def.innerType)} | null`;
    case 'pipe':
      return typeOf(def.out.def.type === 'transform' ? def.in : def.out);
    case 'enum':
      return Object.values(def.entries)
        .map((value) => JSON.stringify(value))
        .join(' | ');
    case 'literal':
      return def.values.map((value) => JSON.stringify(value)).join(' | ');
    case 'array': {
      const element = typeOf(def.element);
      return element.includes(' ') ? `(${element})[]` : `${element}[]`;
    }
    case 'tuple':
      return `[${[...def.items.map(typeOf), ...(def.rest ? ['...'] : [])].join(', ')}]`;
    case 'union':
      return [...new Set(def.options.map(typeOf))].join(' | ');
    case 'number':
      return def.format === 'safeint' || def.checks?.some((check) => check._zod.def.format === 'safeint')
        ? 'integer'
        : 'number';
    case 'record':
      return `{ [${typeOf(def.keyType)}]: ${typeOf(def.valueType)} }`;
    case 'undefined':
      return 'no body';
    case 'string': {
      // A format (datetime, date, email, url ...) says more than the regex zod checks it with.
      if (def.format && def.format !== 'regex') return `string (${def.format})`;
      const pattern = def.checks?.find((check) => check._zod.def.format === 'regex')?._zod.def.pattern;
      return pattern ? `string matching \`${pattern.source}\`` : 'string';
    }
    default:
      return def.type;
  }
}

const optional = (schema) => {
  const type = schema.def.type;
  return type === 'optional' || type === 'default' || type === 'prefault';
};

/** Whether a schema has fields to list: an object, or a union of objects. */
const hasFields = (schema) => {
  const def = unwrap(schema).def;
  return def.type === 'object' || (def.type === 'union' && def.options.every((option) => hasFields(option)));
};

/** The literal value of field `key` of an object schema, if it is a single literal. */
const literalOf = (schema, key) => {
  const field = unwrap(schema).def.shape?.[key];
  const def = field && unwrap(field).def;
  return def?.type === 'literal' && def.values.length === 1 ? def.values[0] : undefined;
};

/**
 * Field rows of a union of objects. Options with the same fields are merged (`type`: `"bids" | "asks"`);
 * otherwise each option's rows follow a label row naming the field that tells them apart.
 */
function unionFields(options, prefix) {
  const each = options.map((option) => fields(option, prefix));
  const names = (rows) => rows.map((row) => row.name ?? row.label).join('\n');
  if (each.every((rows) => names(rows) === names(each[0]))) {
    return each[0].map((row, index) => {
      const types = [...new Set(each.flatMap((rows) => rows[index].type?.split(' | ') ?? []))];
      return row.label ? row : { ...row, type: types.join(' | ') };
    });
  }
  const keys = Object.keys(unwrap(options[0]).def.shape ?? {});
  const key = keys.find((candidate) => options.some((option) => literalOf(option, candidate) !== undefined));
  return options.flatMap((option, index) => {
    const value = key === undefined ? undefined : literalOf(option, key);
    const label =
      value === undefined
        ? key === undefined
          ? `one of (${index + 1}):`
          : `any other \`${prefix}${key}\`:`
        : `when \`${prefix}${key}\` is ${JSON.stringify(value)}:`;
    return [{ label }, ...each[index]];
  });
}

/** What a schema's description says, from the schema or the one it wraps. */
const noteOf = (schema) => schema.description ?? unwrap(schema).description;

/** Field rows of a schema: `name`, `order.id`, `funds[].symbol`; a root array's items under `[]`. */
function fields(schema, prefix = '') {
  const inner = unwrap(schema);
  const def = inner.def;
  if (def.type === 'array') return hasFields(def.element) ? fields(def.element, `${prefix}[].`) : [];
  if (def.type === 'record') return hasFields(def.valueType) ? fields(def.valueType, `${prefix}<key>.`) : [];
  if (def.type === 'union') return hasFields(inner) ? unionFields(def.options, prefix) : [];
  if (def.type !== 'object') return [];
  const rows = [];
  for (const [key, child] of Object.entries(def.shape)) {
    const name = `${prefix}${key}`;
    const note = noteOf(child);
    rows.push({ name, type: typeOf(child), optional: optional(child), ...(note ? { note } : {}) });
    rows.push(...fields(child, `${name}${unwrap(child).def.type === 'array' ? '' : '.'}`));
  }
  return rows;
}

/** What the fields of a schema are, as one table cell. */
function describe(schema, loose) {
  if (!schema) return 'not documented (passed on unchecked)';
  const rows = fields(schema);
  const top = typeOf(schema);
  if (rows.length === 0) {
    if (unwrap(schema).def.type === 'object')
      return loose ? 'an object, no field documented' : 'no field may be given';
    if (unwrap(schema).def.type === 'undefined') return 'no body';
    return `\`${cell(top)}\``;
  }
  const lines = rows.map(({ label, name, type, optional: isOptional, note }) =>
    label
      ? cell(label)
      : `\`${cell(name)}\`${isOptional ? '?' : ''}: ${cell(type)}${note ? ` (${cell(note)})` : ''}`,
  );
  if (top.endsWith('[]')) lines.unshift(`a list (\`${cell(top)}\`) of:`);
  return lines.join('<br>');
}

const cell = (text) => String(text).replaceAll('|', '\\|');

const out = [
  `# ${provider}: endpoints`,
  '',
  `Generated by \`node scripts/endpoint-docs.mjs ${provider}\` from the built catalog (\`${exportName}\`); do not edit`,
  'by hand. Request fields are checked before anything is sent, and a field not listed is refused; answers are',
  'checked against the answer fields, and fields not listed pass through. `?` marks an optional field;',
  '`a.b` is field `b` of object `a`, `a[].b` field `b` of each element of list `a`.',
  '',
];
const entries = Object.entries(catalog);
const undocumented = entries.filter(([, endpoint]) => endpoint.permissionDocumented === false);
out.push(
  `${entries.length} endpoints; ${undocumented.length} with a permission the exchange does not document.`,
  '',
);
for (const [name, endpoint] of entries) {
  const permission =
    endpoint.permissionDocumented === false
      ? `${endpoint.permission} (not documented: the catalog's reading)`
      : endpoint.permission;
  const rows = [
    ['method', endpoint.method],
    ['path', `\`${endpoint.path}\``],
    ['permission', permission],
    ['idempotent', endpoint.idempotent ? 'yes' : 'no (never repeated after an unknown outcome)'],
  ];
  if (endpoint.requiresOtp) rows.push(['one-time password', 'required']);
  rows.push(['summary', cell(endpoint.summary ?? '')]);
  if (endpoint.request?.query) rows.push(['query', describe(endpoint.request.query, false)]);
  if (endpoint.request?.body) rows.push(['body', describe(endpoint.request.body, false)]);
  rows.push(['answer', describe(endpoint.response, true)]);
  out.push(`## \`${name}\``, '', '| | |', '|---|---|');
  for (const [label, value] of rows) out.push(`| ${label} | ${value.replaceAll('\n', ' ')} |`);
  out.push('');
}

const relative = `docs/providers/${provider}-endpoints.md`;
const target = fileURLToPath(new URL(`../${relative}`, import.meta.url));
const text = out.join('\n');
if (check) {
  let current;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    console.error(
      `endpoint-docs: ${relative} ${current === undefined ? 'is missing' : 'differs from the catalog'}; ` +
        `run npm run build && node scripts/endpoint-docs.mjs ${provider}, and commit it`,
    );
    process.exit(1);
  }
  console.log(`endpoint-docs: ${relative} matches the catalog (${entries.length} endpoints)`);
} else {
  writeFileSync(target, text);
  console.log(`endpoint-docs: wrote ${entries.length} endpoints to ${relative}`);
}
