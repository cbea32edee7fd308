import { containerLogs, containerState } from '../containers.js';
import { waitForHttp } from '../http-wait.js';
import { seconds, type RunState } from '../run-state.js';
import type { EngineRun } from './engine-run.js';

/** The grace `docker stop` gives before SIGKILL: just above the budget, so a stop that ends in SIGKILL costs no more. */
export const stopGraceSeconds = (budgetMs: number): number => Math.floor(budgetMs / 1000) + 1;

/** `docker stop -t GRACE`, timed, with how the container ended. */
async function measureStop(run: RunState, container: string, budget: number) {
  const s0 = run.now();
  const grace = stopGraceSeconds(budget);
  const r = await run.docker.exec(['stop', '-t', String(grace), container], {
    timeoutMs: 60_000 + grace * 1000,
  });
  const durationMs = run.now() - s0;
  const state = await containerState(run, container);
  const killed = state?.ExitCode === 137 || state?.OOMKilled === true;
  const how = state?.OOMKilled
    ? ' (OOM killed)'
    : killed
      ? ` (SIGKILL after the ${grace} s grace period: SIGTERM was not handled)`
      : '';
  return {
    container,
    durationMs,
    exitCode: state?.ExitCode,
    killed,
    stopFailed: r.exitCode !== 0,
    slow: r.exitCode !== 0 || durationMs > budget,
    detail: `Stopped in ${seconds(durationMs)}, exit code ${state?.ExitCode ?? '?'}${how}.`,
  };
}

/** stop: the first server, while the replacement starts and the record is read back in it. */
export async function stopStep(run: RunState, e: EngineRun): Promise<void> {
  const budget = run.options.shutdownBudgetMs ?? 5_000;
  let stop = await measureStop(run, e.web1, budget);
  const web2Started = await e.replacing!;
  // A graceful stop over budget is measured again on the replacement once it serves: the machine may be busy.
  if (!stop.killed && stop.slow && web2Started.ok) {
    await e.reading!.catch(() => undefined);
    if ((await waitForHttp(run, e.web2, web2Started.hostPort)).ok) {
      const again = await measureStop(run, e.web2, budget);
      if (again.killed || again.durationMs < stop.durationMs) stop = again;
    }
  }
  const { durationMs, detail, killed, stopFailed, exitCode } = stop;
  const measured = {
    kind: 'stopped',
    engine: e.engine,
    durationMs,
    budgetMs: budget,
    killed,
    stopFailed,
  } as const;
  if (stop.killed || stop.slow) {
    const logTail = await containerLogs(run, stop.container);
    e.record({ name: 'stop', status: 'failed', durationMs, detail, logTail });
    e.judged.add('stop');
    run.observe({ ...measured, ...(exitCode !== undefined ? { exitCode } : {}), logTail });
  } else {
    e.record({ name: 'stop', status: 'passed', durationMs, detail });
    run.observe({ ...measured, ...(exitCode !== undefined ? { exitCode } : {}) });
  }
}
