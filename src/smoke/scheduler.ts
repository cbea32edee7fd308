import { randomBytes } from 'node:crypto';
import { withBases } from '../model/settings.js';
import type { Project } from '../model/types/project.js';
import { DYNAMIC_RULES } from '../rules/registry.js';
import { type CleanupReport, removeBuildLayers, removeRun } from './cleanup.js';
import type { Docker } from './docker.js';
import { nodeHttpProbe } from './http.js';
import { buildSource, outsideBuildSource } from './image-build.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { SmokeLog, SmokeOptions, SmokeOutcome } from './options.js';
import { Redactor } from './redact.js';
import { Cancelled, RunState, seconds } from './run-state.js';
import { executeRun, finishRun } from './smoke-run.js';

const silentLog: SmokeLog = { info: () => undefined };

/** A fresh run id: lowercase hex, usable in container, network, volume and image names. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

const skippedOutcome = (reason: string): SmokeOutcome => ({
  result: { status: 'skipped', reason, engines: {}, durationMs: 0 },
  findings: [],
});

/**
 * Builds the app image and smoke-tests it on SQLite and PostgreSQL concurrently, measuring every dynamic rule.
 * Everything created is labelled with the run id and removed before this returns, whatever happened.
 */
export async function runSmoke(
  project: Project,
  options: SmokeOptions,
  docker: Docker,
  log: SmokeLog = silentLog,
): Promise<SmokeOutcome> {
  const app = project.apps.find((a) => a.dockerfile);
  if (!app?.dockerfile)
    return skippedOutcome('No Dockerfile was found for the app, so there is no image to build and run.');
  const refused = outsideBuildSource(project.root, app);
  if (refused) return skippedOutcome(refused);
  const runId = (options.runId ?? newRunId()).toLowerCase();
  const redactor = options.redactor ?? new Redactor(options.onSecret);
  const rules = options.rules ?? DYNAMIC_RULES;
  const guard = new CommandGuard(docker, log, redactor);
  const run = new RunState(
    project,
    app,
    buildSource(app).dockerfile,
    options,
    guard.docker,
    log,
    redactor,
    runId,
    `tfr-${runId}-app:latest`,
    options.random ?? ((n: number) => randomBytes(n).toString('hex')),
    options.now ?? Date.now,
    app.settings ? withBases(app.settings, app.settingsBases) : undefined,
    options.limits ?? DEFAULT_LIMITS,
    options.http ?? nodeHttpProbe,
  );
  const cleanup = onceCleanup(run, guard, docker);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const onSignal = (signal: NodeJS.Signals) => {
    log.info(`Received ${signal}: removing the smoke test's containers, networks and volumes.`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  if (options.handleSignals !== false) for (const s of signals) process.on(s, onSignal);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = options.timeoutMs ?? 30 * 60_000;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([executeRun(run, rules), timedOut]);
    if (outcome !== 'timeout') return outcome;
    guard.cancelled = true;
    return finishRun(
      run,
      rules,
      `The smoke test did not finish within ${seconds(timeoutMs)}; it was stopped.`,
    );
  } catch (error) {
    if (error instanceof Cancelled) return finishRun(run, rules, 'The smoke test was stopped.');
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    await cleanup();
    if (options.handleSignals !== false) for (const s of signals) process.off(s, onSignal);
  }
}

/** Docker commands under way; a stop kills them before cleaning up, so none creates anything after the cleanup. */
class CommandGuard {
  cancelled = false;
  readonly abort = new AbortController();
  readonly inFlight = new Set<Promise<unknown>>();
  readonly docker: Docker;

  constructor(docker: Docker, log: SmokeLog, redactor: Redactor) {
    this.docker = {
      exec: async (args, opts) => {
        if (this.cancelled) throw new Cancelled('the smoke run was stopped');
        const p = docker.exec(args, { ...opts, signal: this.abort.signal });
        this.inFlight.add(p);
        const r = await p.finally(() => this.inFlight.delete(p));
        if (this.cancelled) throw new Cancelled('the smoke run was stopped', r);
        log.debug?.(`docker ${redactor.redact(args.join(' '))} → ${r.exitCode}`);
        return r;
      },
    };
  }

  /** Stops every command, and waits (at most 10 s) for those under way to end. */
  stop(): Promise<unknown> {
    this.cancelled = true;
    this.abort.abort();
    return Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
  }
}

/** How long the final cleanup waits before its second sweep, after an interruption killed commands under way. */
const LATE_OBJECTS_MS = 500;

function addReports(a: CleanupReport, b: CleanupReport): CleanupReport {
  return {
    containers: a.containers + b.containers,
    networks: a.networks + b.networks,
    volumes: a.volumes + b.volumes,
    images: a.images + b.images,
    errors: [...a.errors, ...b.errors],
  };
}

/** The final cleanup, run once whoever asks (the end of the run or a signal): everything labelled with the run id. */
function onceCleanup(run: RunState, guard: CommandGuard, docker: Docker): () => Promise<unknown> {
  let cleanupPromise: Promise<unknown> | undefined;
  return () => {
    // A command killed mid-way (a signal) may still be carried out by the daemon after the first sweep has listed
    // what exists (a network being created): a second sweep, a moment later, removes what appeared since.
    const interrupted = guard.inFlight.size > 0;
    const settled = guard.stop();
    cleanupPromise ??= settled
      .then(() => run.stagedContext?.remove())
      .then(() => removeRun(docker, run.runId, { keepImage: run.options.keepImage }))
      .then(async (first) => {
        if (!interrupted) return first;
        await new Promise((r) => setTimeout(r, LATE_OBJECTS_MS));
        return addReports(first, await removeRun(docker, run.runId, { keepImage: run.options.keepImage }));
      })
      .then(async (r) => {
        // The classic builder leaves the layers it committed untagged and unlabelled: they go by the IDs recorded.
        if (run.classicBuild) r.images += await removeBuildLayers(docker, run.classicBuild);
        // Each engine removed its own objects as it ended; the final cleanup removed the rest.
        const early = run.removed;
        run.log.info(
          `Cleanup: removed ${r.containers + early.containers} container(s), ${r.networks + early.networks} network(s), ${r.volumes + early.volumes} volume(s), ${r.images} image(s).`,
        );
        for (const e of r.errors) run.log.debug?.(`cleanup: ${run.redactor.redact(e)}`);
        return r;
      });
    return cleanupPromise;
  };
}
