import type { Finding } from '../core/index.js';
import type { DynamicRule } from '../rules/lib/dynamic.js';
import type { Engine, RunFacts, SmokeResult } from '../core/index.js';
import type { HttpProbe } from './http.js';
import type { ResourceLimits } from './limits.js';
import type { Redactor } from './redact.js';

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
  /**
   * Told the layers a classic build has committed so far, each time one is added: a main step killed outright
   * (SIGKILL) cannot clean up, so the action saves them for its post step.
   */
  onBuildLayers?: (layers: readonly string[]) => void;
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
  /** The dynamic rules the observations are judged by. Default the registry's. */
  rules?: readonly DynamicRule[];
}

export interface SmokeLog {
  info(message: string): void;
  debug?(message: string): void;
}

export interface SmokeOutcome {
  result: SmokeResult;
  findings: Finding[];
  /** What the run saw that the fixes use (installed packages, base image, port, SQLite directory). */
  facts?: RunFacts;
}
