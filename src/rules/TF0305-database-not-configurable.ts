import { type RawFinding, code, msg } from '../core/index.js';
import type { DatabaseConfig, DatabasesModel, SettingsModel } from '../model/types/settings.js';
import { appDatabases } from './lib/each.js';
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
    for (const { app, settings, databases, file } of appDatabases(project)) {
      if (databases.selection.kind !== 'fixed') continue;
      // manage.py's default module (`config.settings.local`) beside a server module whose database the environment
      // selects (`APP_ENV`): DJANGO_SETTINGS_MODULE picks that module for a management command, no code edited.
      if (settings === app.managedSettings && selectsFromEnvironment(app.settings)) continue;
      for (const at of assignmentsOf(settings, databases, file)) {
        const engines = [...new Set(at.configs.map((c) => c.engine).filter((e) => e !== undefined))];
        const engine =
          engines.length === 1
            ? engines[0] || "an empty ENGINE (Django's dummy backend, which fails on every query)"
            : `${engines.join(' or ')} (chosen by something other than an environment variable)`;
        // A URL read whose engine is then written over: the URL is there, the override is what to remove.
        const over = databases.engineOverrides?.at(-1);
        findings.push({
          file: at.file,
          line: at.line,
          ...(over
            ? msg`DATABASES['default'] is read from ${over.variable}, but its ENGINE is then fixed to ${over.engine} in code (${over.file ?? settings.file}, line ${String(over.line)}), so no environment variable selects the database engine: whatever scheme ${over.variable} names, another database needs an edited settings file. Remove the ENGINE assignment and let the URL's scheme choose it (${code('postgres://…')}, ${code('sqlite:////data/db.sqlite3')}).`
            : msg`DATABASES['default'] is fixed to ${engine} in code: no environment variable selects the database, so another database needs an edited settings file. Select it from the environment, e.g. ${code('DATABASES = {"default": dj_database_url.config()}')} with DATABASE_URL, or a DB_ENGINE switch.`),
        });
      }
    }
    return findings;
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
