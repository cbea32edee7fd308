/** What a compose service starts: the Django server, another program (a worker, docs, a front end), or unknown. Pure. */
import { joinPath, normalizeRelative } from '../../discover/classify.js';
import { parseShell } from '../../parse/shell.js';
import { argsThrough, commandsThatRun } from '../command/branches.js';
import { basename, programArgv, SHELLS } from '../command/servers.js';
import { isKeepAliveCommand } from '../command/processes.js';
import { containerVariables } from '../command/start-chain.js';
import type { ComposeCommand, ComposeService } from '../types/compose.js';
import type { CommandInstr, Stage } from '../types/dockerfile.js';
import { type BuiltImage, imageScriptFile } from './built-image.js';

/** A script line that starts a Django server (the dev server or a WSGI/ASGI server). */
/** A command that starts the app's server. */
export const STARTS_SERVER = /manage\.py["']?\s+runserver|\b(gunicorn|uwsgi|daphne|uvicorn|hypercorn)\b/;
/** A command that runs a task worker or scheduler of the app. */
const WORKER =
  /(^|[\s/])(celery|rqworker|rqscheduler|qcluster|run_huey|huey_consumer(\.py)?|dramatiq|process_tasks)(\s|$)|(^|\s)rq\s+worker\b/;
/** A command that runs something other than the app: a monitor, a docs server, a front end, a web server. */
const OTHER_PROGRAM =
  /(^|[\s/])(flower|sphinx-build|sphinx-autobuild|livehtml|npm|yarn|pnpm|node|nginx|redis-server)(\s|$)/;
/** A front-end step that installs or builds and returns (`npm install`, `npm run build`): a step before the start. */
const FRONT_END_BUILD = /^(c?npm|yarn|pnpm)$/;
const FRONT_END_STEPS = new Set(['i', 'install', 'ci', 'build', 'run build']);
/** Commands that start no program of their own. */
const NO_PROGRAM = new Set(['cd', 'echo', 'printf', 'export', 'set', 'true', ':']);
const WRAPPERS = new Set(['exec', 'tini', '/tini', '--', '/usr/bin/tini', 'dumb-init', '/usr/bin/dumb-init']);

/**
 * What a service's start chain runs: Django's server, else a worker of the app, else only other programs, else only
 * an interactive shell or a keep-alive (`bash`, `sleep infinity`): a container that idles for `docker exec`.
 */
export type StartKind = 'server' | 'worker' | 'other' | 'idle' | undefined;

/**
 * What the service starts, following the scripts it runs: its compose command and entrypoint, else (without a
 * compose command) the ENTRYPOINT/CMD of the image it builds. A script is looked up in the image (WORKDIR and
 * COPY/ADD), beside the build context and the compose file, else as the one file whose path ends the same way.
 */
export function startKind(
  service: ComposeService,
  texts: Record<string, string>,
  projectDir: string,
  image?: BuiltImage,
): StartKind {
  const dirs = [service.build?.context, projectDir].filter((d): d is string => d !== undefined);
  const stage = image?.stage;
  const entrypoint = service.entrypoint ? commandsOf(service.entrypoint) : instrCommands(stage?.entrypoint);
  const command = service.command
    ? commandsOf(service.command)
    : service.entrypoint
      ? []
      : instrCommands(stage?.cmd);
  // An exec-form entrypoint gets the command as its arguments: the script it runs branches on them.
  const whole = pid1Argv(service, stage);
  const commands: Started[] = [
    ...(whole ? withInlineScripts([whole]).map((argv) => ({ argv, argsKnown: true })) : []),
    ...[...entrypoint, ...command].map((argv) => ({ argv, argsKnown: false })),
  ];
  const variable = containerVariables(stage?.env ?? {}, service);
  let kind: StartKind;
  let idle = false;
  // A front end built before the start is another program only where nothing else runs after it.
  let frontEndBuild = false;
  let runsMore = false;
  const seen = new Set<string>();
  for (let k = 0; k < commands.length && k < 50; k++) {
    const { argv, argsKnown } = commands[k];
    const line = argv.join(' ');
    if (STARTS_SERVER.test(line)) return 'server';
    // `bash -c SCRIPT`: the commands of the script follow, each judged on its own.
    if (runsInlineScript(argv)) continue;
    if (WORKER.test(line)) kind = 'worker';
    else if (buildsFrontEnd(argv)) frontEndBuild = true;
    else if (OTHER_PROGRAM.test(line)) kind ??= 'other';
    else if (idles(argv)) idle = true;
    else if (!NO_PROGRAM.has(basename(programArgv(argv)[0] ?? ''))) runsMore = true;
    for (const word of scriptWords(argv)) {
      const file = (image && imageScriptFile(image, word)) ?? scriptFile(word, dirs, texts);
      if (!file || seen.has(file) || !(file in texts)) continue;
      seen.add(file);
      const args = argsKnown ? argv.slice(argv.indexOf(word) + 1) : undefined;
      const script = parseShell(texts[file]);
      const inputs = { args: argsThrough(script.commands, args, variable), variable };
      commands.push(
        ...withInlineScripts(commandsThatRun(script.commands, inputs).map((c) => c.argv)).map((argv) => ({
          argv,
          argsKnown: false,
        })),
      );
    }
  }
  return kind ?? (frontEndBuild && !runsMore ? 'other' : idle ? 'idle' : undefined);
}

/** `npm install`, `yarn build`, `npm run build`: a front-end step that installs or builds, then returns. */
function buildsFrontEnd(argv: string[]): boolean {
  const [program, ...rest] = programArgv(argv);
  const name = basename(program ?? '');
  const words = rest.filter((w) => !w.startsWith('-'));
  const step = words[0] === 'run' ? words.slice(0, 2).join(' ') : words[0];
  // A bare `yarn` installs; a bare `npm` or `pnpm` prints its help.
  return FRONT_END_BUILD.test(name) && (step === undefined ? name === 'yarn' : FRONT_END_STEPS.has(step));
}

/** `sh -c SCRIPT` with a script: its commands are judged in its place. */
function runsInlineScript(argv: string[]): boolean {
  const flag = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
  return SHELLS.has(basename(argv[0] ?? '')) && flag > 0 && argv[flag + 1] !== undefined;
}

/** `bash`, `/bin/sh -l`, `sleep infinity`, `tail -f /dev/null`: a command that runs nothing but waits. */
function idles(argv: string[]): boolean {
  const a = programArgv(argv);
  if (isKeepAliveCommand(a)) return true;
  const option = (w: string) => /^--[a-z-]+$/.test(w) || (/^-[a-z]+$/i.test(w) && !w.includes('c'));
  return SHELLS.has(basename(a[0] ?? '')) && a.slice(1).every(option);
}

interface Started {
  argv: string[];
  /** True when argv is the whole command line PID 1 gets, so a script in it gets the words after it as arguments. */
  argsKnown: boolean;
}

/** The whole argv of an exec-form entrypoint with the command appended (exec form or compose words), if known. */
function pid1Argv(service: ComposeService, stage: Stage | undefined): string[] | undefined {
  const entrypoint = service.entrypoint ? composeArgv(service.entrypoint) : stage?.entrypoint?.argv;
  if (!entrypoint) return undefined;
  const command = service.command
    ? composeArgv(service.command)
    : service.entrypoint
      ? []
      : stage?.cmd
        ? stage.cmd.argv
        : [];
  return command && [...entrypoint, ...command];
}

/** Compose runs no shell: a string command is its words. */
function composeArgv(c: ComposeCommand): string[] | undefined {
  return c.argv ?? (c.script?.commands.length === 1 ? c.script.commands[0].argv : undefined);
}

function instrCommands(instr: CommandInstr | undefined): string[][] {
  if (!instr) return [];
  return withInlineScripts(instr.argv ? [instr.argv] : (instr.script?.commands.map((c) => c.argv) ?? []));
}

export function commandsOf(c: ComposeCommand): string[][] {
  return withInlineScripts(c.argv ? [c.argv] : (c.script?.commands.map((x) => x.argv) ?? []));
}

/** The commands, each followed by those of its `sh -c` script if it is one. */
function withInlineScripts(argvs: string[][]): string[][] {
  const out: string[][] = [];
  for (const argv of argvs) {
    out.push(argv);
    const flag = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (SHELLS.has(basename(argv[0] ?? '')) && flag > 0 && argv[flag + 1])
      out.push(...parseShell(argv[flag + 1]).commands.map((x) => x.argv));
  }
  return out;
}

/** The words of a command that may name a script: the program, or the file a shell runs. */
export function scriptWords(argv: string[]): string[] {
  let k = 0;
  while (WRAPPERS.has(argv[k])) k++;
  const cmd = argv[k];
  // `--config=/etc/x.yml` as CMD is an option for the base image's ENTRYPOINT, not a program or script of its own.
  if (cmd === undefined || cmd.startsWith('-')) return [];
  if (SHELLS.has(basename(cmd))) {
    const rest = argv.slice(k + 1);
    if (rest.some((a) => /^-[a-z]*c[a-z]*$/.test(a))) return [];
    return rest.filter((a) => !a.startsWith('-')).slice(0, 1);
  }
  // `wait-for-it.sh db:5432 -- ./start.sh`: the waiter runs the command after `--` once the port answers.
  const dashes = argv.indexOf('--', k + 1);
  return dashes > 0 ? [cmd, ...scriptWords(argv.slice(dashes + 1))] : [cmd];
}

export function scriptFile(word: string, dirs: string[], texts: Record<string, string>): string | undefined {
  if (word.includes('$') || /\.py$/.test(word) || !/\.sh$|\//.test(word)) return undefined;
  const tail = normalizeRelative(word.replace(/^\/+/, ''));
  if (!tail || tail === '.') return undefined;
  if (!word.startsWith('/')) {
    for (const dir of dirs) {
      const file = normalizeRelative(joinPath(dir, tail));
      if (file && file in texts) return file;
    }
  }
  // `/app/scripts/start.sh` in the image: the file of the tree whose path ends the same way, if only one does.
  const parts = tail.split('/');
  for (let i = 0; i < parts.length; i++) {
    const suffix = parts.slice(i).join('/');
    const matches = Object.keys(texts).filter((f) => f === suffix || f.endsWith(`/${suffix}`));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined;
  }
  return undefined;
}
