import { containerLogs, containerState } from './containers.js';
import type { PostgresCredentials } from './env.js';
import { containerLimitArgs, POSTGRES_MIN_MEMORY } from './limits.js';
import { tail } from './redact.js';
import { seconds, type ImageConfig, type RunState } from './run-state.js';

/** A PostgreSQL that accepts connections, and how long it took to get there. */
export interface ReadyPostgres {
  creds: PostgresCredentials;
  container: string;
  ms: number;
  image: string;
}

/** Random credentials of the fresh PostgreSQL, masked from here on. */
export function postgresCredentials(run: RunState): PostgresCredentials {
  const creds: PostgresCredentials = {
    host: run.name('postgres', 'db'),
    port: 5432,
    name: `tfr_${run.random(4)}`,
    user: `tfr_${run.random(4)}`,
    password: run.random(18),
  };
  run.redactor.add(creds.password);
  return creds;
}

function postgresImage(run: RunState): string {
  if (run.options.postgresImage) return run.options.postgresImage;
  const service = run.app.compose?.services.find((s) => s.role === 'postgres' && s.image && !s.build);
  return service?.image?.value ?? 'postgres:16-alpine';
}

/** Starts a fresh PostgreSQL with the credentials on the postgres engine's network and waits until it accepts. */
export async function startPostgres(run: RunState, creds: PostgresCredentials): Promise<ReadyPostgres> {
  const t0 = run.now();
  const image = postgresImage(run);
  const container = creds.host;
  const [net, dataVolumes] = await Promise.all([
    run.ensureNetwork('postgres'),
    postgresDataVolumes(run, image),
  ]);
  if (net.exitCode !== 0) throw new Error(`docker network create failed: ${net.stderr.trim()}`);
  const r = await run.docker.exec(
    [
      'run',
      '-d',
      '--name',
      container,
      '--label',
      run.label,
      '--network',
      run.network('postgres'),
      ...containerLimitArgs(run.limits, POSTGRES_MIN_MEMORY),
      // The database is thrown away after the run: in memory it initialises in about half the time and commits
      // without waiting for the disk.
      ...dataVolumes.flatMap((v) => ['--tmpfs', v]),
      '-e',
      'POSTGRES_PASSWORD',
      '-e',
      'POSTGRES_USER',
      '-e',
      'POSTGRES_DB',
      image,
    ],
    {
      timeoutMs: 10 * 60_000,
      env: { POSTGRES_PASSWORD: creds.password, POSTGRES_USER: creds.user, POSTGRES_DB: creds.name },
    },
  );
  if (r.exitCode !== 0) throw new Error(`PostgreSQL (${image}) did not start: ${tail(r.stderr, 5)}`);
  await waitForPostgres(run, container, creds, image);
  return { creds, container, ms: run.now() - t0, image };
}

/**
 * The PostgreSQL image's VOLUMEs, which hold its data directory in the official images (/var/lib/postgresql/data
 * up to 17, /var/lib/postgresql from 18). The image is pulled first when it is not here, as `docker run` would.
 */
async function postgresDataVolumes(run: RunState, image: string): Promise<string[]> {
  const inspect = () =>
    run.docker.exec(['image', 'inspect', '--format', '{{json .Config}}', image], { timeoutMs: 30_000 });
  let r = await inspect();
  if (r.exitCode !== 0) {
    const pull = await run.docker.exec(['pull', image], { timeoutMs: 10 * 60_000 });
    if (pull.exitCode !== 0)
      throw new Error(`PostgreSQL (${image}) did not start: ${tail(`${pull.stdout}\n${pull.stderr}`, 5)}`);
    r = await inspect();
  }
  try {
    return Object.keys((JSON.parse(r.stdout.trim() || '{}') as ImageConfig).Volumes ?? {});
  } catch {
    return [];
  }
}

/**
 * Waits until PostgreSQL accepts TCP connections on 127.0.0.1 inside its container (the official image's init
 * server listens on the socket only). One `docker exec` polls with pg_isready in a shell loop; an image without a
 * shell is polled with one exec per attempt.
 */
async function waitForPostgres(
  run: RunState,
  container: string,
  creds: PostgresCredentials,
  image: string,
): Promise<void> {
  const readyTimeoutMs = run.options.postgresReadyTimeoutMs ?? 120_000;
  const deadline = run.now() + readyTimeoutMs;
  const isready = ['pg_isready', '-q', '-h', '127.0.0.1', '-U', creds.user, '-d', creds.name];
  const notReady = async (why: string) => {
    const logs = await containerLogs(run, container);
    return new Error(`PostgreSQL (${image}) ${why}.\n${logs}`);
  };
  const timeout = `did not become ready (pg_isready) within ${seconds(readyTimeoutMs)}`;
  // The loop ends by itself at the deadline: a docker exec outlives a killed CLI.
  const attempts = Math.max(1, Math.ceil(readyTimeoutMs / 100));
  const loop = await run.docker.exec(
    [
      'exec',
      container,
      'sh',
      '-c',
      `i=0; until "$@"; do i=$((i+1)); [ "$i" -ge ${attempts} ] && exit 75; sleep 0.1 || sleep 1; done`,
      'sh',
      ...isready,
    ],
    { timeoutMs: readyTimeoutMs + 15_000 },
  );
  if (loop.exitCode === 0) return;
  if (loop.exitCode === 75 || loop.timedOut) throw await notReady(timeout);
  const state = await containerState(run, container);
  if (!state?.Running) throw await notReady('exited during startup');
  // No shell (or no sleep) in the image: one exec per attempt.
  for (;;) {
    const ready = await run.docker.exec(['exec', container, ...isready], { timeoutMs: 15_000 });
    if (ready.exitCode === 0) return;
    if (/is not running|No such container/i.test(ready.stderr)) throw await notReady('exited during startup');
    if (run.now() > deadline) throw await notReady(timeout);
    await run.sleep(100);
  }
}
