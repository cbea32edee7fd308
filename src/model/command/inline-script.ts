/** The script of `sh -c SCRIPT` in a command's words: its text, commands, arguments, and a keep-alive loop. Pure. */
import { parseShell } from '../../parse/shell.js';
import type { ShellCommand } from '../types/shell.js';
import { basename, SHELLS } from './servers.js';

/** The commands of the script of `sh -c SCRIPT` when argv is one (none otherwise), `line` its first line. */
export function inlineScriptCommands(argv: string[], line: number): ShellCommand[] {
  const script = inlineScript(argv);
  return script === undefined ? [] : parseShell(script, line).commands;
}

const IDLE = String.raw`(?:true|:|sleep\s+[\w.]+)`;
const KEEP_ALIVE = new RegExp(
  String.raw`(^|[;&|\n]\s*)while\s+${IDLE}\s*;?\s*do\s+(?:${IDLE}\s*;?\s*)+done$`,
);

/** `while true; do sleep 1; done`, `while sleep 1000; do :; done`, `while :; do sleep 60; done` as the last thing run. */
export function isKeepAliveLoop(script: string): boolean {
  return KEEP_ALIVE.test(script.trim());
}

/** The last command of the script of `sh -c SCRIPT` when argv is one, parsed with `line` as its first line. */
export function inlineScriptLastCommand(argv: string[], line: number): ShellCommand | undefined {
  return inlineScriptCommands(argv, line).at(-1);
}

/** The arguments `sh -c SCRIPT NAME ARG…` gives its script ($1 …): the words after `$0`; none when there are none. */
export function inlineScriptArgs(argv: string[]): string[] | undefined {
  const at = argv.findIndex((a, i) => i > 0 && a.startsWith('-') && !a.startsWith('--') && a.includes('c'));
  return at < 0 || inlineScript(argv) === undefined ? undefined : argv.slice(at + 3);
}

/** The script of `sh -c SCRIPT` (also -ec, -lc, /bin/bash), if argv is one. */
export function inlineScript(argv: string[]): string | undefined {
  if (argv.length < 3 || !SHELLS.has(basename(argv[0]))) return undefined;
  for (let i = 1; i < argv.length - 1; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a.startsWith('--')) return undefined;
    if (a.includes('c')) return argv[i + 1];
  }
  return undefined;
}
