import type { ComposeEnvEntry } from '../model/types/compose.js';
import type { DatabaseConfig, SettingsModel, ValueSource } from '../model/types/settings.js';
import type { Engine } from '../core/index.js';
import { isSecretName } from './redact.js';

export interface PostgresCredentials {
  host: string;
  port: number;
  name: string;
  user: string;
  password: string;
}

export interface EnvPlanInput {
  engine: Engine;
  settings?: SettingsModel;
  /** Environment of the compose app service (non-secret values are passed through). */
  composeEnv: ComposeEnvEntry[];
  /** Variable names the image already sets (ENV), so a required variable they cover needs no generated value. */
  imageEnvNames: string[];
  postgres?: PostgresCredentials;
  /** SQLite URL for apps that select the database by URL only. */
  sqliteUrl: string;
  /** The user's additions and overrides for this engine. */
  extra?: Record<string, string>;
  /** Random token generator (hex), injected so tests are deterministic. */
  random: (bytes: number) => string;
}

export interface EnvPlan {
  env: Record<string, string>;
  /** Values to mask in every log. */
  secrets: string[];
}

const DEFAULT_ENGINE_VAR = 'DB_ENGINE';
const DB_URL = /^(postgres(ql)?|postgis|mysql|mariadb|sqlite|oracle|mssql)(\+\w+)?:\/\//i;

/** Variables read by the settings, in source order, with whether reading fails without them. */
function envReadsOf(settings?: SettingsModel): Map<string, boolean> {
  const reads = new Map<string, boolean>();
  for (const r of settings?.envReads ?? [])
    reads.set(r.variable, (reads.get(r.variable) ?? false) || r.required);
  return reads;
}

type EnvRead = Extract<ValueSource, { kind: 'env' }>;

function envReadsIn(source: ValueSource | undefined, out: EnvRead[] = []): EnvRead[] {
  if (!source) return out;
  switch (source.kind) {
    case 'env':
      out.push(source);
      envReadsIn(source.fallback, out);
      break;
    case 'choice':
      for (const o of source.options) envReadsIn(o, out);
      break;
    case 'list':
      for (const o of source.items) envReadsIn(o, out);
      break;
    case 'dict':
      for (const e of source.entries) envReadsIn(e.value, out);
      break;
  }
  return out;
}

const envVariablesIn = (source: ValueSource | undefined) => envReadsIn(source).map((r) => r.variable);

const isPostgresEngine = (e?: string) => !!e && /postgres|postgis/.test(e);
const isSqliteEngine = (e?: string) => !!e && /sqlite/.test(e);

/** Which PostgreSQL field a variable name most likely carries (POSTGRES_HOST → host, PGPASSWORD → password). */
function dbFieldOfName(name: string): keyof PostgresCredentials | undefined {
  const n = name.toUpperCase();
  if (!/(^|_)(DB|DATABASE|POSTGRES|POSTGRESQL|PG|PSQL|SQL)/.test(n) && !/^PG/.test(n)) return undefined;
  if (/HOST$/.test(n)) return 'host';
  if (/PORT$/.test(n)) return 'port';
  if (/(PASSWORD|PASS|PASSWD|PWD)$/.test(n)) return 'password';
  if (/(USER|USERNAME)$/.test(n)) return 'user';
  if (/(NAME|DB|DATABASE)$/.test(n) && !/ENGINE|URL/.test(n)) return 'name';
  return undefined;
}

function postgresUrl(pg: PostgresCredentials): string {
  return `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/${pg.name}`;
}

/** Value the engine switch expects for an engine: the value the settings compare with, else a conventional one; none when the engine wants it unset. */
function engineValue(
  settings: SettingsModel | undefined,
  variable: string,
  engine: Engine,
): string | undefined {
  const configs: DatabaseConfig[] = settings?.databases?.configs ?? [];
  const wanted = engine === 'postgres' ? isPostgresEngine : isSqliteEngine;
  // ENGINE read from the variable: it carries the backend module, or the part of it the settings do not write
  // ('django.db.backends.' + os.environ['DB_ENGINE'] wants sqlite3 or postgresql).
  const direct = configs.flatMap((c) => envReadsIn(c.fields.ENGINE)).filter((r) => r.variable === variable);
  if (direct.length) {
    const module = engine === 'postgres' ? 'django.db.backends.postgresql' : 'django.db.backends.sqlite3';
    for (const { prefix = '', suffix = '' } of direct)
      if ((prefix || suffix) && module.startsWith(prefix) && module.endsWith(suffix))
        return module.slice(prefix.length, module.length - suffix.length);
    return module;
  }
  const selectors = configs.filter((c) => c.selectedBy?.variable === variable);
  const test = (c: DatabaseConfig) => c.selectedBy?.test ?? 'equals';
  const selected = selectors.find((c) => wanted(c.engine) && test(c) === 'equals');
  if (selected?.selectedBy) return selected.selectedBy.value;
  // Chosen by whether the variable is set ('X' in os.environ): any value selects, so the other engine leaves it unset.
  const presence = selectors.find((c) => test(c) === 'set');
  if (presence) return wanted(presence.engine) ? engine : undefined;
  if (selectors.some((c) => wanted(c.engine) && test(c) === 'unset')) return undefined;
  return engine;
}

/**
 * The environment one engine's containers get: the database attached only through variables whose names follow what
 * the settings read, the compose service's non-secret variables, generated values for what the settings require and
 * nobody provides, and the user's overrides last.
 */
