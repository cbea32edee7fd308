/** The argvs a start chain may run, read from the image's and compose's commands and the entrypoint scripts. */
import { parseShell } from '../parse/shell.js';
import { directoryAfter, inlineScript, launchedCommand } from './command.js';
import type { ComposeCommand } from './types/compose.js';
import type { CommandInstr, Stage } from './types/dockerfile.js';
import type { App } from './types/project.js';

/**
 * Every argv the start chain may run: the image's ENTRYPOINT/CMD, compose's overrides, the entrypoint scripts; `dirs`
 * gets the directory a script's `cd`s leave each of its commands in.
 */
export function startArgvs(app: App, target: Stage, dirs?: Map<string[], string>): string[][] {
  const commands: string[][] = [];
  for (const c of [target.entrypoint, target.cmd]) if (c) commands.push(...instrCommands(c));
  const service = app.compose?.appService;
  for (const c of [service?.entrypoint, service?.command]) if (c) commands.push(...composeCommands(c));
  for (const s of app.entrypointScripts) {
    let dir = target.workdir || '/';
    for (const c of s.script.commands) {
      dir = directoryAfter(c.argv, dir);
      commands.push(c.argv);
      dirs?.set(c.argv, dir);
    }
  }
  for (const p of app.supervisorPrograms ?? []) commands.push(p.argv);
  return commands;
}

export function instrCommands(c: CommandInstr): string[][] {
  if (c.argv) return argvCommands(c.argv);
  return c.script?.commands.flatMap((x) => argvCommands(x.argv)) ?? [];
}

/** An argv, followed by the commands of its `sh -c` script when it is one. */
export function argvCommands(argv: string[], depth = 0): string[][] {
  const script = inlineScript(argv);
  // `gosu app /start.sh`, `su app -c "./start.sh"`: the command a launcher runs may be a script too
  const launched = depth < 3 ? launchedCommand(argv) : undefined;
  const own = script === undefined ? [argv] : [argv, ...parseShell(script).commands.map((x) => x.argv)];
  return launched ? [...own, ...argvCommands(launched, depth + 1)] : own;
}

export function composeCommands(c: ComposeCommand): string[][] {
  if (c.argv) {
    const [cmd, flag, script] = c.argv;
    if (/(^|\/)(ba|da)?sh$/.test(cmd ?? '') && flag === '-c' && script)
      return [c.argv, ...parseShell(script).commands.map((x) => x.argv)];
    return argvCommands(c.argv);
  }
  return c.script?.commands.flatMap((x) => argvCommands(x.argv)) ?? [];
}
