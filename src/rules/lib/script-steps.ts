import {
  daemonOf,
  type DaemonFacts,
  inlineScriptCommands,
  inlineScriptLastCommand,
  launchedCommand,
  longRunningProcess,
} from '../../model/command.js';
import type { EntrypointScript } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { mainProcessOf } from './main-process.js';

// The steps of a start script as TF0901 reads them: which command is the last long-running one, which hands over
// to another script, and which sends its server to the background.

/** The process a last command keeps in the foreground (`nginx -g 'daemon off;'`, `celery … worker`), by name. */
export function foregroundProcess(argv: string[], facts?: DaemonFacts): { kind: string } | undefined {
  const what = daemonOf(argv, facts) ? undefined : longRunningProcess(argv);
  return what ? { kind: what } : undefined;
}

/** Whether `su app -c "… gunicorn &"` (a launcher) runs the command sent to the background. */
export function launches(launcher: ShellCommand, background: ShellCommand): boolean {
  const inner = launchedCommand(launcher.argv);
  return Boolean(
    inner &&
    background.asUser &&
    background.line >= launcher.line &&
    inlineScriptLastCommand(inner, 1)?.background,
  );
}

/** Whether a command after the i-th starts the server or the container command itself. */
export function startsLater(
  commands: { argv: string[]; background?: boolean }[],
  i: number,
  startsArgs: (argv: string[]) => boolean,
): boolean {
  return commands.slice(i + 1).some((c) => !c.background && (mainProcessOf(c.argv) || startsArgs(c.argv)));
}

/** The other start script a command runs (`./start.sh`, `sh start.sh`), matched by name. */
export function scriptRunBy(
  argv: string[],
  all: EntrypointScript[],
  self?: EntrypointScript,
): EntrypointScript | undefined {
  const word = /(^|\/)(ba|da)?sh$/.test(argv[0] ?? '')
    ? argv.slice(1).find((a) => !a.startsWith('-'))
    : argv[0];
  if (!word || argv.includes('-c')) return undefined;
  const name = word.slice(word.lastIndexOf('/') + 1);
  return all.find((s) => s !== self && s.imagePath.slice(s.imagePath.lastIndexOf('/') + 1) === name);
}

/**
 * A server command cut off from its options by line breaks: the commands after the last real command all start
 * with an option (`--bind 0.0.0.0:8000`); undefined otherwise.
 */
export function cutOptions(
  argv: string[],
  line: number,
): { program: string; command: string[]; options: string[][] } | undefined {
  const commands = inlineScriptCommands(argv, line);
  const at = commands.findLastIndex((c) => !c.argv[0]?.startsWith('-'));
  if (at < 0 || at === commands.length - 1) return undefined;
  const command = commands[at].argv;
  return { program: command[0], command, options: commands.slice(at + 1).map((c) => c.argv) };
}

/** Whether a launcher's `-c` script (`su app -c "… gunicorn … &"`) sends the server it starts to the background. */
export function backgroundsInside(argv: string[]): boolean {
  for (let a: string[] | undefined = argv, depth = 0; a && depth < 4; a = launchedCommand(a), depth++) {
    const inner = inlineScriptCommands(a, 1);
    if (inner.length > 0) return inner.some((c) => c.background && mainProcessOf(c.argv));
  }
  return false;
}
