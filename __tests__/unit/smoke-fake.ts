// A scripted Docker for the orchestration tests: a happy path by default, overridable per command, tracking every
// labelled resource so a test can assert that nothing is left behind.
import type { Docker, DockerExecOptions, DockerExecResult } from '../../src/smoke/docker.js';
import type { App, Project } from '../../src/model/types/project.js';
import type { SettingsModel } from '../../src/model/types/settings.js';

export interface Call {
  args: string[];
  opts?: DockerExecOptions;
}

type Handler = (args: string[], opts?: DockerExecOptions) => Partial<DockerExecResult> | undefined;

export const ok = (stdout = ''): DockerExecResult => ({ exitCode: 0, stdout, stderr: '' });
export const fail = (stderr: string, exitCode = 1, stdout = ''): DockerExecResult => ({
  exitCode,
  stdout,
  stderr,
});

/** What each command of the release one-off printed and how it ended; absent parts passed quietly. */
export interface ReleaseParts {
  check?: Partial<DockerExecResult>;
  migrate?: Partial<DockerExecResult>;
  write?: Partial<DockerExecResult>;
}

/**
 * Output of the release one-off (check --deploy, migrate, the probe write) as its driver prints it: each command's
 * output followed by a marker line with its exit code. A failed migrate stops it; a gate given `stop` (PostgreSQL
 * not ready) ends it after check --deploy.
 */
export function released(args: string[], opts: DockerExecOptions | undefined, parts: ReleaseParts = {}) {
  const marker = args.find((a) => a.startsWith('tfr-step-')) ?? 'tfr-step-?';
  const defaults: Required<ReleaseParts> = {
    check: ok('System check identified no issues (0 silenced).\n'),
    migrate: ok('Operations to perform:\n  Apply all migrations: admin, auth\n'),
    write: ok('tfr-written\n'),
  };
  let stdout = '';
  let stderr = '';
  const names = ['check', 'migrate', 'write'] as const;
  for (const [i, name] of names.entries()) {
    if (name === 'migrate' && typeof opts?.input === 'string' && opts.input.trim() !== 'go') break;
    const part = { ...defaults[name], ...(parts[name] ?? {}) };
    const code = part.exitCode ?? 0;
    stdout += `${part.stdout ?? ''}\n${marker} ${i} ${code} 120\n`;
    stderr += `${part.stderr ?? ''}\n${marker} ${i} ${code} 120\n`;
    if (name === 'migrate' && code !== 0) break;
  }
  return { exitCode: 0, stdout, stderr };
}

/** The probe record read back: by docker exec in the engine's replacement server, or by a one-off. */
export const isReadBack = (args: string[], engine: string) =>
  (args[0] === 'exec' && args.includes(`tfr-r1-${engine}-web-2`) && args.includes('shell')) ||
  (isOneOff(args, 'read') && args.includes(`tfr-r1-${engine}-net`));

/** Arguments of a `docker run` after the image: the command. */
export const isOneOff = (args: string[], what: string) =>
  args[0] === 'run' && args[1] === '--rm' && args.some((a) => a.endsWith(`-${what}`));

export class FakeDocker implements Docker {
  readonly calls: Call[] = [];
  readonly containers = new Set<string>();
  readonly networks = new Set<string>();
  readonly volumes = new Set<string>();
  readonly images = new Set<string>();
  private readonly handlers: Handler[] = [];
  clock = 0;
  imageConfig: Record<string, unknown> = {
    Env: ['PATH=/usr/bin'],
    Cmd: ['gunicorn', '--bind', '0.0.0.0:8000', 'mysite.wsgi'],
    WorkingDir: '/app',
    ExposedPorts: { '8000/tcp': {} },
    Volumes: { '/data': {} },
  };

  /** Handlers added later win; returning undefined falls through to the default. */
  on(match: (args: string[]) => boolean, result: Partial<DockerExecResult> | Handler): this {
    this.handlers.unshift((args, opts) =>
      match(args) ? (typeof result === 'function' ? result(args, opts) : result) : undefined,
    );
    return this;
  }

  now = () => this.clock;
  sleep = async (ms: number) => {
    this.clock += ms;
  };

  leftovers(): string[] {
    return [...this.containers, ...this.networks, ...this.volumes, ...this.images];
  }

  commands(prefix: string): Call[] {
    return this.calls.filter((c) => c.args.join(' ').startsWith(prefix));
  }

  async exec(args: string[], options?: DockerExecOptions): Promise<DockerExecResult> {
    // A command given its input later (the gated release one-off) runs once it has it.
    const opts =
      options && typeof options.input === 'object' ? { ...options, input: await options.input } : options;
    this.calls.push({ args, opts });
    for (const h of this.handlers) {
      const r = h(args, opts);
      if (r) {
        const result = { exitCode: 0, stdout: '', stderr: '', ...r };
        this.track(args, result.exitCode);
        opts?.onStdout?.(result.stdout);
        return result;
      }
    }
    // Like docker, rm and volume rm print the name of each object removed.
    const known =
      args[0] === 'rm'
        ? args.slice(1).filter((a) => this.containers.has(a))
        : args[0] === 'volume' && args[1] === 'rm'
          ? args.slice(2).filter((a) => this.volumes.has(a))
          : [];
    const r = this.default(args, opts);
    this.track(args, r.exitCode);
    opts?.onStdout?.(r.stdout);
    return known.length && r.exitCode === 0 ? { ...r, stdout: `${known.join('\n')}\n` } : r;
  }

