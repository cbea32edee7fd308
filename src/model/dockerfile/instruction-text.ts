/** Readings of an instruction's raw argument text: exec-form arrays, leading flags, declared names' lines. */
import { posix } from 'node:path';
import { splitWords, type DockerfileInstruction } from '../../parse/dockerfile.js';

/**
 * The string array of an exec-form (JSON) argument list, or undefined for shell form. The whole text must be one JSON
 * array of strings: text after the array (`["gunicorn", "app.wsgi"] # start`) makes it shell form, as BuildKit's
 * Dockerfile frontend 1.10+ (Docker's default builder) reads it; the legacy builder of Docker 20.10 took the first
 * array and dropped the rest.
 */
export function jsonArray(args: string): string[] | undefined {
  const t = args.trim();
  if (!t.startsWith('[')) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return undefined;
  }
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

/** Leading `--flag[=value]` words of RUN/COPY/ADD, and the text after them. */
export function takeFlags(args: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let rest = args.trimStart();
  for (;;) {
    if (!rest.startsWith('--')) break;
    const word = splitWords(rest, escape)[0];
    if (!word) break;
    flags.push(word);
    rest = rest.slice(word.length).trimStart();
  }
  return { flags, rest };
}

/** Blanks RUN's leading flags (--mount=..., --network=...) in the shell text, keeping every line and column. */
export function blankFlags(shellText: string): string {
  let out = shellText;
  let i = 0;
  for (;;) {
    while (i < out.length && (/\s/.test(out[i]) || (out[i] === '\\' && out[i + 1] === '\n'))) i++;
    if (!out.startsWith('--', i)) return out;
    let j = i;
    let quote: string | undefined;
    while (j < out.length && (quote || !/\s/.test(out[j]))) {
      if (quote && out[j] === quote) quote = undefined;
      else if (!quote && (out[j] === '"' || out[j] === "'")) quote = out[j];
      j++;
    }
    if (out[j - 1] === '\\' && out[j] === '\n') j--; // the continuation escape stays
    out = out.slice(0, i) + out.slice(i, j).replace(/[^\n]/g, ' ') + out.slice(j);
    i = j;
  }
}

/**
 * File lines of the names an instruction declares (ENV, ARG), each looked for where the previous one was found and
 * no further than `slack` characters on: one pass over the arguments however many names a line holds.
 */
export class NameLines {
  private at = 0;
  private line: number;

  constructor(private readonly instr: DockerfileInstruction) {
    this.line = instr.argsLine;
  }

  /** The line of `name`, or the instruction's line when it is not found (an escaped or quoted name). */
  next(name: string, slack: number): number {
    const text = this.instr.shellText;
    const found = text.slice(this.at, this.at + name.length + slack).indexOf(name);
    if (found < 0 || name === '') return this.instr.line;
    for (let i = this.at; i < this.at + found; i++) if (text.charCodeAt(i) === 10) this.line++;
    this.at += found;
    return this.line;
  }
}

/** How far past the previous name the next one may be: its value, the separators and continuation lines. */
export const nameSlack = (previousValue: string | undefined) => 4096 + 2 * (previousValue?.length ?? 0);

export function normalizeKeepSlash(p: string): string {
  const n = posix.normalize(p);
  return n.length > 1 && n.endsWith('/') && !p.endsWith('/') ? n.slice(0, -1) : n;
}

/**
 * A COPY/ADD source of the build context as BuildKit reads it: cleaned as a path under the context root, so a `..`
 * that would leave the context stops at its root (`./../src` is the context's `src`). Sources without `..` are kept
 * as written; the legacy builder refuses such a source instead, BuildKit (the default builder) takes it so.
 */
export function contextSource(source: string): string {
  if (!source.split('/').includes('..') || /^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  const clean = posix.normalize(`/${source}`).slice(1);
  if (clean === '' || clean === '/') return '.';
  return source.endsWith('/') && !clean.endsWith('/') ? `${clean}/` : clean;
}

export function printable(s: string): string {
  const clean = s.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
