import { containerState } from './containers.js';
import { formatMemory } from './limits.js';
import { seconds, type RunState } from './run-state.js';

/** Polls until the server answers anything over HTTP, the container exits, or the start timeout passes. */
export async function waitForHttp(
  run: RunState,
  container: string,
  hostPort: number,
): Promise<{ ok: true } | { ok: false; why: string }> {
  const timeoutMs = run.options.startTimeoutMs ?? 60_000;
  const deadline = run.now() + timeoutMs;
  let lastError = 'no answer';
  for (let attempt = 0; ; attempt++) {
    const answer = await run.http(hostPort, '/', 2_000);
    if (answer.status !== undefined) return { ok: true };
    lastError = answer.error ?? lastError;
    if (attempt % 3 === 2) {
      const state = await containerState(run, container);
      if (state && !state.Running) {
        const oom = state.OOMKilled
          ? ` (killed for using more than the ${formatMemory(run.limits.memoryBytes)} of memory it may use, smoke-memory)`
          : '';
        return { ok: false, why: `the container exited with code ${state.ExitCode}${oom} before answering` };
      }
    }
    if (run.now() >= deadline)
      return { ok: false, why: `no HTTP answer within ${seconds(timeoutMs)}: ${lastError}` };
    await run.sleep(100);
  }
}

/** `/` and `/admin/login/` must not answer 5xx; a 404 on `/` is a fresh project, a 400 is ALLOWED_HOSTS. */
export async function probePages(
  run: RunState,
  hostPort: number,
): Promise<{ serverError: boolean; detail: string }> {
  const parts: string[] = [];
  let serverError = false;
  for (const p of ['/', '/admin/login/']) {
    const a = await run.http(hostPort, p, 10_000);
    if (a.status === undefined) {
      serverError = true;
      parts.push(`GET ${p}: no answer (${a.error ?? 'error'})`);
    } else if (a.status >= 500) {
      serverError = true;
      parts.push(`GET ${p}: ${a.status} (server error)`);
    } else if (a.status === 400) {
      parts.push(
        `GET ${p}: 400 (Bad Request: ALLOWED_HOSTS does not accept 127.0.0.1; read it from the environment, not a crash)`,
      );
    } else if (a.status === 404 && p === '/') {
      parts.push(`GET ${p}: 404 (no route at /, fine for a fresh project)`);
    } else {
      parts.push(`GET ${p}: ${a.status}`);
    }
  }
  return { serverError, detail: `${parts.join('; ')}.` };
}
