// A start command whose server nothing in the image installs fails at once ("gunicorn: not found").
import { programArgv } from '../../model/command.js';
import type { App } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';

/** The server program `argv` runs when nothing the image installs provides it (App.missingServers). */
export function missingServer(app: App, argv: string[]): string | undefined {
  const words = programArgv(argv);
  const program = words[0];
  if (program === undefined || !app.missingServers?.includes(program)) return undefined;
  // `uv run --with uvicorn==0.32.1 uvicorn …`, `pipx run gunicorn`: the launcher fetches it when the command starts.
  const launcher = argv.slice(0, Math.max(0, argv.length - words.length));
  if (launcher.some((w) => w.toLowerCase().includes(program)) || /^(uvx|pipx)$/.test(launcher[0] ?? ''))
    return undefined;
  return program;
}

/** `set -e`, `set -euo pipefail`, `set -o errexit`: a failing command ends the script. */
function setsErrexit(argv: string[]): boolean {
  if (argv[0] !== 'set') return false;
  return argv.some((w, i) => /^-[a-z]*e[a-z]*$/.test(w) || (w === '-o' && argv[i + 1] === 'errexit'));
}

/**
 * The commands of a script that run a server nothing the image installs provides and that the script goes on past:
 * the command fails at once, and with no errexit set before it, the next line runs. A command with a later command on
 * its own line is left out (`gunicorn … && other` may stop there).
 */
export function passedOver(app: App, commands: ShellCommand[]): Map<ShellCommand, string> {
  const out = new Map<ShellCommand, string>();
  for (const [i, c] of commands.entries()) {
    if (commands.slice(0, i).some((b) => setsErrexit(b.argv))) break;
    const program = missingServer(app, c.argv);
    const next = commands[i + 1];
    if (program && !c.viaExec && !c.background && next && next.line > c.line) out.set(c, program);
  }
  return out;
}

/** What a message on the rest of the script adds about the server lines that fail and are passed over. */
export function passedOverNote(skipped: Map<ShellCommand, string>, then: string): string {
  if (skipped.size === 0) return '';
  const lines = [...skipped].map(([c, program]) => `Line ${c.line} runs ${program}`);
  const programs = [...new Set(skipped.values())];
  const them = programs.length > 1 ? 'them' : 'it';
  return ` ${lines.join(' and ')}, but nothing the image installs provides ${them} (no requirement, RUN, lock file, start script or base image): that line fails at once with 'command not found' and the script goes on, so ${then}. To serve with ${programs.join(' or ')}, add ${them} to the requirements.`;
}
