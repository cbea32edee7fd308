import * as core from '@actions/core';
import type { FailOn } from './report/types.js';

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
  postgresImage?: string;
  /** KEY=VALUE lines of build-args. */
  buildArgs: Record<string, string>;
  /** KEY=VALUE lines of smoke-env, split by engine prefix ('' applies to both). */
  smokeEnv: { all: Record<string, string>; sqlite: Record<string, string>; postgres: Record<string, string> };
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

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
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
    settingsModule: settingsModule(optional('settings-module')),
    config: text('config'),
    failOn: oneOf('fail-on', text('fail-on') || 'error', FAIL_ON),
    smoke: bool('smoke', text('smoke'), true),
    postgresImage: optional('postgres-image'),
    buildArgs: keyValues('build-args', get('build-args')),
    smokeEnv: smokeEnv(get('smoke-env')),
    githubToken: text('github-token'),
    comment: bool('comment', text('comment'), true),
    review: bool('review', text('review'), true),
    checkRun: bool('check-run', text('check-run'), false),
    sarifFile: text('sarif-file') && relativePath('sarif-file', text('sarif-file')),
    mode: oneOf('mode', text('mode') || 'both', MODES),
    artifactDir: relativePath('artifact-dir', text('artifact-dir') || 'twelve-factor-review-artifact'),
  };
}

function oneOf<T extends string>(name: string, value: string, accepted: readonly T[]): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new Error(`Invalid ${name} '${value}'. Expected one of ${accepted.join(', ')}.`);
}

function bool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`Invalid ${name} '${value}'. Expected one of true, false.`);
}

/** Paths stay inside the workspace: an absolute path or one climbing out with '..' is refused. */
function relativePath(name: string, value: string): string {
  const parts = value.replace(/\\/g, '/').split('/');
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value) || parts.includes('..')) {
    throw new Error(`Invalid ${name} '${value}'. Expected a path relative to the workspace, without '..'.`);
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

function settingsModule(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(value)) {
    throw new Error(`Invalid settings-module '${value}'. Expected a dotted Python module name such as mysite.settings.`);
  }
  return value;
}

function keyValues(name: string, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, raw] of value.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(key)) {
      throw new Error(`Invalid ${name} line ${i + 1} '${line.slice(0, 40)}'. Expected KEY=VALUE, one per line.`);
    }
    out[key] = line.slice(eq + 1);
  }
  return out;
}

function smokeEnv(value: string): Inputs['smokeEnv'] {
  const env: Inputs['smokeEnv'] = { all: {}, sqlite: {}, postgres: {} };
  for (const [key, v] of Object.entries(keyValues('smoke-env', value))) {
    const m = /^(sqlite|postgres)\.(.+)$/.exec(key);
    if (m) env[m[1] as 'sqlite' | 'postgres'][m[2]] = v;
    else if (key.includes('.')) {
      throw new Error(`Invalid smoke-env key '${key}'. Expected NAME, sqlite.NAME or postgres.NAME.`);
    } else env.all[key] = v;
  }
  return env;
}
