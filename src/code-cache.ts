// Where the CLI keeps V8's code cache of its bundle, and whether a cache file there can be trusted. A cache is code:
// one that another user could write would run as ours, so only a private directory of our own is used.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CacheEnv {
  /** NODE_COMPILE_CACHE: Node's own compile-cache directory; ours goes beside Node's entries in it. */
  compileCacheDir?: string;
  /** NODE_DISABLE_COMPILE_CACHE=1 turns Node's compile cache off, and ours with it. */
  disabled: boolean;
  /** Running in CI (`CI` or `GITHUB_ACTIONS` set): see cacheDirectory. */
  ci: boolean;
  tmpdir: string;
  uid: number;
}

/** Whether the environment says the process runs in CI: `CI` or `GITHUB_ACTIONS` set to anything but false or 0. */
export function runsInCi(env: Record<string, string | undefined>): boolean {
  return [env.CI, env.GITHUB_ACTIONS].some((v) => v !== undefined && v !== '' && !/^(false|0)$/i.test(v));
}

/**
 * The directory for our cache files, or undefined when caching is off. In CI the temporary directory is off: a
 * self-hosted runner keeps it between jobs, and a pull request's own code, run as the same user, could write a cache
 * that a later job holding a token would run. There, only a directory the user names (NODE_COMPILE_CACHE) is used.
 */
export function cacheDirectory(env: CacheEnv): string | undefined {
  if (env.disabled) return undefined;
  if (env.ci && !env.compileCacheDir) return undefined;
  return env.compileCacheDir
    ? join(env.compileCacheDir, 'twelve-factor-review')
    : join(env.tmpdir, `twelve-factor-review-${env.uid}`);
}

/** One file per bundle, Node version and architecture: V8 rejects a cache made by another V8 anyway. */
export function cacheFileName(bundleHash: string, nodeVersion: string, arch: string): string {
  return `cli-${bundleHash}-${nodeVersion}-${arch}.v8cache`;
}

/** Whether `path` is ours alone: a real directory or file (no symlink), owned by `uid`, writable by nobody else. */
function isPrivate(path: string, uid: number, kind: 'dir' | 'file'): boolean {
  try {
    const s = lstatSync(path);
    const isKind = kind === 'dir' ? s.isDirectory() : s.isFile();
    return isKind && s.uid === uid && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Creates the cache directory (mode 0700) and returns it when it is private; else undefined. */
export function privateDirectory(dir: string, uid: number): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return undefined;
  }
  return isPrivate(dir, uid, 'dir') ? dir : undefined;
}

/** The cache's bytes when the file exists and is private; else undefined. */
export function readCache(file: string, uid: number): Buffer | undefined {
  if (!isPrivate(file, uid, 'file')) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Replaces the cache atomically (a reader sees the old file or the new one) and drops older bundles' caches. */
export function writeCache(dir: string, name: string, data: Buffer): void {
  const temp = join(dir, `.${name}.${process.pid}`);
  try {
    writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
    renameSync(temp, join(dir, name));
    for (const old of readdirSync(dir))
      if (old !== name && old.startsWith('cli-') && old.endsWith('.v8cache'))
        rmSync(join(dir, old), { force: true });
  } catch {
    rmSync(temp, { force: true });
  }
}
