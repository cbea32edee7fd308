/** The exec form a shell-form CMD/ENTRYPOINT can safely be rewritten as, shared by TF0901's message and fixer. */
import { posix } from 'node:path';
import type { CommandInstr } from '../../model/types/dockerfile.js';
import type { EntrypointScript } from '../../model/types/project.js';

/**
 * The argv of the exec form for a shell-form instruction of one command: `["sh", "-c", "exec …"]` when a variable
 * must expand, `["sh", script]` for a script without a `#!` line (run directly it fails with "exec format error");
 * undefined when the text is no plain word list (a botched JSON array) or runs several commands.
 */
export function execFormArgv(
  instr: CommandInstr,
  scripts: EntrypointScript[],
  workdir: string,
): string[] | undefined {
  const commands = instr.script?.commands ?? [];
  if (commands.length !== 1 || !isPlainWordList(instr.raw, commands[0].argv)) return undefined;
  const argv = commands[0].argv;
  if (shellBuiltin(argv)) return undefined;
  // `CMD DJANGO_ENV=prod gunicorn …`: the assignments reach the server through env (`exec X=1 cmd` runs `X=1`)
  const env = commands[0].env ?? [];
  if (argv.some((a) => a.includes('$')) || env.some((a) => !a.literal))
    return ['sh', '-c', `exec ${env.length > 0 ? 'env ' : ''}${instr.raw.trim()}`];
  if (env.length > 0) return ['env', ...env.map((a) => `${a.name}=${a.value}`), ...argv];
  if (scriptAt(argv[0], scripts, workdir)?.noShebang) return ['sh', ...argv];
  return argv;
}

/** Builtins that exist only inside a shell: no program of that name for an exec form to run (`.`, `cd`, `export`). */
const BUILTINS = new Set([
  '.',
  'source',
  'cd',
  'export',
  'set',
  'unset',
  'eval',
  'alias',
  'shift',
  'trap',
  'ulimit',
  'umask',
  'readonly',
  'return',
  'exit',
  'wait',
]);

/** The shell builtin a command starts with, when it is one. */
export function shellBuiltin(argv: string[]): string | undefined {
  return argv[0] !== undefined && BUILTINS.has(argv[0]) ? argv[0] : undefined;
}

/** Whether a shell-form text is an array written as JSON but not valid JSON (`CMD ['python', 'app.py']`). */
export function looksLikeArray(raw: string): boolean {
  return raw.trim().startsWith('[');
}

/**
 * The JSON array and the text after it, when a shell-form text is a valid array of strings followed by more
 * (`["gunicorn", "app.wsgi"] # start`): Docker's default builder runs the whole line with /bin/sh -c.
 */
export function arrayWithTrailingText(raw: string): { array: string[]; rest: string } | undefined {
  const t = raw.trim();
  if (!t.startsWith('[')) return undefined;
  for (let end = t.indexOf(']'); end >= 0; end = t.indexOf(']', end + 1)) {
    let v: unknown;
    try {
      v = JSON.parse(t.slice(0, end + 1));
    } catch {
      continue;
    }
    const rest = t.slice(end + 1).trim();
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string') || !rest) return undefined;
    return { array: v as string[], rest };
  }
  return undefined;
}

/** Words a shell splits as written: no bracket, quote left over, or trailing comma from a botched JSON array. */
function isPlainWordList(raw: string, argv: string[]): boolean {
  return !looksLikeArray(raw) && argv.length > 0 && argv.every((w) => !/[[\]'"]|,$/.test(w));
}

/**
 * The one start script of the image a shell-form text runs (`chmod +x /srv/run.sh && /srv/run.sh`, `sh run.sh`), its
 * words resolved against the WORKDIR (`resolve` expands their variables); undefined when it runs none or several.
 */
export function scriptRunByText(
  raw: string,
  scripts: EntrypointScript[],
  workdir: string,
  resolve: (word: string) => string | undefined = (word) => word,
): EntrypointScript | undefined {
  const found = new Set<EntrypointScript>();
  for (const written of raw.split(/[\s;&|"'()`]+/)) {
    const word = written && !written.startsWith('-') ? resolve(written) : undefined;
    if (!word) continue;
    const script = scriptAt(word, scripts, workdir);
    if (script) found.add(script);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The exec form that runs a script: directly, or with sh when it has no `#!` line. */
export function scriptExecForm(script: EntrypointScript): string[] {
  return script.noShebang ? ['sh', script.imagePath] : [script.imagePath];
}

function scriptAt(word: string, scripts: EntrypointScript[], workdir: string): EntrypointScript | undefined {
  const path = word.includes('/') ? posix.resolve(workdir, word) : undefined;
  return scripts.find((s) =>
    path ? posix.normalize(s.imagePath) === path : posix.basename(s.imagePath) === word,
  );
}
