/** The chain of commands the app container runs when it starts, scripts and `sh -c` followed. */
import { posix } from 'node:path';
import { parseShell } from '../../parse/shell.js';
import type { ComposeCommand, ComposeService } from '../types/compose.js';
import type { CommandInstr } from '../types/dockerfile.js';
import type { App, EntrypointScript } from '../types/project.js';
import type { ShellCommand, ShellScript } from '../types/shell.js';
import {
  argsAfter,
  ARGS_WORD,
  argsThrough,
  type BranchInputs,
  commandsThatRun,
  execsSurely,
} from './branches.js';
import { containerVariables, startPath } from './container-env.js';
import { makeInvocation, makeScriptRun } from './make.js';
import { supervisordRun } from '../supervisor-config.js';
import { runitRun } from '../runit-services.js';
import { basename, djangoCommand, launchedCommand, programArgv, SHELLS } from './servers.js';
import { inlineScript, inlineScriptCommands } from './inline-script.js';
import { withoutUncalledFunctions } from './uncalled-functions.js';
import { WorkingDirectory } from './working-directory.js';
import {
  argumentsHeldBy,
  dropsUser,
  fillsWithArguments,
  launcherOnly,
  runsArguments,
  splitsArguments,
  splitWords,
} from './script-arguments.js';

export { containerEnv, containerVariables, startPath } from './container-env.js';

/** A command the container runs when it starts, with the file and line to anchor a finding on. */
export interface StartCommand extends ShellCommand {
  file: string;
  origin: 'CMD' | 'ENTRYPOINT' | 'compose-command' | 'compose-entrypoint' | 'script' | 'supervisor';
  /** Set for a Makefile recipe line a script runs with `make TARGET`: the finding is anchored at the make line. */
  recipe?: { file: string; line: number };
  /** Set for the command of a supervisord program (`[program:web]`): the program's name. */
  program?: string;
  /** The directory supervisord starts the program in (its `directory=`), when the configuration sets one. */
  directory?: string;
  /** Its words reach the program as written, with no shell to expand `$PORT` (exec-form CMD, a supervisord program). */
  unexpanded?: true;
}

/** The words that say where a recipe command comes from, for a message: ` (make migrate, Makefile:3)`. */
export function recipeNote(command: StartCommand): string {
  const r = command.recipe;
  return r ? ` (through the Makefile recipe at ${r.file}:${r.line})` : '';
}

/**
 * What the app container runs when compose starts it: compose `entrypoint`/`command` override the image's
 * ENTRYPOINT/CMD (a compose entrypoint also drops the image CMD), exec-form ENTRYPOINT and CMD are concatenated,
 * a shell form is its script; `sh -c` scripts and the entrypoint scripts the image runs are followed.
 */
export function effectiveCommand(app: App): StartCommand[] {
  return chain(app, app.compose?.appService);
}

/** What the image runs by default (target stage ENTRYPOINT/CMD, no compose override). */
export function imageCommand(app: App): StartCommand[] {
  return chain(app, undefined);
}

/**
 * What a compose service that runs the app's image (a worker, a one-off `migration` service) starts. A service with
 * a command of its own runs only the scripts that command reaches, never the others the image holds.
 */
export function serviceCommand(app: App, service: ComposeService): StartCommand[] {
  return chain(app, service, undefined, !service.command && !service.entrypoint);
}

/**
 * What a service (or, without one, the image) starts through its own command alone: the scripts that command reaches,
 * without the image's other scripts that a start reaching none is taken to run.
 */
export function reachedCommand(app: App, service: ComposeService | undefined): StartCommand[] {
  return chain(app, service, undefined, false);
}

