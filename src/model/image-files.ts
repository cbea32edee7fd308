import { posix } from 'node:path';
import { baseName, dirName, joinPath, normalizeRelative } from '../discover/classify.js';
import { parsePyprojectDependencies } from '../parse/pyproject.js';
import { includedFile, parseRequirements } from '../parse/requirements.js';
import { parseShell } from '../parse/shell.js';
import { djangoCommand, programArgv, startPath, WorkingDirectory } from './command.js';
import { readsArguments } from './command/branches.js';
import { makeInvocation, makeTargetScript, plainRecipeLines } from './command/make.js';
import { npmScriptCommands, npmScriptsRun, packageScripts } from './command/npm-scripts.js';
import { pythonFileCredentials } from './credentials.js';
import type { ImageLayout } from './context.js';
import { requirementArgs } from './install-args.js';
import { unlockedPipfile, unlockedPoetryProject } from './unlocked-manifests.js';
import { ModelPart } from './input.js';
import { managementCalls } from './management-calls.js';
import type { ComposeVolumeMount } from './types/compose.js';
import type { DockerfileModel, RunInstr, Stage } from './types/dockerfile.js';
import { nginxListens } from './proxy-config.js';
import { gunicornConfigArg, gunicornConfigLogs, uwsgiIniArg, uwsgiIniLogs } from './server-config.js';
import { s6Services } from './s6-services.js';
import { emperorVassals } from './uwsgi-emperor.js';
import { runitRun, runitServices } from './runit-services.js';
import {
  argumentCommands,
  argvCommands,
  composeCommands,
  imageStartArgvs,
  scriptWords,
  startArgvs,
} from './start-argvs.js';
import {
  configurationPrograms,
  matchesInclude,
  supervisordRun,
  supervisorIncludes,
} from './supervisor-config.js';
import type {
  App,
  BuildContext,
  EntrypointScript,
  ProxyConfigFile,
  RequirementsFile,
  ServerConfigFile,
  StartProgram,
  SupervisorProgram,
} from './types/project.js';
import type { ShellCommand, ShellScript } from './types/shell.js';

const TEMPLATE_SUFFIXES = ['.template', '.tmpl', '.tpl', '.in'];

/** The context files an image uses: the requirement files it installs and the scripts its container runs. */
/** The `[include]` of the supervisord.conf the distributions' supervisor packages install (Debian's, Alpine's). */
const PACKAGED_SUPERVISOR_INCLUDES: Record<string, string> = {
  '/etc/supervisor/supervisord.conf': '/etc/supervisor/conf.d/*.conf',
  '/etc/supervisord.conf': '/etc/supervisor.d/*.ini',
};

export class ImageFiles extends ModelPart {
  /** Requirement files the image installs: `pip install -r X` in RUN of built stages, mapped back to the context. */
  requirements(model: DockerfileModel, context: BuildContext, layout: ImageLayout): RequirementsFile[] {
    const found: string[] = [];
    const unlocked: RequirementsFile[] = [];
    for (const stage of model.builtStages) {
      stage.instructions.forEach((ins, index) => {
        if (ins.keyword !== 'RUN') return;
        const runWd = layout.workdirAt(stage, index) ?? '/';
        const direct = runCommands(ins as RunInstr).map((argv) => ({ argv, wd: runWd }));
        for (const { argv, wd } of direct.flatMap((c) => [
          c,
          ...this.npmRun(c.argv, c.wd, stage, index, context, layout),
          ...this.buildScript(c.argv, c.wd, stage, index, context, layout),
        ])) {
          // `-r requirements/${SCENARIO}.txt`: the file the build argument (or ENV) picks.
          for (const req of requirementArgs(argv, ins as RunInstr)) {
            const imagePath = posix.resolve(wd, req);
            let source = layout.sourceOf(stage, imagePath, index);
            // Installed straight from a bind mount or an unresolved path: fall back to the file named in the context.
            if (!source) {
              const rel = normalizeRelative(req);
              if (rel && context.sentFiles.includes(rel)) source = rel;
            }
            if (source) found.push(joinPath(context.dir, source));
          }
          const at = { argv, wd, stage, index, context, layout, texts: this.texts };
          for (const manifest of [unlockedPipfile(at), unlockedPoetryProject(at)])
            if (manifest && !unlocked.some((p) => p.file === manifest.file)) unlocked.push(manifest);
        }
      });
    }
    return [...this.withIncludes(found), ...unlocked];
  }

