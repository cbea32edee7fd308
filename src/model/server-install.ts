/**
 * Whether the image holds a Python server (uWSGI, gunicorn, …), and which version: from its requirements, the lock
 * file an installer reads (poetry.lock, uv.lock, Pipfile.lock), a RUN that names it, or a base image built for it.
 */
import { posix } from 'node:path';
import { baseName, joinPath } from '../discover/classify.js';
import { parseShell } from '../parse/shell.js';
import { pipInstall } from './command/pip.js';
import { programArgv } from './command/servers.js';
import type { ImageLayout } from './context.js';
import { splitImage } from './image-ref.js';
import { pipenvInstall, poetryInstall } from './install-args.js';
import { MANIFEST_OF_LOCK } from './lock-files.js';
import type { RunInstr, Stage } from './types/dockerfile.js';
import type { App, UwsgiInstall } from './types/project.js';

/** Base images known to hold no Python server: the official Python and OS images. */
const PLAIN_BASES = new Set(['python', 'pypy', 'debian', 'ubuntu', 'alpine', 'buildpack-deps']);

/** Package managers whose install may bring anything: a RUN of one that names no server leaves the question open. */
const OTHER_INSTALLERS = /^(conda|mamba|micromamba|pdm|pipx|hatch|make|easy_install)$/;

/** The Python servers a start command runs, by program: the package that provides each. */
export const SERVER_PACKAGES: Record<string, string> = {
  uwsgi: 'uwsgi',
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  daphne: 'daphne',
  hypercorn: 'hypercorn',
  'waitress-serve': 'waitress',
};

/** Packages known to depend on a server (`channels` before 4 on daphne, `mlflow` on gunicorn): they may bring it. */
const BRINGERS: Record<string, string[]> = {
  gunicorn: ['mlflow', 'apache-airflow', 'apache-superset', 'uvicorn-worker', 'label-studio'],
  uvicorn: ['fastapi', 'gradio', 'chainlit', 'mlflow', 'uvicorn-worker'],
  daphne: ['channels'],
};

/** The version of `name` a lock file pins, '' when the lock holds no such package; undefined when it cannot be read. */
export function lockedPackage(file: string, text: string, name: string): string | undefined {
  if (baseName(file) === 'Pipfile.lock') {
    try {
      const lock = JSON.parse(text) as Record<string, Record<string, { version?: string }> | undefined>;
      for (const section of ['default', 'develop'])
        for (const [key, entry] of Object.entries(lock[section] ?? {}))
          if (key.toLowerCase() === name) return /[\d.]+/.exec(entry.version ?? '')?.[0] ?? '';
      return '';
    } catch {
      return undefined;
    }
  }
  // poetry.lock and uv.lock: `[[package]]` tables, each with name and version.
  for (const block of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
    if (!new RegExp(`^name\\s*=\\s*"${name}"\\s*$`, 'im').test(block)) continue;
    return /^version\s*=\s*"([^"]+)"/m.exec(block)?.[1] ?? '';
  }
  return '';
}

/** The argv of each command a RUN runs. */
function runCommands(run: RunInstr): string[][] {
  if (!run.argv) return run.script?.commands.map((c) => c.argv) ?? [];
  const [cmd, flag, script] = run.argv;
  if (/(^|\/)(ba|da)?sh$/.test(cmd ?? '') && flag === '-c' && script)
    return parseShell(script).commands.map((c) => c.argv);
  return [run.argv];
}

/** The lock file NAME the image holds in `dir` or, failing that, at the root of the context: its text. */
function lockText(app: App, layout: ImageLayout, stage: Stage, index: number, dir: string, name: string) {
  const context = app.context!;
  const source =
    layout.sourceOf(stage, posix.join(dir, name), index) ??
    (context.sentFiles.includes(name) ? name : undefined);
  return source ? { file: joinPath(context.dir, source), source } : undefined;
}

/** A requirement line that names `name`: by its parsed name, or in a manifest's line (`uwsgi = "*"`). */
function names(line: { kind: string; name?: string; text: string }, name: string): boolean {
  if (line.kind !== 'package') return false;
  if (line.name !== undefined) return line.name.toLowerCase() === name;
  return new RegExp(`^\\s*["']?${name}["']?(?![\\w.-])`, 'i').test(line.text);
}

/**
 * How the image gets the server package `name` (`uwsgi`, `gunicorn`), read from what it installs; undefined when that
 * cannot be told (an install from a local project, a script, an installer that is not read, a base image that is not a
 * plain one, a requirement known to depend on it).
 */
