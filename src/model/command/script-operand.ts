/** A server handed to a shell as the script file it reads: `sh python manage.py runserver`. Pure. */
import { basename, SCRIPT_SHELLS, type Server, serverOf } from './servers.js';

/** A shell that takes a server's program for the name of its script: it never runs the server. */
export interface ServerReadAsScript {
  shell: string;
  /** The word the shell opens as its script (`python`, `gunicorn`). */
  word: string;
  server: Server;
}

/**
 * What `sh WORD…` makes of a server command (`exec sh $cmd` with `python manage.py runserver` as the script's
 * arguments): without `-c` or `-s` a shell reads its first operand as a file of shell commands, and a server's program
 * (a binary, a Python file) is none, so the server never starts. Undefined for `sh -c`, `sh ./start.sh`, or a
 * command that names no server after the shell.
 */
export function serverReadAsScript(
  argv: string[],
  env: Record<string, string | undefined> = {},
): ServerReadAsScript | undefined {
  const shell = basename(argv[0] ?? '');
  if (!SCRIPT_SHELLS.has(shell)) return undefined;
  let i = 1;
  for (; i < argv.length && /^[-+]/.test(argv[i]); i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    if (/^-[a-zA-Z]*[cs]/.test(argv[i])) return undefined; // `-c SCRIPT`, `-s`: no script file
    if (argv[i] === '-o' || argv[i] === '+o') i++;
  }
  const word = argv[i];
  const server = word === undefined ? undefined : serverOf(argv.slice(i), env);
  return server && { shell, word, server };
}
