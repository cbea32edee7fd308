import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';

/**
 * The step log, as the action's code sees it. The only way the action prints text to stdout: everything printed
 * may carry repository text (file names, service names, a container's log), and the runner reads stdout for
 * workflow commands. `core.debug`/`warning`/`error`/`notice` and `startGroup` escape their text themselves
 * (one line, `%0A` for a newline); `core.info` prints it raw, so `info` here makes it inert first.
 */
export interface Log {
  info(text: string): void;
  debug(text: string): void;
}

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

/** The step log of the running action. */
export const stepLog: Log = {
  info: (text) => core.info(inert(text)),
  debug: (text) => core.debug(text),
};
