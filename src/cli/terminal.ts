// What the CLI prints may quote an exchange (a 401 body, a login's errormsg, a whoami line). An exchange, or
// anyone in its path, can put terminal control sequences there: ESC and CSI sequences, OSC titles and hyperlinks,
// bidirectional overrides that reorder what a reader sees. They are shown as escapes instead, so a terminal only
// ever prints text.

/** C0 controls but tab and line feed, DEL, C1 controls, line and paragraph separators, bidirectional controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control character shown as a `\uXXXX` escape. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** JSON for the terminal: `JSON.stringify` leaves C1 and bidirectional controls as they are; these escape them. */
export function terminalJson(value: unknown, space?: number): string {
  return terminalText(JSON.stringify(value, null, space));
}
