/** The query API rules use on a settings model: live assignments, values when unset, inherited bases, provided environment. */
import type { ComposeEnvFile } from '../types/compose.js';
import type { App } from '../types/project.js';
import type {
  DatabaseConfig,
  DatabasesModel,
  SettingAssignment,
  SettingsModel,
  ValueSource,
} from '../types/settings.js';
import { isServerEngine, isSqliteEngine } from './databases.js';
import { conditionallyLoaded } from './import-paths.js';

/**
 * The settings as the running app sees them when the module star-imports others (`from .base import *`): the
 * bases' assignments and reads first, then the module's own. DATABASES is the one the last module to choose the
 * engine builds (by a switch or a URL), else the module's own, else the nearest base's.
 */
export function withBases(settings: SettingsModel, bases: SettingsModel[] = []): SettingsModel {
  // Already evaluated with its star-imports in place.
  if (bases.length === 0 || settings.mergedModules) return settings;
  const all = [...bases, settings].reverse();
  const databases =
    all.find((m) => m.databases && m.databases.selection.kind !== 'unknown')?.databases ??
    all.find((m) => m.databases)?.databases;
  return {
    ...settings,
    assignments: [...bases, settings].flatMap((m) => m.assignments),
    envReads: [...bases, settings].flatMap((m) => m.envReads),
    ...(databases ? { databases } : {}),
  };
}

/**
 * The assignments of a setting that may give it its final value. One followed by an update of the setting outside
 * any branch (`CACHES["default"]["LOCATION"] = os.environ[…]`) is left out: the update records the whole value after it.
 */
export function liveAssignments(model: SettingsModel, name: string): SettingAssignment[] {
  const live = model.assignments.filter((a) => a.name === name && a.live);
  // A module star-imported under `if "X" in os.environ:` replaces the value only where that branch is taken.
  const conditional = conditionallyLoaded(model);
  const replaces = (b: SettingAssignment) => !b.inBranch && !conditional.has(b.file ?? model.file);
  return live.filter((a, i) => !live.slice(i + 1).some(replaces));
}

/**
 * The variables whose absence leaves the app on its fallback database: those a branch to a server engine tests
 * (`elif os.environ.get("POSTGRES_HOST")`), else the variable the selection reads; for a URL, the URL and those.
 */
export function fallbackSelectors(databases: DatabasesModel): string[] {
  const selection = databases.selection;
  if (selection.kind !== 'env' && selection.kind !== 'url') return [];
  if (selection.kind === 'url') {
    const engine = urlFallbackEngine(databases);
    if (engine) return [selection.variable, engine];
    // `elif os.getenv("POSTGRES_DB"):` after `if os.getenv("DATABASE_URL"):`: that variable alone leaves SQLite too.
    const others = databases.configs
      .filter((c) => c.engine && isServerEngine(c.engine) && c.selectedBy)
      .map((c) => c.selectedBy!.variable)
      .filter((v) => v !== selection.variable);
    return [...new Set([selection.variable, ...others])];
  }
  const out = new Set<string>();
  for (const c of databases.configs) {
    if (
      !c.engine ||
      !isServerEngine(c.engine) ||
      !c.selectedBy ||
      (c.selectedBy.test ?? 'equals') === 'unset'
    )
      continue;
    // ENGINE read from a variable inside a switch's branch: unsetting it gives that engine's default, not SQLite.
    const engine = c.fields.ENGINE;
    const byEngine = engine?.kind === 'env' && engine.variable === c.selectedBy.variable;
    if (byEngine && c.selectedBy.variable !== selection.variable) continue;
    out.add(c.selectedBy.variable);
  }
  if (out.size === 0) return [selection.variable];
  // `"ENGINE": os.environ.get("DB_ENGINE", "…sqlite3")` overridden under `if os.environ.get("CI"):`: both must be unset.
  const engine = envFallbackEngine(databases);
  return engine ? [engine, ...[...out].filter((v) => v !== engine)] : [...out];
}

