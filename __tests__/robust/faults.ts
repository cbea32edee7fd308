import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Infrastructure faults, shared by the real-Docker fault tests and the reliability report. `setup` prepares a
 * project in `dir` and says how to run the smoke test against it: extra CLI arguments, the environment, the
 * secrets that must never appear in any output, and how to undo what it set up.
 */
export interface FaultCase {
  id: string;
  name: string;
  timeoutMs: number;
  setup(dir: string): { args: string[]; env: NodeJS.ProcessEnv; secrets: string[]; teardown?: () => void };
  /**
   * Send `signal` to the process once a container labelled by the run has a name matching `when` (the run is then
   * expected to clean up and exit promptly instead of finishing). Runners without this ability run the case to its end.
   */
  interrupt?: { signal: NodeJS.Signals; when: RegExp };
}

export const PRODUCTION_EXAMPLE = fileURLToPath(new URL('../../examples/production/', import.meta.url));
export const FAULT_FIXTURES = fileURLToPath(new URL('../fixtures/faults/', import.meta.url));
export const LOCAL_BUILD_ARGS = ['--build-arg', 'BASE_IMAGE=tfr-test/django-base:bookworm'];
export const LOCAL_POSTGRES = ['--postgres-image', 'tfr-test/postgres:15'];
/** A PostgreSQL image that never listens (fixtures/faults/postgres-never-ready), built by the case's setup. */
export const NEVER_READY_POSTGRES = 'tfr-test/postgres-never-ready:faults';
/** The host port examples/production publishes in compose (and EXPOSEs). */
export const PRODUCTION_HOST_PORT = 8000;

/** Marker the crash-looping app prints before exiting, expected in the reported log tail. */
export const CRASH_MARKER = 'tfr-fault-crash-marker';

const hex = (n: number) => randomBytes(n).toString('hex');

/**
 * Copies examples/production into `dir` and plants secrets of known values where users put them: a `.env`
 * (DB_PASSWORD, SECRET_KEY, read by compose's `${DB_PASSWORD:?…}`), a literal password in the compose service's
 * environment and a literal token in a Dockerfile ENV. Returns the values from the environment, which must never
 * show up in any output.
 */
export function productionWithSecrets(dir: string, dockerfileTail = ''): string[] {
  cpSync(PRODUCTION_EXAMPLE, dir, { recursive: true });
  const dbPassword = `pw${hex(12)}`;
  const secretKey = `sk${hex(20)}`;
  const mailPassword = `mail${hex(10)}`;
  const apiToken = `tok${hex(14)}`;
  writeFileSync(join(dir, '.env'), `DB_PASSWORD=${dbPassword}\nSECRET_KEY=${secretKey}\n`);
  const compose = join(dir, 'docker-compose.yml');
  const text = readFileSync(compose, 'utf8');
  const anchor = '      SECRET_KEY: ${SECRET_KEY:?set SECRET_KEY}\n';
  if (!text.includes(anchor))
    throw new Error('examples/production/docker-compose.yml changed: update the fault setup');
  writeFileSync(compose, text.replace(anchor, `${anchor}      EMAIL_HOST_PASSWORD: ${mailPassword}\n`));
  const dockerfile = join(dir, 'Dockerfile');
  const df = readFileSync(dockerfile, 'utf8');
  // After the dependency layer, so every copy reuses the cached pip install.
  const at = df.indexOf('COPY . .');
  if (at < 0) throw new Error('examples/production/Dockerfile changed: update the fault setup');
  writeFileSync(dockerfile, `${df.slice(0, at)}ENV PAYMENT_API_TOKEN=${apiToken}\n${df.slice(at)}`);
  if (dockerfileTail) appendFileSync(dockerfile, `\n${dockerfileTail}\n`);
  // The values that must never be published: those the environment provides (.env, through compose's ${VAR}).
  // The literals committed to compose and the Dockerfile are public already: TF0306/TF0307 report them, and the
  // report may quote the line that holds them (a failed build's log), unmasked.
  return [dbPassword, secretKey];
}

/** Builds the never-ready PostgreSQL image (cached after the first time). */
export function buildNeverReadyPostgres(): void {
  const r = spawnSync(
    'docker',
    ['build', '-q', '-t', NEVER_READY_POSTGRES, join(FAULT_FIXTURES, 'postgres-never-ready')],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`could not build ${NEVER_READY_POSTGRES}: ${r.stderr}`);
}

