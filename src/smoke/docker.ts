import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

export interface DockerExecOptions {
  /**
   * Text written to the command's stdin, then closed. A promise holds stdin open until it settles: the command waits
   * for its input, and its timeout counts from then.
   */
  input?: string | Promise<string>;
  /** Kill the docker CLI after this long (the exit code is then 124 and `timedOut` is set). */
  timeoutMs?: number;
  /** Extra environment for the docker CLI (`docker run -e NAME` takes its value from here, off the command line). */
  env?: Record<string, string>;
  /** Kills the docker CLI when aborted (a cancelled run must not leave a build or a `docker run` going on). */
  signal?: AbortSignal;
  /** Called with standard output as it comes, all of it: what is kept in `stdout` is only the last 4 MB. */
  onStdout?: (chunk: string) => void;
}

export interface DockerExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

/** The one port the smoke orchestration talks to: run the docker CLI with these arguments. */
export interface Docker {
  exec(args: string[], opts?: DockerExecOptions): Promise<DockerExecResult>;
}

/**
 * What the docker CLI is given of the runner's environment: how to find and reach the engine, nothing else. A bare
 * `-e NAME` or `--build-arg NAME` takes its value from the CLI's environment, so the token and the workflow's
 * secrets must not be in it.
 */
const CLIENT_VARIABLES = new Set([
  'PATH',
  'HOME',
  'TMPDIR',
  'XDG_RUNTIME_DIR',
  'SSH_AUTH_SOCK',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CONFIG',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS',
  'DOCKER_TLS_VERIFY',
  'DOCKER_API_VERSION',
  'DOCKER_BUILDKIT',
  'DOCKER_DEFAULT_PLATFORM',
  'DOCKER_CLI_EXPERIMENTAL',
  'BUILDKIT_PROGRESS',
  'BUILDX_BUILDER',
  'BUILDX_CONFIG',
]);

/** The runner's environment cut down to the docker client's own variables, plus what a command is given. */
export function dockerClientEnv(
  env: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (CLIENT_VARIABLES.has(name)) out[name] = value;
  }
  return { ...out, ...extra };
}

/** Output kept per stream: enough for every log tail, bounded so a chatty build cannot exhaust memory. */
const MAX_OUTPUT = 4 * 1024 * 1024;

/**
 * The real adapter: the docker CLI found on PATH, so DOCKER_HOST, DOCKER_CONTEXT and the current context apply as
 * they would in a shell. Spawns directly rather than through @actions/exec because a timed-out command must be killed.
 */
export function createDockerCli(binary = 'docker'): Docker {
  return {
    exec(args, opts = {}) {
      return new Promise((resolve) => {
        const child = spawn(binary, args, {
          env: dockerClientEnv(process.env, opts.env),
          stdio: ['pipe', 'pipe', 'pipe'],
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        let settled = false;
        const append = (current: string, chunk: Buffer) => {
          const next = current + chunk.toString('utf8');
          return next.length > MAX_OUTPUT ? next.slice(next.length - MAX_OUTPUT) : next;
        };
        const decoder = new StringDecoder('utf8');
        child.stdout.on('data', (c: Buffer) => {
          stdout = append(stdout, c);
          opts.onStdout?.(decoder.write(c));
        });
        child.stderr.on('data', (c: Buffer) => (stderr = append(stderr, c)));
        let timer: NodeJS.Timeout | undefined;
        const startTimer = () => {
          if (opts.timeoutMs === undefined || settled) return;
          timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, opts.timeoutMs);
        };
        const finish = (exitCode: number) => {
          if (settled) return;
          settled = true;
          if (timer) clearTimeout(timer);
          resolve({ exitCode: timedOut ? 124 : exitCode, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
        };
        child.on('error', (error) => {
          stderr += `${error.message}\n`;
          finish(127);
        });
        child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
        child.stdin.on('error', () => undefined);
        if (typeof opts.input === 'object') {
          opts.input.then(
            (text) => {
              if (!settled) child.stdin.end(text);
              startTimer();
            },
            () => {
              if (!settled) child.stdin.end();
              startTimer();
            },
          );
        } else {
          child.stdin.end(opts.input ?? '');
          startTimer();
        }
      });
    },
  };
}
