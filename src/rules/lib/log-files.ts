/** The log files the settings open when they are imported: LOGGING's file handlers, and where they write in the image. */
import { posix } from 'node:path';
import { basename } from '../../model/command.js';
import type { DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import type { ValueSource } from '../../model/types/settings.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { imageBaseDir, workdirsOf } from './paths.js';
import { expandedArgv } from '../../model/install-args.js';

export const FILE_HANDLERS =
  /(^|\.)(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler)$/;

/**
 * The file handlers of the app's logging config that open their file when the config is applied (not those with
 * `'delay': True`), each with the directory its file is in inside the image (undefined when the path cannot be told:
 * from the environment, relative to a working directory).
 */
export function settingsLogFiles(
  app: App,
): { className: string; file: string; line: number; dir?: string }[] {
  const settings = app.settings;
  return (settings?.logHandlers ?? [])
    .filter((h) => FILE_HANDLERS.test(h.className) && !h.delayed)
    .map((h) => {
      const path = h.filename && imagePath(app, h.filename);
      return {
        className: h.className,
        file: h.file ?? settings!.file,
        line: h.line,
        ...(path ? { dir: posix.dirname(path) } : {}),
      };
    });
}

/** Where a path the settings compute (BASE_DIR / "x", an absolute literal) is in the image; undefined when unknown. */
export function imagePath(app: App, v: ValueSource): string | undefined {
  if (v.kind === 'path' && v.base === 'absolute') return posix.normalize(`/${v.parts.join('/')}`);
  if (v.kind === 'path') {
    const base = imageBaseDir(app);
    return base === undefined ? undefined : posix.join(base, ...v.parts);
  }
  if (v.kind === 'literal' && typeof v.value === 'string' && v.value.startsWith('/'))
    return posix.normalize(v.value);
  return undefined;
}

/**
 * The directories the image leaves to root that `dirs` name: not anyone's (/tmp), and not given away by a RUN chown
 * of the stage or the stages it is built on.
 */
export function rootOwnedDirectories(df: DockerfileModel, stage: Stage, dirs: string[]): string[] {
  const chowned = chownedPaths(df, stage)
    .filter((c) => !c.filesOnly)
    .map((c) => c.path);
  return [...new Set(dirs)].filter(
    (d) =>
      !/^\/(tmp|dev\/shm|var\/tmp)(\/|$)/.test(d) && !chowned.some((c) => d === c || d.startsWith(`${c}/`)),
  );
}

/** The files of `files` the image leaves to root: no RUN chown names them, nor a `chown -R` a directory above. */
export function rootOwnedFiles(df: DockerfileModel, stage: Stage, files: string[]): string[] {
  const chowned = chownedPaths(df, stage);
  return [...new Set(files)].filter(
    (f) => !chowned.some((c) => f === c.path || (c.recursive && f.startsWith(`${c.path}/`))),
  );
}

/**
 * The paths the RUNs of the stage and the stages it is built on give away, and whether with -R: a chown's, and a
 * chmod's that makes them writable by every user (`a+rwx`, `o+w`, `777`), which hands them over as a chown does; a
 * mode that lets others write but not search (`666`) gives files only.
 */
function chownedPaths(
  df: DockerfileModel,
  stage: Stage,
): { path: string; recursive: boolean; filesOnly?: true; owner?: string; file: string; line: number }[] {
  // A relative operand (`chown -R app .`) is a path in the WORKDIR of its RUN.
  return lineage(df, stage).flatMap((s) => {
    const workdirs = workdirsOf(df, s);
    return s.instructions.flatMap((i, n) =>
      i.keyword !== 'RUN'
        ? []
        : ((i as RunInstr).script?.commands ?? []).flatMap((c) => {
            const argv = expandedArgv(c, i as RunInstr).argv;
            const tool = basename(argv[0] ?? '');
            if (tool !== 'chown' && tool !== 'chmod') return [];
            const recursive = argv.some((w) => /^-[a-zA-Z]*R|^--recursive$/.test(w));
            // The operands after the owner or mode (`chown -R app:app . /data`, `chmod a+rwx -R /app`).
            const [mode, ...operands] = argv
              .slice(1)
              .filter((w) => !w.startsWith('-') || /^-[rwxXst]+$/.test(w));
            const given = tool === 'chown' ? 'all' : mode === undefined ? undefined : worldWritable(mode);
            if (!given) return [];
            return operands
              .filter((w) => !w.includes('$'))
              .flatMap((w) => (w.startsWith('/') ? [w] : workdirs[n] ? [posix.resolve(workdirs[n]!, w)] : []))
              .map((path) => ({
                path,
                recursive,
                ...(given === 'files' ? { filesOnly: true as const } : {}),
                ...(tool === 'chown' && mode ? { owner: mode.split(/[:.]/)[0] } : {}),
                file: df.file,
                line: i.line,
              }));
          }),
    );
  });
}

/**
 * The user a RUN chown gives the directory to, itself or with `-R` a directory above it (`chown -R www-data /var/www`
 * over WORKDIR /var/www/site), the last such chown; none when it gives it to root or to a user a variable names.
 */
export function directoryOwner(
  df: DockerfileModel,
  stage: Stage,
  dir: string,
): { user: string; path: string; file: string; line: number } | undefined {
  const chown = chownedPaths(df, stage)
    .filter((c) => c.owner !== undefined && (dir === c.path || (c.recursive && dir.startsWith(`${c.path}/`))))
    .at(-1);
  if (!chown?.owner || /^(root|0)?$/.test(chown.owner) || chown.owner.includes('$')) return undefined;
  return { user: chown.owner, path: chown.path, file: chown.file, line: chown.line };
}

/**
 * What a chmod mode makes writable by every user: 'all' (others may write and search: `777`, `a+rwx`, `o+w` on a
 * directory others can already search), 'files' (write without search: `666`); undefined when it gives neither. A
 * `+w` naming nobody is filtered by the umask, which keeps others out.
 */
function worldWritable(mode: string): 'all' | 'files' | undefined {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const others = Number(mode.at(-1));
    return (others & 2) === 0 ? undefined : (others & 1) === 1 ? 'all' : 'files';
  }
  const writes = mode.split(',').some((clause) => /^[ugoa]*[ao][ugoa]*[+=][rwxXst]*w/.test(clause));
  return writes ? 'all' : undefined;
}