export function removeNeverReadyPostgres(): void {
  spawnSync('docker', ['image', 'rm', NEVER_READY_POSTGRES], { encoding: 'utf8' });
}

/**
 * Holds 127.0.0.1:port (when it is free; a port someone else holds is taken as well). listen() on an IP address
 * binds synchronously, so the port is taken when this returns, even if the caller then blocks in spawnSync.
 */
export function occupyPort(port: number): { close: () => void } {
  const server: Server = createServer((socket) => socket.destroy());
  server.on('error', () => undefined);
  server.listen(port, '127.0.0.1');
  return { close: () => server.close() };
}

export const FAULT_CASES: FaultCase[] = [
  {
    id: 'docker-unreachable',
    name: 'the Docker daemon is unreachable: static results still come, the smoke part is skipped with the reason',
    timeoutMs: 60_000,
    setup(dir) {
      const secrets = productionWithSecrets(dir);
      return {
        args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES],
        env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
        secrets,
      };
    },
  },
  {
    id: 'docker-not-installed',
    name: 'no docker CLI on PATH: static results still come, the smoke part is skipped with the reason',
    timeoutMs: 60_000,
    setup(dir) {
      const secrets = productionWithSecrets(dir);
      return {
        args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES],
        env: { ...process.env, PATH: '/nonexistent/bin' },
        secrets,
      };
    },
  },
  {
    id: 'postgres-never-ready',
    name: 'PostgreSQL never accepts connections: the postgres engine stops at the database step in bounded time',
    timeoutMs: 150_000,
    setup(dir) {
      const secrets = productionWithSecrets(dir);
      buildNeverReadyPostgres();
      return {
        args: [
          ...LOCAL_BUILD_ARGS,
          '--postgres-image',
          NEVER_READY_POSTGRES,
          '--postgres-ready-timeout',
          '8',
        ],
        env: process.env,
        secrets,
        teardown: removeNeverReadyPostgres,
      };
    },
  },
  {
    id: 'app-crash-loop',
    name: 'the app exits 1 at once: reported quickly with the log tail, not after the whole start timeout',
    timeoutMs: 150_000,
    setup(dir) {
      const secrets = productionWithSecrets(dir, `CMD ["sh", "-c", "echo ${CRASH_MARKER} >&2; exit 1"]`);
      return { args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES], env: process.env, secrets };
    },
  },
  {
    id: 'build-hangs',
    name: 'the build hangs past its timeout: TF0502 says it timed out, the build is killed, nothing is left',
    timeoutMs: 120_000,
    setup(dir) {
      const secrets = productionWithSecrets(dir, 'RUN sleep 3600');
      return {
        args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES, '--build-timeout', '20'],
        env: process.env,
        secrets,
      };
    },
  },
  {
    id: 'host-port-taken',
    name: "the app's usual host port is taken on 127.0.0.1: the smoke test publishes on a free port and passes",
    timeoutMs: 240_000,
    setup(dir) {
      const secrets = productionWithSecrets(dir);
      const port = occupyPort(PRODUCTION_HOST_PORT);
      return {
        args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES],
        env: process.env,
        secrets,
        teardown: port.close,
      };
    },
  },
  {
    id: 'sigterm-mid-build',
    name: 'SIGTERM while the image builds (PostgreSQL already up): the build is killed, nothing is left behind',
    timeoutMs: 240_000,
    interrupt: { signal: 'SIGTERM', when: /-postgres-db$/ },
    setup(dir) {
      const secrets = productionWithSecrets(dir, 'RUN sleep 3600');
      return {
        args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES, '--build-timeout', '45'],
        env: process.env,
        secrets,
      };
    },
  },
  {
    id: 'sigterm-mid-smoke',
    name: 'SIGTERM while the app containers run: the process exits promptly and leaves nothing behind',
    timeoutMs: 240_000,
    interrupt: { signal: 'SIGTERM', when: /-(sqlite|postgres)-(release|web-\d|read)$/ },
    setup(dir) {
      const secrets = productionWithSecrets(dir);
      return { args: [...LOCAL_BUILD_ARGS, ...LOCAL_POSTGRES], env: process.env, secrets };
    },
  },
];
