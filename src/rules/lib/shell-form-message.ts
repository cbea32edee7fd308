/** The finding of a shell-form CMD/ENTRYPOINT (TF0901): what its /bin/sh does to SIGTERM, and the exec form to use. */
import {
  backgroundStart,
  foregroundSequence,
  isKeepAliveLoop,
  type LongRunningCommand,
  serverOf,
} from '../../model/command.js';
import type { CommandInstr } from '../../model/types/dockerfile.js';
import type { App, EntrypointScript } from '../../model/types/project.js';
import type { RawFinding } from '../../core/index.js';
import { execedHolderMessage, exitingShellFormMessage } from './background-advice.js';
import { commandLine, execLine, quotedLine } from './command-text.js';
import {
  arrayWithTrailingText,
  execFormArgv,
  looksLikeArray,
  scriptExecForm,
  shellBuiltin,
} from './exec-form.js';
import type { ImageShells } from './image-shell.js';
import { notACommand, printableWord } from './not-a-command.js';
import { backgroundWords, keptProcess, othersOwnContainers, sequencePhrase } from './processes.js';
import { cmdUnderEntrypointMessage } from './script-parent.js';
import { shellBranches, shellFormBranchesMessage } from './shell-branches.js';
import { shellLessBase } from './shell-less-base.js';
import { shellLessShellFormMessage } from './shell-less-command.js';
import { startScriptOf } from './start-script.js';
import { dieOnTermAdvice } from './uwsgi-term.js';

/** A shell-form CMD/ENTRYPOINT that sends its server to the background and whose /bin/sh then execs another process. */
function execedShellForm(instr: CommandInstr, shells: ImageShells): string | undefined {
  const commands = instr.script?.commands ?? [];
  const run = backgroundStart(commands);
  if (!run?.background.some((p) => serverOf(p.command.argv)) || looksLikeArray(instr.raw)) return undefined;
  return execedHolderMessage(
    `${instr.keyword} is in shell form (/bin/sh -c)`,
    run,
    instr.raw,
    commands,
    shells.sh,
  );
}

/** A shell-form CMD/ENTRYPOINT's finding, the script it runs, and whether its message already speaks of that script. */
export interface ShellFormRun {
  finding: RawFinding;
  script: EntrypointScript | undefined;
  namesScript: boolean;
}

export function shellFormFinding(
  app: App,
  file: string,
  instr: CommandInstr,
  cmd: CommandInstr | undefined,
  shells: ImageShells,
): ShellFormRun {
  const argv = execFormArgv(instr, app.entrypointScripts, app.dockerfile?.targetStage?.workdir || '/');
  const script = startScriptOf(app, instr);
  const exiting = exitingShellFormMessage(instr, file, app) ?? execedShellForm(instr, shells);
  const df = app.dockerfile;
  const stage = df?.targetStage;
  // No /bin/sh in the image: the shell-form command does not start at all, and no shell can be advised.
  const base = df && stage ? shellLessBase(df, stage) : undefined;
  const said = base
    ? { text: shellLessShellFormMessage(instr, base, stage!.env), names: undefined }
    : exiting !== undefined
      ? { text: exiting, names: undefined }
      : ((instr === cmd ? cmdUnderEntrypointMessage(app, argv) : undefined) ??
        shellFormMessage(instr, argv, script));
  const message = said.text + dieOnTermAdvice(app, instr.script?.commands.at(-1)?.argv ?? []);
  return {
    finding: { file, line: instr.line, message },
    script,
    namesScript: script !== undefined && said.names === script.file,
  };
}

