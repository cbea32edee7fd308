/** Which host the app's containers connect to for their database, as far as settings and environment tell. Pure. */
import {
  isSqliteEngine,
  providedEnvironment,
  valueWhenUnset,
  type ProvidedEnvironment,
} from '../../model/settings/index.js';
import type { App, Project } from '../../model/types/project.js';
import type { DatabaseConfig, ValueSource } from '../../model/types/settings.js';
import { appSettings, writtenIn } from './each.js';
import { engineInContainer, mayRunInContainer } from './provided-config.js';

/** Host of `scheme://user:pass@host:port/…`, or of `host[:port]`; undefined for paths, sockets and empty hosts. */
export function hostOf(value: string): string | undefined {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#,]*)/i.exec(value.trim());
  const bare = url ? null : /^(\[[^\]]+\]|[^:/\s]+)(?::\d+)?(?:\/.*)?$/.exec(value.trim());
  const host = (url ?? bare)?.[1];
  if (!host) return undefined;
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

/** A database host the app connects to, and how it gets it: a variable it is given, a fallback, or code. */
export interface DatabaseHost {
  host: string;
  /** The variable HOST (or the URL) is read from. */
  variable?: string;
  /** Its value as given (`host.docker.internal`, `postgres://…@db/x`), when the container is given it. */
  value?: string;
  /** Where that value is written: the env file or compose file, the Dockerfile, or the settings module. */
  where: string;
  /** HOST falls back to a value written in the settings, since the container is not given the variable. */
  fallback?: true;
}

/** Each way the app's database can end up: a server at a known host, SQLite (no server at all), or unknown. */
export type DatabaseReach =
  | { kind: 'server'; host: DatabaseHost }
  | { kind: 'socket'; path: string; where: string }
  | { kind: 'sqlite' }
  | { kind: 'unknown' };

/** What the app's container is given for a variable: its value and where it is written; 'unset'; or unknown. */
function givenValue(
  app: App,
  provided: ProvidedEnvironment,
  variable: string,
): { value: string; where: string } | 'unset' | undefined {
  const entry = app.compose?.appService?.environment.filter((e) => e.name === variable).pop();
  if (entry?.interpolated) {
    // `postgres://app:${DB_PASSWORD}@db/app`: the host is written, whatever the deploy gives the password.
    const host = entry.raw === undefined ? undefined : hostOf(entry.raw);
    return entry.raw === undefined || !host || host.includes('$')
      ? undefined
      : { value: entry.raw, where: entry.file };
  }
  if (entry) return entry.value === undefined ? undefined : { value: entry.value, where: entry.file };
  if (!provided.values.has(variable)) return provided.complete ? 'unset' : undefined;
  const value = provided.values.get(variable);
  if (value === undefined || value.includes('$') || !app.dockerfile) return undefined;
  return { value, where: app.dockerfile.file };
}

/** A HOST value that names a host: not empty, and not the directory of a unix socket (`/cloudsql/project:db`). */
function isHostName(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !isSocketDir(value);
}

/** A HOST that is a path: PostgreSQL and MySQL's drivers then connect through the unix socket in that directory. */
function isSocketDir(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/');
}

/** The host a HOST field (or a database URL read) comes to in the app's container. */
function hostOfField(
  app: App,
  provided: ProvidedEnvironment,
  field: ValueSource | undefined,
  settingsFile: string,
): DatabaseReach {
  if (field?.kind === 'literal' && isSocketDir(field.value))
    return { kind: 'socket', path: field.value, where: field.file ?? settingsFile };
  if (field?.kind === 'literal' && isHostName(field.value))
    return { kind: 'server', host: { host: field.value.toLowerCase(), where: field.file ?? settingsFile } };
  if (field?.kind !== 'env') return { kind: 'unknown' };
  const given = givenValue(app, provided, field.variable);
  if (given === undefined) return { kind: 'unknown' };
  if (given === 'unset') {
    const fallback = valueWhenUnset(field);
    const where = fallback?.file ?? settingsFile;
    if (fallback?.kind === 'literal' && isSocketDir(fallback.value))
      return { kind: 'socket', path: fallback.value, where };
    if (fallback?.kind !== 'literal' || !isHostName(fallback.value)) return { kind: 'unknown' };
    return {
      kind: 'server',
      host: { host: fallback.value.toLowerCase(), variable: field.variable, where, fallback: true },
    };
  }
  if (/^(sqlite|spatialite)/i.test(given.value)) return { kind: 'sqlite' };
  if (isSocketDir(given.value)) return { kind: 'socket', path: given.value, where: given.where };
  const host = hostOf(given.value);
  if (!host) return { kind: 'unknown' };
  return { kind: 'server', host: { host, variable: field.variable, value: given.value, where: given.where } };
}

/** How one DATABASES alternative ends up in the app's container. */
function reachOfConfig(
  app: App,
  provided: ProvidedEnvironment,
  config: DatabaseConfig,
  settingsFile: string,
): DatabaseReach {
  const engineField = config.fields.ENGINE;
  // ENGINE read from a database URL the container is given: its scheme names it, read with the host.
  const fromUrl =
    engineField?.kind === 'env' &&
    engineField.via === 'dj-database-url' &&
    typeof givenValue(app, provided, engineField.variable) === 'object';
  const engine = fromUrl ? undefined : engineInContainer(config, provided);
  if (!fromUrl && engine === undefined) return { kind: 'unknown' };
  if (engine !== undefined && isSqliteEngine(engine)) return { kind: 'sqlite' };
  return hostOfField(app, provided, config.fields.HOST, writtenIn({ file: settingsFile }, config));
}

/**
 * Each way the database of the app's containers can end up, over every settings module they load and every DATABASES
 * alternative they may run with (a URL variable read without a default too); empty when the settings say nothing.
 */
export function databaseReaches(project: Project, app: App): DatabaseReach[] {
  const provided = providedEnvironment(app);
  return appSettings(project)
    .filter((s) => s.app === app)
    .flatMap(({ settings }) => {
      const databases = settings.databases;
      if (!databases) return [];
      const configs = databases.configs.filter((c) => mayRunInContainer(c, databases.configs, provided));
      if (databases.configs.length === 0 && databases.selection.kind === 'url') {
        const read: ValueSource = {
          kind: 'env',
          variable: databases.selection.variable,
          via: 'dj-database-url',
          required: false,
          line: databases.line,
        };
        return [hostOfField(app, provided, read, settings.file)];
      }
      return configs.map((c) => reachOfConfig(app, provided, c, settings.databases?.file ?? settings.file));
    });
}