  /**
   * The commands `npm run NAME` runs from package.json's scripts, each with the directory it runs in (the
   * package's): package.json as the image holds it at that point, else the one at the root of the build context.
   */
  private npmRun(
    argv: string[],
    wd: string,
    stage: Stage,
    index: number,
    context: BuildContext,
    layout: ImageLayout,
  ): { argv: string[]; wd: string }[] {
    const names = npmScriptsRun(argv);
    if (!names || names.length === 0) return [];
    const source =
      layout.sourceOf(stage, posix.resolve(wd, 'package.json'), index) ??
      (context.sentFiles.includes('package.json') ? 'package.json' : undefined);
    const text = source && this.texts[joinPath(context.dir, source)];
    if (!text) return [];
    return npmScriptCommands(packageScripts(text), names).map((c) => ({ argv: c, wd }));
  }

  /** The commands of a context script a RUN runs (`RUN ./install.sh`), each with the directory its `cd`s leave. */
  private buildScript(
    argv: string[],
    wd: string,
    stage: Stage,
    index: number,
    context: BuildContext,
    layout: ImageLayout,
  ): { argv: string[]; wd: string }[] {
    const word = scriptWords(argv)[0];
    // Only a word that names a file (`./install.sh`, `scripts/setup`): tracing a program on the PATH (`pip`) back
    // through every earlier instruction, for each RUN, made a Dockerfile of many RUN lines quadratic.
    if (!word || word.includes('$') || !/\.sh$|\//.test(word)) return [];
    const source = layout.sourceOf(stage, posix.resolve(wd, word), index);
    const text = source && this.texts[joinPath(context.dir, source)];
    if (!text) return [];
    const dir = new WorkingDirectory(wd);
    return parseShell(text, 1).commands.map((c) => ({ argv: c.argv, wd: dir.after(c) }));
  }

  /**
   * Requirement files the start chain installs (`pip install -r /usr/src/app/requirements.txt` in an entrypoint
   * script), resolved in the container: the file a bind mount of the app service lays there, else the image's.
   */
  startRequirements(app: App, layout: ImageLayout): RequirementsFile[] {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const service = app.compose?.appService;
    const dirs = new Map<string[], string>();
    const found: string[] = [];
    for (const argv of startArgvs(app, target, dirs))
      for (const req of requirementArgs(argv)) {
        if (req.includes('$')) continue;
        const inImage = posix.resolve(dirs.get(argv) ?? (service?.workingDir || target.workdir || '/'), req);
        const bound = boundFile(service?.volumes ?? [], inImage);
        const source = layout.sourceOf(target, inImage);
        if (bound && bound in this.texts) found.push(bound);
        else if (source) found.push(joinPath(context.dir, source));
      }
    return this.withIncludes(found);
  }

  private withIncludes(files: string[]): RequirementsFile[] {
    const out: RequirementsFile[] = [];
    const queue = [...new Set(files)];
    const done = new Set<string>();
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (done.has(file) || !(file in this.texts)) continue;
      done.add(file);
      const name = baseName(file);
      // uv reads these with -r too; setup.py and setup.cfg are left unread.
      if (name === 'setup.py' || name === 'setup.cfg') continue;
      if (name === 'pyproject.toml') {
        out.push(parsePyprojectDependencies(file, this.texts[file]));
        continue;
      }
      const parsed = parseRequirements(file, this.texts[file]);
      out.push(parsed);
      for (const line of parsed.lines) {
        const inc = includedFile(line);
        const path = inc ? normalizeRelative(joinPath(dirName(file), inc)) : undefined;
        if (path) queue.push(path);
      }
    }
    return out;
  }

