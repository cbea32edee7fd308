import { containerState, lastErrorLine, MANAGE_SCRIPT, oneOffScript } from '../containers.js';
import { tail } from '../redact.js';
import type { RunState } from '../run-state.js';
import type { EngineRun, ReadBack } from './engine-run.js';

/** A table migrate created, missing when read or written. */
const MISSING_TABLE = /no such table|relation "[^"]+" does not exist|table '[^']+' doesn't exist/i;

function readProbe(user: string): string {
  return [
    'from django.contrib.auth import get_user_model',
    'U = get_user_model()',
    `print('tfr-found' if U.objects.filter(**{U.USERNAME_FIELD: ${JSON.stringify(user)}}).exists() else 'tfr-missing')`,
  ].join('\n');
}

/**
 * The probe record read back in the replacement server container (`docker exec`, through the image's wrapper
 * entrypoint as a one-off would be), or by a fresh one-off when the replacement is not running.
 */
export async function readBack(
  run: RunState,
  e: EngineRun,
  container: string | undefined,
): Promise<ReadBack> {
  const ctx = e.ctx!;
  const args = ['shell', '-c', readProbe(e.probeUser)];
  if (container) {
    const r = await run.docker.exec(
      [
        'exec',
        '-w',
        ctx.manageDir,
        container,
        ...ctx.wrapper,
        'sh',
        '-c',
        MANAGE_SCRIPT,
        'manage.py',
        ...args,
      ],
      { timeoutMs: run.oneOffTimeoutMs },
    );
    // A replacement that is not running (or stopped during the read) cannot answer: a fresh one-off reads instead.
    const gone =
      /is not running|No such container|is restarting/i.test(r.stderr) ||
      (r.exitCode !== 0 && !(await containerState(run, container))?.Running);
    if (!gone) return { ...r, in: 'replacement' };
  }
  return { ...(await oneOffScript(run, ctx, 'read', MANAGE_SCRIPT, args)), in: 'one-off' };
}

/** persist: the record written by the release one-off, read back once the server container was replaced. */
export async function persistStep(run: RunState, e: EngineRun): Promise<void> {
  const read = await e.reading;
  const written = e.released!.write;
  const durationMs = e.persistMs;
  const lost = (why: string, logTail: string) => {
    e.record({ name: 'persist', status: 'failed', durationMs, detail: why, logTail });
    e.judged.add('persist');
    run.observe({ kind: 'data-lost', engine: e.engine, why, logTail });
  };
  if (written.exitCode !== 0) {
    const writeOut = `${written.stdout}\n${written.stderr}`;
    const logTail = run.redactor.redact(tail(writeOut));
    if (MISSING_TABLE.test(writeOut))
      lost(
        `the tables migrate had just created were missing when the probe record was written: ${lastErrorLine(writeOut)}`,
        logTail,
      );
    else
      e.record({
        name: 'persist',
        status: 'skipped',
        durationMs,
        detail: `Could not write a probe record through Django's user model (${lastErrorLine(writeOut)}).`,
        logTail,
      });
    return;
  }
  const readOut = `${read?.stdout ?? ''}\n${read?.stderr ?? ''}`;
  if (read?.exitCode === 0 && readOut.includes('tfr-found')) {
    e.record({
      name: 'persist',
      status: 'passed',
      durationMs,
      detail:
        read.in === 'replacement'
          ? 'A user written by a one-off container was read back in the replacement server container.'
          : 'A user written by a one-off container was read back by the next one-off, after the server container was replaced.',
    });
  } else if (read?.exitCode === 0 || MISSING_TABLE.test(readOut)) {
    lost(
      read?.exitCode === 0
        ? "the probe user written through Django's user model was not found"
        : `even the tables migrate created were missing: ${lastErrorLine(readOut)}`,
      run.redactor.redact(tail(readOut)),
    );
  } else {
    e.record({
      name: 'persist',
      status: 'failed',
      durationMs,
      detail: `Reading the probe record back failed (${lastErrorLine(readOut)}).`,
      logTail: run.redactor.redact(tail(readOut)),
    });
  }
}
