import { tail } from '../redact.js';
import { Cancelled, seconds, type RunState } from '../run-state.js';
import type { ReadyPostgres } from '../postgres.js';
import type { EngineRun } from './engine-run.js';

/**
 * The PostgreSQL started for the engine, once ready. When it does not start, the database we provide failed, not
 * the app: the engine is skipped rather than failed, and `false` ends it.
 */
export async function databaseStep(
  run: RunState,
  e: EngineRun,
  postgres: Promise<ReadyPostgres>,
): Promise<boolean> {
  try {
    const pg = await postgres;
    e.postgres = pg;
    e.record({
      name: 'database',
      status: 'passed',
      durationMs: pg.ms,
      detail: `${pg.image} ready in ${seconds(pg.ms)}.`,
    });
    return true;
  } catch (error) {
    if (error instanceof Cancelled) throw error;
    e.result.status = 'skipped';
    e.result.reason = run.redactor.redact((error as Error).message.split('\n')[0]);
    e.record({
      name: 'database',
      status: 'failed',
      durationMs: run.now() - e.t0,
      detail: e.result.reason,
      logTail: run.redactor.redact(tail((error as Error).message, 20)),
    });
    e.skipRest('PostgreSQL did not start');
    return false;
  }
}
