import type { Engine, EngineResult, SmokeStep } from '../../core/index.js';
import type { ServerStart } from '../containers.js';
import type { DockerExecResult } from '../docker.js';
import type { EngineContext } from '../engine-context.js';
import type { ReadyPostgres } from '../postgres.js';
import type { RunState } from '../run-state.js';
import type { ReleaseParts } from './release-one-off.js';

/** A step the engine could not get past: the rest of its steps are skipped. */
export interface StepFailure {
  step: string;
  why: string;
  logTail?: string;
  exitCode?: number;
}

/** A probe record read back, and where. */
export type ReadBack = DockerExecResult & { in: 'replacement' | 'one-off' };

/** One engine's run: its steps as recorded, and what one step hands the next. */
export class EngineRun {
  readonly steps: SmokeStep[] = [];
  readonly result: EngineResult;
  readonly order: string[];
  readonly t0: number;
  readonly probeUser: string;
  ctx?: EngineContext;
  /** The release one-off (check --deploy, migrate, probe write), started at once. */
  release?: Promise<ReleaseParts>;
  released?: ReleaseParts;
  /** check --deploy's step, recorded when the release one-off ends. */
  deployCheck?: Promise<SmokeStep>;
  postgres?: ReadyPostgres;
  /** The migrations counted in PostgreSQL, looked up alongside the server steps. */
  tables?: { query: Promise<DockerExecResult>; s0: number; durationMs?: number };
  readonly web1: string;
  readonly web2: string;
  firstServer?: { hostPort: number; h0: number };
  /** The replacement server, started once the first one answers. */
  replacing?: Promise<ServerStart>;
  /** The probe record read back in the replacement (or a one-off). */
  reading?: Promise<ReadBack | undefined>;
  persistMs = 0;
  /** Failed steps a dynamic rule judges (their failure was observed): the findings' severity settles the engine. */
  readonly judged = new Set<string>();

  constructor(
    private readonly run: RunState,
    readonly engine: Engine,
  ) {
    this.t0 = run.now();
    this.result = { engine, status: 'passed', durationMs: 0, steps: this.steps };
    this.order =
      engine === 'postgres'
        ? ['database', 'migrate', 'start', 'http', 'stop', 'persist', 'tables', 'check-deploy']
        : ['migrate', 'start', 'http', 'stop', 'persist', 'check-deploy'];
    this.probeUser = `tfr-probe-${run.runId}-${engine}`;
    this.web1 = run.name(engine, 'web', '1');
    this.web2 = run.name(engine, 'web', '2');
  }

  record(step: SmokeStep): SmokeStep {
    step.detail = this.run.redactor.redact(step.detail);
    step.logTail = this.run.redactor.redact(step.logTail);
    this.steps.push(step);
    return step;
  }

  /** Records every step not recorded yet as skipped (check-deploy is recorded when the release one-off ends). */
  skipRest(why: string): void {
    for (const name of this.order) {
      if (name === 'check-deploy' && this.deployCheck) continue;
      if (!this.steps.some((s) => s.name === name)) this.record(skipped(name, why));
    }
  }
}

export const skipped = (name: string, why: string): SmokeStep => ({
  name,
  status: 'skipped',
  durationMs: 0,
  detail: why,
});
