import type { CommandInstr } from '../../model/types/dockerfile.js';

/**
 * What /bin/sh does with the text of an array that is not valid JSON: its first word (`[python`, `[gunicorn,`) is no
 * program, or `[` the test command; either way no server starts and the container exits at once.
 */
export function notACommand(instr: CommandInstr): string {
  const first = instr.script?.commands[0]?.argv[0];
  if (first === undefined) return '';
  if (first === '[') return testWords(instr.script!.commands[0].argv.slice(1));
  return `, where \`${printableWord(first)}\` is no command: the container exits at start (sh: not found, exit code 127)`;
}

/**
 * `[ python,manage.py,runserver ]`: the test the shell runs instead of the server. One non-empty word between the
 * brackets is a test that succeeds; other word counts may fail or error, so only the one-word case names its status.
 */
function testWords(words: string[]): string {
  const test = ", where `[` is the shell's test command, not the server";
  const operands = words.at(-1) === ']' ? words.slice(0, -1) : undefined;
  if (operands?.length === 1 && operands[0] !== '')
    return `${test}: it tests one non-empty word, which succeeds, so the container exits with code 0 at start and no server ever runs`;
  return `${test}: it only evaluates its words as a test, and the container exits at start without running the server`;
}

/** A word as the message shows it: one line, at most 40 characters. */
export function printableWord(s: string): string {
  const clean = s.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
