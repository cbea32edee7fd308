/** Which provided variables and which read ones configure the same thing: the database piece by piece, a setting. */
import type { EnvInstr } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import type { DatabaseConfig, DatabasesModel, ValueSource } from '../../model/types/settings.js';
import type { ProvidedEnvironment } from '../../model/settings/index.js';

/**
 * Variables that configure the database connection piece by piece (DB_HOST, POSTGRES_DB, PGHOST, MYSQL_USER,
 * MARIADB_PASSWORD), also under the project's prefix (DJANGO_DB_USER, APP_DB_HOST) or with the server named before
 * the word database (POSTGRES_DATABASE_HOST, MYSQL_DB_USER).
 */
export const DATABASE_PART =
  /^(?:(?:DJANGO|APP)_)?(DB|DATABASE|POSTGRES|POSTGRESQL|PG|MYSQL|MARIADB|SQL)(?:_(?:DB|DATABASE))?_?(HOST|NAME|DB|DATABASE|USER|USERNAME|PASSWORD|PASS|PORT|ENGINE)$/;
/** Variables that configure it as one URL. */
export const DATABASE_URL = /^([A-Z]+_)?DATABASE_URL$/;

/** The DATABASES key a piece configures: POSTGRES_DB → NAME, DB_USERNAME → USER. */
export function databaseKeyOf(variable: string): string | undefined {
  const m = DATABASE_PART.exec(variable.toUpperCase());
  if (!m) return undefined;
  const part = m[2];
  if (part === 'DB' || part === 'DATABASE') return 'NAME';
  if (part === 'USERNAME') return 'USER';
  if (part === 'PASS') return 'PASSWORD';
  return part;
}

/** The server a piece is named for (POSTGRES_USER, PGHOST: PostgreSQL; MYSQL_USER, MARIADB_USER: MySQL), if any. */
function serverOfVariable(variable: string): 'postgresql' | 'mysql' | undefined {
  const m = DATABASE_PART.exec(variable.toUpperCase());
  if (!m) return undefined;
  if (['POSTGRES', 'POSTGRESQL', 'PG'].includes(m[1])) return 'postgresql';
  return m[1] === 'MYSQL' || m[1] === 'MARIADB' ? 'mysql' : undefined;
}

/** The server an ENGINE connects to (MariaDB through the MySQL backend), when it is one of those. */
function serverOfEngine(engine: string | undefined): 'postgresql' | 'mysql' | undefined {
  if (!engine) return undefined;
  if (/postg/i.test(engine)) return 'postgresql';
  return /mysql/i.test(engine) ? 'mysql' : undefined;
}

/**
 * The variables the app's container is given, with content, for one DATABASES key of an entry of `engine`: not those
 * named for another server (POSTGRES_USER beside a MySQL entry, left from a compose service that was replaced), nor
 * an image ENV copied from a build arg that nothing passes (`ARG MYSQL_USER` + `ENV MYSQL_USER=$MYSQL_USER`: empty).
 */
export function givenDatabaseVariables(
  app: App,
  provided: ProvidedEnvironment,
  key: string,
  engine?: string,
): string[] {
  const server = serverOfEngine(engine);
  return [...provided.values.keys()]
    .filter((n) => databaseKeyOf(n) === key)
    .filter((n) => !server || !serverOfVariable(n) || serverOfVariable(n) === server)
    .filter((n) => !emptyInImage(app, n))
    .sort();
}

/**
 * The provided `names` that can configure an entry of `engine`: a database piece only when it is one of
 * givenDatabaseVariables (POSTGRES_USER is no login for a MySQL entry), any other variable as it is.
 */
export function configurationOfEntry(
  app: App,
  provided: ProvidedEnvironment,
  names: string[],
  engine: string | undefined,
): string[] {
  return names.filter((n) => {
    const key = databaseKeyOf(n);
    return key === undefined || givenDatabaseVariables(app, provided, key, engine).includes(n);
  });
}