  /** Scripts the container runs: ENTRYPOINT/CMD of the target stage and the compose command, traced to context files. */
  entrypointScripts(app: App, layout: ImageLayout): EntrypointScript[] {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const service = app.compose?.appService;
    const { entrypoint, passed, literal } = imageStartArgvs(target);
    const run = (commands: string[][]) => this.scriptsRunBy(commands, app, layout, undefined, literal);
    const compose: string[][] = [];
    for (const c of [service?.entrypoint, service?.command]) if (c) compose.push(...composeCommands(c));
    // The other services of the app's image (a worker, a beat) start scripts of the same image.
    for (const other of app.compose?.appImageServices ?? [])
      if (other !== service)
        for (const c of [other.entrypoint, other.command]) if (c) compose.push(...composeCommands(c));
    // Compose `entrypoint: ["/bin/sh", "-c"]` + `command: ["./start.sh"]`: likewise one command.
    if (service?.entrypoint?.argv && service.command?.argv)
      compose.push(...argvCommands([...service.entrypoint.argv, ...service.command.argv]));
    const all = run([...entrypoint, ...passed, ...compose]);
    // An ENTRYPOINT script that never reads its arguments drops the CMD and compose command: theirs never run.
    const own = run(entrypoint);
    const argv = target.entrypoint?.argv ?? [];
    const swallows = own.find((s) => s.ignoresArgs && argv.length > 0 && isScriptAt(argv.at(-1)!, s));
    if (!swallows) return all;
    return service?.entrypoint ? run([...entrypoint, ...compose]) : own;
  }

  /**
   * The scripts the programs of the supervisord configuration run (`command=/app/run-app.sh`), found from each
   * program's `directory=`, that no start command runs itself; each marked with its program.
   */
  programScripts(app: App, layout: ImageLayout): EntrypointScript[] {
    if (!app.dockerfile?.targetStage || !app.context) return [];
    const known = new Set(app.entrypointScripts.map((s) => s.file));
    const out: EntrypointScript[] = [];
    for (const p of app.supervisorPrograms ?? []) {
      const dir = p.directory?.startsWith('/') ? p.directory : undefined;
      for (const s of this.scriptsRunBy([p.argv], app, layout, dir)) {
        if (known.has(s.file)) continue;
        known.add(s.file);
        out.push({ ...s, program: p.name });
      }
    }
    return out;
  }

