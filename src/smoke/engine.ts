import type { Engine, EngineResult } from '../core/index.js';
import { removeEngineObjects } from './engine-cleanup.js';
import { engineContext } from './engine-context.js';
import type { PostgresCredentials } from './env.js';
import type { ReadyPostgres } from './postgres.js';
import { Cancelled, type RunState } from './run-state.js';
import { checkDeployStep } from './steps/check-deploy.js';
import { databaseStep } from './steps/database.js';
import { EngineRun, skipped, type StepFailure } from './steps/engine-run.js';
import { migrateStep } from './steps/migrate.js';
import { persistStep } from './steps/persist.js';
import { probeStep } from './steps/probe.js';
import { startRelease } from './steps/release-one-off.js';
import { serveStep } from './steps/serve.js';
import { stopStep } from './steps/stop.js';
import { startTablesQuery, tablesStep } from './steps/tables.js';

/** The steps after the database, in the order they run; a failure ends the engine's path there. */
const PATH: readonly ((run: RunState, e: EngineRun) => Promise<StepFailure | undefined>)[] = [
  async (run, e) => {
    const failed = await migrateStep(run, e);
    if (!failed) startTablesQuery(run, e);
    return failed;
  },
  serveStep,
  probeStep,
  async (run, e) => {
    await stopStep(run, e);
    await persistStep(run, e);
    await tablesStep(run, e);
    return undefined;
  },
];

/**
 * Runs one engine's steps: the release one-off starts at once, then database, migrate, start, http, stop, persist,
 * tables; check --deploy is recorded when the release one-off ends. Its objects are removed as it ends.
 */
export async function runEngine(
  run: RunState,
  engine: Engine,
  postgres?: Promise<ReadyPostgres>,
  pgCreds?: PostgresCredentials,
): Promise<void> {
  const e = new EngineRun(run, engine);
  run.engines[engine] = e.result;
  try {
    const net = await run.ensureNetwork(engine);
    if (net.exitCode !== 0 && engine !== 'postgres')
      throw new Error(`docker network create failed: ${net.stderr.trim()}`);
    if (net.exitCode === 0) {
      const ctx = await engineContext(run, engine, pgCreds);
      e.ctx = ctx;
      e.release = startRelease(run, ctx, e.probeUser, postgres);
      e.deployCheck = e.release.then((r) => checkDeployStep(run, e, r.check));
      e.deployCheck.catch(() => undefined);
    }
    if (postgres && !(await databaseStep(run, e, postgres))) return;
    if (!e.ctx) throw new Error(`docker network create failed: ${net.stderr.trim()}`);
    for (const step of PATH) {
      const failed = await step(run, e);
      if (!failed) continue;
      // Migrations counted once migrate passed still give their verdict, whatever failed after.
      await tablesStep(run, e);
      return pathFailed(run, e, failed);
    }
  } catch (error) {
    if (error instanceof Cancelled) {
      e.result.status = 'failed';
      e.result.reason = 'The smoke test was stopped before this engine finished.';
      throw error;
    }
    e.result.status = 'failed';
    e.result.reason = run.redactor.redact(`The smoke test could not run: ${(error as Error).message}`);
    e.skipRest('not run');
  } finally {
    await endEngine(run, e);
  }
}

/** The engine's path failed at a step: observed, and the steps after it skipped. */
function pathFailed(run: RunState, e: EngineRun, failed: StepFailure): void {
  e.result.status = 'failed';
  e.result.reason = run.redactor.redact(stepSentence(failed.step, failed.why));
  run.observe({
    kind: 'engine-failed',
    engine: e.engine,
    step: failed.step,
    why: run.redactor.redact(failed.why),
    ...(failed.logTail !== undefined ? { logTail: failed.logTail } : {}),
    ...(failed.exitCode !== undefined ? { exitCode: failed.exitCode } : {}),
  });
  e.skipRest(`${failed.step} failed`);
}

/** Records check --deploy, orders the steps, settles the engine's status and removes its objects. */
async function endEngine(run: RunState, e: EngineRun): Promise<void> {
  const { steps, result, order } = e;
  if (e.deployCheck) {
    const step = await e.deployCheck.catch(() => undefined);
    const at = steps.findIndex((s) => s.name === 'check-deploy');
    if (at >= 0) steps.splice(at, 1);
    e.record(step ?? skipped('check-deploy', 'not run'));
  }
  steps.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const failedSteps = steps.filter((s) => s.status === 'failed');
  if (result.status === 'passed' && failedSteps.length) {
    result.reason = failedSteps.map((s) => stepSentence(s.name, s.detail ?? 'failed')).join(' ');
    // A failure no rule judges fails the engine; the others are settled by their findings' severity.
    if (failedSteps.some((s) => !e.judged.has(s.name))) result.status = 'failed';
  }
  if (result.status === 'passed') run.settledBySeverity.add(e.engine);
  result.durationMs = run.now() - e.t0;
  run.finished.add(e.engine);
  // An engine settled by its findings' severity is logged once they are judged, at the end of the run.
  if (!run.settledBySeverity.has(e.engine)) logEngine(run, result);
  await removeEngineObjects(run, e.engine);
}

/** "Stop: Stopped in 6.1 s, exit code 137 (…)." : one sentence per failed step, so several read as prose. */
export function stepSentence(step: string, detail: string): string {
  const text = detail.trim().replace(/[.;:,]+$/, '');
  return `${step[0].toUpperCase()}${step.slice(1)}: ${text}.`;
}

/** "postgres: warnings (Stop: …)": the engine's outcome as the user-facing log tells it. */
export function logEngine(run: RunState, result: EngineResult): void {
  run.log.info(`${result.engine}: ${result.status}${result.reason ? ` (${result.reason})` : ''}`);
}
