/** The argvs a start chain may run, read from the image's and compose's commands and the entrypoint scripts. */
import { baseName } from '../discover/classify.js';
import { parseShell } from '../parse/shell.js';
import { splitWords } from './command/script-arguments.js';
import { inlineScript, launchedCommand, WorkingDirectory } from './command.js';
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
    const wd = new WorkingDirectory(target.workdir || '/');
    for (const c of s.script.commands) {
      const dir = wd.after(c);
      commands.push(c.argv);
      dirs?.set(c.argv, dir);
    }
  }
  for (const p of app.supervisorPrograms ?? []) commands.push(p.argv);
  return commands;
}

/**
 * The commands the image's ENTRYPOINT runs, those its CMD adds, and the exec-form argvs among them (`literal`): Docker
 * expands no variable there, so `["$APP_HOME/start"]` names no file.
 */
export function imageStartArgvs(target: Stage): {
  entrypoint: string[][];
  passed: string[][];
  literal: ReadonlySet<string[] | undefined>;
} {
  const entrypoint = target.entrypoint ? instrCommands(target.entrypoint) : [];
  const passed = target.cmd ? instrCommands(target.cmd) : [];
  // ENTRYPOINT ["bash"] + CMD ["-c", "./entrypoint.sh"]: the words only make a command together.
  const joined = target.entrypoint?.argv &&
    target.cmd?.argv && [...target.entrypoint.argv, ...target.cmd.argv];
  if (joined) passed.push(...argvCommands(joined));
  return {
    entrypoint,
    passed,
    literal: new Set([target.entrypoint?.argv, target.cmd?.argv, joined || undefined]),
  };
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

/**
 * The commands a script's arguments may make once it runs them: all of them, and those from a word that names a
 * shell or a `.sh` script on (what is left after a `shift`), split at blanks as an unquoted `$cmd` splits them.
 */
export function argumentCommands(args: string[]): string[][] {
  const out: string[][] = [];
  args.forEach((_, k) => {
    const rest = splitWords(args.slice(k));
    if (rest.length > 0 && (k === 0 || /(^|\/)(ba|da)?sh$|\.sh$/.test(rest[0]))) out.push(rest);
  });
  return out;
}

/** The words of a command that may name a script in the image: the program, or the file a shell runs. */
export function scriptWords(argv: string[]): string[] {
  if (argv.length === 0) return [];
  let k = 0;
  while (
    ['exec', 'tini', '/tini', '--', '/usr/bin/tini', 'dumb-init', '/usr/bin/dumb-init'].includes(argv[k])
  )
    k++;
  const cmd = argv[k];
  if (cmd === undefined) return [];
  // `. entrypoint.sh`, `source ./start.sh`: the current shell reads the script
  if (cmd === '.' || cmd === 'source') return argv.slice(k + 1, k + 2);
  if (/(^|\/)(ba|da)?sh$/.test(cmd)) {
    const rest = argv.slice(k + 1).filter((w) => !w.startsWith('-'));
    if (argv.slice(k + 1).includes('-c')) return [];
    return rest.slice(0, 1);
  }
  // `poetry run ./entrypoint.sh`: the project's environment manager execs the script it is given.
  if (['poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'rye'].includes(baseName(cmd)) && argv[k + 1] === 'run') {
    const rest = argv.slice(k + 2);
    return scriptWords(rest.slice(rest.findIndex((w) => !w.startsWith('-'))));
  }
  if (/(^|\/)python[\d.]*$/.test(cmd)) return [];
  if (/^(gunicorn|uwsgi|uvicorn|daphne|django-admin)$/.test(baseName(cmd))) return [];
  // `wait-for-it.sh db:5432 -- ./start.sh`: the waiter runs the command after `--` once the port answers.
  const dashes = argv.indexOf('--', k + 1);
  return dashes > 0 ? [cmd, ...scriptWords(argv.slice(dashes + 1))] : [cmd];
}
