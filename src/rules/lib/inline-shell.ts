/** TF0901's judgement of `sh -c "…"` in an exec-form command: the shell stays PID 1 unless the server is exec'd. */
import {
  backgroundStart,
  branchEnds,
  commandsThatRun,
  foregroundSequence,
  inlineScript,
  inlineScriptArgs,
  inlineScriptCommands,
  isKeepAliveLoop,
  programArgv,
  serverOf,
  setupOnly,
} from '../../model/command.js';
import type { ShellCommand } from '../../model/types/shell.js';
import type { RawFinding } from '../../core/index.js';
import { execedHolderMessage, oneProcessAdvice } from './background-advice.js';
import { execLine, quotedLine, shellLine, type WrittenCommand } from './command-text.js';
import { isBusyBoxSh, isSimple, shellExecsLast, type ImageShells, withBashMissing } from './image-shell.js';
import {
  backgroundWords,
  exitsAtOnceWords,
  foregroundAdvice,
  keptProcess,
  listOf,
  othersOwnContainers,
  sequencePhrase,
} from './processes.js';
import { cutOptions } from './script-steps.js';
import { mainProcessOf } from './main-process.js';

/** `sh -c "... && server"` in exec form: fires when the last command is not run with exec. */
export function inlineShell(
  argv: string[],
  file: string,
  line: number,
  what: string,
  shells: ImageShells,
  written?: string[],
): RawFinding[] {
  return withBashMissing(inlineShellFindings(argv, file, line, what, shells, written), argv[0], shells);
}

