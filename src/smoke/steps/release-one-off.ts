import { oneOffScript } from '../containers.js';
import type { DockerExecResult } from '../docker.js';
import type { EngineContext } from '../engine-context.js';
import { tail } from '../redact.js';
import { RELEASE_SCRIPT, releaseArgs, splitRelease, type ReleaseStep } from '../release.js';
import type { RunState } from '../run-state.js';

/** One command's part of the release one-off, with its duration measured inside the container when it ended. */
export type ReleaseOutcome = DockerExecResult & { durationMs?: number; finished?: boolean };

export interface ReleaseParts {
  check: ReleaseOutcome;
  migrate: ReleaseOutcome;
  write: ReleaseOutcome;
}

/**
 * Starts the engine's release one-off at once: on PostgreSQL it runs check --deploy while the database gets ready
 * and waits at the gate before migrate. Behind a wrapper script that may need the database first, it starts once
 * the database is ready (or, when it never is, for check --deploy alone).
 */
export function startRelease(
  run: RunState,
  ctx: EngineContext,
  probeUser: string,
  databaseReady?: Promise<unknown>,
): Promise<ReleaseParts> {
  const gate = databaseReady?.then(
    () => 'go\n',
    () => 'stop\n',
  );
  const release =
    !gate || !ctx.wrapperMayUseDatabase
      ? releaseOneOff(run, ctx, probeUser, gate)
      : gate.then((line) =>
          releaseOneOff(run, ctx, probeUser, line === 'go\n' ? undefined : Promise.resolve(line)),
        );
  release.catch(() => undefined);
  return release;
}

/**
 * The release one-off (see release.ts): check --deploy, then migrate, then the probe record written through Django's
 * user model once migrate succeeded. With a gate, migrate waits for it: `go` once PostgreSQL is ready.
 */
async function releaseOneOff(
  run: RunState,
  ctx: EngineContext,
  probeUser: string,
  gate?: Promise<string>,
): Promise<ReleaseParts> {
  const marker = `tfr-step-${run.runId}`;
  const steps: ReleaseStep[] = [
    { argv: ['check', '--deploy'] },
    { argv: ['migrate', '--noinput'], stopOnFailure: true, ...(gate ? { gate: true } : {}) },
    { argv: ['shell', '-c', writeProbe(probeUser)] },
  ];
  let s0 = run.now();
  const opened = gate?.then((line) => {
    s0 = run.now();
    return line;
  });
  const r = await oneOffScript(run, ctx, 'release', RELEASE_SCRIPT, releaseArgs(marker, steps), opened);
  const parts = splitRelease(r, marker, steps.length);
  // A step the one-off ended during lasted what the rest of the one-off did (counted from the gate, if any).
  const measured = parts.filter((p, i) => p.finished && (!gate || i > 0));
  const rest = Math.max(0, run.now() - s0 - measured.reduce((t, p) => t + (p.durationMs ?? 0), 0));
  const [check, migrate, write] = parts.map((p): ReleaseOutcome =>
    p.finished ? p : { ...p, exitCode: p.exitCode === 0 ? 1 : p.exitCode, durationMs: rest },
  );
  const ended = (what: string): ReleaseOutcome => ({
    exitCode: r.exitCode || 1,
    stdout: '',
    stderr: `The one-off container ended before ${what} (exit code ${r.exitCode}).\n${tail(`${r.stdout}\n${r.stderr}`)}`,
    ...(r.timedOut ? { timedOut: true } : {}),
  });
  // A one-off that failed before its first step ended (no python, a failing entrypoint) failed migrate too.
  const migrated = migrate ?? (check && !check.finished ? check : ended('migrate ran'));
  return {
    check: check ?? ended('check --deploy ran'),
    migrate: migrated,
    write:
      write ??
      (migrated.exitCode === 0
        ? ended('the probe record was written')
        : { exitCode: 1, stdout: '', stderr: 'migrate did not finish, so no probe record was written' }),
  };
}

function writeProbe(user: string): string {
  return [
    'from django.contrib.auth import get_user_model',
    'U = get_user_model()',
    `U.objects.create(**{U.USERNAME_FIELD: ${JSON.stringify(user)}})`,
    "print('tfr-written')",
    // The file SQLite just wrote the record to, as the process opened it (a relative NAME is the working directory's).
    'import os',
    'from django.db import connections',
    'c = connections[U.objects.db]',
    `if c.vendor == 'sqlite': print(${JSON.stringify(SQLITE_MARKER)} + os.path.abspath(str(c.settings_dict['NAME'])))`,
  ].join('\n');
}

const SQLITE_MARKER = 'tfr-sqlite-file:';

/** The SQLite file the probe record was written to, from the write's output; undefined on another database. */
export function sqliteFileWritten(write: ReleaseOutcome): string | undefined {
  if (write.exitCode !== 0) return undefined;
  const line = write.stdout.split('\n').find((l) => l.startsWith(SQLITE_MARKER));
  const path = line?.slice(SQLITE_MARKER.length).trim();
  return path?.startsWith('/') ? path : undefined;
}
