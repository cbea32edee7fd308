/** Which directory a Dockerfile is built from, told by the files it names (for a Dockerfile no compose file builds). */
import { posix } from 'node:path';
import { dirName, isUnder } from '../discover/classify.js';
import { pipRequirementFiles } from './command/pip.js';
import { contextSource } from './dockerfile/instruction-text.js';
import { LINES } from '../util/lines.js';

/**
 * Relative paths a Dockerfile names as files of its build context or of the source it copies: COPY/ADD sources, the
 * requirement files of `pip install -r`, and the files its CMD/ENTRYPOINT run (`python src/server.py`).
 */
function namedContextPaths(text: string): string[] {
  const out = new Set<string>();
  const lines = text.replace(/\\\r?\n/g, ' ').split(LINES);
  for (const line of lines) {
    const m = /^\s*(COPY|ADD|RUN|CMD|ENTRYPOINT)\s+(.*)$/i.exec(line);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const words = wordsOf(m[2]);
    if (keyword === 'COPY' || keyword === 'ADD') {
      if (words.some((w) => w.startsWith('--from'))) continue;
      for (const w of words.filter((x) => !x.startsWith('--')).slice(0, -1)) out.add(contextSource(w));
    } else if (keyword === 'RUN') {
      for (const args of pipInstallArgs(words)) for (const file of pipRequirementFiles(args)) out.add(file);
      for (const file of manifestsInstalled(words)) out.add(file);
    } else for (const w of words) if (/^[\w.-]+(\/[\w.-]+)*\.(py|sh)$/.test(w) && w.includes('/')) out.add(w);
  }
  return [...out]
    .map((p) => posix.normalize(p).replace(/^\.\//, '').replace(/\/$/, ''))
    .filter((p) => p !== '.' && p !== '' && !p.startsWith('/') && !p.startsWith('..') && !/[*?$[]/.test(p));
}

/** The words after each `install` (or `wheel`, `download`) of a RUN's words, up to the end of that command (`&&`, `;`, `|`). */
function pipInstallArgs(words: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    if (!['install', 'wheel', 'download'].includes(words[i])) continue;
    const args: string[] = [];
    for (const w of words.slice(i + 1)) {
      if (/^(&&|\|\|?|;)$/.test(w)) break;
      args.push(w.replace(/;$/, ''));
      if (w.endsWith(';')) break;
    }
    out.push(args);
  }
  return out;
}

/**
 * The manifest of the working directory that `poetry install` (pyproject.toml) or a bare `npm install`/`npm ci`
 * (package.json) reads; none after a `cd`, which leaves the directory COPY filled.
 */
function manifestsInstalled(words: string[]): string[] {
  const out: string[] = [];
  for (const [i, w] of words.entries()) {
    if (w === 'cd') break;
    const rest = words.slice(i + 2);
    const end = rest.findIndex((x) => /^(&&|\|\|?|;)$/.test(x));
    const args = end < 0 ? rest : rest.slice(0, end);
    if (w === 'poetry' && words[i + 1] === 'install') out.push('pyproject.toml');
    if (w === 'npm' && ['install', 'ci', 'i'].includes(words[i + 1]) && args.every((a) => a.startsWith('-')))
      out.push('package.json');
  }
  return out;
}

/** Words of a shell-form or JSON-array instruction argument, quotes dropped. */
function wordsOf(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((w): w is string => typeof w === 'string');
    } catch {
      // not JSON: read it as shell words
    }
  }
  return trimmed
    .split(/\s+/)
    .map((w) => w.replace(/^['"]|['"]$/g, ''))
    .filter(Boolean);
}

/**
 * True when the files a Dockerfile names show that its build context is its own directory, not `ancestor`: some
 * exist only under its directory and none only under the ancestor.
 */
export function contextIsOwnDirectory(
  text: string,
  dir: string,
  ancestor: string,
  exists: (path: string) => boolean,
): boolean {
  const at = (base: string, p: string) => exists(base === '.' ? p : posix.join(base, p));
  let own = false;
  for (const p of namedContextPaths(text)) {
    const inOwn = at(dir, p);
    const inAncestor = at(ancestor, p);
    if (inAncestor && !inOwn) return false;
    if (inOwn && !inAncestor) own = true;
  }
  return own;
}

/**
 * The directory a Dockerfile no build here names a context for is built from, told by the files it names: of its
 * own directory and its ancestors, the nearest holding the most of them (`docker/prod/web/Dockerfile` copying `web/`
 * and `docker/prod/web/entrypoint.sh` from the repository root); when those hold (almost) none and exactly one of
 * `projectDirs` below its directory holds them all, that one (`Dockerfile.django` at the root running
 * `./entrypoint.sh` and `poetry install` of `django/`); `fallback` (else its own directory) when none holds any.
 */
export function contextTold(
  text: string,
  dir: string,
  exists: (path: string) => boolean,
  fallback = dir,
  projectDirs: string[] = [],
): string {
  const named = namedContextPaths(text);
  const held = (base: string) => named.filter((p) => exists(base === '.' ? p : posix.join(base, p))).length;
  let best = { dir, count: held(dir) };
  for (let base = dir; base !== '.' && base !== '/' && base !== '';) {
    base = posix.dirname(base);
    const count = held(base);
    if (count > best.count) best = { dir: base, count };
  }
  if (named.length > 0 && best.count * 4 <= named.length) {
    const below = [...new Set(projectDirs)].filter((d) => d !== dir && isUnder(d, dir));
    const holding = below.filter((d) => held(d) === named.length);
    if (holding.length === 1) return holding[0];
  }
  return best.count > 0 ? best.dir : fallback;
}

/**
 * True when a Dockerfile names files of its build context (`./entrypoint.sh`, `package.json` of `npm install`) and
 * neither its own directory nor an ancestor holds any: the directory it is built from is not in the repository.
 */
export function contextUnknown(text: string, dir: string, exists: (path: string) => boolean): boolean {
  const named = namedContextPaths(text);
  if (named.length === 0) return false;
  for (let base = dir; ; base = posix.dirname(base)) {
    if (named.some((p) => exists(base === '.' ? p : posix.join(base, p)))) return false;
    if (base === '.' || base === '/' || base === '') return true;
  }
}

/**
 * The build context of a Dockerfile tied to a service that only runs its image: the one a build of the repository
 * gives it (a compose `build:`, a `docker build` in a script; of several, the one its files tell), else the one its
 * files tell, else (`COPY . .` only) the nearest directory holding manage.py, which a Dockerfile nothing builds gets.
 */
export function contextOfTied(
  dockerfile: string,
  text: string,
  exists: (path: string) => boolean,
  managePys: string[],
  builds: { dockerfile: string; contextDir: string }[],
): string {
  const dir = dirName(dockerfile);
  const project = managePys.findLast((m) => isUnder(dir, dirName(m)));
  const told = contextTold(text, dir, exists, project && dirName(project));
  const given = [...new Set(builds.filter((b) => b.dockerfile === dockerfile).map((b) => b.contextDir))];
  return given.length === 0 || given.includes(told) ? told : given[0];
}
