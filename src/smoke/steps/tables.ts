import { tail } from '../redact.js';
import type { RunState } from '../run-state.js';
import type { EngineRun } from './engine-run.js';

/** Counts the migrations in the PostgreSQL attached, alongside the server steps: nothing later changes them. */
export function startTablesQuery(run: RunState, e: EngineRun): void {
  const pg = e.postgres;
  if (e.engine !== 'postgres' || !pg) return;
  const s0 = run.now();
  const query = run.docker.exec(
    [
      'exec',
      pg.container,
      'psql',
      '-U',
      pg.creds.user,
      '-d',
      pg.creds.name,
      '-tAc',
      'select count(*) from django_migrations',
    ],
    { timeoutMs: 30_000 },
  );
  const tables: NonNullable<EngineRun['tables']> = { query, s0 };
  e.tables = tables;
  query.then(
    () => (tables.durationMs = run.now() - s0),
    () => undefined,
  );
}

/** tables: the migrations landed in the PostgreSQL we attached. */
export async function tablesStep(run: RunState, e: EngineRun): Promise<void> {
  if (!e.tables) return;
  const r = await e.tables.query;
  const count = Number(r.stdout.trim());
  const durationMs = e.tables.durationMs ?? run.now() - e.tables.s0;
  if (r.exitCode === 0 && count > 0) {
    e.record({
      name: 'tables',
      status: 'passed',
      durationMs,
      detail: `${count} migrations recorded in PostgreSQL.`,
    });
    return;
  }
  const why =
    r.exitCode === 0
      ? 'django_migrations is empty in PostgreSQL'
      : 'PostgreSQL has no django_migrations table';
  e.record({
    name: 'tables',
    status: 'failed',
    durationMs,
    detail: `${why}: the app migrated another database.`,
    logTail: run.redactor.redact(tail(`${r.stdout}\n${r.stderr}`)),
  });
  e.judged.add('tables');
  run.observe({ kind: 'tables-missing', engine: e.engine, why });
}
