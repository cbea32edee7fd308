/** Word-level helpers of the shell parser: `exec`, commands run as another user, `sh -c` scripts, continued lines. Pure. */
import type { ShellCommand } from './types.js';

/**
 * `su app -c ". venv/bin/activate && \<newline> python manage.py migrate"`: the string joins its continued lines, so
 * its commands are read on its first line; each is put back on the line of the written text that holds it.
 */
export function physicalLines(commands: ShellCommand[], written: string, firstLine: number): void {
  const lines = written.split('\n');
  if (lines.length < 2) return;
  let k = 0;
  for (const c of commands) {
    if (c.line !== firstLine) continue;
    const plain = c.argv.findIndex((w, i) => i > 0 && !/^[\w./=-]+$/.test(w));
    const words = c.argv.slice(0, Math.min(3, plain < 0 ? c.argv.length : plain));
    const needle = new RegExp(
      `(^|[\\s;&|("'])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}([\\s;&|)"']|$)`,
    );
    const found = lines.findIndex((l, i) => i >= k && needle.test(l));
    if (found < 0) continue;
    k = found;
    c.line = firstLine + found;
  }
}

/**
 * What a command runs as another user: the index in argv of the script of `su [-p] USER -c SCRIPT` (`runuser`,
 * `--command`), or the command of `sudo -u USER CMD`, `runuser -u USER -- CMD`; undefined for any other command.
 */
export function asUser(argv: string[]): { script?: number; argv?: string[] } | undefined {
  const p = basename(argv[0]);
  if (p === 'su' || p === 'runuser') {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-c' || a === '--command') return i + 1 < argv.length ? { script: i + 1 } : undefined;
      if (a === '--') return p === 'runuser' && i + 1 < argv.length ? { argv: argv.slice(i + 1) } : undefined;
      if (['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-u', '--user'].includes(a)) i++;
    }
    return undefined;
  }
  if (p !== 'sudo') return undefined;
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--')
    i += ['-u', '--user', '-g', '--group', '-C', '-D', '-h', '-p', '-r', '-t', '-U'].includes(argv[i])
      ? 2
      : 1;
  if (argv[i] === '--') i++;
  return i < argv.length ? { argv: argv.slice(i) } : undefined;
}

/** Index in argv of the script of `sh -c SCRIPT` (also -ec, -lc, ...), if any. */
export function inlineScriptIndex(argv: string[]): number | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--' || !a.startsWith('-')) return undefined;
    if (!a.startsWith('--') && a.includes('c')) return i + 1 < argv.length ? i + 1 : undefined;
    if (a === '-o') i++; // -o option-name
  }
  return undefined;
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `exec [-acl] [-a NAME] cmd ...` runs cmd: argv then starts after exec and its options. */
export function afterExec(words: string[]): { argv: string[]; viaExec: boolean; first: number } {
  if (words[0] !== 'exec') return { argv: words, viaExec: false, first: 0 };
  let first = 1;
  while (first < words.length && /^-[acl]+$/.test(words[first])) first += words[first].includes('a') ? 2 : 1;
  return { argv: words.slice(first), viaExec: true, first };
}