/**
 * The variable the fallback config itself reads its SQLite ENGINE from (`"ENGINE": os.environ.get("DB_ENGINE",
 * "…sqlite3")`), in a switch on it: SQLite is taken only where that one is unset, whatever else a branch tests.
 */
export function envFallbackEngine(databases: DatabasesModel): string | undefined {
  const selection = databases.selection;
  if (selection.kind !== 'env') return undefined;
  const fallback = databases.configs.find(
    (c) => c.isDefault === true && c.engine !== undefined && isSqliteEngine(c.engine),
  );
  const engine = fallback?.fields.ENGINE;
  if (engine?.kind !== 'env' || engine.variable !== selection.variable || engine.prefix || engine.suffix)
    return undefined;
  const by = fallback!.selectedBy;
  return !by || by.variable === selection.variable ? selection.variable : undefined;
}

/**
 * Under a database URL merged over a dict (`DATABASES["default"].update(dj_database_url.config())`), the variable the
 * dict reads ENGINE from when it falls back to SQLite (`"ENGINE": os.environ.get("SQL_ENGINE", "…sqlite3")`): SQLite
 * is taken only when that one is unset too.
 */
export function urlFallbackEngine(databases: DatabasesModel): string | undefined {
  const selection = databases.selection;
  if (selection.kind !== 'url') return undefined;
  const fallback = databases.configs.find(
    (c) => c.isDefault === true && c.engine !== undefined && isSqliteEngine(c.engine),
  );
  const variable = fallback?.selectedBy?.variable;
  return variable !== undefined && variable !== selection.variable ? variable : undefined;
}

/**
 * When the fallback database is taken, in words: `DB_ENGINE is unset`, `any of PG_USER, PG_HOST is unset`, or, when
 * an else branch takes it and every other branch tests the variable for a value (`SITE_MODE == "live"`), `SITE_MODE is
 * unset or anything other than 'live'`.
 */
export function fallbackWhen(databases: DatabasesModel): string {
  const selection = databases.selection;
  const values = serverValues(databases);
  if (selection.kind === 'env' && values)
    return `${selection.variable} is unset or anything other than ${values.map((v) => `'${v}'`).join(' or ')}`;
  const variables = fallbackSelectors(databases);
  if (
    selection.kind === 'env' &&
    selection.allOf &&
    variables.length === 1 &&
    variables[0] === selection.variable
  )
    return `any of ${selection.allOf.join(', ')} is unset`;
  return `${variables.join(' and ')} ${variables.length > 1 ? 'are' : 'is'} unset`;
}

/**
 * The values of the switch's variable that leave its SQLite else branch, when every other branch tests the variable
 * for one value and the server engines are written in code (not the variable's own text); else undefined.
 */