  private track(args: string[], exitCode: number) {
    if (exitCode !== 0) return;
    const nameOf = () => args[args.indexOf('--name') + 1];
    if ((args[0] === 'run' && args[1] === '-d') || args[0] === 'create') this.containers.add(nameOf());
    if (args[0] === 'network' && args[1] === 'create') this.networks.add(args[args.length - 1]);
    if (args[0] === 'volume' && args[1] === 'create') this.volumes.add(args[args.length - 1]);
    if ((args[0] === 'build' || args[1] === 'build') && args.includes('-t'))
      this.images.add(args[args.indexOf('-t') + 1]);
    if (args[0] === 'rm') for (const a of args.slice(1)) this.containers.delete(a);
    if (args[0] === 'network' && args[1] === 'rm') for (const a of args.slice(2)) this.networks.delete(a);
    if (args[0] === 'volume' && args[1] === 'rm') for (const a of args.slice(2)) this.volumes.delete(a);
    if (args[0] === 'image' && args[1] === 'rm') for (const a of args.slice(2)) this.images.delete(a);
  }

  private default(args: string[], opts?: DockerExecOptions): DockerExecResult {
    const [cmd, sub] = args;
    if (cmd === 'buildx') return fail('docker: unknown command: docker buildx', 1);
    if (cmd === 'build' || (cmd === 'buildx' && sub === 'build'))
      return ok('Step 1/3 : FROM base\nSuccessfully built 0123456789ab\n');
    if (cmd === 'image' && sub === 'inspect') return ok(JSON.stringify(this.imageConfig));
    if (cmd === 'network' || cmd === 'volume' || (cmd === 'image' && sub === 'ls')) {
      if (sub === 'ls') {
        const set = cmd === 'network' ? this.networks : cmd === 'volume' ? this.volumes : this.images;
        return ok([...set].join('\n'));
      }
      return ok();
    }
    if (cmd === 'ps') return ok([...this.containers].join('\n'));
    if (cmd === 'exec' && args.includes('pg_isready')) return ok('accepting connections');
    if (cmd === 'exec' && args.includes('psql')) return ok('18\n');
    if (cmd === 'exec' && args.includes('shell')) return ok('tfr-found\n');
    if (cmd === 'port') return ok('127.0.0.1:49153\n');
    if (cmd === 'inspect') return ok(JSON.stringify({ Running: false, ExitCode: 0, OOMKilled: false }));
    if (cmd === 'logs') return ok('[INFO] Listening at: http://0.0.0.0:8000\n');
    if (cmd === 'run' && sub === '--rm') {
      if (isOneOff(args, 'read')) return ok('tfr-found\n');
      if (isOneOff(args, 'release')) return released(args, opts);
      return ok();
    }
    return ok();
  }
}

export function settingsModel(overrides: Partial<SettingsModel> = {}): SettingsModel {
  return {
    file: 'mysite/settings.py',
    module: 'mysite.settings',
    assignments: [
      {
        name: 'SECRET_KEY',
        line: 5,
        value: { kind: 'env', variable: 'SECRET_KEY', via: 'environ[]', required: true, line: 5 },
      },
    ],
    envReads: [
      { variable: 'SECRET_KEY', line: 5, required: true, hasDefault: false },
      { variable: 'ALLOWED_HOSTS', line: 7, required: false, hasDefault: true },
      { variable: 'DB_ENGINE', line: 40, required: false, hasDefault: true },
      { variable: 'DB_HOST', line: 44, required: true, hasDefault: false },
      { variable: 'DB_NAME', line: 46, required: true, hasDefault: false },
      { variable: 'DB_USER', line: 47, required: true, hasDefault: false },
      { variable: 'DB_PASSWORD', line: 48, required: true, hasDefault: false },
    ],
    databases: {
      line: 41,
      selection: { kind: 'env', variable: 'DB_ENGINE', default: 'sqlite', line: 40 },
      configs: [
        {
          engine: 'django.db.backends.postgresql',
          line: 41,
          fields: {},
          selectedBy: { variable: 'DB_ENGINE', value: 'postgres' },
        },
        {
          engine: 'django.db.backends.sqlite3',
          line: 52,
          fields: { NAME: { kind: 'literal', value: '/data/db.sqlite3', line: 55 } },
        },
      ],
    },
    logHandlers: [],
    baseDir: '.',
    ...overrides,
  };
}

export function appModel(overrides: Partial<App> = {}): App {
  return {
    dir: '.',
    managePy: 'manage.py',
    dockerfile: {
      file: 'Dockerfile',
      stages: [],
      builtStages: [],
      globalArgs: [],
      targetStage: {
        index: 0,
        from: { line: 2, endLine: 2, raw: 'FROM base', image: 'base', scratch: false },
        instructions: [],
        lastLine: 8,
        workdir: '/app',
        env: {},
        cmd: {
          keyword: 'CMD',
          form: 'exec',
          argv: ['gunicorn'],
          raw: 'CMD ["gunicorn"]',
          line: 8,
          endLine: 8,
        },
        exposes: [],
        volumes: [],
      },
    },
    settings: settingsModel(),
    requirements: [],
    entrypointScripts: [],
    imageSourceDir: '/app',
    ...overrides,
  };
}

export function projectOf(app: App = appModel(), root = '/nonexistent/project'): Project {
  return { root, apps: [app], parseErrors: [], suppressions: [], suppressionProblems: [] };
}
