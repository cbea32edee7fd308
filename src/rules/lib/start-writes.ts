/**
 * Writes a start command makes itself, beside those of Django's commands: a directory a start script creates with
 * `mkdir`, and the log files gunicorn opens (`--error-logfile`, `--access-logfile`, or its config file's
 * errorlog/accesslog). Each is one the user must be able to make once the image switches to it.
 */
import { posix } from 'node:path';
import { basename, programArgv } from '../../model/command.js';
import type { StartCommand } from '../../model/command/start-chain.js';
import { gunicornConfigArg } from '../../model/server-config.js';
import type { CopyInstr, DockerfileModel, Stage, WorkdirInstr } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { rootRunCommands } from './root-runs.js';
import { isStandardDirectory } from './system-dirs.js';

/** A place a start command writes: a directory it creates, or a file it opens (a log). */
export interface StartWrite {
  path: string;
  kind: 'directory' | 'file';
  what: string;
}

/**
 * The directories `mkdir` creates at start (`mkdir -p /usr/src/logs`): under root's directories an unprivileged user
 * cannot, and a script under `set -e` stops there. Not those the image already holds (a WORKDIR, a RUN mkdir, a COPY
 * destination), where `mkdir -p` does nothing.
 */
export function madeDirectories(
  df: DockerfileModel,
  stage: Stage,
  c: StartCommand,
  cwd: string,
): StartWrite[] {
  const argv = programArgv(c.argv);
  if (basename(argv[0] ?? '') !== 'mkdir') return [];
  const operands = argv
    .slice(1)
    .filter((w, i, a) => !w.startsWith('-') && !/^(-m|--mode)$/.test(a[i - 1] ?? ''));
  const held = heldDirectories(df, stage);
  return operands
    .filter((w) => !/[$*?`]/.test(w))
    .map((w) => posix.resolve(cwd, w).replace(/(.)\/+$/, '$1'))
    .filter((dir) => !isStandardDirectory(dir) && !held.some((h) => h === dir || h.startsWith(`${dir}/`)))
    .map((dir) => ({ path: dir, kind: 'directory', what: `made by mkdir at ${c.file}:${c.line}` }));
}

/** The directories the image holds for sure: its WORKDIRs, COPY destinations and what its RUNs mkdir. */
function heldDirectories(df: DockerfileModel, stage: Stage): string[] {
  const held: string[] = [];
  for (const s of lineage(df, stage)) {
    held.push(s.workdir);
    for (const i of s.instructions)
      if (i.keyword === 'WORKDIR' && (i as WorkdirInstr).path) held.push((i as WorkdirInstr).path!);
      else if ((i.keyword === 'COPY' || i.keyword === 'ADD') && (i as CopyInstr).dest?.startsWith('/'))
        held.push((i as CopyInstr).dest);
  }
  for (const { command } of rootRunCommands(df, stage))
    if (basename(command.argv[0] ?? '') === 'mkdir')
      held.push(...command.argv.slice(1).filter((w) => w.startsWith('/') && !w.includes('$')));
  return held.map((h) => posix.normalize(h).replace(/(.)\/+$/, '$1'));
}

/** gunicorn's options that name a log file (`--log-file` is `--error-logfile`'s other name). */
const GUNICORN_LOG_OPTIONS = /^--(error-logfile|log-file|access-logfile)(?:=(.*))?$/s;

/**
 * The log files gunicorn opens when it starts (`--error-logfile FILE`, `--access-logfile=FILE`, errorlog/accesslog
 * in the config file `-c` names), resolved where it runs (its `--chdir`); not `-` or a device.
 */
export function gunicornLogFiles(app: App, c: StartCommand, cwd: string): StartWrite[] {
  const argv = programArgv(c.argv);
  if (basename(argv[0] ?? '') !== 'gunicorn') return [];
  const offset = c.argv.length - argv.length;
  const chdir = argv.flatMap((w, i) =>
    w === '--chdir' ? [argv[i + 1] ?? ''] : w.startsWith('--chdir=') ? [w.slice(8)] : [],
  )[0];
  const dir = chdir && !chdir.includes('$') ? posix.resolve(cwd, chdir) : cwd;
  const fromArgv = argv.flatMap((w, i) => {
    const m = GUNICORN_LOG_OPTIONS.exec(w);
    const value = m && (m[2] ?? argv[i + 1]);
    const line = c.wordLines?.[offset + i] ?? c.line;
    return value ? [{ value, option: `--${m[1]}`, at: `${c.file}:${line}` }] : [];
  });
  const config = gunicornConfigArg(argv);
  const file =
    config === undefined
      ? undefined
      : (app.serverConfigs ?? []).find(
          (f) => f.server === 'gunicorn' && (f.file === config || basename(f.file) === basename(config)),
        );
  const fromConfig = (file?.logFiles ?? []).map((l) => ({
    value: l.value,
    option: l.option,
    at: `${file!.file}:${l.line}`,
  }));
  return [...fromArgv, ...fromConfig]
    .filter((l) => l.value !== '-' && !/^\/(dev|proc)\//.test(l.value) && !l.value.includes('$'))
    .map((l) => {
      const path = posix.resolve(dir, l.value);
      return { path, kind: 'file', what: `gunicorn's ${l.option} ${path} at ${l.at}` };
    });
}
