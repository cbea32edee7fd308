import type { DockerignoreModel } from './types.js';
import { LINES } from '../util/lines.js';

/**
 * `.dockerignore` text → patterns, as Docker reads them (moby/patternmatcher ignorefile.ReadAll): a line starting
 * with `#` is a comment, lines are trimmed, `!` negates, paths are cleaned (`./a/` → `a`) and a leading `/` dropped.
 */
export function parseDockerignore(file: string, text: string): DockerignoreModel {
  const patterns: DockerignoreModel['patterns'] = [];
  const lines = text.replace(/^\uFEFF/, '').split(LINES);
  lines.forEach((raw, i) => {
    if (raw.startsWith('#')) return;
    let pattern = raw.trim();
    if (pattern === '') return;
    const negated = pattern.startsWith('!');
    if (negated) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push({ pattern, negated, line: i + 1 });
  });
  return { file, patterns };
}

/** Go's path.Clean, enough for patterns: collapses `//`, `.` and `..` segments, drops a trailing `/`. */
function cleanPath(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(seg);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** One pattern → a RegExp with Docker's semantics (`*` and `?` within a segment, `**` across, `[...]` classes). */
export function compilePattern(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++; // `**/` is treated as `**`
        if (i + 1 >= pattern.length) re += '.*';
        else re += '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return /(?!)/; // Go reports ErrBadPattern; Docker then matches nothing with it
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\(?!.)/g, '\\\\')}]`;
      i = end;
    } else if (ch === '\\') {
      i++;
      if (i < pattern.length) re += escapeRegExp(pattern[i]);
    } else re += escapeRegExp(ch);
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /(?!)/;
  }
}

function escapeRegExp(ch: string): string {
  return /[.+^${}()|[\]\\*?/]/.test(ch) ? `\\${ch}` : ch;
}

/** A compiled `.dockerignore`: `excludes(path)` says whether Docker leaves the file (or directory) out of the context. */
export class DockerignoreMatcher {
  private readonly rules: { re: RegExp; negated: boolean }[];

  constructor(model: DockerignoreModel | undefined) {
    this.rules = (model?.patterns ?? [])
      .filter((p) => p.pattern !== '')
      .map((p) => ({ re: compilePattern(p.pattern), negated: p.negated }));
  }

  /** Last matching pattern wins; a pattern matching a parent directory matches everything below it. */
  excludes(path: string): boolean {
    const parents = path.split('/');
    parents.pop();
    let excluded = false;
    for (const rule of this.rules) {
      let match = rule.re.test(path);
      for (let i = 1; !match && i <= parents.length; i++) match = rule.re.test(parents.slice(0, i).join('/'));
      if (match) excluded = !rule.negated;
    }
    return excluded;
  }

  /** Whether the last pattern matching `path` itself is a `!` exception: the file is let in on purpose. */
  letsInOnPurpose(path: string): boolean {
    const last = this.rules.findLast((rule) => rule.re.test(path));
    return last?.negated === true;
  }
}

/** The files of `files` (relative to the context) that Docker sends with the build. */
export function sentFiles(files: string[], model: DockerignoreModel | undefined): string[] {
  if (!model || model.patterns.length === 0) return files;
  const matcher = new DockerignoreMatcher(model);
  return files.filter((f) => !matcher.excludes(f));
}
