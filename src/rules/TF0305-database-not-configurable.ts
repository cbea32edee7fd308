import { type RawFinding, code, msg } from '../core/index.js';
import { DUMMY_ENGINE } from '../model/settings/index.js';
import type { DatabaseConfig, DatabasesModel, SettingsModel } from '../model/types/settings.js';
import type { App } from '../model/types/project.js';
import { appDatabases } from './lib/each.js';
import { listOf } from './lib/processes.js';
import { databaseSwitch } from './lib/databases-fix.js';
import { defineRule } from './lib/rule.js';

export const databaseNotConfigurable = defineRule({
  id: 'TF0305',
  name: 'database-not-configurable',
  factor: 'III',
  severity: 'error',
  kind: 'S',
  title:
    "DATABASES['default'] cannot be changed without editing code: no environment variable selects the engine (DB_ENGINE switch, DATABASE_URL via dj-database-url or django-environ, or equivalent)",
  help: `The same image should run against SQLite on a laptop and PostgreSQL in production, with only the environment
changing. When \`DATABASES['default']\` names its engine in code, every other database needs an edited settings file,
and the build that is tested is not the build that is deployed.

Let the environment choose, with a URL:

\`\`\`python
import dj_database_url

DATABASES = {"default": dj_database_url.config(conn_max_age=600)}  # DATABASE_URL=postgres://…
\`\`\`

or with a switch:

\`\`\`python
DATABASES_AVAILABLE = {
    "sqlite": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3")},
    "postgres": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB"),
        "USER": os.environ.get("POSTGRES_USER"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD"),
        "HOST": os.environ.get("POSTGRES_HOST"),
    },
}
DATABASES = {"default": DATABASES_AVAILABLE[os.environ["DB_ENGINE"]]}
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    // A URL read whose engine is then written over, per DATABASES line: the settings modules sharing the line may
    // each end on another ENGINE assignment (the server's module its own, manage.py's default the base's).
    const overridden = new Map<string, OverriddenUrl>();
    for (const { app, settings, databases, file } of appDatabases(project)) {
      if (databases.selection.kind !== 'fixed') continue;
      // manage.py's default module (`config.settings.local`) beside a server module whose database the environment
      // selects (`APP_ENV`): DJANGO_SETTINGS_MODULE picks that module for a management command, no code edited.
      if (settings === app.managedSettings && selectsFromEnvironment(app.settings)) continue;
      for (const at of assignmentsOf(settings, databases, file)) {
        // A URL read whose engine is then written over: the URL is there, the override is what to remove.
        const over = databases.engineOverrides?.at(-1);
        if (over) {
          const key = `${at.file}\0${at.line}\0${over.variable}`;
          const entry = overridden.get(key) ?? {
            file: at.file,
            line: at.line,
            variable: over.variable,
            ends: [],
          };
          entry.ends.push({
            ...over,
            file: over.file ?? settings.file,
            settings: settingsName(app, settings),
          });
          overridden.set(key, entry);
          continue;
        }
        const engines = [...new Set(at.configs.map((c) => c.engine).filter((e) => e !== undefined))];
        const engine =
          engines.length === 1
            ? engines[0] === DUMMY_ENGINE
              ? `${DUMMY_ENGINE} (Django's default when no ENGINE is given, which fails on every query)`
              : engines[0] || "an empty ENGINE (Django's dummy backend, which fails on every query)"
            : `${engines.join(' or ')} (chosen by something other than an environment variable)`;
        findings.push({
          file: at.file,
          line: at.line,
          ...msg`DATABASES['default'] is fixed to ${engine} in code: no environment variable selects the database, so another database needs an edited settings file. Select it from the environment, e.g. ${code('DATABASES = {"default": dj_database_url.config()}')} with DATABASE_URL, or a DB_ENGINE switch.`,
        });
      }
    }
    return [...findings, ...[...overridden.values()].map(overriddenFinding)];
  },
  fix: {
    safety: 'safe',
    summary:
      "Rewrites a hard-coded SQLite or PostgreSQL DATABASES as the `DB_ENGINE` switch over `DATABASES['sqlite'|'postgres']`, the server read from `DB_NAME`, `DB_USER`, `DB_PASSWORD`, `DB_HOST`, `DB_PORT` (or the variable the app's container is already given for the field, such as `DATABASE_HOST`); the engine in code stays the default. A SQLite alternative the fix writes for PostgreSQL keeps its file under `DATA_DIR` (`Path(os.environ.get('DATA_DIR', BASE_DIR)) / 'db.sqlite3'`), and the target stage gets `ENV DATA_DIR=/data` and `VOLUME /data`, made and handed to a non-root USER before it switches.",
    declines:
      'a DATABASES assigned in a branch or more than once, with other aliases or keys than ENGINE/NAME/USER/PASSWORD/HOST/PORT, another engine, or, for PostgreSQL, in a module with no BASE_DIR in scope for the SQLite file.',
    make: databaseSwitch,
  },
});