/**
 * The engine an entry runs on in the app's container: the one written in code, or the value the container gives the
 * variable ENGINE is read from (`DB_ENGINE=django.db.backends.postgresql` over a MySQL fallback); unknown when the
 * value is.
 */
export function engineInContainer(config: DatabaseConfig, provided: ProvidedEnvironment): string | undefined {
  const field = config.fields.ENGINE;
  if (field?.kind !== 'env' || !provided.values.has(field.variable)) return config.engine;
  const value = provided.values.get(field.variable);
  return value === undefined ? undefined : `${field.prefix ?? ''}${value}${field.suffix ?? ''}`;
}

/**
 * The engine a config runs on when its selecting variable is `value` (undefined: unset): the one written in code, or,
 * where ENGINE is built from the variable's text, the one that text names.
 */
export function engineForValue(c: DatabaseConfig, value: string | undefined): string | undefined {
  if (value === undefined || !engineFollowsText(c)) return c.engine;
  const field = c.fields.ENGINE as ValueSource & { kind: 'env' };
  return `${field.prefix ?? ''}${value}${field.suffix ?? ''}`;
}

/** ENGINE is the text of the variable that selects the config, with what the code joins to it. */
function engineFollowsText(c: DatabaseConfig): boolean {
  const field = c.fields.ENGINE;
  const by = c.selectedBy;
  return (
    field?.kind === 'env' &&
    field.whenSet === 'text' &&
    by !== undefined &&
    field.variable === by.variable &&
    `${field.prefix ?? ''}${by.value}${field.suffix ?? ''}` === c.engine
  );
}

/** An ENV of the target stage copied from a build arg the build leaves unset, which compose does not set either. */
function emptyInImage(app: App, name: string): boolean {
  if (app.compose?.appService?.environment.some((e) => e.name === name)) return false;
  const pairs = (app.dockerfile?.targetStage?.instructions ?? [])
    .filter((i): i is EnvInstr => i.keyword === 'ENV')
    .flatMap((i) => i.pairs.filter((p) => p.name === name));
  return pairs.length > 0 && pairs[pairs.length - 1].fromUnsetArg !== undefined;
}

/** Each DATABASES key a database URL gives (undefined when the URL is not known): HOST, NAME, USER, PASSWORD, PORT. */
export function databaseUrlParts(url: string | undefined): Record<string, string> | undefined {
  if (url === undefined) return undefined;
  try {
    const u = new URL(url);
    return {
      HOST: decodeURIComponent(u.hostname),
      PORT: u.port,
      NAME: decodeURIComponent(u.pathname.replace(/^\//, '')),
      USER: decodeURIComponent(u.username),
      PASSWORD: decodeURIComponent(u.password),
    };
  } catch {
    return undefined;
  }
}

/** Words of a name, without a DJANGO_/APP_ prefix and a plural s: ALLOWED_HOST and DJANGO_ALLOWED_HOSTS are alike. */
function words(name: string): string {
  const all = name
    .toUpperCase()
    .split('_')
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 && w.endsWith('S') ? w.slice(0, -1) : w));
  return (all.length > 1 && (all[0] === 'DJANGO' || all[0] === 'APP') ? all.slice(1) : all).join('_');
}

/** A provided variable named after the setting itself (SECRET_KEY for SECRET_KEY, ALLOWED_HOST for ALLOWED_HOSTS). */
export function namesSetting(variable: string, setting: string): boolean {
  return words(variable) === words(setting);
}

/** The literal a read falls back to when its variable is unset, as text; undefined when not a literal. */
export function literalFallback(v: ValueSource): string | undefined {
  if (v.kind !== 'env' || v.fallback?.kind !== 'literal' || v.fallback.value === null) return undefined;
  return String(v.fallback.value);
}

/** The database config the app runs on when nothing selects another one. */
export function defaultDatabase(db: DatabasesModel): DatabasesModel['configs'][number] | undefined {
  return db.configs.find((c) => c.isDefault) ?? (db.configs.length === 1 ? db.configs[0] : undefined);
}

