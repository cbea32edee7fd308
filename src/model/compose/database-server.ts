/** Whether a database-image service still runs its database server, or only uses the image as a client. Pure. */
import { parseShell } from '../../parse/shell.js';
import { basename } from '../command/servers.js';
import type { ComposeService } from '../types/compose.js';
import { publishedRole, pullsBeforeBuild } from './images.js';
import { commandsOf, scriptFile, scriptWords } from './start-scripts.js';

/** Programs that start (or hand over to what starts) a database server in the official images. */
const SERVER_PROGRAMS = new Set([
  'docker-entrypoint.sh',
  'docker-entrypoint',
  'postgres',
  'postmaster',
  'pg_ctl',
  'pg_ctlcluster',
  'mysqld',
  'mysqld_safe',
  'mariadbd',
  'mariadbd-safe',
]);
/** Words before the program that only wrap it. */
const WRAPPERS = new Set(['exec', 'tini', '--', 'dumb-init', 'nohup', 'env']);

/** The program an argv runs, past wrappers, `gosu USER`/`su-exec USER` and VAR=value assignments. */
function programOf(argv: string[]): string | undefined {
  let k = 0;
  for (;;) {
    const word = argv[k];
    if (word === undefined) return undefined;
    const name = basename(word);
    if (WRAPPERS.has(name) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) k++;
    else if (name === 'gosu' || name === 'su-exec') k += 2;
    else return name;
  }
}

/** What a list of commands says of the server: started, handed to `"$@"` (unknown), or not started. */
type Verdict = 'server' | 'unknown' | 'none';

/**
 * Follows commands and the scripts of the repository they run: a server program anywhere, or a script that is not
 * here or hands over to its arguments, means the server may run.
 */
function verdictOf(
  argvs: string[][],
  dirs: string[],
  texts: Record<string, string>,
  seen: Set<string>,
): Verdict {
  let verdict: Verdict = 'none';
  for (const argv of argvs) {
    const program = programOf(argv);
    if (program === undefined) continue;
    if (SERVER_PROGRAMS.has(program)) return 'server';
    if (argv.some((w) => w.includes('$@') || w.includes('$*'))) verdict = 'unknown';
    for (const word of scriptWords(argv)) {
      if (!/\.sh$|\//.test(word)) continue;
      const file = scriptFile(word, dirs, texts);
      if (!file) {
        // A script the repository does not hold may start the server; a binary (/usr/bin/pg_dump) is its name.
        if (/\.sh$/.test(word) || word.startsWith('./')) verdict = 'unknown';
        continue;
      }
      if (seen.has(file)) continue;
      seen.add(file);
      const inner = verdictOf(
        parseShell(texts[file]).commands.map((c) => c.argv),
        dirs,
        texts,
        seen,
      );
      if (inner === 'server') return 'server';
      if (inner === 'unknown') verdict = 'unknown';
    }
  }
  return verdict;
}

/**
 * True when a service pulling a PostgreSQL/MySQL/MariaDB image replaces what it starts with a client program: its
 * `entrypoint:` (or, under the official entrypoint, a `command:` that is neither the server nor its flags) runs
 * something else (a pg_dump backup loop), and no script it runs starts the server or hands over to its arguments.
 */
export function runsNoDatabaseServer(service: ComposeService, texts: Record<string, string>): boolean {
  if (!['postgres', 'mysql', 'mariadb'].includes(service.role)) return false;
  // A build that compose runs is not the official image: its entrypoint is its Dockerfile's.
  if (service.build && !(pullsBeforeBuild(service) && publishedRole(service.image!.repository) !== 'other'))
    return false;
  const { entrypoint, command } = service;
  if (!entrypoint && !command) return false;
  const argvs = [...(entrypoint ? commandsOf(entrypoint) : []), ...(command ? commandsOf(command) : [])];
  // Under the official entrypoint, a command that starts with a flag is the server's options.
  if (!entrypoint && (argvs[0]?.[0] ?? '-').startsWith('-')) return false;
  const dirs = [...service.volumes.flatMap((v) => (v.type === 'bind' && v.source ? [v.source] : [])), '.'];
  return verdictOf(argvs, dirs, texts, new Set()) === 'none';
}
