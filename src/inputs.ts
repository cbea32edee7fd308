import {
  FAIL_ON_VALUES,
  OptionError,
  oneOf,
  parseBoolean,
  parseFailOn,
  parseKeyValue,
  parsePort,
  parseSettingsModule,
  parseSmokeEnv,
  smokeEnvByEngine,
  DEFAULT_CONFIG_FILE,
  type SmokeEnvEntries,
} from './options.js';
import type { ReviewRequest } from './review.js';
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
  /** verify-fixes: smoke-test the tree with the safe fixes applied too (when the smoke test runs). */
  verifyFixes: boolean;
  postgresImage?: string;
  /** Container port of the app server in the smoke test. */
  smokePort?: number;
  /** KEY=VALUE lines of build-args. */
  buildArgs: Record<string, string>;
  /** KEY=VALUE lines of smoke-env, split by engine prefix ('' applies to both). */
  smokeEnv: SmokeEnvEntries;
  /** smoke-pids-limit, smoke-memory, smoke-cpus: what each smoke container may use. */
  smokeLimits: ResourceLimits;
  githubToken: string;
  comment: boolean;
  review: boolean;
  checkRun: boolean;
  /** Propose and prove fixes; with false the fix engine does not run. */
  fixes: boolean;
  /** Relative to the workspace; empty for none. */
  sarifFile: string;
  mode: Mode;
  /** Relative to the workspace: where mode analyze writes the report for upload-artifact and mode publish reads it. */
  artifactDir: string;
}

export const FAIL_ON: readonly FailOn[] = FAIL_ON_VALUES;
export const MODES: readonly Mode[] = ['both', 'analyze', 'publish'];

type GetInput = (name: string) => string;

/** An input of the action as the runner passes it, `INPUT_<NAME>`, trimmed (as @actions/core's getInput). */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** Reads and validates every input; throws an Error that says what was wrong and what is accepted. */
export function readInputs(get: GetInput = getInput): Inputs {
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
    verifyFixes: bool('verify-fixes', text('verify-fixes'), true),
    postgresImage: optional('postgres-image'),
    smokePort: text('smoke-port') ? parsePort(text('smoke-port'), 'smoke-port') : undefined,
    buildArgs: keyValues('build-args', get('build-args')),
    smokeEnv: parseSmokeEnv(lines(get('smoke-env')), 'smoke-env'),
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
    fixes: bool('fixes', text('fixes'), true),
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

/** The non-empty lines of a multi-line input, '#' comment lines left out. */
function lines(value: string): string[] {
  return value
    .split('\n')
    .map((raw) => raw.trim())
    .filter((line) => line && !line.startsWith('#'));
}

function keyValues(name: string, value: string): Record<string, string> {
  return Object.fromEntries(lines(value).map((line) => parseKeyValue(line, name)));
}

/** The review the inputs ask for, in the workspace: the request the CLI's flags build too. */
export function reviewRequest(inputs: Inputs, workspace: string): ReviewRequest {
  return {
    base: workspace,
    directory: inputs.workingDirectory,
    directoryOption: 'working-directory',
    workspace,
    configFile: inputs.config && inputs.config !== DEFAULT_CONFIG_FILE ? inputs.config : undefined,
    discovery: {
      dockerfile: inputs.dockerfile,
      composeFiles: inputs.composeFiles,
      settingsModule: inputs.settingsModule,
    },
    failOn: inputs.failOn,
    smoke: inputs.smoke
      ? {
          postgresImage: inputs.postgresImage,
          port: inputs.smokePort,
          buildArgs: inputs.buildArgs,
          env: smokeEnvByEngine(inputs.smokeEnv),
          limits: inputs.smokeLimits,
          // Only when off: on is the default, as the CLI's request (which proposes no fixes) leaves it.
          ...(inputs.verifyFixes ? {} : { verifyFixes: false }),
        }
      : undefined,
  };
}