export function serverInstall(
  app: App,
  layout: ImageLayout,
  texts: Record<string, string>,
  name: string,
): UwsgiInstall | undefined {
  const df = app.dockerfile;
  if (!df || !app.context) return undefined;
  const word = new RegExp(name, 'i');
  for (const req of app.requirements)
    for (const line of req.lines)
      if (names(line, name)) {
        const pin = /===?\s*(\d+(?:\.\d+)*)/.exec(line.text)?.[1];
        return { provided: true, ...(pin ? { version: pin, pinnedIn: req.file } : {}) };
      }
  // Requirements that name a local project, a URL or an unread file may bring it, and so may one that depends on it.
  const bringers = BRINGERS[name] ?? [];
  if (
    app.requirements.some((r) =>
      r.lines.some(
        (l) =>
          ['path', 'url', 'editable', 'include'].includes(l.kind) ||
          (l.kind === 'package' &&
            (bringers.includes(l.name?.toLowerCase() ?? '') ||
              word.test(l.extras ?? '') ||
              (!l.name && word.test(l.text)))),
      ),
    )
  )
    return undefined;
  let open = false;
  for (const stage of df.builtStages) {
    if (stage.from.stageRef === undefined) {
      const image = stage.from.image ?? '';
      const repository = splitImage(image.toLowerCase()).repository.replace(
        /^(docker\.io\/)?(library\/)?/,
        '',
      );
      if (word.test(image)) return { provided: true };
      if (!PLAIN_BASES.has(repository)) open = true;
    }
    for (const [index, ins] of stage.instructions.entries()) {
      if (ins.keyword !== 'RUN') continue;
      const wd = layout.workdirAt(stage, index) ?? '/';
      for (const argv of runCommands(ins as RunInstr)) {
        const words = programArgv(argv);
        if (words.some((w) => word.test(w))) {
          const pin = words
            .map((w) => new RegExp(`^${name}===?(\\d+(?:\\.\\d+)*)$`, 'i').exec(w)?.[1])
            .find(Boolean);
          return { provided: true, ...(pin ? { version: pin, pinnedIn: df.file } : {}) };
        }
        const program = baseName(words[0] ?? '');
        const pip = pipInstall(argv);
        if (pip) {
          const known = new Set(app.requirements.map((r) => baseName(r.file)));
          if (
            pip.fromPaths.length > 0 ||
            argv.some((w) => w.includes('$')) ||
            pip.requirementFiles.some((f) => !known.has(baseName(f)))
          )
            open = true;
          continue;
        }
        const lockName = poetryInstall(argv)
          ? 'poetry.lock'
          : pipenvInstall(argv)
            ? 'Pipfile.lock'
            : program === 'uv' && words[1] === 'sync'
              ? 'uv.lock'
              : undefined;
        if (lockName) {
          const lock = lockText(app, layout, stage, index, wd, lockName);
          const version =
            lock && lock.file in texts ? lockedPackage(lock.file, texts[lock.file], name) : undefined;
          if (version) return { provided: true, version, pinnedIn: lock!.file };
          // A lock that lists no such package while the manifest beside it names it (a lock cut short): provided.
          if (
            version === '' &&
            word.test(texts[posix.join(posix.dirname(lock!.file), MANIFEST_OF_LOCK[lockName])] ?? '')
          )
            return { provided: true };
          // No lock: the manifest resolved at build time is among the requirements (unlockedPoetryProject).
          if (version === undefined && !app.requirements.some((r) => r.manifest)) open = true;
          continue;
        }
        // A script of the context, or an installer not read here.
        if (OTHER_INSTALLERS.test(program) || program.endsWith('.sh') || words[0]?.includes('/')) open = true;
        if (/^(ba|da)?sh$/.test(program) && words[1] !== undefined && !words[1].startsWith('-')) open = true;
      }
    }
  }
  // A start script may install it when the container starts.
  for (const script of app.entrypointScripts)
    for (const c of script.script.commands) {
      const words = programArgv(c.argv);
      if (words.some((w) => word.test(w)) && /install|add|sync/.test(words.join(' '))) open = true;
      if (pipInstall(c.argv) || poetryInstall(c.argv) || pipenvInstall(c.argv)) open = true;
    }
  return open ? undefined : { provided: false };
}

/** How the image gets uWSGI (serverInstall). */
export function uwsgiInstall(app: App, layout: ImageLayout, texts: Record<string, string>) {
  return serverInstall(app, layout, texts, 'uwsgi');
}

/**
 * The server programs (`gunicorn`, `uvicorn`; uWSGI is `uwsgi`) nothing the image installs provides: a start command
 * that runs one fails with "command not found". None when the image installs from no requirements file.
 */
export function missingServers(app: App, layout: ImageLayout, texts: Record<string, string>): string[] {
  // Only where the image installs from requirements that were read: an image that installs nothing is left open.
  if (app.requirements.length === 0) return [];
  return Object.entries(SERVER_PACKAGES)
    .filter(([, pkg]) => serverInstall(app, layout, texts, pkg)?.provided === false)
    .map(([program]) => program);
}