/**
 * A .env file the settings load may hold the variables: the settings call a loader (load_dotenv, read_env) for it,
 * or python-decouple (which reads `.env` or `settings.ini` when one is there) finds one sent to the image or in a
 * directory of this checkout the app service bind-mounts. A bind-mounted directory outside the repository cannot be
 * seen, so it may hold one.
 */
export function dotenvMayProvide(app: App): boolean {
  const loads = app.settings?.dotenvLoads ?? [];
  if (loads.length === 0) return false;
  if (loads.some((l) => l.via !== 'python-decouple')) return true;
  const sent = app.context?.sentFiles;
  if (!sent) return true;
  const mountsUnseenDirectory = (app.compose?.appService?.volumes ?? []).some(
    (v) =>
      v.type === 'bind' &&
      !/\.[a-z0-9]+$/i.test(v.source ?? '') &&
      (v.source === undefined || v.writtenSource !== undefined || /^([/~$]|\.\.)/.test(v.source)),
  );
  return (
    mountsUnseenDirectory ||
    [...sent, ...(app.mountedFiles ?? [])].some((f) => {
      const base = f.slice(f.lastIndexOf('/') + 1);
      return base === '.env' || base === 'settings.ini';
    })
  );
}

/** Provided variables the settings never read. */
export function unreadProvided(provided: ProvidedEnvironment, read: Set<string>): string[] {
  return [...provided.values.keys()].filter((n) => !read.has(n));
}

/**
 * What is provided, with the variables the entrypoint scripts export before they start the server (`export
 * DATABASE_URL="postgres://$DB_USER:…"`): the settings read those too. A value built from expansions is unknown; a
 * variable the script only sets for itself (`db_host="$1"`) never reaches the app.
 */
export function withScriptAssignments(app: App, provided: ProvidedEnvironment): ProvidedEnvironment {
  const values = new Map(provided.values);
  for (const script of app.entrypointScripts)
    for (const a of script.script.assignments ?? [])
      if (a.exported && !values.has(a.name)) values.set(a.name, a.literal ? a.value : undefined);
  return { ...provided, values };
}

/**
 * Whether a DATABASES alternative can be the one the app's container runs with: false when the variable that selects
 * it is one the container is not given (and the alternative is not the default), or is given a value that selects
 * another (`if LOCAL_DB: DATABASES["default"]["HOST"] = "127.0.0.1"` with no LOCAL_DB anywhere).
 */
export function mayRunInContainer(
  config: DatabaseConfig,
  all: DatabaseConfig[],
  environment: ProvidedEnvironment,
): boolean {
  const by = config.selectedBy;
  if (!by || !environment.complete) return true;
  if (!environment.values.has(by.variable)) return config.isDefault !== false;
  const value = environment.values.get(by.variable);
  return value === undefined || value.includes('$') || selects(config, value, all);
}

/**
 * Whether the variable's value takes the branch that gives this DATABASES alternative. ENGINE built from the value's
 * text (`'django.db.backends.' + os.environ.get('ENGINE', 'postgresql')`) takes any value no other branch is tested
 * for: the engine is then the one that value names (engineInContainer).
 */
export function selects(c: DatabaseConfig, value: string, all: DatabaseConfig[]): boolean {
  const by = c.selectedBy;
  if (!by) return false;
  const test = by.test ?? 'equals';
  if (test === 'equals' && engineFollowsText(c))
    return !all.some(
      (o) =>
        o !== c &&
        (o.selectedBy?.test ?? 'equals') === 'equals' &&
        o.selectedBy?.variable === by.variable &&
        o.selectedBy.value === value &&
        !engineFollowsText(o),
    );
  switch (test) {
    case 'equals':
      return by.value === value;
    case 'set':
      return value !== '';
    case 'unset':
      return value === '';
    case 'otherwise':
      return !all.some(
        (o) => o !== c && (o.selectedBy?.test ?? 'equals') === 'equals' && o.selectedBy?.value === value,
      );
  }
  return false;
}
