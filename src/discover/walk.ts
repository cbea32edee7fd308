/** The walk over the scanned tree: its files, the directories skipped and the symbolic links not followed. */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SKIPPED_DIRS } from './classify.js';
import type { Overlay } from './types.js';
import { isInside } from '../util/safe-fs.js';

/** The reason a path cannot be read when it is, or goes through, a symbolic link the walk did not follow. */
export function linkOnPath(file: string, links: Map<string, string>): string | undefined {
  if (links.size === 0) return undefined;
  const parts = file.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    const reason = links.get(prefix);
    if (reason) return i === parts.length ? reason : `${prefix} is ${reason}`;
  }
  return undefined;
}

/**
 * Walks without following symlinked directories; a symlinked file counts when its target stays inside root. Links
 * leading outside root, or nowhere, are listed with the reason, so a file that matters is never silently absent.
 * `plain` holds the files reached through real directories and not links themselves.
 */
export function walk(realRoot: string, limit: number): Walked {
  const files: string[] = [];
  const plain = new Set<string>();
  const skipped: string[] = [];
  const links: Link[] = [];
  const aliases = new Map<string, string>();
  const walked = (truncated: boolean) => ({ files, plain, skipped, links, aliases, truncated });
  // Breadth first: when the cap is hit, the shallow files (Dockerfile, compose, manage.py) are already listed.
  // Each entry is a directory's path relative to root ('' for root itself); one readdir with types lists it.
  const queue: string[] = [''];
  for (let next = 0; next < queue.length; next++) {
    const dir = queue[next];
    let entries: Dirent[];
    try {
      entries = readdirSync(dir === '' ? realRoot : join(realRoot, dir), { withFileTypes: true });
    } catch {
      continue; // unreadable directory (permissions): its files are simply not part of the analysis
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (SKIPPED_DIRS.has(entry.name)) {
        skipped.push(rel);
        continue;
      }
      if (entry.isDirectory()) queue.push(rel);
      else if (entry.isFile()) {
        files.push(rel);
        plain.add(rel);
      } else if (entry.isSymbolicLink()) {
        const target = linkTarget(join(realRoot, rel), realRoot);
        if (typeof target === 'string' && target !== 'directory') {
          files.push(rel);
          aliases.set(rel, target);
        } else if (target !== 'directory') links.push({ path: rel, reason: target.reason });
      }
      if (files.length >= limit) return walked(true);
    }
  }
  return walked(false);
}

type Link = { path: string; reason: string };
/** What the walk found; `aliases` maps each symbolic link to a file inside root to that file, both relative. */
export type Walked = {
  files: string[];
  plain: Set<string>;
  skipped: string[];
  links: Link[];
  aliases: Map<string, string>;
  truncated: boolean;
};

/** Lists the overlay's files the walk did not find (a new .dockerignore), as the walk would have listed them. */
export function listOverlaid(walked: { files: string[]; plain: Set<string> }, overlay: Overlay): void {
  const listed = new Set(walked.files);
  for (const file of overlay.keys()) {
    if (listed.has(file) || file.split('/').some((part) => SKIPPED_DIRS.has(part))) continue;
    walked.files.push(file);
    walked.plain.add(file);
  }
}

/** What a symbolic link leads to: a file inside root (its relative path), a directory, or why it is not followed. */
function linkTarget(abs: string, realRoot: string): string | 'directory' | { reason: string } {
  let target: string;
  try {
    target = realpathSync.native(abs);
  } catch {
    return { reason: 'a symbolic link whose target does not exist' };
  }
  if (!isInside(target, realRoot)) return { reason: 'a symbolic link leaving the scanned directory' };
  try {
    const info = statSync(target);
    if (info.isFile()) return relative(realRoot, target).split(sep).join('/');
    if (info.isDirectory()) return 'directory';
  } catch {
    return { reason: 'a symbolic link whose target does not exist' };
  }
  return { reason: 'a symbolic link to something that is not a regular file' };
}
