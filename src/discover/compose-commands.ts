/** Sets of compose files a Makefile or script runs together (`docker compose -f a.yaml -f b.yaml up`). */
import { baseName, dirName, isScript, joinPath, normalizeRelative } from './classify.js';

/** A set of compose files named together, in the order given (later files override earlier ones). */
export interface CombinedFiles {
  files: string[];
  /** The Makefile or script that names them. */
  source: string;
}

const COMPOSE_COMMAND = /\bdocker(?:-compose|\s+compose)\b/;

/**
 * The compose files each `docker compose` command of the Makefiles and scripts names with `-f`, when it names two or
 * more that exist among `composeFiles`; paths are taken from the Makefile's or script's directory, else the root.
 */
export function combinedComposeFiles(texts: Record<string, string>, composeFiles: string[]): CombinedFiles[] {
  const known = new Set(composeFiles);
  const out: CombinedFiles[] = [];
  for (const { source, named } of composeCommands(texts)) {
    if (named.length < 2) continue;
    const files = resolveAll(named, [dirName(source), '.'], known);
    if (files && !out.some((c) => c.files.join('\n') === files.join('\n'))) out.push({ files, source });
  }
  return out;
}

/** Every file the `docker compose -f` commands of the Makefiles and scripts may name, from either directory. */
export function composeFilesNamed(texts: Record<string, string>): string[] {
  return composeCommands(texts).flatMap(({ source, named }) =>
    named.flatMap((n) => [dirName(source), '.'].flatMap((d) => normalizeRelative(joinPath(d, n)) ?? [])),
  );
}

/** The `-f` arguments of each `docker compose` command in the Makefiles and scripts, with the file naming them. */
function composeCommands(texts: Record<string, string>): { source: string; named: string[] }[] {
  const out: { source: string; named: string[] }[] = [];
  for (const [source, text] of Object.entries(texts)) {
    if (baseName(source) !== 'Makefile' && !isScript(source)) continue;
    for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
      const at = COMPOSE_COMMAND.exec(line);
      const named = at ? fileArguments(line.slice(at.index + at[0].length)) : undefined;
      if (named && named.length > 0) out.push({ source, named });
    }
  }
  return out;
}

/** Global options of `docker compose` that take a value (before the subcommand). */
const VALUED =
  /^(?:-p|--project-name|--env-file|--profile|--project-directory|--ansi|--progress|--parallel)$/;

/**
 * The `-f`/`--file` arguments of one command, up to its subcommand (`logs -f` follows); undefined when one is a
 * variable.
 */
function fileArguments(rest: string): string[] | undefined {
  const words = rest
    .split(/\s*(?:;|&&|\|\||\|)\s*/)[0]!
    .trim()
    .split(/\s+/);
  const files: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let value: string | undefined;
    if (!w.startsWith('-')) break;
    if (VALUED.test(w)) i++;
    else if (w === '-f' || w === '--file') value = words[++i];
    else if (w.startsWith('--file=')) value = w.slice('--file='.length);
    else if (/^-f[^-\s]/.test(w)) value = w.slice(2);
    if (value === undefined) continue;
    value = value.replace(/^['"]|['"]$/g, '');
    if (value.includes('$')) return undefined;
    files.push(value);
  }
  return files;
}

function resolveAll(named: string[], dirs: string[], known: Set<string>): string[] | undefined {
  for (const dir of dirs) {
    const files = named.map((n) => normalizeRelative(joinPath(dir, n)));
    if (files.every((f) => f !== undefined && known.has(f))) return files as string[];
  }
  return undefined;
}