function inlineShellFindings(
  argv: string[],
  file: string,
  line: number,
  what: string,
  shells: ImageShells,
  written?: string[],
): RawFinding[] {
  const parsed = inlineScriptCommands(argv, line);
  // `sh -c 'case "$1" in web) …;; worker) …;; esac' sh web`: the branch the words after the script select
  const commands = commandsThatRun(parsed, { args: inlineScriptArgs(argv), variable: () => undefined });
  if (setupOnly(commands)) return [];
  const shell = `${what} runs '${argv[0]} -c'`;
  // The command as its author wrote it: compose variables unset here stay `${WORKERS}`, never empty.
  const writtenCommands = written ? inlineScriptCommands(written, line) : [];
  const shown = (c: ShellCommand): WrittenCommand =>
    writtenCommands.length === parsed.length ? writtenCommands[parsed.indexOf(c)] : c;
  const run = backgroundStart(commands);
  // `sh -c "… && gunicorn … &"`: the shell, the container's command, ends at once and the container stops.
  if (run?.ends && run.background.some((p) => serverOf(p.command.argv))) {
    const whats = run.background.map((p) => p.what);
    const message = `${shell}, which starts ${listOf(whats)} in the background (&), and ${exitsAtOnceWords(whats)}. ${foregroundAdvice(run.background, shown)}`;
    return [{ file, line, message }];
  }
  if (run?.background.some((p) => serverOf(p.command.argv)))
    return [
      {
        file,
        line,
        message:
          execedHolderMessage(
            shell,
            run,
            inlineScript(argv) ?? '',
            commands,
            isBusyBoxSh(argv[0], shells),
            shown,
          ) ??
          `${shell}, which ${backgroundWords(run)}, so the shell stays PID 1 over several processes and SIGTERM reaches none of them. ${oneProcessAdvice(run, shown)}`,
      },
    ];
  const sequence = foregroundSequence(commands);
  if (sequence && !sequence[0].command.viaExec) {
    const keep = keptProcess(sequence);
    return [
      {
        file,
        line,
        message: `${shell} with several long-running processes in sequence: ${sequencePhrase(sequence)}. The shell stays PID 1 and SIGTERM does not reach ${sequence[0].what}; exec before the last command cannot fix that. Run one process per container: start only ${keep.what} here, with ${quotedLine(execLine(shown(keep.command)))}, and ${othersOwnContainers(sequence.filter((p) => p !== keep).map((p) => shown(p.command)))}.`,
      },
    ];
  }
  // `case` items, if/else: the script ends in one branch or another, each judged on its own
  const ends = branchEnds(commands);
  if (ends.length > 1) {
    const servers = ends.filter((c) => !c.viaExec && !c.background && mainProcessOf(c.argv));
    if (servers.length === 0) return [];
    const each = servers.map(
      (c) => `the branch that runs ${mainProcessOf(c.argv)!.kind} starts it without exec`,
    );
    const write = servers.map((c) => quotedLine(execLine(shown(c))));
    return [
      {
        file,
        line,
        message: `${shell} with alternative branches (a case or if/else), and ${listOf(each)}, so in ${servers.length === 1 ? 'that branch' : 'those branches'} the shell stays PID 1 and SIGTERM does not reach the server. Write ${listOf(write)} in ${servers.length === 1 ? 'that branch' : 'their branches'}.`,
      },
    ];
  }
  const last = commands.at(-1);
  if (!last || last.viaExec) return [];
  // `py-spy record --pid 1`, `gdb -p 1`: a tool aimed at a process already running serves nothing, and exec would
  // make it PID 1, the process it meant to attach to.
  if (attachesToProcess(programArgv(last.argv))) return [];
  const script = inlineScript(argv) ?? '';
  const lone = parsed.length === 1 && !last.background && isSimple(script);
  // bash execs the lone simple command of `bash -c` (PID 1 is the command: checked with docker top)
  if (lone && /(^|\/)bash$/.test(argv[0])) return [];
  // bash >= 4.4 and BusyBox ash exec the last simple command of a `-c` list too (`a && b && server`).
  if (shellExecsLast(argv[0], script, last, shells)) return [];
  if (isKeepAliveLoop(script))
    return [
      {
        file,
        line,
        message: `${shell}, and it ends in a keep-alive loop (${script.trim()}), not a server: the shell stays PID 1, ignores SIGTERM, and docker stop waits for the kill timeout. Start what the container is for (the server) with exec instead: an idle container that only waits for docker exec is itself a finding (TF0803).`,
      },
    ];
  const cut = cutOptions(argv, line);
  if (cut)
    return [
      {
        file,
        line,
        message: `${shell} over several lines, and the line breaks cut ${cut.program}'s options off: the shell runs '${cut.command.join(' ')}' alone, then '${cut.options[0].join(' ')}' … as commands of their own, which fail (a folded YAML block keeps the line breaks of more-indented lines). Write the command and its options on one line, started with exec: ${quotedLine(`exec ${shellLine([...cut.command, ...cut.options.flat()])}`)}.`,
      },
    ];
  // dash (Debian's /bin/sh) forks even a lone command: the shell stays PID 1 (checked with docker top)
  const why = lone
    ? `with one command (${last.argv[0]}), which ${argv[0]} does not exec by itself (dash, Debian's /bin/sh, forks it)`
    : `and its last command (${last.argv[0]}) is not started with exec`;
  return [
    {
      file,
      line,
      message: `${shell} ${why}, so the shell stays PID 1 and SIGTERM does not reach it. Write ${quotedLine(execLine(shown(last)))}${lone ? '' : ' as the last command'}.`,
    },
  ];
}

/** Tools that attach to a running process by its PID with `-p` (profilers, debuggers, tracers). */
const ATTACHING_TOOLS = new Set(['py-spy', 'gdb', 'strace', 'ltrace', 'austin', 'pyrasite', 'perf']);

/** Whether a command attaches to a process already running (`--pid 1`, `--pid=1`, `gdb -p 1`): it starts no server. */
function attachesToProcess(argv: string[]): boolean {
  const program = argv[0]?.split('/').pop() ?? '';
  return argv.some(
    (w, i) =>
      (w === '--pid' && /^\d+$/.test(argv[i + 1] ?? '')) ||
      /^--pid=\d+$/.test(w) ||
      (ATTACHING_TOOLS.has(program) && w === '-p' && /^\d+$/.test(argv[i + 1] ?? '')),
  );
}
