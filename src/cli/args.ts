import { parseArgs } from 'node:util';
import { UsageError } from './credentials.js';

/** One flag of a command. */
export interface Flag {
  readonly type: 'string' | 'boolean';
  /** A one-letter alias, such as `h` for `-h`. */
  readonly short?: string;
  /** The value's placeholder in help, such as `<path>`. */
  readonly value?: string;
  /** One line for the help text. */
  readonly describe: string;
}

/** A subcommand: its synopsis, its flags and its help. */
export interface Command<F extends Readonly<Record<string, Flag>> = Readonly<Record<string, Flag>>> {
  readonly name: string;
  /** Positional arguments in the synopsis, such as `<provider>`; no more are accepted. */
  readonly positionals: readonly string[];
  /** One line for the general help. */
  readonly summary: string;
  /** Paragraphs after the synopsis in the command's help. */
  readonly description: string;
  readonly flags: F;
  /** Sections after the flags (environment variables ...). */
  readonly more?: string;
}

/** The flags every command accepts. */
export const COMMON_FLAGS = {
  verbose: { type: 'boolean', describe: 'on an unexpected error, print its stack too' },
  help: { type: 'boolean', short: 'h', describe: 'print this help and exit' },
} as const satisfies Record<string, Flag>;

type Values<F extends Readonly<Record<string, Flag>>> = {
  -readonly [K in keyof F]?: F[K]['type'] extends 'string' ? string : boolean;
};

/** How a flag is written in help and messages: `-h, --help` or `--path <path>`. */
function spelled(name: string, flag: Flag): string {
  const long = `--${name}${flag.type === 'string' ? ` ${flag.value ?? '<value>'}` : ''}`;
  return flag.short ? `-${flag.short}, ${long}` : long;
}

/** The valid flags of a command, for a message: `--method, --path, ..., -h/--help`. */
export function flagList(flags: Readonly<Record<string, Flag>>): string {
  return Object.entries(flags)
    .map(([name, flag]) => (flag.short ? `-${flag.short}/--${name}` : `--${name}`))
    .join(', ');
}

/** The full help of a command. */
export function helpText(command: Command): string {
  const synopsis = [`exchange-auth ${command.name}`, ...command.positionals, '[flags]'].join(' ');
  const rows = Object.entries(command.flags).map(([name, flag]) => [spelled(name, flag), flag.describe]);
  const width = Math.max(...rows.map(([left]) => (left ?? '').length)) + 2;
  const flags = rows.map(([left, right]) => `  ${(left ?? '').padEnd(width)}${right}`).join('\n');
  return [synopsis, '', command.description, '', 'Flags:', flags, ...(command.more ? ['', command.more] : [])]
    .join('\n')
    .trimEnd();
}

/**
 * Parses a command's arguments; refuses, in our words, an unknown flag (naming it and the valid ones), a missing
 * value, a value given to a switch and an extra argument. `help` is true when -h or --help is anywhere, even
 * among wrong flags, so asking for help always works.
 */
export function parseCommand<F extends Readonly<Record<string, Flag>>>(
  command: Command<F>,
  argv: readonly string[],
): { values: Values<F>; positionals: string[]; help: boolean } {
  const options = Object.fromEntries(
    Object.entries(command.flags).map(([name, flag]) => [
      name,
      { type: flag.type, ...(flag.short ? { short: flag.short } : {}) },
    ]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  let help = false;
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = Object.hasOwn(command.flags, token.name) ? command.flags[token.name] : undefined;
    if (token.name === 'help' && flag) help = true;
    if (!flag) {
      problems.push(
        `unknown flag ${token.rawName}; the flags of ${command.name} are ${flagList(command.flags)}`,
      );
    } else if (flag.type === 'string' && token.value === undefined) {
      problems.push(`${token.rawName} needs a value: ${spelled(token.name, flag)}`);
    } else if (flag.type === 'boolean' && token.inlineValue) {
      problems.push(`${token.rawName} takes no value; write ${token.rawName} alone`);
    } else values[token.name] = flag.type === 'string' ? (token.value ?? '') : true;
  }
  if (help) return { values: values as Values<F>, positionals, help };
  if (problems[0] !== undefined) throw new UsageError(problems[0]);
  const extra = positionals[command.positionals.length];
  if (extra !== undefined) {
    const synopsis = [`exchange-auth ${command.name}`, ...command.positionals, '[flags]'].join(' ');
    throw new UsageError(`unexpected argument "${extra}"; usage: ${synopsis}`);
  }
  return { values: values as Values<F>, positionals, help };
}
