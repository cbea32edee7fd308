import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withBases } from '../model/settings.js';
import {
  type Engine,
  type EngineResult,
  type Finding,
  type RawFinding,
  type SmokeResult,
  type SmokeStep,
  type StepStatus,
  stamp,
} from '../core/index.js';
import type { App, Project } from '../model/types/project.js';
import type { SettingsModel } from '../model/types/settings.js';
import { findRule } from '../rules/registry.js';
import { ClassicBuildLog, locateBuildFailure, stageBuildContext, type StagedContext } from './build.js';
import { removeBuildLayers, removeRun, RUN_LABEL, type ClassicBuild } from './cleanup.js';
import { parseDeployCheck } from './deploy-check.js';
import type { Docker, DockerExecResult } from './docker.js';
import { planEnv, type PostgresCredentials } from './env.js';
import { nodeHttpProbe, type HttpProbe } from './http.js';
import {
  capCpus,
  classicBuildLimitArgs,
  containerLimitArgs,
  DEFAULT_LIMITS,
  formatMemory,
  POSTGRES_MIN_MEMORY,
  type ResourceLimits,
} from './limits.js';
import { isSecretName, Redactor, tail } from './redact.js';
import { RELEASE_SCRIPT, releaseArgs, splitRelease, type ReleaseStep } from './release.js';
import { readInside, resolveInside, UnsafePathError } from '../util/safe-fs.js';

export { createDockerCli } from './docker.js';
export type { Docker, DockerExecOptions, DockerExecResult } from './docker.js';
export { removeRun, RUN_LABEL, SMOKE_STATE_KEY } from './cleanup.js';
export type { CleanupReport } from './cleanup.js';
export { nodeHttpProbe } from './http.js';
export type { HttpAnswer, HttpProbe } from './http.js';
export { Redactor } from './redact.js';
export { parseDeployCheck } from './deploy-check.js';
export { locateBuildFailure } from './build.js';
export { planEnv } from './env.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ResourceLimits } from './limits.js';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

/** A fresh run id: lowercase hex, usable in container, network, volume and image names. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

export interface SmokeOptions {
  /** Unique id of this run: names and labels of everything created carry it. Random when absent. */
  runId?: string;
  /** PostgreSQL image; else the compose database service's image, else postgres:16-alpine. */
  postgresImage?: string;
  /** Container port the server listens on; else EXPOSE, else compose, else 8000. */
  port?: number;
  /** How long the server may take to answer HTTP at all (TF0703). Default 60 s. */
  startTimeoutMs?: number;
  /** `docker stop` longer than this is TF0902. Default 5 s. */
  shutdownBudgetMs?: number;
  /** First HTTP answer later than this after start is TF0903. Default 20 s. */
  startupBudgetMs?: number;
  /** How long the PostgreSQL container may take to accept connections. Default 120 s. */
  postgresReadyTimeoutMs?: number;
  /** Build timeout. Default 20 min. */
  buildTimeoutMs?: number;
  /** Timeout of each one-off container (migrate, check --deploy, probes). Default 3 min. */
  oneOffTimeoutMs?: number;
  /** Timeout of the whole run; cleanup follows. Default 30 min. */
  timeoutMs?: number;
  /** Variables added or overridden per engine. */
  env?: Partial<Record<Engine, Record<string, string>>>;
  /** Processes, memory and CPUs of every container (PostgreSQL gets at least 512 MiB). Default 512, 1 GiB, 1.5. */
  limits?: ResourceLimits;
  /** Keep the built image after the run. */
  keepImage?: boolean;
  /** Build args applied on top of compose build.args (e.g. BASE_IMAGE for a registry-less machine). */
  buildArgs?: Record<string, string>;
  /** Called with every secret the run makes or passes on, so the caller can mask it (core.setSecret). */
  onSecret?: (secret: string) => void;
  /** The caller's redactor (already holding its own secrets), used instead of a new one; onSecret is then unused. */
  redactor?: Redactor;
  /** Where the build context without `.git` is staged. Default the OS temp directory. */
  tempDir?: string;
  /** Engines to test. Default both. */
  engines?: Engine[];
  /** Clean up and exit on SIGINT/SIGTERM. Default true. */
  handleSignals?: boolean;
  /** HTTP client used to probe the server (tests inject a fake). */
  http?: HttpProbe;
  /** Random hex generator (tests inject a deterministic one). */
  random?: (bytes: number) => string;
  /** Pause between polls (tests inject an instant one). */
  sleep?: (ms: number) => Promise<void>;
  /** Clock in ms (tests inject a fake one). */
  now?: () => number;
}

export interface SmokeLog {
  info(message: string): void;
  debug?(message: string): void;
}

export interface SmokeOutcome {
  result: SmokeResult;
  findings: Finding[];
}

const silentLog: SmokeLog = { info: () => undefined };

/** What `docker image inspect --format '{{json .Config}}'` tells about the built image. */
interface ImageConfig {
  Env?: string[] | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  WorkingDir?: string;
  ExposedPorts?: Record<string, unknown> | null;
  Volumes?: Record<string, unknown> | null;
  User?: string;
}

interface ContainerState {
  Running?: boolean;
  ExitCode?: number;
  OOMKilled?: boolean;
  Error?: string;
}

interface Anchor {
  file: string;
  line?: number;
}

/** Observations of one engine that become findings once both engines are in (so a rule fires once). */
interface Observation {
  ruleId: string;
  engine: Engine;
  anchor: Anchor;
  message: string;
  details?: string;
  /** Findings with the same key are merged across engines. */
  key?: string;
  related?: string[];
}

class Cancelled extends Error {
  /** What the command that was cut short had printed, when one was. */
  constructor(
    message: string,
    readonly partial?: DockerExecResult,
  ) {
    super(message);
  }
}

const MISSING_TABLE = /no such table|relation "[^"]+" does not exist|table '[^']+' doesn't exist/i;
/** SQLite failing to create or write its file: usually a volume directory the image's user cannot write. */
const SQLITE_NOT_WRITABLE = /unable to open database file|attempt to write a readonly database/i;
const DB_CONNECTION_ERROR =
  /could not translate host name|could not connect to server|connection to server at|connection refused|Is the server running|name or service not known|psycopg2?\.OperationalError|OperationalError: .*(host|connect)|Can't connect to MySQL|Unknown MySQL server host/i;

