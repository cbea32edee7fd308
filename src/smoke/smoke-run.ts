import type { DynamicRule, SmokeContext } from '../rules/lib/dynamic.js';
import {
  runFactsOf,
  stamp,
  type Engine,
  type EngineResult,
  type Finding,
  type SmokeResult,
} from '../core/index.js';
import { logEngine, runEngine } from './engine.js';
import { buildImage } from './image-build.js';
import { capCpus } from './limits.js';
import type { SmokeOutcome } from './options.js';
import { postgresCredentials, startPostgres } from './postgres.js';
import type { RunState } from './run-state.js';
import { observeImageFacts } from './steps/image-facts.js';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export function engineList(run: RunState): Engine[] {
  return (run.options.engines ?? [...ENGINES]).filter((e, i, all) => all.indexOf(e) === i);
}

/** Builds the image while PostgreSQL starts, then runs the engines concurrently. */
export async function executeRun(run: RunState, rules: readonly DynamicRule[]): Promise<SmokeOutcome> {
  const engines = engineList(run);
  // The engine refuses `--cpus` above its CPU count: a 1-CPU runner gets what it has.
  const info = await run.docker.exec(['info', '--format', '{{.NCPU}}'], { timeoutMs: 30_000 });
  run.limits = capCpus(run.limits, info.exitCode === 0 ? Number(info.stdout.trim()) : Number.NaN);
  const pgCreds = engines.includes('postgres') ? postgresCredentials(run) : undefined;
  const postgres = pgCreds ? startPostgres(run, pgCreds) : undefined;
  // PostgreSQL starts while the image builds; a failure there is reported by the postgres engine.
  postgres?.catch(() => undefined);
  // The SQLite engine's network too: nothing in it depends on the image.
  if (engines.includes('sqlite')) run.ensureNetwork('sqlite').catch(() => undefined);
  const built = await buildImage(run);
  if (!built) {
    for (const e of engines) run.engines[e] = skippedEngine(e, 'The image did not build.');
    return finishRun(run, rules, 'The image did not build.');
  }
  // What the image holds is read while the engines run: the fixes use it, no rule does.
  await Promise.all([
    ...engines.map((e) => (e === 'postgres' ? runEngine(run, e, postgres, pgCreds) : runEngine(run, e))),
    observeImageFacts(run),
  ]);
  return finishRun(run, rules);
}

/** The result and findings as they stand; engines that never ran are marked skipped. */
export function finishRun(run: RunState, rules: readonly DynamicRule[], reason?: string): SmokeOutcome {
  // Engines cut short by a timeout or a signal did not get through.
  for (const e of Object.values(run.engines)) {
    if (e && !run.finished.has(e.engine) && e.status !== 'skipped') {
      e.status = 'failed';
      e.reason = reason ?? 'Not finished.';
      e.durationMs = run.now() - run.started;
    }
  }
  for (const e of engineList(run)) run.engines[e] ??= skippedEngine(e, reason ?? 'Not run.');
  const context = smokeContext(run);
  for (const e of Object.values(run.engines))
    if (e && e.status === 'passed' && run.settledBySeverity.has(e.engine)) {
      settle(e, rules, run, context);
      logEngine(run, e);
    }
  const statuses = Object.values(run.engines).map((e) => e!.status);
  const failed = run.build?.status === 'failed' || statuses.includes('failed') || !!reason;
  const result: SmokeResult = {
    status: failed
      ? 'failed'
      : statuses.every((s) => s === 'skipped')
        ? 'skipped'
        : statuses.includes('warnings')
          ? 'warnings'
          : 'passed',
    ...(reason ? { reason } : {}),
    app: run.app.dir,
    ...(run.build ? { build: run.build } : {}),
    // A copy: engines cut short by a timeout may still record their last steps after this returns.
    engines: structuredClone(run.engines),
    durationMs: run.now() - run.started,
  };
  return { result, findings: judge(run, rules, context), facts: runFactsOf(run.observations) };
}

/** An engine that got through: failed on an error finding, `warnings` on a warning, else passed. */
function settle(e: EngineResult, rules: readonly DynamicRule[], run: RunState, context: SmokeContext): void {
  const seen = run.observations.filter((o) => 'engine' in o && o.engine === e.engine);
  const severities = new Set(rules.filter((r) => r.judge(seen, context).length > 0).map((r) => r.severity));
  e.status = severities.has('error') ? 'failed' : severities.has('warning') ? 'warnings' : 'passed';
  if (e.status === 'passed') delete e.reason;
}

function skippedEngine(engine: Engine, reason: string): EngineResult {
  return { engine, status: 'skipped', reason, durationMs: 0, steps: [] };
}

function smokeContext(run: RunState): SmokeContext {
  return {
    app: run.app,
    dockerfile: run.dockerfile,
    ...(run.settings ? { settings: run.settings } : {}),
    ...(run.image?.User !== undefined ? { imageUser: run.image.User } : {}),
  };
}

/** The dynamic rules' findings on what the run observed, secrets redacted. */
function judge(run: RunState, rules: readonly DynamicRule[], context: SmokeContext): Finding[] {
  const observations = [...run.observations];
  return rules.flatMap((rule) =>
    rule.judge(observations, context).map(({ related, ...raw }) => {
      const finding = stamp(rule, {
        ...raw,
        message: run.redactor.redact(raw.message),
        // The parts too, each on its own: a secret the rule put in a value must not survive in them.
        ...(raw.parts ? { parts: raw.parts.map((p) => ({ ...p, text: run.redactor.redact(p.text) })) } : {}),
        ...(raw.details ? { details: run.redactor.redact(raw.details) } : {}),
      });
      return related ? { ...finding, related } : finding;
    }),
  );
}