/** `argv`: the exec form the instruction can be rewritten as (execFormArgv), undefined when none is safe. */
function shellFormMessage(
  instr: CommandInstr,
  argv: string[] | undefined,
  script: EntrypointScript | undefined,
): { text: string; names?: string } {
  const k = instr.keyword;
  if (isKeepAliveLoop(instr.raw))
    return {
      text: `${k} is in shell form and is a keep-alive loop (${instr.raw.trim()}), not a server: /bin/sh is PID 1, ignores SIGTERM, and docker stop waits for the kill timeout. Start what the container is for (the server) in exec form as its command instead: an idle container that only waits for docker exec is itself a finding (TF0803).`,
    };
  const pid1 = '/bin/sh is PID 1 and SIGTERM from docker stop does not reach the server';
  const sequence = foregroundSequence(instr.script?.commands ?? []);
  // Docker runs an array that is not valid JSON (single quotes, a missing comma) as a shell command.
  if (sequence && !looksLikeArray(instr.raw)) return { text: shellFormSequenceMessage(instr, sequence) };
  const trailing = arrayWithTrailingText(instr.raw);
  if (trailing) {
    const first = instr.script?.commands[0]?.argv[0];
    const fails = first
      ? `, where \`${printableWord(first)}\` is no command: the container exits at start (sh: not found)`
      : '';
    return {
      text: `${k} is a JSON array followed by more text (${printableWord(trailing.rest)}), so Docker's builder (BuildKit) does not read it as the exec form: it runs the whole line with /bin/sh -c${fails}. Keep the array alone on the line, any comment on a line of its own: ${k} [${trailing.array.map((a) => JSON.stringify(a)).join(', ')}].`,
    };
  }
  if (looksLikeArray(instr.raw))
    return {
      text: `${k} looks like an exec-form array but is not valid JSON (the exec form needs double quotes and a comma between words), so Docker runs the text with /bin/sh -c (shell form)${notACommand(instr)}. Write a JSON array of double-quoted words; to run several commands, run a script whose last command starts the server with exec, or ${k} ["sh", "-c", "…; exec <server>"].`,
    };
  const builtin =
    instr.script?.commands.length === 1 ? shellBuiltin(instr.script.commands[0].argv) : undefined;
  if (builtin)
    return {
      text: `${k} is in shell form, so ${pid1}. No exec form can be built from it: '${builtin}' is a shell builtin, not a program, so ${k} [${instr.script?.commands[0].argv.map((a) => JSON.stringify(a)).join(', ')}] would fail to start. Start the server itself in exec form (${k} ["gunicorn", "--bind", "0.0.0.0:8000", "<project>.wsgi"]).`,
    };
  const behind = script && backgroundStart(script.script.commands);
  const server = behind?.background.find((p) => serverOf(p.command.argv));
  // The exec form of a script that sends its server to the background still leaves SIGTERM with a shell.
  if (script && behind && server) {
    const runScript = `${k} [${scriptExecForm(script)
      .map((a) => JSON.stringify(a))
      .join(', ')}]`;
    return {
      text: `${k} is in shell form, so ${pid1}. The exec form alone (${runScript}) would not fix it: ${script.file} ${backgroundWords(behind)} (${script.file}:${server.command.line}), so its own shell would be PID 1 and SIGTERM would still not reach ${server.what}. Make ${script.file} start ${server.what} in the foreground with exec as its last command (or trap TERM and pass it on to ${server.what}), then use ${runScript}.`,
      names: script.file,
    };
  }
  if (!argv) {
    // `CMD case "$ROLE" in web) gunicorn …;; worker) celery …;; esac`: alternatives, each ending the command
    // The script the text runs, named where the image holds it; no path is named that the image may not hold.
    const runScript =
      script &&
      `${k} [${scriptExecForm(script)
        .map((a) => JSON.stringify(a))
        .join(', ')}]`;
    const branches = shellBranches(instr.script?.commands ?? []);
    if (branches && branches.keeping.length > 0) return { text: shellFormBranchesMessage(k, branches) };
    if (runScript)
      return {
        text: `${k} is in shell form, so ${pid1}. Use the exec form: ${runScript}, with exec before the command of ${script.file} that starts the server${script.noShebang ? ` (${script.file} has no #! line, so sh runs it)` : ''}${/\bchmod\b/.test(instr.raw) ? `; make it executable at build time (RUN chmod +x ${script.imagePath}), not at every start` : ''}.`,
        names: script.file,
      };
    const commands = instr.script?.commands ?? [];
    const last = commands.at(-1);
    // `… && /usr/bin/supervisord -n`: the last command is what must replace the shell, server or process manager.
    const ending =
      last && !last.background && !last.loop && !last.guards
        ? `whose last command is ${quotedLine(execLine(last))}`
        : 'whose last command starts the server with exec';
    return {
      text: `${k} is in shell form, so ${pid1}. Use the exec form: ${commands.length > 1 ? `run the commands from a start script ${ending}, in an exec-form ${k} ["<path of the script in the image>"]` : `${k} ["sh", "-c", "exec …"]`}.`,
    };
  }
  const example = `${k} [${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
  // A script without #! cannot be run directly: sh reads it, or the script gets a shebang.
  const written = instr.script?.commands[0]?.argv ?? [];
  const noShebang =
    argv[0] === 'sh' && argv.length === written.length + 1 && argv[1] === written[0]
      ? ` (${argv[1]} has no #! line: run directly it fails with "exec format error", so sh runs it; or add #!/bin/sh to it and use ${k} [${JSON.stringify(argv[1])}])`
      : '';
  return { text: `${k} is in shell form, so ${pid1}. Use the exec form: ${example}${noShebang}.` };
}

/** A shell-form CMD that runs long-running processes one after the other: keep one, in exec form. */
function shellFormSequenceMessage(instr: CommandInstr, sequence: LongRunningCommand[]): string {
  const k = instr.keyword;
  const keep = keptProcess(sequence);
  const commands = instr.script?.commands ?? [];
  const before = commands
    .slice(0, commands.indexOf(keep.command))
    .filter((c) => !sequence.some((p) => p.command === c));
  const argv = keep.command.argv;
  const script = [...before.map(commandLine), execLine(keep.command)].join(' && ');
  const plain = before.length === 0 && !keep.command.env && !argv.some((w) => w.includes('$'));
  const form = plain ? argv : ['sh', '-c', script];
  const example = `${k} [${form.map((a) => JSON.stringify(a)).join(', ')}]`;
  return `${k} is in shell form and runs several long-running processes in sequence: ${sequencePhrase(sequence)}. /bin/sh is PID 1 and SIGTERM from docker stop does not reach ${sequence[0].what}. Run one process per container: ${example} here, and ${othersOwnContainers(sequence.filter((p) => p !== keep).map((p) => p.command))}.`;
}
