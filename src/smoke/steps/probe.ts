import { containerLogs, containerState, createServer, startServer } from '../containers.js';
import { probePages, waitForHttp } from '../http-wait.js';
import { seconds, type RunState } from '../run-state.js';
import type { EngineRun, StepFailure } from './engine-run.js';
import { observeListening } from './listening.js';
import { readBack } from './persist.js';

/**
 * http: the first answer, timed from the start; then, as a rolling deploy would, the replacement starts on the same
 * volumes and, once it answers too, the probe record is read back in it while this server is probed (then stopped).
 */
export async function probeStep(run: RunState, e: EngineRun): Promise<StepFailure | undefined> {
  const ctx = e.ctx!;
  const { hostPort, h0: s0 } = e.firstServer!;
  // The replacement is created while this one is probed: start is the quicker half of `docker run`.
  const web2Created = createServer(run, ctx, e.web2);
  web2Created.catch(() => undefined);
  const h0 = run.now();
  const answered = await waitForHttp(run, e.web1, hostPort);
  const firstAnswerMs = run.now() - s0;
  if (!answered.ok) {
    const logTail = await containerLogs(run, e.web1);
    const state = await containerState(run, e.web1);
    const exited =
      state && !state.Running && state.ExitCode !== undefined ? { exitCode: state.ExitCode } : {};
    if (state?.Running) await observeListening(run, e, e.web1);
    e.record({ name: 'http', status: 'failed', durationMs: run.now() - h0, detail: answered.why, logTail });
    run.observe({
      kind: 'no-http-answer',
      engine: e.engine,
      port: ctx.port,
      why: answered.why,
      logTail,
      ...exited,
    });
    return { step: 'http', why: answered.why, logTail, ...exited };
  }
  run.observe({ kind: 'listening', engine: e.engine, port: ctx.port, answered: true });
  run.observe({
    kind: 'first-answer',
    engine: e.engine,
    durationMs: firstAnswerMs,
    budgetMs: run.options.startupBudgetMs ?? 20_000,
  });
  const p0 = run.now();
  const replacing = startServer(run, ctx, e.web2, web2Created);
  replacing.catch(() => undefined);
  e.replacing = replacing;
  const written = e.released!.write;
  // Read once the replacement answers HTTP: whatever it runs at start (migrate, flush) has then run, as in a deploy.
  const reading =
    written.exitCode === 0
      ? replacing
          .then(async (st) => {
            const serving = st.ok && (await waitForHttp(run, e.web2, st.hostPort)).ok;
            return readBack(run, e, serving ? e.web2 : undefined);
          })
          .finally(() => (e.persistMs = run.now() - p0))
      : Promise.resolve(undefined);
  reading.catch(() => undefined);
  e.reading = reading;
  const probes = await probePages(run, hostPort);
  const detail = `First answer ${seconds(firstAnswerMs)} after start. ${probes.detail}`;
  if (probes.serverError) {
    await reading.catch(() => undefined);
    const logTail = await containerLogs(run, e.web1);
    e.record({ name: 'http', status: 'failed', durationMs: run.now() - h0, detail, logTail });
    return { step: 'http', why: probes.detail, logTail };
  }
  e.record({ name: 'http', status: 'passed', durationMs: run.now() - h0, detail });
  return undefined;
}
