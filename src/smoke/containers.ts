import type { DockerExecResult } from './docker.js';
import type { EngineContext } from './engine-context.js';
import { containerLimitArgs } from './limits.js';
import { tail } from './redact.js';
import type { RunState } from './run-state.js';

/** What `docker inspect --format '{{json .State}}'` tells about a container. */
export interface ContainerState {
  Running?: boolean;
  ExitCode?: number;
  OOMKilled?: boolean;
  Error?: string;
}

/** What a one-off runs: manage.py with the script's arguments, under the image's python (python3 first). */
export const MANAGE_SCRIPT = 'exec "$(command -v python3 || command -v python)" manage.py "$@"';

export async function containerState(run: RunState, container: string): Promise<ContainerState | undefined> {
  const r = await run.docker.exec(['inspect', '--format', '{{json .State}}', container], {
    timeoutMs: 30_000,
  });
  if (r.exitCode !== 0) return undefined;
  try {
    return JSON.parse(r.stdout.trim()) as ContainerState;
  } catch {
    return undefined;
  }
}

/** The tail of a container's log, secrets redacted. */
export async function containerLogs(run: RunState, container: string): Promise<string> {
  const r = await run.docker.exec(['logs', '--tail', '40', container], { timeoutMs: 30_000 });
  return run.redactor.redact(tail(`${r.stdout}\n${r.stderr}`));
}

/** Name, run label, resource limits, the engine's network, volumes and environment: what every container gets. */
function containerArgs(run: RunState, ctx: EngineContext, name: string): string[] {
  return [
    '--name',
    name,
    '--label',
    run.label,
    ...containerLimitArgs(run.limits),
    '--network',
    ctx.network,
    ...ctx.volumes,
    ...Object.keys(ctx.env).flatMap((k) => ['-e', k]),
  ];
}

/** A one-off container from the image running `script` (with manage.py's directory as working directory). */
export async function oneOffScript(
  run: RunState,
  ctx: EngineContext,
  what: string,
  script: string,
  scriptArgs: string[],
  input?: Promise<string>,
): Promise<DockerExecResult> {
  const name = run.name(ctx.engine, what);
  const r = await run.docker.exec(
    [
      'run',
      '--rm',
      ...(input ? ['-i'] : []),
      ...containerArgs(run, ctx, name),
      '-w',
      ctx.manageDir,
      ...ctx.oneOffEntrypoint,
      run.imageRef,
      ...ctx.oneOffPrefix,
      'sh',
      '-c',
      script,
      'manage.py',
      ...scriptArgs,
    ],
    { env: ctx.env, timeoutMs: run.oneOffTimeoutMs, ...(input ? { input } : {}) },
  );
  if (r.timedOut) await run.docker.exec(['rm', '-f', '-v', name], { timeoutMs: 60_000 });
  return r;
}

/** What `docker run -d` and `docker create` take for a server container: published on loopback only. */
function serverArgs(run: RunState, ctx: EngineContext, name: string): string[] {
  return [
    ...containerArgs(run, ctx, name),
    '-p',
    `127.0.0.1::${ctx.port}`,
    ...ctx.serverEntrypoint,
    run.imageRef,
    ...(ctx.serverCommand ?? []),
  ];
}

/** Creates a server container ahead of its start (the slower half of `docker run -d`). */
export function createServer(run: RunState, ctx: EngineContext, name: string): Promise<DockerExecResult> {
  return run.docker.exec(['create', ...serverArgs(run, ctx, name)], { env: ctx.env, timeoutMs: 120_000 });
}

export type ServerStart =
  { ok: true; hostPort: number } | { ok: false; why: string; logTail?: string; exitCode?: number };

/** Starts a server container, or the one created beforehand, and finds its published port. */
export async function startServer(
  run: RunState,
  ctx: EngineContext,
  name: string,
  created?: Promise<DockerExecResult>,
): Promise<ServerStart> {
  const c = created && (await created);
  const r =
    c === undefined
      ? await run.docker.exec(['run', '-d', ...serverArgs(run, ctx, name)], {
          env: ctx.env,
          timeoutMs: 120_000,
        })
      : c.exitCode === 0
        ? await run.docker.exec(['start', name], { timeoutMs: 120_000 })
        : c;
  if (r.exitCode !== 0) {
    const what = c === undefined ? 'run' : c.exitCode === 0 ? 'start' : 'create';
    return {
      ok: false,
      why: `docker ${what} failed (exit code ${r.exitCode}): ${lastErrorLine(r.stderr)}`,
      logTail: run.redactor.redact(tail(r.stderr)),
      exitCode: r.exitCode,
    };
  }
  const port = await run.docker.exec(['port', name, `${ctx.port}/tcp`], { timeoutMs: 30_000 });
  const m = /:(\d+)\s*$/m.exec(port.stdout);
  if (port.exitCode !== 0 || !m) {
    const state = await containerState(run, name);
    return {
      ok: false,
      why:
        state && !state.Running
          ? `the container exited at once (exit code ${state.ExitCode})`
          : 'no port published',
      logTail: await containerLogs(run, name),
      ...(state && !state.Running && state.ExitCode !== undefined ? { exitCode: state.ExitCode } : {}),
    };
  }
  return { ok: true, hostPort: Number(m[1]) };
}

/** The line of a failed command's output that says what went wrong (the exception, else the last line). */
export function lastErrorLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const error = [...lines]
    .reverse()
    .find((l) => /^[\w.]+(Error|Exception|Configured|DoesNotExist)\b.*:/.test(l));
  const line = error ?? lines[lines.length - 1] ?? 'no output';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
