/** The log files the settings open when they are imported: LOGGING's file handlers, and where they write in the image. */
import { posix } from 'node:path';
import type { App } from '../../model/types/project.js';
import type { ValueSource } from '../../model/types/settings.js';
import { imageBaseDir } from './paths.js';

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