export function planEnv(input: EnvPlanInput): EnvPlan {
  const { settings, engine } = input;
  const reads = envReadsOf(settings);
  const env: Record<string, string> = {};
  const secrets: string[] = [];
  const ours = new Set<string>();
  const set = (name: string, value: string, secret = false) => {
    env[name] = value;
    ours.add(name);
    if (secret) secrets.push(value);
  };

  // Variables of the compose app service come first, as provided (a literal there is public already).
  // Database settings of the compose service point at its own database service: this run attaches its own.
  for (const e of input.composeEnv) {
    // A secret interpolated from the runner's environment is not passed on: it would then have to be masked.
    if (e.value === undefined || (isSecretName(e.name) && e.interpolated)) continue;
    if (dbFieldOfName(e.name) || /ENGINE$/.test(e.name) || DB_URL.test(e.value)) continue;
    env[e.name] = e.value;
  }

  // Engine selection.
  const selection = settings?.databases?.selection;
  const engineVars = new Set<string>([DEFAULT_ENGINE_VAR]);
  if (selection?.kind === 'env') engineVars.add(selection.variable);
  // A variable whose mere presence selects PostgreSQL may also be a field of it (POSTGRES_DB): the field's value wins.
  const presenceVars = new Set<string>();
  for (const v of engineVars) {
    const value = engineValue(settings, v, engine);
    if (value === undefined) continue;
    set(v, value);
    if (settings?.databases?.configs.some((c) => c.selectedBy?.variable === v && c.selectedBy.test === 'set'))
      presenceVars.add(v);
  }

  const urlVars = new Set<string>();
  if (selection?.kind === 'url') urlVars.add(selection.variable);
  for (const name of reads.keys()) if (/DATABASE_URL$|^DB_URL$/.test(name)) urlVars.add(name);

  if (engine === 'postgres' && input.postgres) {
    const pg = input.postgres;
    const value = (field: keyof PostgresCredentials) => String(pg[field]);
    set('DB_HOST', pg.host);
    set('DB_PORT', String(pg.port));
    set('DB_NAME', pg.name);
    set('DB_USER', pg.user);
    set('DB_PASSWORD', pg.password, true);
    // Names the PostgreSQL configuration (or any DB-looking read) actually uses: POSTGRES_HOST, PGPASSWORD, ...
    const pgConfig = settings?.databases?.configs.find((c) => isPostgresEngine(c.engine));
    const fieldVars: [string, keyof PostgresCredentials][] = [];
    for (const [key, field] of [
      ['HOST', 'host'],
      ['PORT', 'port'],
      ['NAME', 'name'],
      ['USER', 'user'],
      ['PASSWORD', 'password'],
    ] as const) {
      for (const v of envVariablesIn(pgConfig?.fields[key])) fieldVars.push([v, field]);
    }
    for (const name of reads.keys()) {
      const field = dbFieldOfName(name);
      if (field && !fieldVars.some(([v]) => v === name)) fieldVars.push([name, field]);
    }
    for (const [name, field] of fieldVars)
      if (!engineVars.has(name) || presenceVars.has(name)) set(name, value(field), field === 'password');
    const url = postgresUrl(pg);
    // Harmless when unread, and what URL-configured apps the model could not read need.
    urlVars.add('DATABASE_URL');
    for (const v of urlVars) set(v, url, true);
  } else if (engine === 'sqlite') {
    // A URL-selected app whose default is not SQLite is pointed at a file; otherwise its own default stands.
    if (selection?.kind === 'url' && !(selection.default ?? '').startsWith('sqlite')) {
      set(selection.variable, input.sqliteUrl);
    }
  }

  // SECRET_KEY and ALLOWED_HOSTS from the environment: a generated key, and hosts that accept the probe.
  const secretKeyVars = new Set<string>();
  const hostsVars = new Set<string>();
  for (const a of settings?.assignments ?? []) {
    if (a.name === 'SECRET_KEY') for (const v of envVariablesIn(a.value)) secretKeyVars.add(v);
    if (a.name === 'ALLOWED_HOSTS') for (const v of envVariablesIn(a.value)) hostsVars.add(v);
  }
  for (const name of reads.keys()) if (/ALLOWED_HOSTS$/.test(name)) hostsVars.add(name);
  // The conventional names too: harmless when unread, and needed when the settings could not be read.
  secretKeyVars.add('SECRET_KEY').add('DJANGO_SECRET_KEY');
  hostsVars.add('ALLOWED_HOSTS').add('DJANGO_ALLOWED_HOSTS');
  // A key the image (ENV) or the compose service sets runs as provided, so check --deploy judges the real one.
  const givenKeys = new Set([...input.imageEnvNames, ...Object.keys(env), ...Object.keys(input.extra ?? {})]);
  for (const v of secretKeyVars) if (!ours.has(v) && !givenKeys.has(v)) set(v, input.random(32), true);
  for (const v of hostsVars) if (!ours.has(v)) set(v, '*');

  // Whatever else the settings require and nobody provides gets a made-up value.
  const provided = new Set([...Object.keys(env), ...input.imageEnvNames, ...Object.keys(input.extra ?? {})]);
  for (const [name, required] of reads) {
    if (!required || provided.has(name)) continue;
    // Required database variables sit in the server branch of the settings: SQLite does not need them.
    if (engine === 'sqlite' && dbFieldOfName(name)) continue;
    if (isSecretName(name)) set(name, input.random(32), true);
    else if (/DEBUG$/.test(name)) set(name, '0');
    else if (/PORT$/.test(name)) set(name, '5432');
    else set(name, `tfr-${input.random(4)}`);
  }

  for (const [name, value] of Object.entries(input.extra ?? {})) {
    env[name] = value;
    if (isSecretName(name)) secrets.push(value);
  }
  return { env, secrets };
}
