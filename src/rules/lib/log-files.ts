/** The log files the settings open when they are imported: LOGGING's file handlers, and where they write in the image. */
import { posix } from 'node:path';
import { basename } from '../../model/command.js';
import type { DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import type { ValueSource } from '../../model/types/settings.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { imageBaseDir, workdirsOf } from './paths.js';

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
  const chowned = chownedPaths(df, stage).map((c) => c.path);
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

/** The paths the RUN chowns of the stage and the stages it is built on give away, and whether with -R. */
function chownedPaths(df: DockerfileModel, stage: Stage): { path: string; recursive: boolean }[] {
  // A relative operand (`chown -R app .`) is a path in the WORKDIR of its RUN.
  return lineage(df, stage).flatMap((s) => {
    const workdirs = workdirsOf(df, s);
    return s.instructions.flatMap((i, n) =>
      i.keyword !== 'RUN'
        ? []
        : ((i as RunInstr).script?.commands ?? [])
            .filter((c) => basename(c.argv[0] ?? '') === 'chown')
            .flatMap((c) => {
              const recursive = c.argv.some((w) => /^-[a-zA-Z]*R|^--recursive$/.test(w));
              // The operands after the owner (`chown -R app:app . /data`).
              return c.argv
                .slice(1)
                .filter((w) => !w.startsWith('-'))
                .slice(1)
                .filter((w) => !w.includes('$'))
                .flatMap((w) =>
                  w.startsWith('/') ? [w] : workdirs[n] ? [posix.resolve(workdirs[n]!, w)] : [],
                )
                .map((path) => ({ path, recursive }));
            }),
    );
  });
}
