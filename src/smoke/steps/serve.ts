import { startServer } from '../containers.js';
import type { RunState } from '../run-state.js';
import type { EngineRun, StepFailure } from './engine-run.js';

/** start: the first server container, published on loopback; the replacement is created while it is probed. */
export async function serveStep(run: RunState, e: EngineRun): Promise<StepFailure | undefined> {
  const ctx = e.ctx!;
  const s0 = run.now();
  const started = await startServer(run, ctx, e.web1);
  if (!started.ok) {
    e.record({
      name: 'start',
      status: 'failed',
      durationMs: run.now() - s0,
      detail: started.why,
      logTail: started.logTail,
    });
    return {
      step: 'start',
      why: started.why,
      logTail: started.logTail,
      ...(started.exitCode !== undefined ? { exitCode: started.exitCode } : {}),
    };
  }
  e.record({
    name: 'start',
    status: 'passed',
    durationMs: run.now() - s0,
    detail: `Container listening on 127.0.0.1:${started.hostPort} → ${ctx.port}/tcp.`,
  });
  e.firstServer = { hostPort: started.hostPort, h0: s0 };
  return undefined;
}
