import { createRequire } from 'node:module';

// node:crypto loads on the first token: a run whose text holds no command never pays for it.
const require = createRequire(import.meta.url);

/**
 * Text for a GitHub runner's stdout, which the runner reads for workflow commands: the action's step log (src/log.ts)
 * and the CLI's `--format github` both print through here, so repository text never forges a command.
 */

/** The runner reads stdout line by line, a line ending at \n, \r or \r\n. */
const LINE_BREAK = /\r\n|\r|\n/;
/** What the runner trims before looking for `::` (C#'s TrimStart, plus controls and format characters). */
const COMMAND_START = /^[\s\u0085\p{Cc}\p{Cf}]*::/u;
/** The legacy form, `##[command]data`, is looked for anywhere in a line. */
const LEGACY_COMMAND = '##[';

/** Whether the runner could read a workflow command in one of the text's lines. */
export function looksLikeCommand(text: string): boolean {
  return text.split(LINE_BREAK).some((line) => COMMAND_START.test(line) || line.includes(LEGACY_COMMAND));
}

function randomToken(): string {
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return `tfr-${randomBytes(16).toString('hex')}`;
}

/**
 * The text as it may go to stdout: unchanged when no line of it could be read as a command, else verbatim between
 * `::stop-commands::<token>` and `::<token>::`, a token the text cannot contain, so the runner reads none of it.
 */
export function inert(text: string, token: () => string = randomToken): string {
  if (!looksLikeCommand(text)) return text;
  let t = token();
  while (text.toLowerCase().includes(t.toLowerCase())) t = token();
  return `::stop-commands::${t}\n${text}\n::${t}::`;
}

/** A command's data on one line, as @actions/core writes it (the runner undoes these escapes). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property's value: its data escapes, and the `:` and `,` that would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
