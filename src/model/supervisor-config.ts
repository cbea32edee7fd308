/** supervisord's configuration: the programs it starts (`[program:x]`, `[fcgi-program:x]` with `command=`). */
import { posix } from 'node:path';
import { parseShell } from '../parse/shell.js';
import type { SupervisorProgram } from './types/project.js';
import { LINES } from '../util/lines.js';

/** Whether argv starts supervisord, and the configuration file it names with -c (undefined: its default search). */
export function supervisordRun(argv: string[]): { config?: string } | undefined {
  const words = argv[0] === 'exec' ? argv.slice(1) : argv;
  if (!/(^|\/)supervisord$/.test(words[0] ?? '')) return undefined;
  for (let i = 1; i < words.length; i++) {
    if (words[i] === '-c' || words[i] === '--configuration') return { config: words[i + 1] };
    const m = /^(?:-c|--configuration=)(.+)$/.exec(words[i]);
    if (m) return { config: m[1] };
  }
  return {};
}

/**
 * The image paths, as glob patterns, that the `[include]` section's `files=` of a supervisord configuration loads
 * (`files = /etc/supervisor/conf.d/*.conf`), a relative one resolved against the directory of the including file.
 */
export function supervisorIncludes(text: string, imagePath: string): string[] {
  let inInclude = false;
  for (const raw of text.split(LINES)) {
    const line = raw.replace(/(^|\s)[;#].*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      inInclude = header[1].trim() === 'include';
      continue;
    }
    const files = inInclude ? /^\s*files\s*[=:]\s*(.*\S)\s*$/.exec(line) : undefined;
    if (files)
      return files[1]
        .split(/\s+/)
        .filter((f) => !f.includes('%('))
        .map((f) => posix.resolve(posix.dirname(imagePath), f));
  }
  return [];
}

/** Whether an image path matches a supervisord include pattern (fnmatch: `*`, `?`, `[…]`). */
export function matchesInclude(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The `[program:x]` and `[fcgi-program:x]` sections of a supervisord configuration and their commands (continuation
 * lines joined), with the `directory=` each is started in, its `user=` and its `numprocs=`.
 */
export function supervisorPrograms(file: string, text: string): SupervisorProgram[] {
  const out: SupervisorProgram[] = [];
  // `user=app` of a section, whether it comes before or after its `command=`.
  const users = new Map<string, { user: string; line: number }>();
  const counts = new Map<string, number>();
  // Where the program's output goes (`stdout_logfile=`, `stderr_logfile=`, `redirect_stderr=`), before or after `command=`.
  const output = new Map<
    string,
    Pick<SupervisorProgram, 'stdoutLogfile' | 'stderrLogfile' | 'redirectStderr'>
  >();
  let program: string | undefined;
  let kind: 'program' | 'fcgi-program' = 'program';
  let last: SupervisorProgram | undefined;
  let directory: string | undefined;
  const section: SupervisorProgram[] = [];
  // `directory=` may come before or after `command=` in the section.
  const closeSection = () => {
    if (directory !== undefined) for (const p of section) p.directory = directory;
    section.length = 0;
    directory = undefined;
  };
  text.split(LINES).forEach((raw, i) => {
    const line = raw.replace(/\s[;#].*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      closeSection();
      const named = /^(program|fcgi-program):(.+)$/.exec(header[1].trim());
      program = named?.[2].trim();
      kind = named?.[1] === 'fcgi-program' ? 'fcgi-program' : 'program';
      last = undefined;
      return;
    }
    if (last && /^\s+\S/.test(line) && !/^\s*[\w.-]+\s*[=:]/.test(line)) {
      last.command = `${last.command} ${line.trim()}`;
      last.argv = commandWords(last.command);
      return;
    }
    last = undefined;
    const user = /^\s*user\s*[=:]\s*(\S+)\s*$/.exec(line);
    if (program && user) users.set(program, { user: user[1], line: i + 1 });
    const logfile = /^\s*(stdout|stderr)_logfile\s*[=:]\s*(\S+)\s*$/.exec(line);
    const redirect = /^\s*redirect_stderr\s*[=:]\s*(\S+)\s*$/.exec(line);
    if (program && (logfile || redirect)) {
      const o = output.get(program) ?? {};
      if (logfile)
        o[logfile[1] === 'stdout' ? 'stdoutLogfile' : 'stderrLogfile'] = { line: i + 1, value: logfile[2] };
      // supervisord's booleans: true, yes, on, 1
      if (redirect) o.redirectStderr = /^(true|yes|on|1)$/i.test(redirect[1]);
      output.set(program, o);
    }
    const numprocs = /^\s*numprocs\s*[=:]\s*(\d+)\s*$/.exec(line);
    if (program && numprocs) counts.set(program, Number(numprocs[1]));
    const dir = /^\s*directory\s*[=:]\s*(\S.*?)\s*$/.exec(line);
    if (program && dir && !dir[1].includes('%(')) directory = dir[1];
    const m = /^\s*command\s*[=:]\s*(.*)$/.exec(line);
    if (!program || !m || m[1].trim() === '') return;
    last = { file, line: i + 1, name: program, command: m[1].trim(), argv: commandWords(m[1]) };
    if (kind === 'fcgi-program') last.section = kind;
    out.push(last);
    section.push(last);
  });
  for (const p of out) {
    const user = users.get(p.name);
    if (user) {
      p.user = user.user;
      p.userLine = user.line;
    }
    Object.assign(p, output.get(p.name));
    const count = counts.get(p.name);
    if (count !== undefined && count > 1) p.numprocs = count;
  }
  closeSection();
  return out;
}

/**
 * The programs of the files of one supervisord configuration (the file -c names and those its [include] loads), each
 * with the `user=` of its `[supervisord]` section, the user supervisord switches to before it starts them.
 */
export function configurationPrograms(files: string[], texts: Record<string, string>): SupervisorProgram[] {
  const read = files.filter((file) => file in texts);
  const daemonUser = read.map((file) => supervisordUser(file, texts[file]!)).find((u) => u !== undefined);
  return read
    .flatMap((file) => supervisorPrograms(file, texts[file]!))
    .map((p) => (daemonUser ? { ...p, daemonUser } : p));
}

/** The `user=` of the `[supervisord]` section of a configuration file, with its line. */
function supervisordUser(file: string, text: string): SupervisorProgram['daemonUser'] {
  let inDaemon = false;
  const lines = text.split(LINES);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/(^|\s)[;#].*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) inDaemon = header[1]!.trim() === 'supervisord';
    const user = inDaemon ? /^\s*user\s*[=:]\s*(\S+)\s*$/.exec(line) : undefined;
    if (user) return { user: user[1]!, file, line: i + 1 };
  }
  return undefined;
}

/** supervisord splits a command like a shell (shlex), without running one. */
function commandWords(command: string): string[] {
  // supervisord expands `%(process_num)d` before it splits: kept as one word, without the parentheses a shell reads.
  const expanded = command.trim().replace(/%\((\w+)\)[sd]/g, '%$1%');
  return parseShell(expanded).commands[0]?.argv ?? [];
}
