import { lstat, opendir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  baseName,
  DEFAULT_CONFIG_FILE,
  dirName,
  isComposeFile,
  isDockerfile,
  isDockerignore,
  isRequirementsFile,
  isScript,
  isSettingsCandidate,
  joinPath,
  moduleFiles,
  SKIPPED_DIRS,
} from './classify.js';
import type { DiscoverOptions, SourceTree } from './types.js';

export const MAX_FILES = 50_000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Lists the scanned tree and reads the files that matter. The only I/O of the static half. */
export async function discover(
  root: string,
  options: DiscoverOptions = {},
  limits: { maxFiles?: number; maxFileBytes?: number } = {},
): Promise<SourceTree> {
  const maxFiles = limits.maxFiles ?? MAX_FILES;
  const maxBytes = limits.maxFileBytes ?? MAX_FILE_BYTES;
  const realRoot = await realpath(root);
  const walked = await walk(realRoot, maxFiles);
  const files = walked.files.sort();
  const fileSet = new Set(files);
  const texts: Record<string, string> = {};
  const unreadable: { file: string; reason: string }[] = [];

  const read = async (file: string): Promise<void> => {
    if (file in texts || unreadable.some((u) => u.file === file) || !fileSet.has(file)) return;
    const result = await readText(realRoot, file, maxBytes);
    if (typeof result === 'string') texts[file] = result;
    else unreadable.push({ file, reason: result.reason });
  };

  // First pass: files recognised by name.
  const wanted = files.filter(
    (f) =>
      isDockerfile(f) ||
      isComposeFile(f) ||
      isDockerignore(f) ||
      isRequirementsFile(f) ||
      isSettingsCandidate(f) ||
      isScript(f) ||
      baseName(f) === 'manage.py',
  );
  const named = [
    options.dockerfile,
    ...(options.composeFiles ?? []),
    options.configFile ?? DEFAULT_CONFIG_FILE,
  ];
  for (const f of named) if (f) wanted.push(f.replace(/^\.\//, ''));
  for (const f of wanted) await read(f);

  // .env next to compose files, for interpolation only.
  for (const f of Object.keys(texts).filter(isComposeFile)) await read(joinPath(dirName(f), '.env'));

  // Second pass: files the first ones name (settings modules and what they star-import, -r includes, scripts run by
  // CMD), which may name more in turn, a few levels deep.
  for (let pass = 0; pass < 4; pass++) {
    const before = Object.keys(texts).length;
    for (const f of secondPassFiles(texts, files, options)) await read(f);
    if (Object.keys(texts).length === before) break;
  }

  return {
    root: realRoot,
    files,
    texts,
    unreadable,
    options,
    skippedDirs: walked.skipped.sort(),
    ...(walked.truncated ? { truncated: { limit: maxFiles } } : {}),
  };
}

/** Files named from inside the texts already read: cheap textual hints only decide what to read, never what it means. */
function secondPassFiles(texts: Record<string, string>, files: string[], options: DiscoverOptions): string[] {
  const out = new Set<string>();
  const manageDirs = Object.keys(texts)
    .filter((f) => baseName(f) === 'manage.py')
    .map(dirName);
  const modules = new Set<string>();
  if (options.settingsModule) modules.add(options.settingsModule);
  const requirementNames = new Set<string>();
  const commandWords = new Set<string>();
  for (const [file, text] of Object.entries(texts)) {
    for (const m of text.matchAll(/DJANGO_SETTINGS_MODULE['"]?\s*[,=:]\s*['"]?([A-Za-z_][\w.]*)/g))
      modules.add(m[1]);
    if (!/(^|\/)\.env$/.test(file)) {
      for (const m of text.matchAll(
        /(?:^|\s)(?:-r|--requirements?|-c|--constraint)(?:\s*=\s*|\s+|(?=[^\s-]))([^\s"'\\]+)/g,
      ))
        requirementNames.add(baseName(m[1]));
    }
    if (isDockerfile(file)) {
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+([^\n]*)/gim))
        for (const w of m[1].split(/\s+/)) if (/\.(txt|in)$/.test(w)) requirementNames.add(baseName(w));
    }
    if (isDockerfile(file) || isComposeFile(file)) {
      for (const line of text.split(/\r?\n/)) {
        if (!/^\s*(CMD|ENTRYPOINT|command|entrypoint|-)\b/i.test(line)) continue;
        for (const m of line.matchAll(/[\w./-]+/g)) commandWords.add(baseName(m[0]));
      }
    }
  }
  for (const module of modules)
    for (const dir of [...manageDirs, '.']) for (const f of moduleFiles(dir, module)) out.add(f);
  // Settings split over modules: `from .base import *` in a settings module read so far.
  for (const [file, text] of Object.entries(texts)) {
    if (!file.endsWith('.py') || baseName(file) === 'manage.py') continue;
    for (const m of text.matchAll(/^from\s+(\.*)([A-Za-z_][\w.]*)?\s+import\s+\*/gm)) {
      let dir = dirName(file);
      for (let i = 1; i < m[1].length; i++) dir = dirName(dir);
      const dirs = m[1] ? [dir] : [...manageDirs, '.'];
      for (const d of dirs)
        for (const f of m[2] ? moduleFiles(d, m[2]) : [joinPath(d, '__init__.py')]) out.add(f);
    }
  }
  for (const f of files) {
    const name = baseName(f);
    if (requirementNames.has(name) && !(f in texts)) out.add(f);
    if (commandWords.has(name) && !(f in texts) && !/\.(py|txt|toml|lock|json)$/.test(name)) out.add(f);
  }
  return [...out];
}

/** Reads one file as text, or says why it cannot be. Symlinks are followed only to files inside root. */
async function readText(
  realRoot: string,
  file: string,
  maxBytes: number,
): Promise<string | { reason: string }> {
  const abs = join(realRoot, ...file.split('/'));
  try {
    const target = await realpath(abs);
    if (target !== realRoot && !target.startsWith(realRoot + sep))
      return { reason: 'a symbolic link leaving the scanned directory' };
    const info = await stat(target);
    if (!info.isFile()) return { reason: 'not a regular file' };
    if (info.size > maxBytes) return { reason: `larger than ${formatBytes(maxBytes)}` };
    const bytes = await readFile(target);
    if (bytes.includes(0)) return { reason: 'binary content (NUL bytes), not text' };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { reason: 'not valid UTF-8 text' };
    }
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch (error) {
    return {
      reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
}

/** Walks without following symlinked directories; a symlinked file counts when its target stays inside root. */
async function walk(
  realRoot: string,
  limit: number,
): Promise<{ files: string[]; skipped: string[]; truncated: boolean }> {
  const files: string[] = [];
  const skipped: string[] = [];
  // Breadth first: when the cap is hit, the shallow files (Dockerfile, compose, manage.py) are already listed.
  const queue: string[] = [realRoot];
  for (let next = 0; next < queue.length; next++) {
    const dir = queue[next];
    let entries;
    try {
      entries = [];
      for await (const entry of await opendir(dir)) entries.push(entry);
    } catch {
      continue; // unreadable directory (permissions): its files are simply not part of the analysis
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = relative(realRoot, abs).split(sep).join('/');
      if (SKIPPED_DIRS.has(entry.name)) {
        skipped.push(rel);
        continue;
      }
      if (entry.isDirectory()) queue.push(abs);
      else if (entry.isFile()) files.push(rel);
      else if (entry.isSymbolicLink() && (await isFileInside(abs, realRoot))) files.push(rel);
      if (files.length >= limit) return { files, skipped, truncated: true };
    }
  }
  return { files, skipped, truncated: false };
}

async function isFileInside(abs: string, realRoot: string): Promise<boolean> {
  try {
    const target = await realpath(abs);
    if (!target.startsWith(realRoot + sep)) return false;
    return (await lstat(target)).isFile();
  } catch {
    return false; // dangling link
  }
}

function formatBytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
