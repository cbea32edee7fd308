import * as core from '@actions/core';
import {
  FAIL_ON_VALUES,
  OptionError,
  oneOf,
  parseBoolean,
  parseFailOn,
  parseKeyValue,
  parsePort,
  parseSettingsModule,
} from './options.js';
import {
  DEFAULT_LIMITS,
  parseCpus,
  parseMemory,
  parsePidsLimit,
  type ResourceLimits,
} from './smoke/limits.js';
import type { FailOn } from './core/index.js';

/** How the run splits the work, for pull requests from forks (see docs/workflows/). */
export type Mode = 'both' | 'analyze' | 'publish';

/** Every input of action.yml, validated. The only module that reads inputs. */
export interface Inputs {
  /** As given, relative to the workspace ('.' by default). */
  workingDirectory: string;
  dockerfile?: string;
  composeFiles?: string[];
  settingsModule?: string;
  /** Relative to workingDirectory. */
  config: string;
  failOn: FailOn;
  smoke: boolean;
  /** Build and run the pull request's code even on pull_request_target / workflow_run (a write token's reach). */
  allowUntrustedBuild: boolean;
  postgresImage?: string;
  /** Container port of the app server in the smoke test. */
  smokePort?: number;
  /** KEY=VALUE lines of build-args. */
  buildArgs: Record<string, string>;
  /** KEY=VALUE lines of smoke-env, split by engine prefix ('' applies to both). */
  smokeEnv: { all: Record<string, string>; sqlite: Record<string, string>; postgres: Record<string, string> };
  /** smoke-pids-limit, smoke-memory, smoke-cpus: what each smoke container may use. */
  smokeLimits: ResourceLimits;
  githubToken: string;
  comment: boolean;
  review: boolean;
  checkRun: boolean;
  /** Relative to the workspace; empty for none. */
  sarifFile: string;
  mode: Mode;
  /** Relative to the workspace: where mode analyze writes the report for upload-artifact and mode publish reads it. */
  artifactDir: string;
}

export const FAIL_ON: readonly FailOn[] = FAIL_ON_VALUES;
export const MODES: readonly Mode[] = ['both', 'analyze', 'publish'];

type GetInput = (name: string) => string;

/** Reads and validates every input; throws an Error that says what was wrong and what is accepted. */
export function readInputs(get: GetInput = (name) => core.getInput(name)): Inputs {
  const text = (name: string) => get(name).trim();
  const optional = (name: string) => text(name) || undefined;
  return {
    workingDirectory: relativePath('working-directory', text('working-directory') || '.'),
    dockerfile: optional('dockerfile'),
    composeFiles: list(text('compose-files')),
    settingsModule: text('settings-module') ? parseSettingsModule(text('settings-module')) : undefined,
    config: text('config'),
    failOn: parseFailOn(text('fail-on') || 'error'),
    smoke: bool('smoke', text('smoke'), true),
    allowUntrustedBuild: bool('allow-untrusted-build', text('allow-untrusted-build'), false),
    postgresImage: optional('postgres-image'),
    smokePort: text('smoke-port') ? parsePort(text('smoke-port'), 'smoke-port') : undefined,
    buildArgs: keyValues('build-args', get('build-args')),
    smokeEnv: smokeEnv(get('smoke-env')),
    smokeLimits: {
      pids: text('smoke-pids-limit')
        ? parsePidsLimit(text('smoke-pids-limit'), 'smoke-pids-limit')
        : DEFAULT_LIMITS.pids,
      memoryBytes: text('smoke-memory')
        ? parseMemory(text('smoke-memory'), 'smoke-memory')
        : DEFAULT_LIMITS.memoryBytes,
      cpus: text('smoke-cpus') ? parseCpus(text('smoke-cpus'), 'smoke-cpus') : DEFAULT_LIMITS.cpus,
    },
    githubToken: text('github-token'),
    comment: bool('comment', text('comment'), true),
    review: bool('review', text('review'), true),
    checkRun: bool('check-run', text('check-run'), false),
    sarifFile: text('sarif-file') && relativePath('sarif-file', text('sarif-file')),
    mode: oneOf(text('mode') || 'both', 'mode', MODES),
    artifactDir: relativePath('artifact-dir', text('artifact-dir') || 'twelve-factor-review-artifact'),
  };
}

function bool(name: string, value: string, fallback: boolean): boolean {
  return parseBoolean(value, name, fallback);
}

/** Paths stay inside the workspace: an absolute path or one climbing out with '..' is refused. */
function relativePath(name: string, value: string): string {
  const parts = value.replace(/\\/g, '/').split('/');
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value) || parts.includes('..')) {
    throw new OptionError(
      `Invalid ${name} '${value}'. Expected a path relative to the workspace, without '..'.`,
    );
  }
  return value;
}

function list(value: string): string[] | undefined {
  const items = value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function keyValues(name: string, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of value.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [key, v] = parseKeyValue(line, name);
    out[key] = v;
  }
  return out;
}

function smokeEnv(value: string): Inputs['smokeEnv'] {
  const env: Inputs['smokeEnv'] = { all: {}, sqlite: {}, postgres: {} };
  for (const [key, v] of Object.entries(keyValues('smoke-env', value))) {
    const m = /^(sqlite|postgres)\.(.+)$/.exec(key);
    if (m) env[m[1] as 'sqlite' | 'postgres'][m[2]] = v;
    else if (key.includes('.')) {
      throw new OptionError(`Invalid smoke-env key '${key}'. Expected NAME, sqlite.NAME or postgres.NAME.`);
    } else env.all[key] = v;
  }
  return env;
}
