import { posix } from 'node:path';

/**
 * The scanned directory as reports name it: '/' separators, normalised, no trailing slash, '.' for the root. A
 * relative one is read against the repository (workspace), so finding paths join onto it.
 */
export function reportDirectory(directory: string): string {
  return posix.normalize(directory.replace(/\\/g, '/')).replace(/(.)\/+$/, '$1');
}

/**
 * A finding's path relative to the repository (workspace) root: the scanned directory joined in front when the
 * report names it relatively, so GitHub places annotations, links, inline comments and SARIF results on the right file.
 */
export function repoPath(directory: string, file: string): string {
  const dir = directory.replace(/\\/g, '/');
  if (dir === '' || posix.isAbsolute(dir) || /^[A-Za-z]:\//.test(dir)) return file;
  const joined = posix.normalize(posix.join(dir, file));
  return joined.startsWith('../') ? file : joined;
}
