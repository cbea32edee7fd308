/** A command a start script runs only on a container's first start: under a test for a marker file it then creates. */
import { posix } from 'node:path';
import type { ShellCommand, ShellCondition } from '../../model/types/shell.js';
import type { App } from '../../model/types/project.js';

/** The marker file a guard tests for absence: `[ ! -e X ]`, `! [ -f X ]`. */
function absentMarker(guard: ShellCondition): string | undefined {
  if (
    guard.kind === 'test' &&
    guard.words.length === 3 &&
    guard.words[0] === '!' &&
    /^-[ef]$/.test(guard.words[1])
  )
    return guard.words[2];
  if (guard.kind === 'not' && guard.condition.kind === 'test') {
    const w = guard.condition.words;
    if (w.length === 2 && /^-[ef]$/.test(w[0])) return w[1];
  }
  return undefined;
}

/** The command runs under a marker-file guard whose branch creates that marker (`touch X`). */
function underFirstStartGuard(command: ShellCommand, commands: ShellCommand[]): boolean {
  return (command.guards ?? []).some((g) => {
    const marker = absentMarker(g);
    return (
      marker !== undefined &&
      commands.some(
        (c) =>
          c.argv[0] === 'touch' &&
          // The guard keeps `$MARKER` as written; the command's words resolve it, `written` keeps it too.
          [...c.argv, ...(c.written ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'))].includes(marker) &&
          (c.guards ?? []).includes(g),
      )
    );
  });
}

/**
 * Every start-script command that runs `file` (a repository path) sits under a first-start guard: the file runs on a
 * container's first start, not on every start. False when no script names the file.
 */
export function runsOnFirstStartOnly(app: App, file: string): boolean {
  const base = posix.basename(file);
  const runs = app.entrypointScripts.flatMap((s) =>
    s.script.commands
      .filter((c) => c.argv.some((a) => a === file || a === base || a.endsWith(`/${base}`)))
      .map((c) => ({ c, commands: s.script.commands })),
  );
  return runs.length > 0 && runs.every(({ c, commands }) => underFirstStartGuard(c, commands));
}