/** Every start command the repository declares for the app: the image's own and compose's override, without repeats. */
export function startCommands(app: App): StartCommand[] {
  const seen = new Set<string>();
  const out: StartCommand[] = [];
  for (const c of [...imageCommand(app), ...effectiveCommand(app)]) {
    const key = `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/**
 * The commands of an entrypoint script that run in one of the app's starts (the image's own, compose's, those of the
 * other services of the app's image): a branch no start takes is left out. All of them when no start reaches the script.
 */
export function scriptCommandsThatRun(app: App, script: EntrypointScript): ShellCommand[] {
  const reached: Reached = { scripts: new Set(), commands: new Set() };
  chain(app, undefined, reached);
  chain(app, app.compose?.appService, reached);
  // `admin: command: ["/start.sh", "--dev"]`: another service of the image takes the branch its arguments select
  for (const service of app.compose?.appImageServices ?? [])
    if (service !== app.compose?.appService)
      chain(app, service, reached, !service.command && !service.entrypoint);
  if (!reached.scripts.has(script)) return script.script.commands;
  return script.script.commands.filter((c) => reached.commands.has(c));
}

/** The scripts a start chain entered and the script commands it kept, as written. */
interface Reached {
  scripts: Set<EntrypointScript>;
  commands: Set<ShellCommand>;
}

/**
 * While `run` judges a finished model, the start chains are worked out once per app, service and kind: every rule
 * asks for them again (a project's check asks about sixty times). Apps still being built are never remembered.
 */
export function withStartChainsRemembered<T>(run: () => T): T {
  const outer = remembered;
  remembered = new WeakMap();
  try {
    return run();
  } finally {
    remembered = outer;
  }
}

let remembered: WeakMap<App, Map<ComposeService | undefined, StartCommand[][]>> | undefined;

function chain(
  app: App,
  service: ComposeService | undefined,
  reached?: Reached,
  everyScript = true,
): StartCommand[] {
  if (reached || !remembered) return chainOf(app, service, reached, everyScript);
  let byService = remembered.get(app);
  if (!byService) remembered.set(app, (byService = new Map()));
  let kinds = byService.get(service);
  if (!kinds) byService.set(service, (kinds = []));
  const kind = everyScript ? 1 : 0;
  kinds[kind] ??= chainOf(app, service, undefined, everyScript);
  return kinds[kind].slice();
}

function chainOf(
  app: App,
  service: ComposeService | undefined,
  reached: Reached | undefined,
  everyScript: boolean,
): StartCommand[] {
  const stage = app.dockerfile?.targetStage;
  const dockerfile = app.dockerfile?.file ?? '';
  const declared: Source | undefined = service?.entrypoint
    ? fromCompose(service.entrypoint, 'compose-entrypoint')
    : stage?.entrypoint && fromInstr(stage.entrypoint, dockerfile);
  // `ENTRYPOINT []` (compose `entrypoint: []`) clears the entrypoint: the command runs on its own.
  const entrypoint = declared?.argv?.length === 0 ? undefined : declared;
  let cmd: Source | undefined;
  if (service?.command) cmd = fromCompose(service.command, 'compose-command');
  else if (!service?.entrypoint && stage?.cmd) cmd = fromInstr(stage.cmd, dockerfile);
  // An entrypoint script that never reads its arguments drops the command docker passes it: it never runs.
  if (cmd && entrypoint?.argv && argsIgnoredBy(app, entrypoint.argv)) cmd = undefined;

  let pid1: StartCommand[] = [];
  if (entrypoint?.argv) {
    const args = cmd ? (cmd.argv ?? ['/bin/sh', '-c', cmd.raw]) : [];
    const argv = [...entrypoint.argv, ...args];
    const script = inlineScript(argv);
    const inner =
      script === inlineScript(args)
        ? cmd?.inner
        : script === inlineScript(entrypoint.argv)
          ? entrypoint.inner
          : undefined;
    // Anchored where the program is named: the command, unless the entrypoint names the management command itself
    // (`entrypoint: python manage.py runserver` with `command: 0.0.0.0:8000`).
    const named = djangoCommand(entrypoint.argv) !== undefined;
    // Docker expands no variable in an exec-form ENTRYPOINT or CMD (compose has interpolated its own already)
    const literal = !isCompose(entrypoint) && (!cmd || (cmd.argv !== undefined && !isCompose(cmd)));
    pid1 = execCommand(cmd && args.length && !named ? cmd.at : entrypoint.at, argv, inner, literal);
    if (cmd?.inner) argsScripts.set(pid1[0], cmd.inner);
    if (cmd && !cmd.argv) pid1.push(...cmd.script);
  } else if (entrypoint) {
    // A shell-form ENTRYPOINT ignores CMD, unless its script reads the words docker appends after `sh -c SCRIPT`
    // (`ENTRYPOINT /docker-entrypoint.sh $0 $@`): then the command runs there, anchored where it is written.
    const filled = cmd && withPositional(entrypoint.script, cmd.argv ?? ['/bin/sh', '-c', cmd.raw]);
    pid1 = filled ? filled.map((c) => ({ ...c, ...cmd!.at })) : entrypoint.script;
  } else if (cmd) {
    pid1 = cmd.argv ? execCommand(cmd.at, cmd.argv, cmd.inner, !isCompose(cmd)) : cmd.script;
  }
  const variable = containerVariables(app.dockerfile?.targetStage?.env ?? {}, service);
  return withSupervisorPrograms(
    followScripts(commandsThatRun(pid1, { variable }), app, service, variable, reached, everyScript),
    app,
    // the scripts a program runs (`command=/app/run-app.sh`) follow it
    (programs) => followScripts(programs, app, service, variable, reached, false),
  );
}

/**
 * The commands of a `sh -c SCRIPT WORD…` script with `$0` replaced by the first word and a `$@`/`$*` word by the
 * others; undefined when the script reads none of them.
 */
function withPositional(commands: StartCommand[], words: string[]): StartCommand[] | undefined {
  let read = false;
  const filled = commands.map((c) => {
    const argv = c.argv.flatMap((w) => {
      const filled = /^\$(0|\{0\})$/.test(w)
        ? words.slice(0, 1)
        : ARGS_WORD.test(w)
          ? words.slice(1)
          : undefined;
      if (filled) read = true;
      return filled ?? [w];
    });
    return { ...c, argv };
  });
  return read ? filled : undefined;
}

/**
 * The programs supervisord starts, right after the first command that starts it, each at its configuration line; the
 * services of s6-overlay's /init before the rest of the start.
 */
function withSupervisorPrograms(
  commands: StartCommand[],
  app: App,
  follow: (programs: StartCommand[]) => StartCommand[],
): StartCommand[] {
  const programs = app.supervisorPrograms ?? [];
  // s6-overlay's /init runs its services first, then the command (CMD) when the image has one.
  const s6 = programs.length > 0 && programs.every((p) => p.s6);
  const at = s6
    ? -1
    : programs.length > 0
      ? commands.findIndex((c) => supervisordRun(programArgv(c.argv)) ?? runitRun(programArgv(c.argv)))
      : -1;
  if (at < 0 && !s6) return commands;
  // supervisord runs a program's words itself, with no shell between (shlex, then exec), on the branch it runs on.
  const guards = at >= 0 ? commands[at].guards : undefined;
  const run = programs.map((p): StartCommand => ({
    file: p.file,
    line: p.line,
    argv: p.argv,
    redirects: [],
    viaExec: true,
    unexpanded: true,
    origin: 'supervisor',
    program: p.name,
    ...(p.directory !== undefined ? { directory: p.directory } : {}),
    ...(guards ? { guards } : {}),
  }));
  return [...commands.slice(0, at + 1), ...follow(run), ...commands.slice(at + 1)];
}

/**
 * The entrypoint script that swallows the command (CMD, compose `command`) of a start: an exec-form entrypoint that
 * runs a script which never reads its arguments. Undefined when the command runs (or there is none).
 */
export function commandIgnoredBy(
  app: App,
  service: ComposeService | undefined,
): EntrypointScript | undefined {
  if (service?.entrypoint) return undefined; // compose's own entrypoint: judged with its command as written
  const stage = app.dockerfile?.targetStage;
  const argv = stage?.entrypoint?.argv;
  if (!argv || !(service?.command || stage?.cmd)) return undefined;
  return argsIgnoredBy(app, argv);
}

function argsIgnoredBy(app: App, entrypoint: string[]): EntrypointScript | undefined {
  const scripts = app.entrypointScripts ?? [];
  const hit =
    scripts.length > 0
      ? scriptRun(entrypoint, scripts, app.dockerfile?.targetStage?.workdir ?? '/')
      : undefined;
  // Only when the arguments would reach the script itself (`["/entrypoint.sh"]`, `["sh", "/entrypoint.sh"]`).
  return hit?.script.ignoresArgs && hit.argsFrom === entrypoint.length ? hit.script : undefined;
}

/** What a script knows of its arguments and variables: unknown when it shifts, resets or assigns them itself. */
function scriptInputs(
  script: ShellScript,
  args: string[] | undefined,
  variable: BranchInputs['variable'],
): BranchInputs {
  const assigned = new Set((script.assignments ?? []).map((a) => a.name));
  const own: BranchInputs['variable'] = (name) => (assigned.has(name) ? undefined : variable(name));
  return { args: argsThrough(script.commands, args, own), variable: own };
}

/**
 * An argv docker runs directly (exec form), followed by the commands of its `sh -c` script if it is one (`inner`:
 * those commands already parsed where they are written, for a compose string over several lines).
 */
function execCommand(
  at: Source['at'],
  argv: string[],
  inner?: ShellCommand[],
  unexpanded = false,
): StartCommand[] {
  const out: StartCommand[] = [
    { ...at, argv, redirects: [], viaExec: true, ...(unexpanded ? { unexpanded: true as const } : {}) },
  ];
  const script = inlineScript(argv);
  if (script !== undefined) {
    for (const c of inner ?? parseShell(script, at.line).commands)
      out.push({ ...c, file: at.file, origin: at.origin });
  }
  return out;
}

/** The commands of the `sh -c` script a start passes its entrypoint as arguments, parsed where they are written. */
const argsScripts = new WeakMap<StartCommand, ShellCommand[]>();

interface Source {
  at: { file: string; line: number; origin: StartCommand['origin'] };
  argv?: string[];
  /** The commands of argv's `sh -c` script, parsed on the lines they are written on. */
  inner?: ShellCommand[];
  raw: string;
  script: StartCommand[];
}

const isCompose = (source: Source) => source.at.origin.startsWith('compose-');

function fromInstr(instr: CommandInstr, file: string): Source {
  const at = { file, line: instr.line, origin: instr.keyword };
  return {
    at,
    argv: instr.argv,
    ...(instr.inner ? { inner: instr.inner } : {}),
    raw: instr.raw,
    script: (instr.script?.commands ?? []).map((c) => ({ ...c, ...at, line: c.line })),
  };
}

function fromCompose(c: ComposeCommand, origin: StartCommand['origin']): Source {
  const at = { file: c.file, line: c.line, origin };
  // compose splits a string command into words itself; it runs no shell, so the words are the argv
  const one = !c.argv && c.script && oneCommand(c.script.commands);
  const argv = c.argv ?? (one ? c.script!.commands[0].argv : undefined);
  return {
    at,
    argv,
    ...(one ? { inner: c.script!.commands.slice(1) } : c.inner ? { inner: c.inner } : {}),
    raw: c.raw,
    script: (c.script?.commands ?? []).map((s) => ({ ...s, ...at, line: s.line })),
  };
}

/** Whether parsed commands are one command, `bash -c "a && b"` with the commands of its script after it counting as one. */
function oneCommand(commands: ShellCommand[]): boolean {
  if (commands.length === 0) return false;
  return commands.length === 1 + inlineScriptCommands(commands[0].argv, commands[0].line).length;
}

/**
 * Inserts the commands of the entrypoint scripts run by a command right after it; `"$@"` becomes the arguments it
 * got. When no command runs a script the image holds, every script is added (`everyScript`), its arguments unknown.
 */
function followScripts(
  commands: StartCommand[],
  app: App,
  service: ComposeService | undefined,
  variable: BranchInputs['variable'],
  reached: Reached | undefined,
  everyScript: boolean,
): StartCommand[] {
  const scripts = app.entrypointScripts ?? [];
  const workdir = service?.workingDir ?? app.dockerfile?.targetStage?.workdir ?? '/';
  const chain: Chain = { scripts, workdir, variable, reached };
  const out: StartCommand[] = [];
  let matched = false;
  for (const c of commands.flatMap((command) => [command, ...launched(command)])) {
    out.push(c);
    if (c.origin === 'script') continue;
    // `CMD $APP_HOME/bin/start`: the shell expands the variables the image's ENV sets before it runs the script
    const env = app.dockerfile?.targetStage?.env ?? {};
    const words = c.unexpanded ? c.argv : c.argv.map((w) => startPath(w, env, service) ?? w);
    const hit = scripts.length > 0 ? scriptRun(words, scripts, c.directory ?? workdir) : undefined;
    if (hit) {
      matched = true;
      out.push(...scriptCommands(hit.script, c, c.argv.slice(hit.argsFrom), chain, 0));
    } else if (
      c.viaExec &&
      c.argv.length > 1 &&
      /\.sh$/.test(basename(c.argv[0])) &&
      !launchedCommand(c.argv)
    ) {
      // an entrypoint script we cannot read (one from the base image) nearly always ends in exec "$@"
      out.push({ ...c, argv: c.argv.slice(1) });
    }
  }
  // a program's script runs only where supervisord starts that program; a make target that a script runs (`make
  // dev`) is followed from that script, at its make line
  const runByScript = new Set(
    scripts.flatMap((s) => s.script.commands.map((c) => makeScriptRun(c.argv, scripts))),
  );
  if (!matched && everyScript)
    for (const s of scripts)
      if (!s.program && !runByScript.has(s)) out.push(...scriptCommands(s, undefined, undefined, chain, 0));
  return out;
}

interface Chain {
  scripts: EntrypointScript[];
  workdir: string;
  variable: BranchInputs['variable'];
  reached?: Reached;
}

function scriptRun(
  argv: string[],
  scripts: EntrypointScript[],
  workdir: string,
): { script: EntrypointScript; argsFrom: number } | undefined {
  if (makeInvocation(programArgv(argv))) {
    const script = makeScriptRun(argv, scripts);
    return script && { script, argsFrom: argv.length };
  }
  // `gosu app /start.sh`, `wait-for-it db:5432 -- ./start.sh`, `tini -- /entrypoint.sh`: the script a launcher or
  // an init execs, with the words after it
  const inner = basename(argv[0] ?? '') === 'su' ? undefined : (launchedCommand(argv) ?? initChild(argv));
  if (inner) {
    const hit = scriptRun(inner, scripts, workdir);
    return hit && { script: hit.script, argsFrom: hit.argsFrom + argv.length - inner.length };
  }
  // `. entrypoint.sh`, `source start.sh`: the script runs in the current shell, its own `exec` replaces that shell
  const candidates: number[] = argv[0] === '.' || argv[0] === 'source' ? [1] : [0];
  if (argv.length > 1 && SHELLS.has(basename(argv[0]))) {
    const i = argv.findIndex((a, k) => k > 0 && !a.startsWith('-'));
    if (i > 0) candidates.push(i);
  }
  for (const i of candidates) {
    const word = argv[i];
    if (!word) continue;
    const script = scripts.find((s) =>
      word.includes('/')
        ? posix.normalize(word.startsWith('/') ? word : posix.join(workdir, word)) ===
          posix.normalize(s.imagePath)
        : basename(s.imagePath) === word,
    );
    if (script) return { script, argsFrom: i + 1 };
  }
  return undefined;
}

/** What an init (`tini -g -- CMD`, `dumb-init CMD`) runs as its child: the words after `--`, or after its options. */
function initChild(argv: string[]): string[] | undefined {
  if (!['tini', 'dumb-init', 'docker-init'].includes(basename(argv[0] ?? ''))) return undefined;
  const dashes = argv.indexOf('--');
  const at = dashes > 0 ? dashes + 1 : argv.findIndex((w, k) => k > 0 && !w.startsWith('-'));
  return at > 0 && at < argv.length ? argv.slice(at) : undefined;
}

/** The commands of a script that run with the arguments it gets (undefined: not known, every branch kept). */

function scriptCommands(
  s: EntrypointScript,
  caller: StartCommand | undefined,
  args: string[] | undefined,
  chain: Chain,
  depth: number,
): StartCommand[] {
  const { scripts, workdir } = chain;
  const out: StartCommand[] = [];
  // a make recipe's shell sees no script arguments: only the variables decide its branches
  const inputs = scriptInputs(s.script, s.makeTargets ? undefined : args, chain.variable);
  chain.reached?.scripts.add(s);
  const argsVariables = argumentsHeldBy(s.script);
  let replaced = false;
  const dir = new WorkingDirectory(workdir); // `cd /web/configs` then `./migrate.sh`: a relative script is found where cd went
  let given = args; // what `"$@"` holds at the command: a `shift` that surely ran drops the first words
  // a function body runs where the function is called: one nothing calls never runs
  const own = withoutUncalledFunctions(
    s.script,
    scripts.map((x) => x.script),
    s.makeTargets ? [] : args,
    !s.ignoresArgs,
  );
  for (const c of commandsThatRun(own, inputs)) {
    // `if [ "$1" = gunicorn ]; then exec gunicorn …; fi` taken: the script ends there, `exec "$@"` after it never runs
    // (what `exec su app -c "…"` runs follows it in the list, and runs)
    if (replaced && !c.asUser) break;
    replaced ||= execsSurely(c, inputs);
    dir.after(c, inputs.variable);
    given = argsAfter(c, given, inputs);
    chain.reached?.commands.add(c);
    const runsArgs = runsArguments(c.argv, argsVariables);
    if (runsArgs && caller && given && given.length > 0) {
      // `exec "$@"`: the container's CMD runs here; anchor it where it is written (`exec $cmd` splits it into words)
      const words = splitsArguments(c, 0) ? splitWords(given) : given;
      const run = { ...caller, argv: words, redirects: c.redirects, viaExec: c.viaExec };
      out.push(run);
      // `exec "$@"` with `bash -c "migrate && runserver"` as the arguments: the commands of that script run too
      if (inlineScript(words) !== undefined)
        for (const inner of argsScripts.get(caller) ?? inlineScriptCommands(words, caller.line))
          out.push({ ...inner, file: caller.file, origin: caller.origin });
      // `ENTRYPOINT ["/entrypoint"]` + `command: /start`: the script the arguments name runs in turn
      const next = depth < 5 ? scriptRun(words, scripts, workdir) : undefined;
      if (next && next.script !== s)
        out.push(...scriptCommands(next.script, run, words.slice(next.argsFrom), chain, depth + 1));
      continue;
    }
    // `python manage.py "$@"` with `runserver 0.0.0.0:8000` as the arguments: the container's words fill "$@" (or
    // `$cmd` after `cmd="$*"`, unquoted, so that the shell splits it into the same words)
    const at =
      caller && given && given.length > 0
        ? c.argv.findIndex((w, k) => k > 0 && fillsWithArguments(c, k, argsVariables))
        : -1;
    const filling = at > 0 && given ? (splitsArguments(c, at) ? splitWords(given) : given) : undefined;
    const argv = filling ? [...c.argv.slice(0, at), ...filling, ...c.argv.slice(at + 1)] : c.argv;
    // `pdm run "$@"`, `taskset -c 0 "$@"`: the script only launches the container's words, which name the program;
    // anchored where they are written, as `exec "$@"` is (`gosu app "$@"` stays: its line is where the user drops)
    const where =
      at > 0 && caller && launcherOnly(c.argv.slice(0, at)) && !dropsUser(c.argv)
        ? { file: caller.file, line: caller.line, origin: caller.origin }
        : { file: s.file, origin: 'script' as const };
    const own: StartCommand = {
      ...c,
      argv,
      ...where,
      ...(caller?.program ? { program: caller.program } : {}),
    };
    for (const command of [own, ...launched(own)]) {
      out.push(command);
      // `exec docker/web-start`, `./init.bash`: the script a script runs is followed in turn
      const next = depth < 5 ? scriptRun(command.argv, scripts, dir.dir) : undefined;
      if (next && next.script !== s) {
        const run = scriptCommands(next.script, command, command.argv.slice(next.argsFrom), chain, depth + 1);
        out.push(...(next.script.makeTargets ? run.map((r) => atMakeLine(r, own, next.script.file)) : run));
      }
    }
  }
  return out;
}

/**
 * What a launcher runs in its place, at the launcher's file and line: `su USER -c "…"` runs its script in a child
 * shell, whose commands follow; a launcher that execs its command (`wait-for-it db:5432 -- CMD`, `dockerize … CMD`,
 * `gosu USER CMD`) is already seen through by programArgv, so only the commands of a `sh -c` CMD are added.
 */
function launched(command: StartCommand, depth = 0): StartCommand[] {
  const inner = depth < 3 ? launchedCommand(command.argv) : undefined;
  if (!inner) return [];
  const program = basename(command.argv[0]);
  // A script's `su USER -c "…"` is read by the parser, its commands on their own lines (asUser)
  if (program === 'su' && command.origin === 'script' && depth === 0) return [];
  const run: StartCommand = {
    ...command,
    argv: inner,
    redirects: [],
    viaExec: program === 'su' ? false : command.viaExec,
  };
  const script = inlineScript(inner);
  const commands =
    script === undefined
      ? []
      : parseShell(script, command.line).commands.map((c) => ({
          ...c,
          file: command.file,
          origin: command.origin,
        }));
  // programArgv sees through a launcher that execs its command: only su's shell is a command of its own.
  const own = program === 'su' ? [run] : [];
  return [...own, ...commands, ...launched(run, depth + 1).filter((c) => c !== run)];
}

/** A recipe command of a make target a script runs, anchored where the script runs make; the recipe line kept. */
function atMakeLine(command: StartCommand, make: StartCommand, makefile: string): StartCommand {
  if (command.file !== makefile) return command;
  return { ...command, file: make.file, line: make.line, recipe: { file: command.file, line: command.line } };
}
