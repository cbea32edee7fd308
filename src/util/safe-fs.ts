import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The system's realpath(3): one call where the JavaScript one makes an lstat per path component, for every read. */
const realpath = realpathSync.native;

/**
 * File access for a repository we do not trust: reads stay inside a root directory (after resolving symbolic links)
 * and take regular files only, up to a size cap; writes never follow a symbolic link and create or replace only a
 * regular file of our own inside the directories we may write to.
 */

/** A path refused for safety or a file that cannot be read; `reason` completes "Cannot read X: …" and quotes no content. */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** True when the absolute `path` is `root` or below it. Both must be resolved already. */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves `path` (absolute, or relative to `root`) through its symbolic links and returns the real path, or throws
 * when it does not exist or leads outside `root`. `what` names the root in the reason ("the scanned directory").
 */
export function resolveInside(root: string, path: string, what = 'the scanned directory'): string {
  const absRoot = resolve(root);
  const realRoot = realpath(absRoot);
  const lexical = resolve(absRoot, path);
  if (!isInside(lexical, absRoot) && !isInside(lexical, realRoot))
    throw new UnsafePathError(path, `outside ${what}`);
  let real: string;
  try {
    real = realpath(lexical);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isLink(lexical))
      throw new UnsafePathError(path, 'a symbolic link whose target does not exist');
    throw new UnsafePathError(
      path,
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'it does not exist'
        : `cannot be read (${code ?? (error as Error).message})`,
    );
  }
  if (!isInside(real, realRoot)) throw new UnsafePathError(path, `a symbolic link leaving ${what}`);
  return real;
}

export interface ReadLimits {
  /** Files larger than this are refused, never read in part. */
  maxBytes: number;
  /** Names the root in reasons; default "the scanned directory". */
  what?: string;
}

/** Reads a regular file inside `root` (symbolic links followed only while they stay inside), at most `maxBytes`. */
export function readInsideSync(root: string, path: string, limits: ReadLimits): Buffer {
  const real = resolveInside(root, path, limits.what);
  return readRegularFileSync(real, limits.maxBytes, path);
}

/** Async form of readInsideSync, for the discovery of many files. */
export async function readInside(root: string, path: string, limits: ReadLimits): Promise<Buffer> {
  return readInsideSync(root, path, limits);
}

/**
 * Reads a regular file at most `maxBytes` long. Opened without following a final symbolic link and without blocking
 * (a FIFO or a device is refused by its type, never read), so /dev/zero or a pipe cannot hold the step.
 */
export function readRegularFileSync(path: string, maxBytes: number, display = path): Buffer {
  const fd = openRegular(path, display);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnsafePathError(display, 'not a regular file');
    if (info.size > maxBytes) throw new UnsafePathError(display, `larger than ${formatBytes(maxBytes)}`);
    // The size can change between fstat and read: read one byte more than allowed to notice.
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new UnsafePathError(display, `larger than ${formatBytes(maxBytes)}`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The first `length` bytes of a regular file (fewer when it is shorter), opened as readRegularFileSync opens it. */
export function readHeadSync(path: string, length: number, display = path): Buffer {
  const fd = openRegular(path, display);
  try {
    if (!fstatSync(fd).isFile()) throw new UnsafePathError(display, 'not a regular file');
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Opens without following a final symbolic link and without blocking on a FIFO or a device. */
function openRegular(path: string, display: string): number {
  try {
    return openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UnsafePathError(display, 'a symbolic link, not followed');
    if (code === 'ENOENT') throw new UnsafePathError(display, 'it does not exist');
    throw new UnsafePathError(display, `cannot be read (${code ?? (error as Error).message})`);
  }
}

/**
 * Creates or replaces `path` with `text`, refusing when it (or a missing parent's nearest existing ancestor) is a
 * symbolic link leading elsewhere, or when it is not a regular file of one link. `within` lists the directories we may
 * write into (the workspace, RUNNER_TEMP); the file's real parent must be inside one of them.
 */
export function writeOwnFile(path: string, text: string | Uint8Array, within: string[]): void {
  const file = resolve(path);
  const dir = ownDirectory(dirname(file), within);
  const target = join(dir, basename(file));
  let fd: number;
  try {
    fd = openSync(
      target,
      constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      0o644,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UnsafePathError(path, 'a symbolic link; refusing to write through it');
    throw new UnsafePathError(path, `cannot be written (${code ?? (error as Error).message})`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnsafePathError(path, 'not a regular file; refusing to write to it');
    // A hard link would make us write into a file that is also somewhere else.
    if (info.nlink > 1)
      throw new UnsafePathError(path, 'a file with other hard links; refusing to write to it');
    ftruncateSync(fd, 0);
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off, off);
  } finally {
    closeSync(fd);
  }
}

/** The real path of `dir`, created if missing, after checking that it lies inside one of `within`. */
function ownDirectory(dir: string, within: string[]): string {
  const roots = within.map((w) => plannedRealPath(resolve(w)).planned);
  const { real, missing, planned } = plannedRealPath(dir);
  if (!roots.some((r) => isInside(planned, r)))
    throw new UnsafePathError(dir, 'outside the workspace and the runner temporary directory');
  let current = real;
  for (const name of missing) {
    current = join(current, name);
    try {
      mkdirSync(current, { mode: 0o755 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Created by us, or by someone racing us: either way it must be a real directory, not a link.
    if (!lstatSync(current).isDirectory()) throw new UnsafePathError(current, 'not a directory');
  }
  if (!statSyncIsDirectory(current)) throw new UnsafePathError(dir, 'not a directory');
  return current;
}

/** The real path `dir` will have: its nearest existing ancestor resolved, then the missing names (not links). */
function plannedRealPath(dir: string): { real: string; missing: string[]; planned: string } {
  const missing: string[] = [];
  let existing = dir;
  while (!exists(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    missing.unshift(basename(existing));
    existing = parent;
  }
  let real: string;
  try {
    real = realpath(existing);
  } catch {
    throw new UnsafePathError(dir, 'a symbolic link whose target does not exist');
  }
  return { real, missing, planned: join(real, ...missing) };
}

function statSyncIsDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export function formatBytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
