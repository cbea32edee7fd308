/** Sets of compose files a Makefile or script runs together (`docker compose -f a.yaml -f b.yaml up`). */
import { dirName, isMakefile, isScript, joinPath, normalizeRelative } from './classify.js';
import { LINES } from '../util/lines.js';

/** A set of compose files named together, in the order given (later files override earlier ones). */
export interface CombinedFiles {
  files: string[];
  /** The Makefile or script that names them. */
  source: string;
}

const COMPOSE_COMMAND = /\bdocker(?:-compose|\s+compose)\b/;

/**
 * The compose files each `docker compose` command of the Makefiles and scripts (and of `documented`: the README's
 * commands, by README) names with `-f`, when it names two or more that exist among `composeFiles`; paths are taken
 * from the Makefile's or script's directory, else the root.
 */
export function combinedComposeFiles(
  texts: Record<string, string>,
  composeFiles: string[],
  documented: Record<string, string> = {},
): CombinedFiles[] {
  const known = new Set(composeFiles);
  const out: CombinedFiles[] = [];
  for (const { source, named } of composeCommands(texts, documented)) {
    if (named.length < 2) continue;
    const files = resolveAll(named, [dirName(source), '.'], known);
    if (files && !out.some((c) => c.files.join('\n') === files.join('\n'))) out.push({ files, source });
  }
  return out;
}

/**
 * The compose files a `docker compose -f FILE` command of the Makefiles and scripts runs on their own (one `-f`),
 * resolved among `composeFiles` from the command's directory, else the root.
 */
export function composeFilesRunAlone(texts: Record<string, string>, composeFiles: string[]): string[] {
  const known = new Set(composeFiles);
  return composeCommands(texts).flatMap(({ source, named }) =>
    named.length === 1 ? (resolveAll(named, [dirName(source), '.'], known) ?? []) : [],
  );
}

/** Every file the `docker compose -f` commands of the Makefiles and scripts may name, from either directory. */
export function composeFilesNamed(texts: Record<string, string>): string[] {
  return composeCommands(texts).flatMap(({ source, named }) =>
    named.flatMap((n) => [dirName(source), '.'].flatMap((d) => normalizeRelative(joinPath(d, n)) ?? [])),
  );
}

/** Every file the `docker compose --env-file` options of the Makefiles and scripts may name, from either directory. */
export function composeEnvFilesNamed(texts: Record<string, string>): string[] {
  return composeCommands(texts).flatMap(({ source, envFiles }) =>
    envFiles.flatMap((n) => [dirName(source), '.'].flatMap((d) => normalizeRelative(joinPath(d, n)) ?? [])),
  );
}

/**
 * The env files the `docker compose --env-file X` commands of the Makefiles and scripts interpolate with, per set of
 * compose files they run (`-f` files resolved among `composeFiles`; none named: the default file of the command's
 * directory or the root, as `defaultFiles` gives it). Paths are taken from the command's directory, else the root.
 */
export function composeEnvFiles(
  texts: Record<string, string>,
  composeFiles: string[],
  defaultFiles: (dir: string) => string[] | undefined,
): { files: string[]; envFiles: string[]; source: string }[] {
  const known = new Set(composeFiles);
  const out: { files: string[]; envFiles: string[]; source: string }[] = [];
  for (const { source, named, envFiles } of composeCommands(texts)) {
    if (envFiles.length === 0) continue;
    const dirs = [dirName(source), '.'];
    const files =
      named.length > 0
        ? resolveAll(named, dirs, known)
        : dirs.map(defaultFiles).find((f) => f !== undefined && f.length > 0);
    const env = envFiles.map((e) =>
      dirs.map((d) => normalizeRelative(joinPath(d, e))).find((p) => p && p in texts),
    );
    if (!files || env.some((e) => e === undefined)) continue;
    out.push({ files, envFiles: env as string[], source });
  }
  return out;
}

/** The `-f` and `--env-file` arguments of each `docker compose` command in the Makefiles and scripts. */
function composeCommands(
  texts: Record<string, string>,
  documented: Record<string, string> = {},
): { source: string; named: string[]; envFiles: string[] }[] {
  const out: { source: string; named: string[]; envFiles: string[] }[] = [];
  for (const [source, text] of [...Object.entries(texts), ...Object.entries(documented)]) {
    const makefile = isMakefile(source);
    if (!makefile && !isScript(source) && !(source in documented)) continue;
    const lines = text.replace(/\\\r?\n/g, ' ').split(LINES);
    const expand = makefile ? makeExpander(lines) : (l: string) => l;
    for (const written of lines) {
      const line = expand(written);
      const at = COMPOSE_COMMAND.exec(line);
      const args = at ? globalArguments(line.slice(at.index + at[0].length)) : undefined;
      if (args && (args.named.length > 0 || args.envFiles.length > 0)) out.push({ source, ...args });
    }
  }
  return out;
}

