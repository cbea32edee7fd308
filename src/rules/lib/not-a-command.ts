import type { CommandInstr } from '../../model/types/dockerfile.js';

/**
 * What /bin/sh does with the text of an array that is not valid JSON: its first word (`[python`, `[gunicorn,`) is no
 * program, or `[` the test command; either way no server starts and the container exits at once.
 */
export function notACommand(instr: CommandInstr): string {
  const first = instr.script?.commands[0]?.argv[0];
  if (first === undefined) return '';
  if (first === '[')
    return ", where `[` is the shell's test command, not the server: it fails and the container exits at start";
  return `, where \`${printableWord(first)}\` is no command: the container exits at start (sh: not found, exit code 127)`;
}

/** A word as the message shows it: one line, at most 40 characters. */
export function printableWord(s: string): string {
  const clean = s.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