  /** The scripts the commands run, and those the scripts run in turn, traced to context files. */
  private scriptsRunBy(
    start: string[][],
    app: App,
    layout: ImageLayout,
    startDir?: string,
    literal: ReadonlySet<string[] | undefined> = new Set(),
  ): EntrypointScript[] {
    const target = app.dockerfile!.targetStage!;
    const context = app.context!;
    const service = app.compose?.appService;
    const commands = [...start];
    const out: EntrypointScript[] = [];
    // compose's `working_dir:` is where the container starts: `entrypoint: ./start.sh` is found there
    const workdir = startDir ?? service?.workingDir ?? (target.workdir || '/');
    // The directory each command runs in: a script's `cd DIR` moves the commands after it.
    const dirs = commands.map(() => workdir);
    const pushScript = (script: ShellScript) => {
      const wd = new WorkingDirectory(workdir);
      for (const c of script.commands) {
        const dir = wd.after(c);
        for (const argv of argvCommands(c.argv)) {
          commands.push(argv);
          dirs.push(dir);
        }
      }
    };
    // A script found may run another (wait_for_postgres.sh running start.sh): its commands are searched in turn.
    for (let k = 0; k < commands.length && k < 200; k++) {
      const argv = commands[k];
      const make = this.makeTargets(argv, target, workdir, service?.volumes ?? [], context.dir, layout);
      if (make && !out.some((s) => s.file === make.file && sameTargets(s.makeTargets, make.makeTargets))) {
        out.push(make);
        pushScript(make.script);
        continue;
      }
      for (const written of scriptWords(argv)) {
        // `CMD $APP_HOME/bin/start`: the shell expands the variable the image's ENV sets (only the start's own words)
        const word =
          literal.has(argv) || k >= start.length ? written : startPath(written, target.env, service);
        if (word === undefined) continue;
        const candidates = word.includes('/')
          ? [posix.resolve(dirs[k], word)]
          : [posix.resolve(dirs[k], word), ...binDirs(word)];
        for (const imagePath of candidates) {
          const source =
            layout.sourceOf(target, imagePath) ?? this.copiedByName(target, word, context, layout);
          // No COPY put it there: a bind mount of the repository (`.:/app`) may, if it holds the file; else on along PATH
          const file = source ? joinPath(context.dir, source) : boundFile(service?.volumes ?? [], imagePath);
          if (!file || (!source && !this.files.includes(file))) continue;
          if (!(file in this.texts) || out.some((s) => s.file === file)) break;
          // `./manage.py migrate`: a Python program run by its #! line is no shell script (its programs are startPrograms).
          if (isPythonProgram(file, this.texts[file])) break;
          const script = parseShell(this.texts[file], 1);
          out.push({
            file,
            script,
            imagePath,
            ...(readsArguments(this.texts[file]) ? {} : { ignoresArgs: true }),
            ...(this.texts[file].replace(/^\uFEFF/, '').startsWith('#!') ? {} : { noShebang: true }),
          });
          pushScript(script);
          // `["/wait.sh", "db", "3306", "sh /app/start.sh"]`: a script that runs its arguments (after `shift 2`,
          // `exec $cmd`) may run a script they name
          if (readsArguments(this.texts[file])) {
            const at = argv.indexOf(written);
            for (const rest of argumentCommands(argv.slice(at + 1))) {
              commands.push(rest);
              dirs.push(dirs[k]);
            }
          }
          break;
        }
      }
    }
    return out;
  }

  /** `make TARGET` run in the image: the recipes of the target in the Makefile of its working directory. */
  private makeTargets(
    argv: string[],
    target: Stage,
    workdir: string,
    volumes: ComposeVolumeMount[],
    contextDir: string,
    layout: ImageLayout,
  ): EntrypointScript | undefined {
    const make = makeInvocation(programArgv(argv));
    if (!make || make.file?.includes('$') || make.dir?.includes('$')) return undefined;
    const dir = posix.resolve(workdir, make.dir ?? '.');
    for (const name of make.file ? [make.file] : ['GNUmakefile', 'makefile', 'Makefile']) {
      const imagePath = posix.resolve(dir, name);
      const source = layout.sourceOf(target, imagePath);
      const file = source ? joinPath(contextDir, source) : boundFile(volumes, imagePath);
      if (!file || !(file in this.texts)) continue;
      const script = makeTargetScript(this.texts[file], make.targets);
      const plainRecipes = plainRecipeLines(this.texts[file]);
      return { file, script, imagePath, makeTargets: make.targets, plainRecipeLines: plainRecipes };
    }
    return undefined;
  }

  /**
   * Python programs the start chain runs: `python X.py` found in the image, `manage.py NAME` of a custom command,
   * those the start-up hooks of its uwsgi ini files run too (read first: `serverConfigs`).
   */
  startPrograms(app: App, layout: ImageLayout): StartProgram[] {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const hooks = (app.serverConfigs ?? []).flatMap((c) => c.startHooks ?? []);
    const commands = [...startArgvs(app, target), ...hooks.flatMap((h) => h.commands.map((c) => c.argv))];
    const files = new Map<string, { command?: string; runBy: string[][] }>();
    for (const argv of commands) {
      const source = this.pythonRunBy(argv, target, context, layout);
      if (!source) continue;
      const file = joinPath(context.dir, source);
      const command = djangoCommand(argv[0] === 'exec' ? argv.slice(1) : argv)?.name;
      const known = files.get(file);
      if (known) known.runBy.push(argv);
      else files.set(file, { ...(command ? { command } : {}), runBy: [argv] });
    }
    return [...files]
      .filter(([file]) => file in this.texts)
      .map(([file, { command, runBy }]) => {
        const calls = managementCalls(this.texts[file]);
        return {
          file,
          credentials: pythonFileCredentials(this.texts[file]),
          ...(command ? { managementCommand: command } : { runBy }),
          ...(calls.length > 0 ? { managementCalls: calls } : {}),
        };
      });
  }

