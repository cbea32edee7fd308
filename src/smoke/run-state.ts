import type { SmokeObservation } from '../rules/lib/dynamic.js';
import type { App, Project } from '../model/types/project.js';
import type { SettingsModel } from '../model/types/settings.js';
import type { Engine, EngineResult, SmokeStep } from '../core/index.js';
import type { ClassicBuild } from './cleanup.js';
import { RUN_LABEL } from './cleanup.js';
import type { StagedContext } from './build.js';
import type { Docker, DockerExecResult } from './docker.js';
import type { HttpProbe } from './http.js';
import type { ResourceLimits } from './limits.js';
import type { SmokeLog, SmokeOptions } from './options.js';
import type { Redactor } from './redact.js';

/** What `docker image inspect --format '{{json .Config}}'` tells about an image. */
export interface ImageConfig {
  Env?: string[] | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  WorkingDir?: string;
  ExposedPorts?: Record<string, unknown> | null;
  Volumes?: Record<string, unknown> | null;
  User?: string;
}

/** A Docker command cut short because the run was stopped (timeout, signal). */
export class Cancelled extends Error {
  /** What the command that was cut short had printed, when one was. */
  constructor(
    message: string,
    readonly partial?: DockerExecResult,
  ) {
    super(message);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The shared state of one smoke run: what it was given, what it built, what it saw. */
export class RunState {
  readonly observations: SmokeObservation[] = [];
  readonly engines: Partial<Record<Engine, EngineResult>> = {};
  readonly finished = new Set<Engine>();
  /** Engines that got through with only judged failures: their status follows the severity of their findings. */
  readonly settledBySeverity = new Set<Engine>();
  build?: SmokeStep;
  /** The layers the classic build committed, for the final cleanup to remove. */
  classicBuild?: ClassicBuild;
  /** The build context copied without `.git`, while the build uses it. */
  stagedContext?: StagedContext;
  /** What the engines removed themselves as they ended. */
  readonly removed = { containers: 0, networks: 0, volumes: 0 };
  /** Named volumes created for each engine. */
  readonly engineVolumes = new Map<Engine, string[]>();
  private readonly networkCreated = new Map<Engine, Promise<DockerExecResult>>();
  readonly started: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly http: HttpProbe;
  /** The settings as the app runs them, with what it star-imports from other settings modules. */
  readonly settings?: SettingsModel;
  /** The built image's configuration. */
  image?: ImageConfig;
  /** The limits every container gets, CPUs capped at the engine's once known. */
  limits: ResourceLimits;

  constructor(
    readonly project: Project,
    readonly app: App,
    /** The Dockerfile the image is built from, relative to the scanned directory. */
    readonly dockerfile: string,
    readonly options: SmokeOptions,
    readonly docker: Docker,
    readonly log: SmokeLog,
    readonly redactor: Redactor,
    readonly runId: string,
    readonly imageRef: string,
    readonly random: (bytes: number) => string,
    readonly now: () => number,
    settings: SettingsModel | undefined,
    limits: ResourceLimits,
    http: HttpProbe,
  ) {
    this.started = now();
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.http = http;
    this.settings = settings;
    this.limits = limits;
  }

  get label() {
    return `${RUN_LABEL}=${this.runId}`;
  }

  /** `tfr-<runId>-<parts>`: the name of everything the run creates. */
  name(...parts: string[]) {
    return ['tfr', this.runId, ...parts].join('-');
  }

  network(engine: Engine) {
    return this.name(engine, 'net');
  }

  /** Creates the engine's network once, whoever asks first. */
  ensureNetwork(engine: Engine): Promise<DockerExecResult> {
    let p = this.networkCreated.get(engine);
    if (!p) {
      p = this.docker.exec(['network', 'create', '--label', this.label, this.network(engine)], {
        timeoutMs: 60_000,
      });
      this.networkCreated.set(engine, p);
    }
    return p;
  }

  observe(observation: SmokeObservation): void {
    this.observations.push(observation);
  }

  get oneOffTimeoutMs(): number {
    return this.options.oneOffTimeoutMs ?? 3 * 60_000;
  }
}
