import type { RawFinding } from '../core/index.js';
import { isSqliteEngine } from '../model/settings/index.js';
import { defineRule } from './lib/rule.js';

export const sqliteDefaultEngine = defineRule({
  id: 'TF1003',
  name: 'sqlite-default-engine',
  factor: 'X',
  severity: 'notice',
  kind: 'S',
  title:
    'The engine falls back to SQLite when nothing is configured, so a production deploy that forgets DB_ENGINE silently runs on a file inside the container',
  help: `A default of SQLite is convenient on a laptop, but a production deploy that forgets \`DB_ENGINE\` (or
\`DATABASE_URL\`) does not fail: it starts, migrates an empty SQLite file inside the container and serves from it,
and whatever users write is lost with the container. Prefer failing loudly when the database is not configured, and
set the development value explicitly in the dev stack (compose file or \`.env\`).

\`\`\`python
# Before
DATABASES = {"default": DATABASES_AVAILABLE[os.environ.get("DB_ENGINE", "sqlite")]}
DATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}

# After: no silent fallback
DATABASES = {"default": DATABASES_AVAILABLE[os.environ["DB_ENGINE"]]}
DATABASES = {"default": dj_database_url.config()}  # ImproperlyConfigured when DATABASE_URL is missing
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const settings = app.settings;
      const databases = settings?.databases;
      if (!settings || !databases) continue;
      const selection = databases.selection;
      if (selection.kind !== 'env' && selection.kind !== 'url') continue;
      const fallback = databases.configs.find(
        (c) => c.isDefault === true && c.engine && isSqliteEngine(c.engine),
      );
      if (!fallback) continue;
      const what = selection.kind === 'url' ? `${selection.variable} (a database URL)` : selection.variable;
      findings.push({
        file: settings.file,
        line: selection.line,
        message: `When ${what} is unset the database falls back to SQLite (${fallback.engine}), so a deploy that forgets it runs on a file inside the container; make the variable required, or set the SQLite choice explicitly in the development environment.`,
      });
    }
    return findings;
  },
});
