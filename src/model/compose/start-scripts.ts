/** Whether a compose service starts the Django server through a script of the repository. Pure. */
import { joinPath, normalizeRelative } from '../../discover/classify.js';
import { parseShell } from '../../parse/shell.js';
import { basename, SHELLS } from '../command/servers.js';
import type { ComposeCommand, ComposeService } from '../types/compose.js';

/** A script line that starts a Django server (the dev server or a WSGI/ASGI server). */
const STARTS_SERVER = /manage\.py["']?\s+runserver|\b(gunicorn|uwsgi|daphne|uvicorn|hypercorn)\b/;
const WRAPPERS = new Set(['exec', 'tini', '/tini', '--', '/usr/bin/tini', 'dumb-init', '/usr/bin/dumb-init']);

/**
 * True when the service's command or entrypoint runs a script of the repository (`command: ./scripts/start.sh`,
 * `sh wait_for_postgres.sh`) that starts a Django server, itself or through a script it runs. The script is looked
 * up beside the build context and the compose file, else as the one file of the tree whose path ends the same way.
 */
export function runsServerScript(
  service: ComposeService,
  texts: Record<string, string>,
  projectDir: string,
): boolean {
  const dirs = [service.build?.context, projectDir].filter((d): d is string => d !== undefined);
  const commands = [service.entrypoint, service.command].flatMap((c) => (c ? commandsOf(c) : []));
  // `entrypoint: ["/bin/sh", "-c"]` + `command: ["<script>"]`: the words only make a command together.
  if (service.entrypoint?.argv && service.command?.argv)
    commands.push(
      ...commandsOf({ ...service.command, argv: [...service.entrypoint.argv, ...service.command.argv] }),
    );
  const seen = new Set<string>();
  for (let k = 0; k < commands.length && k < 50; k++) {
    for (const word of scriptWords(commands[k])) {
      const file = scriptFile(word, dirs, texts);
      if (!file || seen.has(file)) continue;
      seen.add(file);
      const text = texts[file];
      if (STARTS_SERVER.test(text)) return true;
      commands.push(...parseShell(text).commands.map((c) => c.argv));
    }
  }
  return false;
}

function commandsOf(c: ComposeCommand): string[][] {
  const argvs = c.argv ? [c.argv] : (c.script?.commands.map((x) => x.argv) ?? []);
  const out: string[][] = [];
  for (const argv of argvs) {
    out.push(argv);
    const flag = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (SHELLS.has(basename(argv[0] ?? '')) && flag > 0 && argv[flag + 1])
      out.push(...parseShell(argv[flag + 1]).commands.map((x) => x.argv));
  }
  return out;
}

/** The words of a command that may name a script: the program, or the file a shell runs. */
function scriptWords(argv: string[]): string[] {
  let k = 0;
  while (WRAPPERS.has(argv[k])) k++;
  const cmd = argv[k];
  if (cmd === undefined) return [];
  if (SHELLS.has(basename(cmd))) {
    const rest = argv.slice(k + 1);
    if (rest.some((a) => /^-[a-z]*c[a-z]*$/.test(a))) return [];
    return rest.filter((a) => !a.startsWith('-')).slice(0, 1);
  }
  // `wait-for-it.sh db:5432 -- ./start.sh`: the waiter runs the command after `--` once the port answers.
  const dashes = argv.indexOf('--', k + 1);
  return dashes > 0 ? [cmd, ...scriptWords(argv.slice(dashes + 1))] : [cmd];
}

function scriptFile(word: string, dirs: string[], texts: Record<string, string>): string | undefined {
  if (word.includes('$') || /\.py$/.test(word) || !/\.sh$|\//.test(word)) return undefined;
  const tail = normalizeRelative(word.replace(/^\/+/, ''));
  if (!tail || tail === '.') return undefined;
  if (!word.startsWith('/')) {
    for (const dir of dirs) {
      const file = normalizeRelative(joinPath(dir, tail));
      if (file && file in texts) return file;
    }
  }
  // `/app/scripts/start.sh` in the image: the file of the tree whose path ends the same way, if only one does.
  const parts = tail.split('/');
  for (let i = 0; i < parts.length; i++) {
    const suffix = parts.slice(i).join('/');
    const matches = Object.keys(texts).filter((f) => f === suffix || f.endsWith(`/${suffix}`));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined;
  }
  return undefined;
}
