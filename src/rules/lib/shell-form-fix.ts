// TF0901's fix: a shell-form CMD/ENTRYPOINT rewritten in exec form, or `exec` written before the last command of an
// inline `sh -c` or of an entrypoint script.
import {
  backgroundStart,
  branchEnds,
  daemonFacts,
  execTarget,
  foregroundSequence,
  inlineScript,
  inlineScriptCommands,
  inlineScriptLastCommand,
  isKeepAliveLoop,
  serverOf,
} from '../../model/command.js';
import type { ComposeCommand } from '../../model/types/compose.js';
import type { CommandInstr } from '../../model/types/dockerfile.js';
import type { ShellCommand } from '../../model/types/shell.js';
import type { TextEdit } from '../../core/index.js';
import { appsAndWorkerImages, otherAppServices } from './each.js';
import { execFormArgv } from './exec-form.js';
import { execForm, indentOf, insertAt, linesOf, locate, replaceLines } from './fix.js';
import type { FixContext, FixProposal } from './rule.js';
import { appShells, type ImageShells } from './image-shell.js';
import { shellLessBase } from './shell-less-base.js';
import { isShell } from './shell-less-command.js';
import { suExecAdvice } from './su-launch.js';
import { makeStartOf } from './make-start.js';
import { mainProcessOf } from './main-process.js';

export function fixShellForm(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  for (const app of appsAndWorkerImages(context.project)) {
    const df = app.dockerfile;
    const stage = df?.targetStage;
    for (const instr of [stage?.entrypoint, stage?.cmd]) {
      if (!df || !instr || df.file !== finding.file || instr.line !== finding.line) continue;
      if (instr.form === 'shell') {
        const argv = execFormArgv(instr, app.entrypointScripts, stage?.workdir || '/');
        // A base with no shell (distroless) has neither sh nor env for the exec form to start.
        if (stage && shellLessBase(df, stage) && /^(sh|env)$/.test(argv?.[0] ?? '')) return undefined;
        return execFormOf(instr, argv, lines, finding.file);
      }
      // `["sh", "-c", "…"]` where there is no sh: no exec written into it makes it start.
      if (instr.argv && stage && shellLessBase(df, stage) && isShell(execTarget(instr.argv)[0]))
        return undefined;
      if (instr.argv)
        return withSh(
          execLast(lastToExec(instr.argv, instr.line), lines, finding.file, instr.line, instr.endLine),
          instr.argv,
          appShells(app),
          lines,
          finding.file,
          instr.line,
        );
    }
    const services = [app.compose?.appService, ...otherAppServices(app).map((o) => o.service)];
    for (const c of services.flatMap((service) => [service?.entrypoint, service?.command])) {
      const argv = c && composeArgv(c);
      if (!c || !argv || c.file !== finding.file || c.line !== finding.line) continue;
      if (df && stage && shellLessBase(df, stage) && isShell(execTarget(argv)[0])) return undefined;
      const fix = execLast(lastToExec(argv, c.line), lines, finding.file, c.line, c.line + 20);
      return withSh(fix, argv, appShells(app), lines, finding.file, c.line);
    }
    for (const script of app.entrypointScripts) {
      if (script.file !== finding.file) continue;
      // exec ends the script there: only a last command (of the script, or of its branch) can take it without
      // changing what the script does.
      // A server in a restart loop: exec would end the loop the script exists for.
      // (the commands `su app -c "…"` runs are judged by the su command itself)
      const last = branchEnds(script.script.commands.filter((c) => !c.asUser)).find(
        (c) => c.line === finding.line && !c.background && !c.loop,
      );
      // `exec su app -c "…"` leaves su as the server's parent: no fix to write, the message advises gosu or USER.
      // `(cd src; exec gunicorn …)`: the parentheses are what to remove, and exec is written already.
      if (!last || suExecAdvice(last) || last.execInSubshell) continue;
      // `exec make serve` hands SIGTERM to make, which passes it to the recipe's /bin/sh, not the server, unless
      // make runs that line with no shell.
      const make = makeStartOf(last, app.entrypointScripts, daemonFacts(app));
      if (make && !make.plain) continue;
      return execLast(last, lines, finding.file, last.line, last.line);
    }
  }
  return undefined;
}

