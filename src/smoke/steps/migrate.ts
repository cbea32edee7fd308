import { lastErrorLine } from '../containers.js';
import { tail } from '../redact.js';
import { seconds, type RunState } from '../run-state.js';
import type { EngineRun, StepFailure } from './engine-run.js';
import { sqliteFileWritten } from './release-one-off.js';

/** migrate, from its part of the release one-off (which then wrote the probe record for the persist step). */
export async function migrateStep(run: RunState, e: EngineRun): Promise<StepFailure | undefined> {
  e.released = await e.release!;
  const r = e.released.migrate;
  const out = `${r.stdout}\n${r.stderr}`;
  const durationMs = r.durationMs ?? 0;
  if (r.exitCode === 0) {
    const sqliteFile = sqliteFileWritten(e.released.write);
    if (sqliteFile) run.observe({ kind: 'sqlite-written', engine: e.engine, path: sqliteFile });
    e.record({
      name: 'migrate',
      status: 'passed',
      durationMs,
      detail: `Migrated in ${seconds(durationMs)}, then wrote a probe record in the same one-off.`,
    });
    return undefined;
  }
  const why = r.timedOut ? 'did not finish in time' : `exit code ${r.exitCode}: ${lastErrorLine(out)}`;
  const logTail = run.redactor.redact(tail(out));
  e.record({ name: 'migrate', status: 'failed', durationMs, detail: `migrate ${why}`, logTail });
  run.observe({
    kind: 'migrate-failed',
    engine: e.engine,
    why: run.redactor.redact(why),
    output: out,
    logTail,
  });
  return { step: 'migrate', why, logTail };
}
