/** What the container and its build run: the start-command chain, what each command is, pip installs. */
import { parseShell } from '../parse/shell.js';
import { inlineScript } from './command/inline-script.js';
import { basename } from './command/servers.js';
import type { RunInstr, Stage } from './types/dockerfile.js';
import type { ComposeCommand } from './types/compose.js';
import type { App } from './types/project.js';
import type { ShellCommand } from './types/shell.js';

export * from './command/start-chain.js';
export * from './command/script-arguments.js';
export * from './command/init-process.js';
export * from './command/inline-script.js';
export * from './command/directories.js';
export * from './command/working-directory.js';
export * from './command/servers.js';
export * from './command/script-operand.js';
export * from './command/pip.js';
export * from './command/processes.js';
export * from './command/daemons.js';
export * from './command/init-scripts.js';
export * from './command/database-wait.js';
export {
  branchEnds,
  commandsThatRun,
  evaluateCondition,
  exclusive,
  mayRun,
  type BranchInputs,
} from './command/branches.js';
export { makeScriptRun } from './command/make.js';
export { isSecretName } from './secret-names.js';

/** The commands the RUN instructions of `stages` execute (exec-form RUN as one command), with their lines. */
export function buildCommands(stages: Stage[]): ShellCommand[] {
  return buildRuns(stages).flatMap((r) => r.commands);
}

/** Each RUN instruction of `stages` with the commands it executes. */
export function buildRuns(stages: Stage[]): { run: RunInstr; commands: ShellCommand[] }[] {
  const out: { run: RunInstr; commands: ShellCommand[] }[] = [];
  for (const stage of stages) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const run = instr as RunInstr;
      const commands: ShellCommand[] = [];
      if (run.argv) {
        commands.push({ argv: run.argv, line: run.line, redirects: [], viaExec: true });
        const script = inlineScript(run.argv);
        if (script !== undefined) commands.push(...parseShell(script, run.line).commands);
      } else commands.push(...(run.script?.commands ?? []));
      out.push({ run, commands });
    }
  }
  return out;
}

/** True when the context holds a gunicorn config file gunicorn reads by default (it may set the bind). */
export function hasGunicornConfig(app: App): boolean {
  return (app.context?.files ?? []).some((f) => basename(f) === 'gunicorn.conf.py');
}

/**
 * A compose command's words as written, before compose interpolates it (`--workers=${WORKERS}`, not `--workers=`
 * for an unset variable): for messages that quote the command back to its author.
 */
export function writtenComposeArgv(c: ComposeCommand): string[] | undefined {
  if (c.argv) {
    try {
      const raws: unknown = JSON.parse(c.raw);
      return Array.isArray(raws) && raws.every((r) => typeof r === 'string') ? raws : undefined;
    } catch {
      return undefined;
    }
  }
  return parseShell(c.raw, c.line).commands[0]?.argv;
}