// An assignment may be indented with spaces (inside `ifeq`); a tab starts a recipe line.
const MAKE_ASSIGNMENT = /^ *([A-Za-z_][A-Za-z0-9_.-]*)\s*(::?=|\?=|=)\s*(.*?)\s*$/;
// `$${X}` is the shell's variable, written for make.
const MAKE_REFERENCE = /(?<!\$)\$(?:\(([A-Za-z_][A-Za-z0-9_.-]*)\)|\{([A-Za-z_][A-Za-z0-9_.-]*)\})/g;
/** Options whose value an unset make variable would leave empty: the command is then declined, not misread. */
const TAKES_VALUE = /^(?:-f|--file|--env-file|-p|--project-name|--profile|--project-directory)$/;

/**
 * Expands the Makefile's own variables in a recipe line (`${DC} -f ${APP_FILE} up` with `DC = docker compose`), as
 * make does; a variable the Makefile does not set is empty, unless it is an option's value (then left as written).
 */
function makeExpander(lines: string[]): (line: string) => string {
  const vars = new Map<string, string>();
  for (const line of lines) {
    if (line.startsWith('\t')) continue;
    const m = MAKE_ASSIGNMENT.exec(line.replace(/\s+#.*$/, ''));
    if (m && !(m[2] === '?=' && vars.has(m[1]!))) vars.set(m[1]!, m[3]!);
  }
  const once = (word: string, previous: string | undefined): string =>
    word.replace(MAKE_REFERENCE, (ref, a?: string, b?: string) => {
      const value = vars.get((a ?? b)!);
      if (value !== undefined) return value;
      return ref === word && !(previous && TAKES_VALUE.test(previous)) ? '' : ref;
    });
  return (line) => {
    if (!line.startsWith('\t') || !line.includes('$')) return line;
    let out = line;
    // Variables may name variables (`APP = ${DIR}/app.yaml`): a few rounds settle them.
    for (let round = 0; round < 4 && out.search(MAKE_REFERENCE) >= 0; round++) {
      const words = out.split(/(\s+)/);
      let previous: string | undefined;
      out = words
        .map((w) => {
          const expanded = once(w, previous);
          if (w.trim()) previous = w;
          return expanded;
        })
        .join('');
    }
    return out;
  };
}

/** Global options of `docker compose` that take a value (before the subcommand). */
const VALUED = /^(?:-p|--project-name|--profile|--project-directory|--ansi|--progress|--parallel)$/;

/**
 * The `-f`/`--file` and `--env-file` arguments of one command, up to its subcommand (`logs -f` follows); undefined
 * when one is a variable.
 */
function globalArguments(rest: string): { named: string[]; envFiles: string[] } | undefined {
  const words = rest
    .split(/\s*(?:;|&&|\|\||\|)\s*/)[0]!
    .trim()
    .split(/\s+/);
  const named: string[] = [];
  const envFiles: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let value: string | undefined;
    let into = named;
    if (!w.startsWith('-')) break;
    if (VALUED.test(w)) i++;
    else if (w === '-f' || w === '--file') value = words[++i];
    else if (w.startsWith('--file=')) value = w.slice('--file='.length);
    else if (/^-f[^-\s]/.test(w)) value = w.slice(2);
    else if (w === '--env-file') [value, into] = [words[++i], envFiles];
    else if (w.startsWith('--env-file=')) [value, into] = [w.slice('--env-file='.length), envFiles];
    if (value === undefined) continue;
    value = value.replace(/^['"]|['"]$/g, '');
    if (value.includes('$')) return undefined;
    into.push(value);
  }
  return { named, envFiles };
}

function resolveAll(named: string[], dirs: string[], known: Set<string>): string[] | undefined {
  for (const dir of dirs) {
    const files = named.map((n) => normalizeRelative(joinPath(dir, n)));
    if (files.every((f) => f !== undefined && known.has(f))) return files as string[];
  }
  return undefined;
}