export function serverValues(databases: DatabasesModel): string[] | undefined {
  const selection = databases.selection;
  if (selection.kind !== 'env') return undefined;
  const fallback = databases.configs.find(
    (c) => c.isDefault === true && c.engine !== undefined && isSqliteEngine(c.engine),
  );
  const by = fallback?.selectedBy;
  if (by?.test !== 'otherwise' || by.variable !== selection.variable) return undefined;
  const others = databases.configs.filter((c) => c !== fallback);
  const tested = (c: DatabaseConfig): boolean =>
    c.selectedBy?.variable === selection.variable &&
    (c.selectedBy.test ?? 'equals') === 'equals' &&
    c.selectedBy.value !== '' &&
    c.engine !== undefined &&
    c.fields.ENGINE?.kind !== 'env';
  if (others.length === 0 || !others.every(tested)) return undefined;
  const values = others.filter((c) => isServerEngine(c.engine!)).map((c) => c.selectedBy!.value);
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** Follows env fallbacks to what a value is when no environment variable is set; undefined when unknown or None. */
export function valueWhenUnset(v: ValueSource | undefined, depth = 0): ValueSource | undefined {
  if (!v || depth > 20) return undefined;
  if (v.kind === 'env') return valueWhenUnset(v.fallback, depth + 1);
  return v;
}

/** Environment variables the app's container gets from the target stage's ENV and the compose app service. */
export interface ProvidedEnvironment {
  /** Name → value (undefined when provided but not known statically: `${VAR}` unset, `- NAME` pass-through). */
  values: Map<string, string | undefined>;
  /** False when a source could not be read (an env_file that is missing or unreadable), so absence proves nothing. */
  complete: boolean;
  /** Where the names come from, for messages: 'the Dockerfile', "the compose service 'web'". */
  sources: string[];
  /** Where only those make it incomplete: the compose `env_file`s the repository does not hold (variables unknown). */
  unreadEnvFiles?: ComposeEnvFile[];
}

export function providedEnvironment(app: App): ProvidedEnvironment {
  const values = new Map<string, string | undefined>();
  const sources: string[] = [];
  // A compose file that could not be parsed may set any variable.
  let complete = !app.unparsedCompose;
  const stage = app.dockerfile?.targetStage;
  if (stage) {
    sources.push('the Dockerfile');
    for (const [name, value] of Object.entries(stage.env)) values.set(name, value);
  }
  const service = app.compose?.appService;
  if (service) {
    sources.push(`the compose service '${service.name}'`);
    for (const e of service.environment) values.set(e.name, e.value);
    const unread = service.envFiles.filter(
      (f) => !service.environment.some((e) => e.source === 'env_file' && e.file === f.path),
    );
    if (unread.length > 0) {
      complete = false;
      // Named only where each is a file the repository does not hold (a path from a variable may be any file).
      if (!app.unparsedCompose && unread.every((f) => f.absent))
        return { values, complete, sources, unreadEnvFiles: unread };
    }
  }
  return { values, complete, sources };
}

/** A default file storage the settings select: its backend class and where and under what test it is set. */
export interface FileStorageChoice {
  /** The backend's dotted path, when written literally (`storages.backends.s3boto3.S3Boto3Storage`). */
  backend?: string;
  /** The setting that chooses it: STORAGES (its "default" entry) or DEFAULT_FILE_STORAGE. */
  setting: 'STORAGES' | 'DEFAULT_FILE_STORAGE';
  assignment: SettingAssignment;
}

/**
 * The backends `default_storage` may end up as: the live assignments of STORAGES["default"]["BACKEND"] and of
 * DEFAULT_FILE_STORAGE (Django before 5.1), each with its assignment (its condition, whether it is in a branch).
 * Empty when neither is set (Django's FileSystemStorage on MEDIA_ROOT).
 */
export function defaultFileStorages(model: SettingsModel): FileStorageChoice[] {
  const out: FileStorageChoice[] = [];
  for (const setting of ['STORAGES', 'DEFAULT_FILE_STORAGE'] as const)
    for (const a of liveAssignments(model, setting)) {
      let v: ValueSource | undefined = a.value;
      if (setting === 'STORAGES') {
        const entry = v.kind === 'dict' ? v.entries.find((e) => e.key === 'default')?.value : undefined;
        v = entry?.kind === 'dict' ? entry.entries.find((e) => e.key === 'BACKEND')?.value : undefined;
        // STORAGES without a "default" entry leaves Django's FileSystemStorage.
        if (a.value.kind === 'dict' && !a.value.entries.some((e) => e.key === 'default'))
          v = { kind: 'literal', value: FILE_SYSTEM_STORAGE, line: a.line };
      }
      const backend = v?.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
      out.push({ setting, assignment: a, ...(backend ? { backend } : {}) });
    }
  return out;
}

const FILE_SYSTEM_STORAGE = 'django.core.files.storage.FileSystemStorage';

/** Django's own storage on MEDIA_ROOT (`django.core.files.storage[.filesystem].FileSystemStorage`). */
export function isFileSystemStorage(backend: string): boolean {
  return /^django\.core\.files\.storage\.(filesystem\.)?FileSystemStorage$/.test(backend);
}
