import { OptionError } from './util/option-error.js';
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { Config } from './config.js';
import { type Engine, type FailOn, SEVERITIES, type Severity } from './core/index.js';
import { findRule } from './rules/registry.js';
import { readInsideSync, readRegularFileSync, UnsafePathError } from './util/safe-fs.js';

/**
 * Validators shared by the CLI flags and the action inputs. `source` names the option as the user wrote it
 * (`--fail-on` on the command line, `fail-on` in a workflow), so the error points at the right place.
 */

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** A user error: wrong flag, input or config value. The message says what was wrong and what is accepted. */
export { OptionError };

export function oneOf<T extends string>(value: string, source: string, accepted: readonly T[]): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new OptionError(`Invalid ${source} '${value}'. Expected one of ${accepted.join(', ')}.`);
}

export function parseFailOn(value: string, source = 'fail-on'): FailOn {
  return oneOf(value.trim(), source, FAIL_ON_VALUES);
}

export function parseFormat(value: string, source = '--format'): Format {
  return oneOf(value.trim(), source, FORMATS);
}

export function parseBoolean(value: string, source: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new OptionError(`Invalid ${source} '${value}'. Expected one of true, false.`);
}

/** A TCP port number, 1 to 65535. */
export function parsePort(value: string, source: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 65535)
    throw new OptionError(`Invalid ${source} '${value}'. Expected a port number from 1 to 65535.`);
  return n;
}

/** A dotted Python module name such as mysite.settings. */
export function parseSettingsModule(value: string, source = 'settings-module'): string {
  const v = value.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(v)) {
    throw new OptionError(
      `Invalid ${source} '${value}'. Expected a dotted Python module name such as mysite.settings.`,
    );
  }
  return v;
}

/** KEY=VALUE (build args, environment). */
export function parseKeyValue(value: string, source: string): [string, string] {
  const eq = value.indexOf('=');
  const key = eq > 0 ? value.slice(0, eq).trim() : '';
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(key)) {
    throw new OptionError(`Invalid ${source} '${value.slice(0, 40)}'. Expected KEY=VALUE.`);
  }
  return [key, value.slice(eq + 1)];
}

/** KEY=VALUE entries of smoke-env, split by engine prefix: `sqlite.NAME`, `postgres.NAME`, or NAME for both ('all'). */
export interface SmokeEnvEntries {
  all: Record<string, string>;
  sqlite: Record<string, string>;
  postgres: Record<string, string>;
}

/** Parses smoke-env entries (the action's lines, the CLI's repeated flag); a later entry wins for the same key. */
export function parseSmokeEnv(entries: readonly string[], source: string): SmokeEnvEntries {
  const env: SmokeEnvEntries = { all: {}, sqlite: {}, postgres: {} };
  for (const entry of entries) {
    const [key, value] = parseKeyValue(entry, source);
    const m = /^(sqlite|postgres)\.(.+)$/.exec(key);
    if (m) env[m[1] as 'sqlite' | 'postgres'][m[2]] = value;
    else if (key.includes('.')) {
      throw new OptionError(`Invalid ${source} key '${key}'. Expected NAME, sqlite.NAME or postgres.NAME.`);
    } else env.all[key] = value;
  }
  return env;
}

/** The environment of each engine's containers: the engine's own entries win over the ones for both. */
export function smokeEnvByEngine(env: SmokeEnvEntries): Record<Engine, Record<string, string>> {
  return { sqlite: { ...env.all, ...env.sqlite }, postgres: { ...env.all, ...env.postgres } };
}

export const DEFAULT_CONFIG_FILE = '.github/twelve-factor.yml';
/** A config file is a few lines; anything larger is not one (and /dev/zero would never end). */
export const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Reads and validates the config file. `file` is relative to the scanned directory, or absolute; when it is the
 * default and does not exist, the defaults apply; when the user named it and it does not exist, that is an error.
 * The file must resolve inside `within` (the workspace in the action, the scanned directory by default): a link out
 * of it is refused and never read, so no outside content is ever quoted. `within: null` is for a path the user typed
 * on the command line, which may be anywhere but must still be a regular file.
 */