/** `CMD gunicorn …` → `CMD ["gunicorn", …]`; a command that expands a variable keeps a shell that execs it. */
function execFormOf(
  instr: CommandInstr,
  argv: string[] | undefined,
  lines: string[],
  file: string,
): FixProposal | undefined {
  if (!argv || instr.endLine !== instr.line) return undefined;
  const written = lines[instr.line - 1];
  const keyword = /^\s*(\S+)/.exec(written)?.[1] ?? instr.keyword;
  return {
    title: `${instr.keyword} in exec form`,
    edits: [replaceLines(file, instr.line, instr.line, [`${indentOf(written)}${keyword} ${execForm(argv)}`])],
  };
}

/** The last command of an inline `sh -c` that exec can be written before: not a keep-alive loop, not a cut option. */
function lastToExec(argv: string[], line: number): ShellCommand | undefined {
  const commands = inlineScriptCommands(argv, line);
  const ends = branchEnds(commands);
  // alternative branches (`case` items): the server of a branch that ends without exec
  const last =
    ends.length > 1
      ? ends.find((c) => !c.viaExec && !c.background && mainProcessOf(c.argv))
      : inlineScriptLastCommand(argv, line);
  if (!last || isKeepAliveLoop(inlineScript(argv) ?? '') || last.argv[0]?.startsWith('-')) return undefined;
  if (foregroundSequence(commands)) return undefined;
  if (backgroundStart(commands)?.background.some((p) => serverOf(p.command.argv))) return undefined;
  return last;
}

/** Writes `exec ` before a command, found where its words are written on its lines. */
function execLast(
  command: { argv: string[]; viaExec: boolean; env?: { name: string }[] } | undefined,
  lines: string[],
  file: string,
  first: number,
  last: number,
): FixProposal | undefined {
  if (!command || command.viaExec || command.argv.length === 0) return undefined;
  const word0 = command.argv[0];
  // `X=1 cmd`: exec goes before the assignments, and env passes them on (`exec X=1 cmd` would run `X=1`)
  const env = command.env?.[0];
  const needles = env
    ? [`${env.name}=`]
    : word0 === '$@' || word0 === '$*'
      ? [`"${word0}"`, word0]
      : [command.argv.join(' '), word0];
  for (const needle of needles) {
    const at = locate(lines, needle, first, last, 'last');
    if (!at) continue;
    const before = lines[at.line - 1].slice(0, at.column - 1);
    // Only at the start of a command: the line start, or after a separator or an opening quote.
    if (!/(^|[\s;&|("'])$/.test(before)) continue;
    const edit: TextEdit = insertAt(file, at, env ? 'exec env ' : 'exec ');
    return { title: `exec ${word0}`, edits: [edit] };
  }
  return undefined;
}

/** `bash -c` in an image without bash (Alpine): the fix also writes `sh` for `bash`, which would not start there. */
function withSh(
  fix: FixProposal | undefined,
  argv: string[],
  shells: ImageShells,
  lines: string[],
  file: string,
  line: number,
): FixProposal | undefined {
  const bash = argv.find((w, i) => /(^|\/)bash$/.test(w) && /^-\w*c/.test(argv[i + 1] ?? ''));
  if (!fix || !bash || !shells.noBash) return fix;
  const text = lines[line - 1] ?? '';
  const column = [...text.matchAll(/[\s"'[]/g)].map((m) => m.index + 1).find((i) => text.startsWith(bash, i));
  if (column === undefined) return undefined;
  const start = { line, column: column + 1 };
  const end = { line, column: column + 1 + bash.length };
  return { ...fix, edits: [{ file, start, end, text: bash.replace(/bash$/, 'sh') }, ...fix.edits] };
}

/** The words of a compose command or entrypoint: its array, or the first command of its string. */
export function composeArgv(c: ComposeCommand): string[] | undefined {
  return c.argv ?? c.script?.commands[0]?.argv;
}