/** What to do when an engine breaks at a step, for the TF1001/TF1002 message. */
const ADVICE: Record<string, string> = {
  migrate:
    'Make every database setting come from the environment, and check that migrations apply to an empty database.',
  start: 'The container must start with only its environment: see the log in the details.',
  http: 'The server must start and answer non-5xx responses on its port: see the log in the details.',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

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
  const now = options.now ?? Date.now;
  const random = options.random ?? ((n: number) => randomBytes(n).toString('hex'));
  const started = now();
  const app = project.apps.find((a) => a.dockerfile);
  if (!app?.dockerfile) {
    return {
      result: {
        status: 'skipped',
        reason: 'No Dockerfile was found for the app, so there is no image to build and run.',
        engines: {},
        durationMs: 0,
      },
      findings: [],
    };
  }
  const refused = outsideBuildSource(project.root, app);
  if (refused)
    return { result: { status: 'skipped', reason: refused, engines: {}, durationMs: 0 }, findings: [] };
  const runId = (options.runId ?? newRunId()).toLowerCase();
  const redactor = options.redactor ?? new Redactor(options.onSecret);
  let cancelled = false;
  // Docker commands under way; a stop kills them before cleaning up, so none creates anything after the cleanup.
  const abort = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  const guarded: Docker = {
    async exec(args, opts) {
      if (cancelled) throw new Cancelled('the smoke run was stopped');
      const p = docker.exec(args, { ...opts, signal: abort.signal });
      inFlight.add(p);
      const r = await p.finally(() => inFlight.delete(p));
      if (cancelled) throw new Cancelled('the smoke run was stopped', r);
      log.debug?.(`docker ${redactor.redact(args.join(' '))} → ${r.exitCode}`);
      return r;
    },
  };
  const imageTag = `tfr-${runId}-app:latest`;
  const run = new SmokeRun(project, app, options, guarded, log, redactor, runId, imageTag, random, now);
  let cleanupPromise: Promise<unknown> | undefined;
  const cleanup = () => {
    cancelled = true;
    abort.abort();
    const settled = Promise.race([
      Promise.allSettled([...inFlight]),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    cleanupPromise ??= settled
      .then(() => run.stagedContext?.remove())
      .then(() => removeRun(docker, runId, { keepImage: options.keepImage }))
      .then(async (r) => {
        // The classic builder leaves the layers it committed untagged and unlabelled: they go by the IDs recorded.
        if (run.classicBuild) r.images += await removeBuildLayers(docker, run.classicBuild);
        // Each engine removed its own objects as it ended; the final cleanup removed the rest.
        const early = run.removed;
        log.info(
          `Cleanup: removed ${r.containers + early.containers} container(s), ${r.networks + early.networks} network(s), ${r.volumes + early.volumes} volume(s), ${r.images} image(s).`,
        );
        for (const e of r.errors) log.debug?.(`cleanup: ${redactor.redact(e)}`);
        return r;
      });
    return cleanupPromise;
  };
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
    const outcome = await Promise.race([run.execute(), timedOut]);
    if (outcome === 'timeout') {
      cancelled = true;
      return run.finish(`The smoke test did not finish within ${seconds(timeoutMs)}; it was stopped.`);
    }
    return outcome;
  } catch (error) {
    if (error instanceof Cancelled) return run.finish('The smoke test was stopped.');
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    await cleanup();
    if (options.handleSignals !== false) for (const s of signals) process.off(s, onSignal);
    void started;
  }
}

/** One smoke run: the built image, both engines, their observations. */
class SmokeRun {
  private readonly observations: Observation[] = [];
  private readonly engines: Partial<Record<Engine, EngineResult>> = {};
  private build?: SmokeStep;
  private readonly finished = new Set<Engine>();
  /** The layers the classic build committed, for the final cleanup to remove. */
  classicBuild?: ClassicBuild;
  /** The build context copied without `.git`, while the build uses it. */
  stagedContext?: StagedContext;
  /** What the engines removed themselves as they ended. */
  readonly removed = { containers: 0, networks: 0, volumes: 0 };
  private readonly started: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly http: HttpProbe;
  private readonly dockerfile: string;
  /** The settings as the app runs them, with what it star-imports from other settings modules. */
  private readonly settings?: SettingsModel;
  private image?: ImageConfig;
  private imageRef: string;
  /** The limits every container gets, CPUs capped at the engine's once known. */
  private limits: ResourceLimits;

  constructor(
    private readonly project: Project,
    private readonly app: App,
    private readonly options: SmokeOptions,
    private readonly docker: Docker,
    private readonly log: SmokeLog,
    private readonly redactor: Redactor,
    private readonly runId: string,
    imageTag: string,
    private readonly random: (bytes: number) => string,
    private readonly now: () => number,
  ) {
    this.started = now();
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.http = options.http ?? nodeHttpProbe;
    this.dockerfile = buildSource(app).dockerfile;
    this.imageRef = imageTag;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    if (app.settings) this.settings = withBases(app.settings, app.settingsBases);
  }

  private get label() {
    return `${RUN_LABEL}=${this.runId}`;
  }

  private name(...parts: string[]) {
    return ['tfr', this.runId, ...parts].join('-');
  }

  private engineList(): Engine[] {
    return (this.options.engines ?? [...ENGINES]).filter((e, i, all) => all.indexOf(e) === i);
  }

  // ---------------------------------------------------------------- anchors (catalog's anchor column)

  private get settingsAnchor(): Anchor {
    const s = this.app.settings;
    return s ? { file: s.file } : { file: this.dockerfile, line: 1 };
  }

  /** The settings module that builds DATABASES: the settings module itself, or a base it star-imports. */
  private get databasesModule(): SettingsModel | undefined {
    const databases = this.settings?.databases;
    return [this.app.settings, ...[...(this.app.settingsBases ?? [])].reverse()].find(
      (m) => m?.databases && m.databases === databases,
    );
  }

  private get databasesAnchor(): Anchor {
    const s = this.databasesModule;
    if (s?.databases) return { file: s.file, line: s.databases.line };
    return this.settingsAnchor;
  }

  private get cmdAnchor(): Anchor {
    const target = this.app.dockerfile?.targetStage;
    const cmd = target?.cmd ?? target?.entrypoint;
    if (cmd) return { file: this.app.dockerfile!.file, line: cmd.line };
    if (target) return { file: this.app.dockerfile!.file, line: target.from.line };
    return { file: this.dockerfile, line: 1 };
  }

  private get sqlitePathAnchor(): Anchor {
    const s = this.databasesModule;
    const sqlite = s?.databases?.configs.find((c) => c.engine?.includes('sqlite'));
    const name = sqlite?.fields.NAME;
    if (s && name) return { file: s.file, line: name.line };
    if (s && sqlite) return { file: s.file, line: sqlite.line };
    return { file: this.dockerfile, line: 1 };
  }

  // ---------------------------------------------------------------- the run

  async execute(): Promise<SmokeOutcome> {
    const engines = this.engineList();
    // The engine refuses `--cpus` above its CPU count: a 1-CPU runner gets what it has.
    const info = await this.docker.exec(['info', '--format', '{{.NCPU}}'], { timeoutMs: 30_000 });
    this.limits = capCpus(this.limits, info.exitCode === 0 ? Number(info.stdout.trim()) : Number.NaN);
    const pgCreds = engines.includes('postgres') ? this.postgresCredentials() : undefined;
    const postgres = pgCreds ? this.startPostgres(pgCreds) : undefined;
    // PostgreSQL starts while the image builds; a failure there is reported by the postgres engine.
    postgres?.catch(() => undefined);
    // The SQLite engine's network too: nothing in it depends on the image.
    if (engines.includes('sqlite')) this.ensureNetwork('sqlite').catch(() => undefined);
    const built = await this.buildImage();
    if (!built) {
      for (const e of engines) this.engines[e] = this.skippedEngine(e, 'The image did not build.');
      return this.finish('The image did not build.');
    }
    await Promise.all(
      engines.map((e) => (e === 'postgres' ? this.runEngine(e, postgres, pgCreds) : this.runEngine(e))),
    );
    return this.finish();
  }

  /** The result and findings as they stand; engines that never ran are marked skipped. */
  finish(reason?: string): SmokeOutcome {
    // Engines cut short by a timeout or a signal did not get through.
    for (const e of Object.values(this.engines)) {
      if (e && !this.finished.has(e.engine) && e.status !== 'skipped') {
        e.status = 'failed';
        e.reason = reason ?? 'Not finished.';
        e.durationMs = this.now() - this.started;
      }
    }
    for (const e of this.engineList()) this.engines[e] ??= this.skippedEngine(e, reason ?? 'Not run.');
    const statuses = Object.values(this.engines).map((e) => e!.status);
    const failed = this.build?.status === 'failed' || statuses.includes('failed') || !!reason;
    const result: SmokeResult = {
      status: failed ? 'failed' : statuses.every((s) => s === 'skipped') ? 'skipped' : 'passed',
      ...(reason ? { reason } : {}),
      app: this.app.dir,
      ...(this.build ? { build: this.build } : {}),
      // A copy: engines cut short by a timeout may still record their last steps after this returns.
      engines: structuredClone(this.engines),
      durationMs: this.now() - this.started,
    };
    return { result, findings: this.findings() };
  }

  private skippedEngine(engine: Engine, reason: string): EngineResult {
    return { engine, status: 'skipped', reason, durationMs: 0, steps: [] };
  }

  private findings(): Finding[] {
    const merged = new Map<string, Observation & { engines: Engine[] }>();
    for (const o of this.observations) {
      const key = `${o.ruleId}\0${o.key ?? ''}`;
      const seen = merged.get(key);
      if (seen) {
        if (!seen.engines.includes(o.engine)) seen.engines.push(o.engine);
        continue;
      }
      merged.set(key, { ...o, engines: [o.engine] });
    }
    const out: Finding[] = [];
    for (const o of merged.values()) {
      const rule = findRule(o.ruleId)!;
      const scope = o.ruleId === 'TF0502' ? '' : ` (${o.engines.join(' and ')})`;
      const raw: RawFinding = {
        file: o.anchor.file,
        ...(o.anchor.line !== undefined ? { line: o.anchor.line } : {}),
        message: this.redactor.redact(o.message + (o.ruleId === 'TF1302' ? '' : scope)),
        // What merged the observations identifies the finding: not the timings nor the engines in its message.
        key: o.key ?? '',
        ...(o.details ? { details: this.redactor.redact(o.details) } : {}),
      };
      const f = stamp(rule, raw);
      out.push(o.related ? { ...f, related: o.related } : f);
    }
    return out;
  }

  // ---------------------------------------------------------------- build

  private async buildImage(): Promise<boolean> {
    const t0 = this.now();
    const composeBuild = this.app.compose?.appService?.build;
    const root = this.project.root;
    const { contextDir } = buildSource(this.app);
    const args: Record<string, string> = {};
    for (const [k, v] of Object.entries(composeBuild?.args ?? {})) if (v !== undefined) args[k] = v;
    Object.assign(args, this.options.buildArgs ?? {});
    const target = composeBuild?.target;
    // The builder gets a copy of the context without `.git`, whatever .dockerignore says: it holds the checkout's token.
    const staged = await stageBuildContext(
      path.join(root, contextDir),
      path.join(root, this.dockerfile),
      this.options.tempDir ?? tmpdir(),
    );
    this.stagedContext = staged;
    try {
      return await this.buildFrom(staged, target, args, t0);
    } finally {
      await staged.remove();
    }
  }

  private async buildFrom(
    staged: StagedContext,
    target: string | undefined,
    args: Record<string, string>,
    t0: number,
  ): Promise<boolean> {
    const root = this.project.root;
    const common = [
      '-f',
      staged.dockerfile,
      '-t',
      this.imageRef,
      '--label',
      this.label,
      ...(target ? ['--target', target] : []),
      ...Object.entries(args).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    ];
    for (const [k, v] of Object.entries(args)) if (isSecretName(k)) this.redactor.add(v);
    // Secret-looking ENV and ARG literals of the Dockerfile are echoed by the build log (`Step 3/9 : ENV …`).
    const dockerfile = this.app.dockerfile;
    for (const i of [
      ...(dockerfile?.globalArgs ?? []),
      ...(dockerfile?.stages ?? []).flatMap((st) => st.instructions),
    ]) {
      if ('pairs' in i && i.keyword === 'ENV')
        for (const p of i.pairs) if (isSecretName(p.name)) this.redactor.add(p.value);
      if ('name' in i && i.keyword === 'ARG' && isSecretName(i.name))
        for (const v of [i.default, i.value]) this.redactor.add(v);
    }
    const buildx = (await this.docker.exec(['buildx', 'version'], { timeoutMs: 30_000 })).exitCode === 0;
    const argv = buildx
      ? ['buildx', 'build', '--load', '--progress', 'plain', ...common, staged.context]
      : ['build', '--force-rm', ...classicBuildLimitArgs(this.limits), ...common, staged.context];
    this.log.info(`Building the image from ${this.dockerfile} (${buildx ? 'buildx' : 'classic builder'})…`);
    // The layers it commits are read from the log as it streams: the output kept is only its tail.
    const buildLog = buildx ? undefined : new ClassicBuildLog();
    const classicBuild = (cutShort: boolean, keep?: string): ClassicBuild | undefined =>
      buildLog && { ...buildLog.result(), cutShort, startedAt, ...(keep ? { keep } : {}) };
    const startedAt = Date.now();
    let r: DockerExecResult;
    try {
      r = await this.docker.exec(argv, {
        timeoutMs: this.options.buildTimeoutMs ?? 20 * 60_000,
        env: buildx ? {} : { DOCKER_BUILDKIT: '0' },
        ...(buildLog ? { onStdout: (chunk: string) => buildLog.feed(chunk) } : {}),
      });
    } catch (error) {
      if (error instanceof Cancelled) this.classicBuild = classicBuild(true);
      throw error;
    }
    const logText = `${r.stdout}\n${r.stderr}`;
    const durationMs = this.now() - t0;
    if (r.exitCode !== 0) {
      let dockerfileText: string | undefined;
      try {
        dockerfileText = (await readInside(root, this.dockerfile, { maxBytes: 2 * 1024 * 1024 })).toString(
          'utf8',
        );
      } catch {
        dockerfileText = undefined;
      }
      const failure = locateBuildFailure(logText, dockerfileText);
      const why = r.timedOut
        ? `did not finish within ${seconds(this.options.buildTimeoutMs ?? 20 * 60_000)}`
        : failure.instruction
          ? `failed at \`${failure.instruction}\``
          : `failed (exit code ${r.exitCode})`;
      const logTail = this.redactor.redact(tail(logText, 40));
      this.build = { name: 'build', status: 'failed', durationMs, detail: `The build ${why}.`, logTail };
      this.observations.push({
        ruleId: 'TF0502',
        engine: 'sqlite',
        anchor: { file: this.dockerfile, ...(failure.line ? { line: failure.line } : {}) },
        message: `The image does not build: ${this.dockerfile} ${why}. Fix that instruction so \`docker build\` succeeds; the tail of the build log is in the details.`,
        details: logTail,
      });
      this.log.info(`Build failed: ${why}.`);
      this.classicBuild = classicBuild(!!r.timedOut);
      return false;
    }
    // The image is removed by label without its parents; the layers under it and those of stages the target does
    // not build on go by the IDs recorded.
    this.classicBuild = classicBuild(false, this.options.keepImage ? this.imageRef : undefined);
    const idMatch = /Successfully built ([0-9a-f]{12,})|writing image (sha256:[0-9a-f]{64})/.exec(logText);
    this.build = {
      name: 'build',
      status: 'passed',
      durationMs,
      detail: `Built in ${seconds(durationMs)}${idMatch ? ` (${idMatch[1] ?? idMatch[2]})` : ''}.`,
    };
    const inspect = await this.docker.exec(
      ['image', 'inspect', '--format', '{{json .Config}}', this.imageRef],
      {
        timeoutMs: 30_000,
      },
    );
    try {
      this.image = JSON.parse(inspect.stdout.trim() || '{}') as ImageConfig;
    } catch {
      this.image = {};
    }
    return true;
  }

  // ---------------------------------------------------------------- PostgreSQL

  private postgresImage(): string {
    if (this.options.postgresImage) return this.options.postgresImage;
    const service = this.app.compose?.services.find((s) => s.role === 'postgres' && s.image);
    return service?.image?.value ?? 'postgres:16-alpine';
  }

  private network(engine: Engine) {
    return this.name(engine, 'net');
  }

  private networkCreated = new Map<Engine, Promise<DockerExecResult>>();
  /** Named volumes created for each engine. */
  private readonly engineVolumes = new Map<Engine, string[]>();

  private ensureNetwork(engine: Engine): Promise<DockerExecResult> {
    let p = this.networkCreated.get(engine);
    if (!p) {
      p = this.docker.exec(['network', 'create', '--label', this.label, this.network(engine)], {
        timeoutMs: 60_000,
      });
      this.networkCreated.set(engine, p);
    }
    return p;
  }

  /** Starts a fresh PostgreSQL with random credentials on the postgres engine's network and waits until it accepts. */
  /** Random credentials of the fresh PostgreSQL, masked from here on. */
  private postgresCredentials(): PostgresCredentials {
    const creds: PostgresCredentials = {
      host: this.name('postgres', 'db'),
      port: 5432,
      name: `tfr_${this.random(4)}`,
      user: `tfr_${this.random(4)}`,
      password: this.random(18),
    };
    this.redactor.add(creds.password);
    return creds;
  }

  private async startPostgres(creds: PostgresCredentials): Promise<{
    creds: PostgresCredentials;
    container: string;
    ms: number;
    image: string;
  }> {
    const t0 = this.now();
    const image = this.postgresImage();
    const container = creds.host;
    const [net, dataVolumes] = await Promise.all([
      this.ensureNetwork('postgres'),
      this.postgresDataVolumes(image),
    ]);
    if (net.exitCode !== 0) throw new Error(`docker network create failed: ${net.stderr.trim()}`);
    const r = await this.docker.exec(
      [
        'run',
        '-d',
        '--name',
        container,
        '--label',
        this.label,
        '--network',
        this.network('postgres'),
        ...containerLimitArgs(this.limits, POSTGRES_MIN_MEMORY),
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
    await this.waitForPostgres(container, creds, image);
    return { creds, container, ms: this.now() - t0, image };
  }

  /**
   * The PostgreSQL image's VOLUMEs, which hold its data directory in the official images (/var/lib/postgresql/data
   * up to 17, /var/lib/postgresql from 18). The image is pulled first when it is not here, as `docker run` would.
   */
  private async postgresDataVolumes(image: string): Promise<string[]> {
    const inspect = () =>
      this.docker.exec(['image', 'inspect', '--format', '{{json .Config}}', image], { timeoutMs: 30_000 });
    let r = await inspect();
    if (r.exitCode !== 0) {
      const pull = await this.docker.exec(['pull', image], { timeoutMs: 10 * 60_000 });
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
  private async waitForPostgres(container: string, creds: PostgresCredentials, image: string): Promise<void> {
    const readyTimeoutMs = this.options.postgresReadyTimeoutMs ?? 120_000;
    const deadline = this.now() + readyTimeoutMs;
    const isready = ['pg_isready', '-q', '-h', '127.0.0.1', '-U', creds.user, '-d', creds.name];
    const notReady = async (why: string) => {
      const logs = await this.logs(container);
      return new Error(`PostgreSQL (${image}) ${why}.\n${logs}`);
    };
    const timeout = `did not become ready (pg_isready) within ${seconds(readyTimeoutMs)}`;
    // The loop ends by itself at the deadline: a docker exec outlives a killed CLI.
    const attempts = Math.max(1, Math.ceil(readyTimeoutMs / 100));
    const loop = await this.docker.exec(
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
    const state = await this.state(container);
    if (!state?.Running) throw await notReady('exited during startup');
    // No shell (or no sleep) in the image: one exec per attempt.
    for (;;) {
      const ready = await this.docker.exec(['exec', container, ...isready], { timeoutMs: 15_000 });
      if (ready.exitCode === 0) return;
      if (/is not running|No such container/i.test(ready.stderr))
        throw await notReady('exited during startup');
      if (this.now() > deadline) throw await notReady(timeout);
      await this.sleep(100);
    }
  }

  // ---------------------------------------------------------------- engine

  private async runEngine(
    engine: Engine,
    postgres?: Promise<{ creds: PostgresCredentials; container: string; ms: number; image: string }>,
    pgCreds?: PostgresCredentials,
  ): Promise<void> {
    const t0 = this.now();
    const steps: SmokeStep[] = [];
    const result: EngineResult = { engine, status: 'passed', durationMs: 0, steps };
    this.engines[engine] = result;
    const order =
      engine === 'postgres'
        ? ['database', 'migrate', 'start', 'http', 'stop', 'persist', 'tables', 'check-deploy']
        : ['migrate', 'start', 'http', 'stop', 'persist', 'check-deploy'];
    const record = (step: SmokeStep) => {
      step.detail = this.redactor.redact(step.detail);
      step.logTail = this.redactor.redact(step.logTail);
      steps.push(step);
      return step;
    };
    // check --deploy runs first in the release one-off, whatever becomes of the database; recorded when it ends.
    let deployCheck: Promise<SmokeStep> | undefined;
    const pathFailed = (stepName: string, why: string, logTail?: string) => {
      result.status = 'failed';
      result.reason = this.redactor.redact(`${stepName}: ${why}`);
      const rule = engine === 'sqlite' ? 'TF1001' : 'TF1002';
      const setup =
        engine === 'sqlite'
          ? 'with DB_ENGINE=sqlite'
          : 'with DB_ENGINE=postgres against a fresh PostgreSQL attached through environment variables';
      this.observations.push({
        ruleId: rule,
        engine,
        anchor: this.databasesAnchor,
        message:
          `The image does not migrate and serve ${setup}: step \`${stepName}\` failed (${this.redactor.redact(why)}). ${ADVICE[stepName] ?? ''}`.trim(),
        details: logTail,
      });
      for (const name of order) {
        if (name === 'check-deploy' && deployCheck) continue; // recorded when the release one-off ends
        if (!steps.some((s) => s.name === name)) record(skip(name, `${stepName} failed`));
      }
    };
    const skip = (name: string, why: string): SmokeStep => ({
      name,
      status: 'skipped',
      durationMs: 0,
      detail: why,
    });

    try {
      const net = await this.ensureNetwork(engine);
      if (net.exitCode !== 0 && engine !== 'postgres')
        throw new Error(`docker network create failed: ${net.stderr.trim()}`);
      const ctx = net.exitCode === 0 ? await this.engineContext(engine, pgCreds) : undefined;
      const probeUser = `tfr-probe-${this.runId}-${engine}`;
      // The release one-off starts at once: on PostgreSQL it runs check --deploy while the database gets ready and
      // waits at the gate before migrate. Behind a wrapper script that may need the database first, it starts once
      // the database is ready (or, when it never is, for check --deploy alone).
      const gate = postgres?.then(
        () => 'go\n',
        () => 'stop\n',
      );
      const release = !ctx
        ? undefined
        : !gate || !ctx.wrapperMayUseDatabase
          ? this.release(ctx, probeUser, gate)
          : gate.then((line) =>
              this.release(ctx, probeUser, line === 'go\n' ? undefined : Promise.resolve(line)),
            );
      release?.catch(() => undefined);
      deployCheck = release?.then((r) => this.deployCheckStep(r.check, engine));
      deployCheck?.catch(() => undefined);

      // Database.
      let creds: PostgresCredentials | undefined;
      let pgContainer: string | undefined;
      if (engine === 'postgres') {
        try {
          const pg = await postgres!;
          creds = pg.creds;
          pgContainer = pg.container;
          record({
            name: 'database',
            status: 'passed',
            durationMs: pg.ms,
            detail: `${pg.image} ready in ${seconds(pg.ms)}.`,
          });
        } catch (error) {
          if (error instanceof Cancelled) throw error;
          // The database we provide failed, not the app: the engine is not tested rather than failed.
          result.status = 'skipped';
          result.reason = this.redactor.redact((error as Error).message.split('\n')[0]);
          record({
            name: 'database',
            status: 'failed',
            durationMs: this.now() - t0,
            detail: result.reason,
            logTail: this.redactor.redact(tail((error as Error).message, 20)),
          });
          for (const name of order.slice(1))
            if (name !== 'check-deploy' || !deployCheck) record(skip(name, 'PostgreSQL did not start'));
          return;
        }
      }
      if (!ctx || !release) throw new Error(`docker network create failed: ${net.stderr.trim()}`);

      // migrate (TF1201; sqlite still needing a server is TF0309), then the probe record for the persist step.
      const released = await release;
      const written = released.write;
      {
        const r = released.migrate;
        const out = `${r.stdout}\n${r.stderr}`;
        const durationMs = r.durationMs ?? 0;
        if (r.exitCode !== 0) {
          const why = r.timedOut
            ? 'did not finish in time'
            : `exit code ${r.exitCode}: ${lastErrorLine(out)}`;
          const logTail = this.redactor.redact(tail(out));
          record({ name: 'migrate', status: 'failed', durationMs, detail: `migrate ${why}`, logTail });
          this.observations.push({
            ruleId: 'TF1201',
            engine,
            anchor: this.databasesAnchor,
            message: `\`manage.py migrate --noinput\` run as a one-off container from the image failed (${this.redactor.redact(why)}). The release must be able to migrate with only the environment it is given.${engine === 'sqlite' && SQLITE_NOT_WRITABLE.test(out) ? ` ${this.sqliteNotWritable()}` : ''}`,
            details: logTail,
          });
          if (engine === 'sqlite' && DB_CONNECTION_ERROR.test(out)) {
            this.observations.push({
              ruleId: 'TF0309',
              engine,
              anchor: this.databasesAnchor,
              message:
                'With DB_ENGINE=sqlite the app still tries to reach a database server. Select the engine from DB_ENGINE (or DATABASE_URL) so the image runs with no server at all.',
              details: logTail,
            });
          }
          pathFailed('migrate', why, logTail);
          return;
        }
        record({
          name: 'migrate',
          status: 'passed',
          durationMs,
          detail: `Migrated in ${seconds(durationMs)}, then wrote a probe record in the same one-off.`,
        });
      }
      // The tables are looked up in PostgreSQL now, alongside the server steps: nothing later changes them.
      let tables: { query: Promise<DockerExecResult>; s0: number; durationMs?: number } | undefined;
      if (engine === 'postgres' && creds && pgContainer) {
        const s0 = this.now();
        const query = this.docker.exec(
          [
            'exec',
            pgContainer,
            'psql',
            '-U',
            creds.user,
            '-d',
            creds.name,
            '-tAc',
            'select count(*) from django_migrations',
          ],
          { timeoutMs: 30_000 },
        );
        tables = { query, s0 };
        query.then(
          () => (tables!.durationMs = this.now() - s0),
          () => undefined,
        );
      }

      // Server: start, first answer, probes.
      const web1 = this.name(engine, 'web', '1');
      const web2 = this.name(engine, 'web', '2');
      let web2Created: Promise<DockerExecResult> | undefined;
      // The replacement server and the read-back of the probe record in it, started once the first server answers.
      let replacing: ReturnType<SmokeRun['startServer']> | undefined;
      let reading: Promise<(DockerExecResult & { in: 'replacement' | 'one-off' }) | undefined> | undefined;
      let p0 = 0;
      let persistMs = 0;
      {
        const s0 = this.now();
        const started = await this.startServer(ctx, web1);
        if (!started.ok) {
          record({
            name: 'start',
            status: 'failed',
            durationMs: this.now() - s0,
            detail: started.why,
            logTail: started.logTail,
          });
          pathFailed('start', started.why, started.logTail);
          return;
        }
        record({
          name: 'start',
          status: 'passed',
          durationMs: this.now() - s0,
          detail: `Container listening on 127.0.0.1:${started.hostPort} → ${ctx.port}/tcp.`,
        });
        // The replacement is created while this one is probed: start is the quicker half of `docker run`.
        web2Created = this.createServer(ctx, web2);
        web2Created.catch(() => undefined);
        const h0 = this.now();
        const answered = await this.waitForHttp(web1, started.hostPort);
        const firstAnswerMs = this.now() - s0;
        if (!answered.ok) {
          const logTail = await this.logs(web1);
          record({
            name: 'http',
            status: 'failed',
            durationMs: this.now() - h0,
            detail: answered.why,
            logTail,
          });
          this.observations.push({
            ruleId: 'TF0703',
            engine,
            anchor: this.cmdAnchor,
            message: `The server never answered HTTP on port ${ctx.port} (${answered.why}). Bind it to 0.0.0.0:${ctx.port} (e.g. \`gunicorn -b 0.0.0.0:${ctx.port}\`), not 127.0.0.1, and make sure it starts.`,
            details: logTail,
          });
          pathFailed('http', answered.why, logTail);
          return;
        }
        const budget = this.options.startupBudgetMs ?? 20_000;
        if (firstAnswerMs > budget) {
          this.observations.push({
            ruleId: 'TF0903',
            engine,
            anchor: this.cmdAnchor,
            message: `The server took ${seconds(firstAnswerMs)} to answer its first HTTP request, over the ${seconds(budget)} startup budget. Move slow work (migrations, asset collection, waits) out of the start command.`,
          });
        }
        // As a rolling deploy would, the replacement starts on the same volumes once this one serves, and the probe
        // record is read back in it while this one is probed and then stopped.
        p0 = this.now();
        replacing = this.startServer(ctx, web2, web2Created);
        replacing.catch(() => undefined);
        reading =
          written.exitCode === 0
            ? replacing
                .then((st) => this.readBack(ctx, st.ok ? web2 : undefined, probeUser))
                .finally(() => (persistMs = this.now() - p0))
            : Promise.resolve(undefined);
        reading.catch(() => undefined);
        const probes = await this.probe(started.hostPort);
        const detail = `First answer ${seconds(firstAnswerMs)} after start. ${probes.detail}`;
        if (probes.serverError) {
          await reading.catch(() => undefined);
          const logTail = await this.logs(web1);
          record({ name: 'http', status: 'failed', durationMs: this.now() - h0, detail, logTail });
          pathFailed('http', probes.detail, logTail);
          return;
        }
        record({ name: 'http', status: 'passed', durationMs: this.now() - h0, detail });
      }

      // stop (TF0902): the first server, while the replacement starts and the record is read back in it.
      const budget = this.options.shutdownBudgetMs ?? 5_000;
      let stop = await this.measureStop(web1, budget);
      const web2Started = await replacing;
      // A graceful stop over budget is measured again on the replacement once it serves: the machine may be busy.
      if (!stop.killed && stop.slow && web2Started.ok) {
        await reading.catch(() => undefined);
        if ((await this.waitForHttp(web2, web2Started.hostPort)).ok) {
          const again = await this.measureStop(web2, budget);
          if (again.killed || again.durationMs < stop.durationMs) stop = again;
        }
      }
      if (stop.killed || stop.slow) {
        const logTail = await this.logs(stop.container);
        record({ name: 'stop', status: 'failed', durationMs: stop.durationMs, detail: stop.detail, logTail });
        this.observations.push({
          ruleId: 'TF0902',
          engine,
          anchor: this.cmdAnchor,
          message: stop.killed
            ? `\`docker stop\` ended the server by SIGKILL after ${seconds(stop.durationMs)} (exit code ${stop.exitCode}): SIGTERM does not reach or stop it. Use the exec form of CMD, \`exec\` the server from entrypoint scripts, and let it exit on SIGTERM.`
            : `\`docker stop\` took ${seconds(stop.durationMs)}, over the ${seconds(budget)} shutdown budget. Make the server exit promptly on SIGTERM (exec form CMD, \`exec\` in scripts, a short graceful timeout).`,
          details: logTail,
        });
      } else {
        record({ name: 'stop', status: 'passed', durationMs: stop.durationMs, detail: stop.detail });
      }

      // persist (TF0604): the record read back once the server container was replaced.
      {
        const read = await reading;
        const writeOut = `${written.stdout}\n${written.stderr}`;
        const lost = (why: string, logTail: string) => {
          record({ name: 'persist', status: 'failed', durationMs: persistMs, detail: why, logTail });
          this.observations.push({
            ruleId: 'TF0604',
            engine,
            anchor: this.sqlitePathAnchor,
            message: `Data written through the app is gone once its container is replaced (${why}). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server.`,
            details: logTail,
          });
        };
        if (written.exitCode !== 0) {
          const logTail = this.redactor.redact(tail(writeOut));
          if (MISSING_TABLE.test(writeOut)) {
            lost(
              `the tables migrate had just created were missing when the probe record was written: ${lastErrorLine(writeOut)}`,
              logTail,
            );
          } else {
            record({
              name: 'persist',
              status: 'skipped',
              durationMs: persistMs,
              detail: `Could not write a probe record through Django's user model (${lastErrorLine(writeOut)}).`,
              logTail,
            });
          }
        } else {
          const readOut = `${read?.stdout ?? ''}\n${read?.stderr ?? ''}`;
          if (read?.exitCode === 0 && readOut.includes('tfr-found')) {
            record({
              name: 'persist',
              status: 'passed',
              durationMs: persistMs,
              detail:
                read.in === 'replacement'
                  ? 'A user written by a one-off container was read back in the replacement server container.'
                  : 'A user written by a one-off container was read back by the next one-off, after the server container was replaced.',
            });
          } else if (read?.exitCode === 0 || MISSING_TABLE.test(readOut)) {
            lost(
              read?.exitCode === 0
                ? 'a user written by a one-off container was not found by the next container'
                : `the table was gone in the next container: ${lastErrorLine(readOut)}`,
              this.redactor.redact(tail(readOut)),
            );
          } else {
            record({
              name: 'persist',
              status: 'failed',
              durationMs: persistMs,
              detail: `Reading the probe record back failed (${lastErrorLine(readOut)}).`,
              logTail: this.redactor.redact(tail(readOut)),
            });
          }
        }
      }

      // tables (TF0309): the migrations landed in the PostgreSQL we attached.
      if (tables) {
        const r = await tables.query;
        const count = Number(r.stdout.trim());
        const durationMs = tables.durationMs ?? this.now() - tables.s0;
        if (r.exitCode === 0 && count > 0) {
          record({
            name: 'tables',
            status: 'passed',
            durationMs,
            detail: `${count} migrations recorded in PostgreSQL.`,
          });
        } else {
          const why =
            r.exitCode === 0
              ? 'django_migrations is empty in PostgreSQL'
              : 'PostgreSQL has no django_migrations table';
          record({
            name: 'tables',
            status: 'failed',
            durationMs,
            detail: `${why}: the app migrated another database.`,
            logTail: this.redactor.redact(tail(`${r.stdout}\n${r.stderr}`)),
          });
          this.observations.push({
            ruleId: 'TF0309',
            engine,
            anchor: this.databasesAnchor,
            message: `With DB_ENGINE=postgres and the PostgreSQL settings in the environment, the migrations did not land in PostgreSQL (${why}): the app kept another database. Build DATABASES from DB_ENGINE/DB_HOST/... or DATABASE_URL.`,
          });
        }
      }
    } catch (error) {
      if (error instanceof Cancelled) {
        result.status = 'failed';
        result.reason = 'The smoke test was stopped before this engine finished.';
        throw error;
      }
      result.status = 'failed';
      result.reason = this.redactor.redact(`The smoke test could not run: ${(error as Error).message}`);
      for (const name of order) if (!steps.some((s) => s.name === name)) record(skip(name, 'not run'));
    } finally {
      // check --deploy (TF1302).
      if (deployCheck) {
        const step = await deployCheck.catch(() => undefined);
        const at = steps.findIndex((s) => s.name === 'check-deploy');
        if (at >= 0) steps.splice(at, 1);
        record(step ?? skip('check-deploy', 'not run'));
      }
      steps.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
      if (result.status === 'passed' && steps.some((s) => s.status === 'failed')) {
        result.status = 'failed';
        result.reason = steps
          .filter((s) => s.status === 'failed')
          .map((s) => `${s.name}: ${s.detail ?? 'failed'}`)
          .join('; ');
      }
      result.durationMs = this.now() - t0;
      this.finished.add(engine);
      this.log.info(`${engine}: ${result.status}${result.reason ? ` (${result.reason})` : ''}`);
      // This engine's containers, network and volumes go as soon as it ends, alongside the other engine; the final
      // cleanup by label then removes the image and anything missed.
      const names = [this.name(engine, 'web', '1'), this.name(engine, 'web', '2')];
      if (engine === 'postgres') names.push(this.name('postgres', 'db'));
      const lines = (r?: DockerExecResult) => (r?.stdout ?? '').split('\n').filter((l) => l.trim()).length;
      const removed = await this.docker
        .exec(['rm', '-f', '-v', ...names], { timeoutMs: 60_000 })
        .catch(() => undefined);
      this.removed.containers += lines(removed);
      const volumes = this.engineVolumes.get(engine) ?? [];
      if (removed?.exitCode === 0 || /No such container/i.test(removed?.stderr ?? ''))
        await Promise.all([
          this.docker.exec(['network', 'rm', this.network(engine)], { timeoutMs: 60_000 }).then((r) => {
            if (r.exitCode === 0) this.removed.networks++;
          }),
          volumes.length
            ? this.docker
                .exec(['volume', 'rm', ...volumes], { timeoutMs: 60_000 })
                .then((r) => (this.removed.volumes += lines(r)))
            : undefined,
        ]).catch(() => undefined);
    }
  }

  /** Why SQLite could not write its file, as far as the image tells. */
  private sqliteNotWritable(): string {
    const user = this.image?.User;
    const who = user && !/^(root|0)(:|$)/.test(user) ? ` by the user the image runs as (USER ${user})` : '';
    return `The SQLite file cannot be created or written${who}: create its directory in the Dockerfile and \`chown\` it to that user before \`VOLUME\`, since a new volume takes the directory's owner.`;
  }

  /** `docker stop -t 10`, timed, with how the container ended. */
  private async measureStop(container: string, budget: number) {
    const s0 = this.now();
    const r = await this.docker.exec(['stop', '-t', '10', container], { timeoutMs: 60_000 });
    const durationMs = this.now() - s0;
    const state = await this.state(container);
    const killed = state?.ExitCode === 137 || state?.OOMKilled === true;
    const how = state?.OOMKilled
      ? ' (OOM killed)'
      : killed
        ? ' (SIGKILL after the 10 s grace period: SIGTERM was not handled)'
        : '';
    return {
      container,
      durationMs,
      exitCode: state?.ExitCode,
      killed,
      slow: r.exitCode !== 0 || durationMs > budget,
      detail: `Stopped in ${seconds(durationMs)}, exit code ${state?.ExitCode ?? '?'}${how}.`,
    };
  }

  /** check --deploy (TF1302), from its part of the release one-off. */
  private deployCheckStep(r: ReleaseOutcome, engine: Engine): SmokeStep {
    const out = `${r.stdout}\n${r.stderr}`;
    const durationMs = r.durationMs ?? 0;
    const issues = parseDeployCheck(out);
    for (const issue of issues) {
      this.observations.push({
        ruleId: 'TF1302',
        engine,
        key: issue.id,
        anchor: this.settingsAnchor,
        message: `\`manage.py check --deploy\` reports ${issue.id}: ${issue.message}`,
        related: [issue.id],
      });
    }
    if (r.exitCode !== 0 && issues.every((i) => i.level === 'warning')) {
      return {
        name: 'check-deploy',
        status: 'failed',
        durationMs,
        detail: `\`manage.py check --deploy\` could not run (exit code ${r.exitCode}: ${lastErrorLine(out)}).`,
        logTail: this.redactor.redact(tail(out)),
      };
    }
    return {
      name: 'check-deploy',
      status: 'passed',
      durationMs,
      detail: issues.length
        ? `${issues.length} issue(s): ${issues.map((i) => i.id).join(', ')}.`
        : 'No issues.',
    };
  }

  // ---------------------------------------------------------------- containers

  private async engineContext(engine: Engine, creds?: PostgresCredentials): Promise<EngineContext> {
    const image = this.image ?? {};
    const appService = this.app.compose?.appService;
    const workdir = image.WorkingDir || '/';
    const manageDir = this.app.imageSourceDir ?? workdir;
    // Every VOLUME of the image and every volume target of the compose service, except one over the code itself.
    const targets = new Set<string>(Object.keys(image.Volumes ?? {}));
    for (const v of appService?.volumes ?? []) {
      if (v.type === 'tmpfs') continue;
      const t = v.target.replace(/\/+$/, '') || '/';
      const overCode = [workdir, manageDir].some((d) => d === t || d.startsWith(`${t}/`) || t === '/');
      if (!overCode) targets.add(t);
    }
    const volumes: string[] = [];
    let i = 0;
    for (const target of [...targets].sort()) {
      const name = this.name(engine, 'vol', String(++i));
      const r = await this.docker.exec(['volume', 'create', '--label', this.label, name], {
        timeoutMs: 60_000,
      });
      if (r.exitCode !== 0) throw new Error(`docker volume create failed: ${r.stderr.trim()}`);
      volumes.push('-v', `${name}:${target}`);
      this.engineVolumes.set(engine, [...(this.engineVolumes.get(engine) ?? []), name]);
    }
    const firstVolume = [...targets].sort()[0];
    const plan = planEnv({
      engine,
      settings: this.settings,
      composeEnv: appService?.environment ?? [],
      imageEnvNames: (image.Env ?? []).map((e) => e.split('=')[0]),
      postgres: creds,
      sqliteUrl: `sqlite:///${path.posix.join(firstVolume ?? workdir, 'db.sqlite3')}`,
      extra: this.options.env?.[engine],
      random: this.random,
    });
    for (const s of plan.secrets) this.redactor.add(s);
    const exposed = Object.keys(image.ExposedPorts ?? {})
      .filter((p) => p.endsWith('/tcp'))
      .map((p) => Number(p.split('/')[0]))
      .filter((p) => Number.isFinite(p));
    const composePort =
      appService?.ports.find((p) => p.target !== undefined)?.target ??
      appService?.expose.find((e) => e.port)?.port;
    // A server started on $PORT (as platforms start twelve-factor apps) gets the port it is probed on.
    const portVariable = /\$\{?PORT\b/;
    const startsOnPortVariable = [
      ...(image.Entrypoint ?? []),
      ...(image.Cmd ?? []),
      appService?.command?.raw ?? '',
      ...this.app.entrypointScripts.flatMap((e) => e.script.commands.flatMap((c) => c.argv)),
    ].some((text) => portVariable.test(text));
    const imagePort = (image.Env ?? []).find((e) => e.startsWith('PORT='))?.slice(5);
    const givenPort = Number(plan.env.PORT ?? imagePort);
    const port =
      this.options.port ??
      exposed[0] ??
      composePort ??
      (startsOnPortVariable && Number.isInteger(givenPort) && givenPort > 0 ? givenPort : 8000);
    if (startsOnPortVariable && plan.env.PORT === undefined && imagePort === undefined)
      plan.env.PORT = String(port);
    const entrypoint = image.Entrypoint ?? [];
    // One-offs keep a wrapper entrypoint (it usually ends in `exec "$@"`) but not a server started as entrypoint.
    const keepEntrypoint = entrypoint.length > 0 && this.entrypointRunsArguments(entrypoint);
    const hasCommand = (image.Cmd?.length ?? 0) > 0 || entrypoint.length > 0;
    const composeCommand = appService?.command;
    const serverCommand =
      !hasCommand && composeCommand ? (composeCommand.argv ?? ['sh', '-c', composeCommand.raw]) : undefined;
    return {
      engine,
      network: this.network(engine),
      volumes,
      env: plan.env,
      manageDir,
      port,
      oneOffEntrypoint: keepEntrypoint || entrypoint.length === 0 ? [] : ['--entrypoint', ''],
      wrapper: keepEntrypoint ? entrypoint : [],
      // A wrapper script may wait for, or migrate, the database before it runs the one-off's command.
      wrapperMayUseDatabase: keepEntrypoint && !INIT_PROGRAM.test(entrypointProgram(entrypoint) ?? ''),
      serverCommand,
    };
  }

  /** Whether the image's ENTRYPOINT runs the command it is given (`exec "$@"`), so one-offs can keep it. */
  private entrypointRunsArguments(entrypoint: string[]): boolean {
    const program = entrypointProgram(entrypoint);
    if (!program) return false;
    if (INIT_PROGRAM.test(program)) return true;
    const script = this.app.entrypointScripts.find(
      (s) => s.imagePath === program || path.posix.basename(s.imagePath) === path.posix.basename(program),
    );
    if (script)
      return script.script.commands.some((c) => c.argv.some((a) => a.includes('$@') || a.includes('$*')));
    // Unknown script: wrapper-looking names usually end in `exec "$@"`.
    return /\.sh$|entrypoint/i.test(path.posix.basename(program));
  }

  private oneOff(ctx: EngineContext, what: string, manageArgs: string[]): Promise<DockerExecResult> {
    return this.oneOffScript(ctx, what, MANAGE_SCRIPT, manageArgs);
  }

  /**
   * The release one-off (see release.ts): check --deploy, then migrate, then the probe record written through Django's
   * user model once migrate succeeded. With a gate, migrate waits for it: `go` once PostgreSQL is ready.
   */
  private async release(
    ctx: EngineContext,
    probeUser: string,
    gate?: Promise<string>,
  ): Promise<{ check: ReleaseOutcome; migrate: ReleaseOutcome; write: ReleaseOutcome }> {
    const marker = `tfr-step-${this.runId}`;
    const steps: ReleaseStep[] = [
      { argv: ['check', '--deploy'] },
      { argv: ['migrate', '--noinput'], stopOnFailure: true, ...(gate ? { gate: true } : {}) },
      { argv: ['shell', '-c', writeProbe(probeUser)] },
    ];
    let s0 = this.now();
    const opened = gate?.then((line) => {
      s0 = this.now();
      return line;
    });
    const r = await this.oneOffScript(ctx, 'release', RELEASE_SCRIPT, releaseArgs(marker, steps), opened);
    const parts = splitRelease(r, marker, steps.length);
    // A step the one-off ended during lasted what the rest of the one-off did (counted from the gate, if any).
    const measured = parts.filter((p, i) => p.finished && (!gate || i > 0));
    const rest = Math.max(0, this.now() - s0 - measured.reduce((t, p) => t + (p.durationMs ?? 0), 0));
    const [check, migrate, write] = parts.map((p): ReleaseOutcome =>
      p.finished ? p : { ...p, exitCode: p.exitCode === 0 ? 1 : p.exitCode, durationMs: rest },
    );
    const ended = (what: string): ReleaseOutcome => ({
      exitCode: r.exitCode || 1,
      stdout: '',
      stderr: `The one-off container ended before ${what} (exit code ${r.exitCode}).\n${tail(`${r.stdout}\n${r.stderr}`)}`,
      ...(r.timedOut ? { timedOut: true } : {}),
    });
    // A one-off that failed before its first step ended (no python, a failing entrypoint) failed migrate too.
    const migrated = migrate ?? (check && !check.finished ? check : ended('migrate ran'));
    return {
      check: check ?? ended('check --deploy ran'),
      migrate: migrated,
      write:
        write ??
        (migrated.exitCode === 0
          ? ended('the probe record was written')
          : { exitCode: 1, stdout: '', stderr: 'migrate did not finish, so no probe record was written' }),
    };
  }

  /**
   * The probe record read back in the replacement server container (`docker exec`, through the image's wrapper
   * entrypoint as a one-off would be), or by a fresh one-off when the replacement is not running.
   */
  private async readBack(
    ctx: EngineContext,
    container: string | undefined,
    probeUser: string,
  ): Promise<DockerExecResult & { in: 'replacement' | 'one-off' }> {
    const args = ['shell', '-c', readProbe(probeUser)];
    if (container) {
      const r = await this.docker.exec(
        [
          'exec',
          '-w',
          ctx.manageDir,
          container,
          ...ctx.wrapper,
          'sh',
          '-c',
          MANAGE_SCRIPT,
          'manage.py',
          ...args,
        ],
        { timeoutMs: this.options.oneOffTimeoutMs ?? 3 * 60_000 },
      );
      // A replacement that is not running (or stopped during the read) cannot answer: a fresh one-off reads instead.
      const gone =
        /is not running|No such container|is restarting/i.test(r.stderr) ||
        (r.exitCode !== 0 && !(await this.state(container))?.Running);
      if (!gone) return { ...r, in: 'replacement' };
    }
    return { ...(await this.oneOff(ctx, 'read', args)), in: 'one-off' };
  }

  private async oneOffScript(
    ctx: EngineContext,
    what: string,
    script: string,
    scriptArgs: string[],
    input?: Promise<string>,
  ): Promise<DockerExecResult> {
    const name = this.name(ctx.engine, what);
    const r = await this.docker.exec(
      [
        'run',
        '--rm',
        ...(input ? ['-i'] : []),
        ...this.containerArgs(ctx, name),
        '-w',
        ctx.manageDir,
        ...ctx.oneOffEntrypoint,
        this.imageRef,
        'sh',
        '-c',
        script,
        'manage.py',
        ...scriptArgs,
      ],
      { env: ctx.env, timeoutMs: this.options.oneOffTimeoutMs ?? 3 * 60_000, ...(input ? { input } : {}) },
    );
    if (r.timedOut) await this.docker.exec(['rm', '-f', '-v', name], { timeoutMs: 60_000 });
    return r;
  }

  /** Name, run label, resource limits, the engine's network, volumes and environment: what every container gets. */
  private containerArgs(ctx: EngineContext, name: string): string[] {
    return [
      '--name',
      name,
      '--label',
      this.label,
      ...containerLimitArgs(this.limits),
      '--network',
      ctx.network,
      ...ctx.volumes,
      ...Object.keys(ctx.env).flatMap((k) => ['-e', k]),
    ];
  }

  /** What `docker run -d` and `docker create` take for a server container: published on loopback only. */
  private serverArgs(ctx: EngineContext, name: string): string[] {
    return [
      ...this.containerArgs(ctx, name),
      '-p',
      `127.0.0.1::${ctx.port}`,
      this.imageRef,
      ...(ctx.serverCommand ?? []),
    ];
  }

  /** Creates a server container ahead of its start (the slower half of `docker run -d`). */
  private createServer(ctx: EngineContext, name: string): Promise<DockerExecResult> {
    return this.docker.exec(['create', ...this.serverArgs(ctx, name)], { env: ctx.env, timeoutMs: 120_000 });
  }

  /** Starts a server container, or the one created beforehand, and finds its published port. */
  private async startServer(
    ctx: EngineContext,
    name: string,
    created?: Promise<DockerExecResult>,
  ): Promise<{ ok: true; hostPort: number } | { ok: false; why: string; logTail?: string }> {
    const c = created && (await created);
    const r =
      c === undefined
        ? await this.docker.exec(['run', '-d', ...this.serverArgs(ctx, name)], {
            env: ctx.env,
            timeoutMs: 120_000,
          })
        : c.exitCode === 0
          ? await this.docker.exec(['start', name], { timeoutMs: 120_000 })
          : c;
    if (r.exitCode !== 0) {
      const what = c === undefined ? 'run' : c.exitCode === 0 ? 'start' : 'create';
      return {
        ok: false,
        why: `docker ${what} failed (exit code ${r.exitCode}): ${lastErrorLine(r.stderr)}`,
        logTail: this.redactor.redact(tail(r.stderr)),
      };
    }
    const port = await this.docker.exec(['port', name, `${ctx.port}/tcp`], { timeoutMs: 30_000 });
    const m = /:(\d+)\s*$/m.exec(port.stdout);
    if (port.exitCode !== 0 || !m) {
      const state = await this.state(name);
      return {
        ok: false,
        why:
          state && !state.Running
            ? `the container exited at once (exit code ${state.ExitCode})`
            : 'no port published',
        logTail: await this.logs(name),
      };
    }
    return { ok: true, hostPort: Number(m[1]) };
  }

  /** Polls until the server answers anything over HTTP, the container exits, or the start timeout passes. */
  private async waitForHttp(
    container: string,
    hostPort: number,
  ): Promise<{ ok: true } | { ok: false; why: string }> {
    const timeoutMs = this.options.startTimeoutMs ?? 60_000;
    const deadline = this.now() + timeoutMs;
    let lastError = 'no answer';
    for (let attempt = 0; ; attempt++) {
      const answer = await this.http(hostPort, '/', 2_000);
      if (answer.status !== undefined) return { ok: true };
      lastError = answer.error ?? lastError;
      if (attempt % 3 === 2) {
        const state = await this.state(container);
        if (state && !state.Running) {
          const oom = state.OOMKilled
            ? ` (killed for using more than the ${formatMemory(this.limits.memoryBytes)} of memory it may use, smoke-memory)`
            : '';
          return {
            ok: false,
            why: `the container exited with code ${state.ExitCode}${oom} before answering`,
          };
        }
      }
      if (this.now() >= deadline)
        return { ok: false, why: `no HTTP answer within ${seconds(timeoutMs)}: ${lastError}` };
      await this.sleep(100);
    }
  }

  /** `/` and `/admin/login/` must not answer 5xx; a 404 on `/` is a fresh project, a 400 is ALLOWED_HOSTS. */
  private async probe(hostPort: number): Promise<{ serverError: boolean; detail: string }> {
    const parts: string[] = [];
    let serverError = false;
    for (const p of ['/', '/admin/login/']) {
      const a = await this.http(hostPort, p, 10_000);
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

  private async state(container: string): Promise<ContainerState | undefined> {
    const r = await this.docker.exec(['inspect', '--format', '{{json .State}}', container], {
      timeoutMs: 30_000,
    });
    if (r.exitCode !== 0) return undefined;
    try {
      return JSON.parse(r.stdout.trim()) as ContainerState;
    } catch {
      return undefined;
    }
  }

  private async logs(container: string): Promise<string> {
    const r = await this.docker.exec(['logs', '--tail', '40', container], { timeoutMs: 30_000 });
    return this.redactor.redact(tail(`${r.stdout}\n${r.stderr}`));
  }
}

interface EngineContext {
  engine: Engine;
  network: string;
  /** `-v name:target` pairs. */
  volumes: string[];
  env: Record<string, string>;
  /** Directory holding manage.py in the image. */
  manageDir: string;
  port: number;
  oneOffEntrypoint: string[];
  /** The image's ENTRYPOINT when one-offs keep it (a wrapper ending in `exec "$@"`), for commands run by docker exec. */
  wrapper: string[];
  /** The kept ENTRYPOINT is a script (not an init such as tini), which may need the database before anything runs. */
  wrapperMayUseDatabase: boolean;
  /** Command for the server when the image has none (compose `command`). */
  serverCommand?: string[];
}

/** Entrypoints that only start, reap or switch users before they exec their arguments. */
const INIT_PROGRAM = /^(.*\/)?(tini|dumb-init|gosu|su-exec)$/;

/** The program an ENTRYPOINT runs: its first word that is not a shell, else the last one. */
function entrypointProgram(entrypoint: string[]): string | undefined {
  return entrypoint.find((a, i) => i === entrypoint.length - 1 || !/^(\/bin\/)?(ba|da)?sh$/.test(a));
}

/** What a one-off runs: manage.py with the script's arguments, under the image's python (python3 first). */
const MANAGE_SCRIPT = 'exec "$(command -v python3 || command -v python)" manage.py "$@"';

/** One command's part of the release one-off, with its duration measured inside the container when it ended. */
type ReleaseOutcome = DockerExecResult & { durationMs?: number; finished?: boolean };

function writeProbe(user: string): string {
  return [
    'from django.contrib.auth import get_user_model',
    'U = get_user_model()',
    `U.objects.create(**{U.USERNAME_FIELD: ${JSON.stringify(user)}})`,
    "print('tfr-written')",
  ].join('\n');
}

function readProbe(user: string): string {
  return [
    'from django.contrib.auth import get_user_model',
    'U = get_user_model()',
    `print('tfr-found' if U.objects.filter(**{U.USERNAME_FIELD: ${JSON.stringify(user)}}).exists() else 'tfr-missing')`,
  ].join('\n');
}

/** The line of a failed command's output that says what went wrong (the exception, else the last line). */
function lastErrorLine(output: string): string {
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

export type { StepStatus };

/** The directory and Dockerfile the image is built from, relative to the scanned directory, as compose would. */
function buildSource(app: App): { contextDir: string; dockerfile: string } {
  const build = app.compose?.appService?.build;
  const dockerfile = build?.dockerfile ?? app.dockerfile!.file;
  return { dockerfile, contextDir: build?.context ?? app.context?.dir ?? path.posix.dirname(dockerfile) };
}

/** Why the image must not be built: its context or Dockerfile resolves outside the scanned directory (a link). */
function outsideBuildSource(root: string, app: App): string | undefined {
  const { contextDir, dockerfile } = buildSource(app);
  for (const [what, p] of [
    ['build context', contextDir],
    ['Dockerfile', dockerfile],
  ]) {
    try {
      resolveInside(root, p.replace(/^\/+/, ''));
    } catch (error) {
      if (error instanceof UnsafePathError && !/does not exist/.test(error.reason))
        return `The ${what} ${p} cannot be used: ${error.reason}. The image is not built from it.`;
    }
  }
  return undefined;
}