export async function loadConfig(
  root: string,
  file: string | undefined,
  within: string | null = root,
): Promise<Config> {
  const explicit = file !== undefined && file !== '';
  const name = explicit ? file : DEFAULT_CONFIG_FILE;
  const path = resolve(root, name);
  // Most projects have no config file: nothing there, not even a link, needs no safe read to say so.
  if (!explicit && isAbsent(path)) return { rules: {}, exclude: [], allowSuppressions: true };
  let text: string;
  try {
    const bytes =
      within === null
        ? readRegularFileSync(path, MAX_CONFIG_BYTES, name)
        : readInsideSync(within, path, { maxBytes: MAX_CONFIG_BYTES, what: 'the workspace' });
    text = bytes.toString('utf8');
  } catch (error) {
    const reason = error instanceof UnsafePathError ? error.reason : (error as Error).message;
    if (!explicit && reason === 'it does not exist')
      return { rules: {}, exclude: [], allowSuppressions: true };
    throw new OptionError(`Cannot read config file '${name}': ${reason}.`);
  }
  return { ...parseConfig(text, name), file: relative(resolve(root), path).split(sep).join('/') };
}

/** Nothing at the path, not even a dangling link (any other failure is left to the safe read to explain). */
function isAbsent(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

/**
 * The directory to review, resolved through its links: it must exist and be a directory, and, when `workspace` is
 * given (the action), lie inside it. `source` names the option (`working-directory`, or `Directory` for the CLI).
 */
export function scannedDirectory(
  base: string,
  directory: string,
  source: string,
  workspace?: string,
): string {
  const quoted = `${source} '${directory}'`;
  let real: string;
  try {
    // One realpath(3) call, where the JavaScript one makes an lstat per path component: once per project of --each.
    real = realpathSync.native(resolve(base, directory));
  } catch {
    throw new OptionError(`${quoted} does not exist. Expected the directory of the app to review.`);
  }
  if (workspace !== undefined) {
    const rel = relative(realpathSync(workspace), real);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
      throw new OptionError(
        `${quoted} leads outside the workspace (a symbolic link). Expected a directory inside the workspace.`,
      );
  }
  if (!statSync(real).isDirectory())
    throw new OptionError(`${quoted} is not a directory. Expected the directory of the app to review.`);
  return real;
}

/** Validates the YAML of a config file; rule names are normalised to ids. */
export function parseConfig(text: string, name: string): Config {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new OptionError(`Invalid config file '${name}': ${(error as Error).message.split('\n')[0]}`);
  }
  const fail = (what: string) => {
    throw new OptionError(`Invalid config file '${name}': ${what}`);
  };
  const config: Config = { rules: {}, exclude: [], allowSuppressions: true };
  if (doc === null || doc === undefined) return config;
  if (typeof doc !== 'object' || Array.isArray(doc))
    return fail('expected a mapping with rules, exclude, allow-suppressions.');
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (key === 'rules') {
      if (value === null) continue;
      if (typeof value !== 'object' || Array.isArray(value))
        return fail('rules must be a mapping of rule id or name to off, error, warning or notice.');
      for (const [ruleKey, setting] of Object.entries(value as Record<string, unknown>)) {
        const rule = findRule(ruleKey);
        if (!rule)
          fail(`rules: unknown rule '${ruleKey}'. Expected a rule id (TF0301) or name (secret-key-in-code).`);
        const s = setting === false ? 'off' : String(setting);
        if (s !== 'off' && !(SEVERITIES as readonly string[]).includes(s)) {
          fail(`rules.${ruleKey}: invalid value '${s}'. Expected one of off, ${SEVERITIES.join(', ')}.`);
        }
        config.rules[rule!.id] = s as 'off' | Severity;
      }
    } else if (key === 'exclude') {
      if (value === null) continue;
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return fail('exclude must be a list of path globs.');
      config.exclude = value as string[];
    } else if (key === 'allow-suppressions') {
      if (typeof value !== 'boolean')
        return fail(`allow-suppressions must be true or false, not '${String(value)}'.`);
      config.allowSuppressions = value;
    } else {
      fail(`unknown key '${key}'. Expected rules, exclude, allow-suppressions.`);
    }
  }
  return config;
}
