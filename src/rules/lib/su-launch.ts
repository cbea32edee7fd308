import { basename, inlineScriptCommands } from '../../model/command.js';
import type { ShellCommand } from '../../model/types/shell.js';
import type { App } from '../../model/types/project.js';
import { quotedLine, shellWord } from './command-text.js';
import { handOver } from './image-users.js';

/** `su [-m] USER -c "SCRIPT"`: the user and the script su runs, or undefined for any other command. */
function suLaunch(argv: string[]): { user: string; script: string } | undefined {
  if (basename(argv[0] ?? '') !== 'su') return undefined;
  let user: string | undefined;
  let script: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '--command') script = argv[++i];
    else if (a.startsWith('--command=')) script = a.slice('--command='.length);
    else if (['-s', '--shell', '-g', '--group', '-G', '--supp-group'].includes(a)) i++;
    else if (a !== '-' && !a.startsWith('-') && user === undefined) user = a;
  }
  return user && script !== undefined ? { user, script } : undefined;
}

/**
 * The advice for a server started through `su USER -c "…"` without exec: `exec su …` would not make the server PID 1
 * (su stays its parent, and its -c shell may fork it), so the advice hands the process over with a tool that execs it
 * as the user (`handOver(user)`: `exec gosu USER … (note)`, whose `…` the command fills). Undefined when the command
 * is not su.
 */
export function suExecAdvice(
  command: Pick<ShellCommand, 'argv' | 'line'>,
  handOver: (user: string) => string = (user) => `exec gosu ${user} … (with gosu installed in the image)`,
): string | undefined {
  const su = suLaunch(command.argv);
  if (!su) return undefined;
  const inner = inlineScriptCommands(['sh', '-c', su.script], command.line);
  const simple = inner.length === 1 && !inner[0].background && !/[;&|<>$`]/.test(su.script);
  const run = simple ? su.script.trim() : `sh -c ${shellWord(su.script.trim())}`;
  const runNote = simple ? '' : " (with exec before the server's command in it)";
  // The command in quotes, its notes after them: punctuation never touches the command (`--pidfile=`, then a comma).
  const hand = handOver(su.user);
  const at = hand.indexOf('…');
  const tool = `${quotedLine(`${hand.slice(0, at)}${run}`)}${runNote}${hand.slice(at + 1)}`;
  return `exec su … would not make the server PID 1 either: su stays its parent process. Start it as ${su.user} with a tool that runs it in su's place: ${tool}, or set USER ${su.user} in the Dockerfile, drop su from the script, and start the server with exec`;
}

/** The tool that execs a command as a user in the app's image (gosu, su-exec, setpriv), as TF1301 names it. */
export function suHandOver(app: App): ((user: string) => string) | undefined {
  const df = app.dockerfile;
  const stage = df?.targetStage;
  return df && stage ? (user) => handOver(df, stage, user) : undefined;
}
