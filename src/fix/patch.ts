import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { unifiedDiff } from './diff.js';

/** The repository root above `dir` (the nearest directory holding .git), or undefined outside a repository. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** Where the scanned directory sits in its repository ('' at the root or outside a repository), with a final '/'. */
export function repositoryPrefix(dir: string): string {
  const top = repositoryRoot(dir);
  const rel = top === undefined ? '' : relative(top, dir).split(sep).join('/');
  return rel === '' ? '' : `${rel}/`;
}

/** One `git apply`-able patch of every change, files in path order, paths relative to the repository root. */
export function patchOf(
  changes: Map<string, { before: string | undefined; after: string }>,
  prefix = '',
): string {
  return [...changes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { before, after }]) => unifiedDiff(`${prefix}${file}`, before, after))
    .join('');
}