  /**
   * The programs supervisord runs when the start chain starts it: from the file it names with -c, else from every
   * configuration with `[program:…]` sections that the image holds (COPY to conf.d, or linked there by RUN ln -s).
   */
  supervisorPrograms(app: App, layout: ImageLayout): SupervisorProgram[] {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const runs = startArgvs(app, target)
      .map((argv) => supervisordRun(programArgv(argv)))
      .filter((r) => r !== undefined);
    // runsvdir (or phusion's my_init) runs the `run` script of every service directory the image holds.
    const runit = startArgvs(app, target)
      .map((argv) => runitRun(programArgv(argv)))
      .find((r) => r !== undefined);
    if (runs.length === 0 && runit) return runitServices(app, layout, this.texts, runit.serviceDir);
    if (runs.length === 0) return s6Services(app, layout, this.texts);
    const named = runs.map((r) => r.config).filter((c) => c !== undefined && !c.includes('$'));
    let files: string[];
    if (named.length > 0) {
      // The app service may bind-mount the configuration there (`./supervisord.conf:/etc/supervisor/conf.d/…`).
      const volumes = app.compose?.appService?.volumes ?? [];
      files = named.flatMap((c) => {
        const imagePath = posix.resolve(target.workdir || '/', c!);
        const bound = boundFile(volumes, imagePath);
        const source = layout.sourceOf(target, imagePath);
        const file = bound && bound in this.texts ? bound : source && joinPath(context.dir, source);
        // The distribution package's own configuration, which the image does not replace, includes a directory.
        const packaged = file ? undefined : PACKAGED_SUPERVISOR_INCLUDES[imagePath];
        if (!file && !packaged) return [];
        // `[include] files = /etc/supervisor/conf.d/*.conf`: the programs are in the files the image lays there.
        const includes = packaged ? [packaged] : supervisorIncludes(this.texts[file!] ?? '', imagePath);
        const included = context.sentFiles.filter(
          (f) =>
            includes.length > 0 &&
            layout.landings(target, f).some((l) => includes.some((p) => matchesInclude(p, l.path))),
        );
        return [...(file ? [file] : []), ...included.map((f) => joinPath(context.dir, f))];
      });
    } else {
      files = [
        ...context.sentFiles
          .filter((f) => /\.(conf|ini)$/.test(f) && layout.landingOf(target, f))
          .map((f) => joinPath(context.dir, f)),
        // An image that holds no code of its own: the app service's bind mount lays the configuration there.
        ...Object.keys(this.texts).filter(
          (f) => /\.(conf|ini)$/.test(f) && boundInContainer(app.compose?.appService?.volumes ?? [], f),
        ),
      ].filter((f) => /^\s*\[(fcgi-)?program:/m.test(this.texts[f] ?? ''));
    }
    return configurationPrograms([...new Set(files)], this.texts);
  }

  /**
   * The uwsgi ini files and gunicorn configuration files the start chain reads (`uwsgi --ini uwsgi/uwsgi.ini`,
   * `gunicorn -c gunicorn.conf.py`), resolved in the container.
   */
  serverConfigs(app: App, layout: ImageLayout): ServerConfigFile[] {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const files = new Map<string, 'uwsgi' | 'gunicorn'>();
    const dirs = new Map<string[], string>();
    // `uwsgi --emperor vassals/`: each vassal ini is a uWSGI instance's own configuration
    const vassals = new Set(emperorVassals(app, target, layout, context));
    for (const argv of startArgvs(app, target, dirs)) {
      const program = programArgv(argv[0] === 'exec' ? argv.slice(1) : argv);
      const uwsgi = uwsgiIniArg(argv[0] === 'exec' ? argv.slice(1) : argv);
      const ini = uwsgi ?? gunicornConfigArg(program);
      const server = uwsgi ? 'uwsgi' : 'gunicorn';
      if (!ini || ini.includes('$')) continue;
      const rel = normalizeRelative(ini);
      const inImage = posix.resolve(dirs.get(argv) ?? (target.workdir || '/'), ini);
      // The app service may bind-mount the file there over the image (`./src:/code`).
      const bound = boundFile(app.compose?.appService?.volumes ?? [], inImage);
      if (bound && bound in this.texts) {
        files.set(bound, server);
        continue;
      }
      const source =
        layout.sourceOf(target, inImage) ??
        (rel && context.sentFiles.includes(rel) ? rel : undefined) ??
        // The ini rendered at start from a template the image holds beside it (`envsubst < X.template > X`).
        context.sentFiles.find((f) =>
          layout.landings(target, f).some((l) => TEMPLATE_SUFFIXES.some((t) => l.path === inImage + t)),
        );
      if (source) files.set(joinPath(context.dir, source), server);
    }
    for (const v of vassals) files.set(v, 'uwsgi');
    return [...files]
      .filter(([file]) => file in this.texts)
      .map(([file, server]) =>
        server === 'uwsgi'
          ? uwsgiIniLogs(file, this.texts[file], vassals.has(file))
          : gunicornConfigLogs(file, this.texts[file]),
      );
  }

  /**
   * The nginx configuration files the target stage copies under /etc/nginx, or to the path a start command names
   * with `nginx -c FILE`, with the ports they listen on.
   */
  proxyConfigs(app: App, layout: ImageLayout): ProxyConfigFile[] {
    const target = app.dockerfile?.targetStage;
    const context = app.context;
    if (!target || !context) return [];
    const named = new Set(
      [...startArgvs(app, target), ...(app.supervisorPrograms ?? []).map((p) => p.argv)].flatMap((argv) => {
        const a = programArgv(argv);
        const at = a.indexOf('-c');
        return /(^|\/)nginx$/.test(a[0] ?? '') && at > 0 && a[at + 1]?.startsWith('/') ? [a[at + 1]!] : [];
      }),
    );
    const notConfig = (f: string) => /\.(pem|crt|key|types|html?)$|_params$/.test(f);
    const copied = context.sentFiles
      .filter((f) => !notConfig(f))
      .flatMap((f) =>
        // Each copy counts (`COPY site.conf /etc/nginx/…` before `COPY . .` lands it in /app too).
        layout
          .landings(target, f)
          .filter((l) => l.path.startsWith('/etc/nginx/') || named.has(l.path))
          .map((l) => ({ file: joinPath(context.dir, f), imagePath: l.path })),
      );
    // `COPY . .` then `RUN cp deploy/nginx.conf /etc/nginx/sites-enabled/default`: the file a RUN puts there.
    const placed = nginxPathsByRun(target)
      .flatMap((imagePath) => {
        const source = layout.sourceOf(target, imagePath);
        return source && !notConfig(source) ? [{ file: joinPath(context.dir, source), imagePath }] : [];
      })
      .filter((c) => !copied.some((o) => o.file === c.file && o.imagePath === c.imagePath));
    return [...copied, ...placed]
      .filter((c) => c.file in this.texts)
      .map((c) => nginxListens(c.file, c.imagePath, this.texts[c.file]));
  }

  /** The context file of `python X.py` (resolved in the image), or of the custom command `manage.py NAME`. */
  private pythonRunBy(
    argv: string[],
    target: Stage,
    context: BuildContext,
    layout: ImageLayout,
  ): string | undefined {
    const words = argv[0] === 'exec' ? argv.slice(1) : argv;
    const command = djangoCommand(words);
    if (command) {
      const tail = `management/commands/${command.name}.py`;
      return context.sentFiles.find((f) => f === tail || f.endsWith(`/${tail}`));
    }
    if (!/(^|\/)python[\d.]*$/.test(words[0] ?? '')) return undefined;
    const script = words.slice(1).find((w) => !w.startsWith('-'));
    if (!script?.endsWith('.py')) return undefined;
    const source = layout.sourceOf(target, posix.resolve(target.workdir || '/', script));
    return source ?? this.copiedByName(target, baseName(script), context, layout);
  }

  /** A bare command name (`docker-entrypoint.sh`) found on PATH: any COPY landing a file of that name. */
  private copiedByName(
    stage: Stage,
    word: string,
    context: BuildContext,
    layout: ImageLayout,
  ): string | undefined {
    if (word.includes('/')) return undefined;
    for (const f of context.sentFiles) {
      if (baseName(f) !== word) continue;
      if (layout.landingOf(stage, f)) return f;
    }
    return undefined;
  }
}

/** The repository file a relative bind mount of the service lays at `imagePath`, if one does. */
export function boundFile(volumes: ComposeVolumeMount[], imagePath: string): string | undefined {
  for (const v of [...volumes].reverse()) {
    if (v.type !== 'bind' || !v.source || v.source.startsWith('/') || v.source.startsWith('~')) continue;
    const target = posix.normalize(v.target).replace(/(.)\/+$/, '$1');
    if (imagePath !== target && !imagePath.startsWith(target === '/' ? '/' : `${target}/`)) continue;
    const file = normalizeRelative(joinPath(v.source, imagePath.slice(target.length)));
    if (file) return file;
  }
  return undefined;
}

/** Whether a relative bind mount of the service lays the repository file `file` in the container. */
function boundInContainer(volumes: ComposeVolumeMount[], file: string): boolean {
  return volumes.some((v) => {
    if (v.type !== 'bind' || !v.source || v.source.startsWith('/') || v.source.startsWith('~')) return false;
    const source = normalizeRelative(v.source);
    return source === '.' || (source !== undefined && (file === source || file.startsWith(`${source}/`)));
  });
}

function sameTargets(a: string[] | undefined, b: string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.join(' ') === b.join(' ');
}

function runCommands(run: RunInstr): string[][] {
  if (run.argv) {
    const [cmd, flag, script] = run.argv;
    if (/(^|\/)(ba|da)?sh$/.test(cmd ?? '') && flag === '-c' && script)
      return parseShell(script).commands.map((c) => c.argv);
    return [run.argv];
  }
  return run.script?.commands.map((c: ShellCommand) => c.argv) ?? [];
}

/** A file the Python interpreter runs: named `.py`, or starting with a `#!` line that names python. */
function isPythonProgram(file: string, text: string): boolean {
  return file.endsWith('.py') || /^(\uFEFF)?#![^\n]*\bpython/.test(text);
}

function binDirs(word: string): string[] {
  return ['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin'].map((d) => `${d}/${word}`);
}

/** Whether the ENTRYPOINT's last word names the script (by its name: the path was resolved when it was found). */
function isScriptAt(word: string, script: EntrypointScript): boolean {
  return posix.basename(word) === posix.basename(script.imagePath);
}

/** The paths under /etc/nginx a `cp`/`mv`/`ln` of the stage's RUNs writes: the destination, or a source's name inside it. */
function nginxPathsByRun(stage: Stage): string[] {
  const out = new Set<string>();
  for (const ins of stage.instructions) {
    if (ins.keyword !== 'RUN') continue;
    const run = ins as RunInstr;
    for (const argv of run.argv ? [run.argv] : (run.script?.commands.map((c) => c.argv) ?? [])) {
      if (!['cp', 'mv', 'ln'].includes(argv[0] ?? '')) continue;
      const operands = argv.slice(1).filter((a) => !a.startsWith('-'));
      const dest = operands.at(-1);
      if (operands.length < 2 || !dest?.startsWith('/etc/nginx/') || dest.includes('$')) continue;
      out.add(posix.normalize(dest));
      for (const source of operands.slice(0, -1)) out.add(posix.join(dest, posix.basename(source)));
    }
  }
  return [...out];
}