/** A DATABASES line read from a URL whose ENGINE is written over in code, with where each settings module ends. */
interface OverriddenUrl {
  file: string;
  line: number;
  variable: string;
  ends: { engine: string; file: string; line: number; settings: string }[];
}

/** One finding for the line: the ENGINE assignment that wins, or, where modules differ, each with its settings. */
function overriddenFinding({ file, line, variable, ends }: OverriddenUrl): RawFinding {
  const places = [...new Map(ends.map((e) => [`${e.file}\0${e.line}`, e])).values()];
  const fixed =
    places.length === 1
      ? `fixed to ${places[0].engine} in code (${places[0].file}, line ${String(places[0].line)}),`
      : `fixed in code: ${places
          .map((p) => {
            const where = [
              ...new Set(ends.filter((e) => e.file === p.file && e.line === p.line).map((e) => e.settings)),
            ];
            return `to ${p.engine} (${p.file}, line ${String(p.line)}) in ${listOf(where)}`;
          })
          .join(', and ')},`;
  return {
    file,
    line,
    ...msg`DATABASES['default'] is read from ${variable}, but its ENGINE is then ${fixed} so no environment variable selects the database engine: whatever scheme ${variable} names, another database needs an edited settings file. Remove ${places.length === 1 ? 'the ENGINE assignment' : 'these ENGINE assignments'} and let the URL's scheme choose it (${code('postgres://…')}, ${code('sqlite:////data/db.sqlite3')}).`,
  };
}

/** The settings module in a message, with the role it has for the app: `the server's settings, config/prod.py`. */
function settingsName(app: App, settings: SettingsModel): string {
  if (settings === app.settings) return `the server's settings, ${settings.file}`;
  if (settings === app.managedSettings) return `manage.py's default settings, ${settings.file}`;
  return `the settings ${settings.file}`;
}

/** Whether the server's settings let an environment variable select the database. */
function selectsFromEnvironment(settings: SettingsModel | undefined): boolean {
  const kind = settings?.databases?.selection.kind;
  return kind === 'env' || kind === 'url';
}

/**
 * The DATABASES assignments a fixed selection is written in, each with its configs: where each of several modules the
 * settings star-import in branches (`if env == 'production': from .production import * else: from .development
 * import *`) assigns its own, every one of them; else the one DATABASES line.
 */
function assignmentsOf(
  settings: SettingsModel,
  databases: DatabasesModel,
  file: string,
): { file: string; line: number; configs: DatabaseConfig[] }[] {
  const one = [{ file, line: databases.line, configs: databases.configs }];
  const files = [...new Set(databases.configs.map((c) => c.file ?? settings.file))];
  if (files.length < 2) return one;
  // Not liveAssignments: a branch's star-import marks no assignment of the module it imports as in a branch.
  const live = settings.assignments.filter((x) => x.name === 'DATABASES' && x.live);
  const each = files.map((f) => {
    const a = live.filter((x) => (x.file ?? settings.file) === f);
    const configs = databases.configs.filter((c) => (c.file ?? settings.file) === f);
    return a.length === 1 ? { file: f, line: a[0].line, configs } : undefined;
  });
  return each.every((e) => e !== undefined) ? each : one;
}
