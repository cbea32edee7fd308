import type { RawFinding } from '../core/index.js';
import type { App } from '../model/types/project.js';
import { providedEnvironment, withBases } from '../model/settings/index.js';
import { defineRule } from './lib/rule.js';

/** Variables that configure the database connection piece by piece (DB_HOST, POSTGRES_DB, PGHOST, MYSQL_USER). */
const DATABASE_PART =
  /^(DB|DATABASE|POSTGRES|POSTGRESQL|PG|MYSQL|SQL)_?(HOST|NAME|DB|DATABASE|USER|USERNAME|PASSWORD|PASS|PORT|ENGINE)$/;
/** Variables that configure it as one URL. */
const DATABASE_URL = /^([A-Z]+_)?DATABASE_URL$/;

export const configProvidedNotRead = defineRule({
  id: 'TF0313',
  name: 'config-provided-not-read',
  factor: 'III',
  severity: 'warning',
  kind: 'S',
  title:
    "The app's compose service (or the image's ENV) provides configuration the settings never read, while a variable the settings do read for the same purpose is left unset, so the app silently runs on its fallback (e.g. DB_* provided, DATABASE_URL read, SQLite fallback)",
  help: `The deployment and the settings describe the database in two different ways: compose sets \`DB_HOST\`,
\`DB_NAME\`, \`DB_USER\`… while the settings build \`DATABASES\` from \`DATABASE_URL\` (or the other way round). Nothing
fails: the settings do not find their variable, fall back to their default (often SQLite inside the container), and
the PostgreSQL service next to the app is never used. Data then lives in the container and is lost with it.

Provide the variable the settings read:

\`\`\`yaml
services:
  web:
    environment:
      DATABASE_URL: postgres://app:\${DB_PASSWORD}@db:5432/app
\`\`\`

The rule stays silent when the settings load a \`.env\` file at run time or an \`env_file\` could not be read, since the
variable may come from there.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const finding = databaseProvidedNotRead(app);
      if (finding) findings.push(finding);
    }
    return findings;
  },
});

function databaseProvidedNotRead(app: App): RawFinding | undefined {
  if (!app.settings || (!app.dockerfile?.targetStage && !app.compose?.appService)) return undefined;
  const settings = withBases(app.settings, app.settingsBases);
  const db = settings.databases;
  if (!db || settings.dotenvLoads?.length) return undefined;
  if (db.selection.kind !== 'url' && db.selection.kind !== 'env') return undefined;
  const fallback = db.configs.find((c) => c.isDefault);
  if (!fallback) return undefined; // without a fallback the app fails loudly instead
  const provided = providedEnvironment(app);
  const selector = db.selection.variable;
  if (!provided.complete || provided.values.has(selector)) return undefined;
  const read = new Set(settings.envReads.map((r) => r.variable));
  const otherWay = db.selection.kind === 'url' ? DATABASE_PART : DATABASE_URL;
  const unread = [...provided.values.keys()].filter((n) => otherWay.test(n.toUpperCase()) && !read.has(n));
  if (unread.length === 0) return undefined;
  const owner = [app.settings, ...(app.settingsBases ?? [])].find((m) => m.databases === db) ?? app.settings;
  const engine = fallback.engine ? ` (${fallback.engine.replace('django.db.backends.', '')})` : '';
  return {
    // The module of DATABASES (a star-imported base), where the line is.
    file: db.selection.file ?? owner.file,
    line: db.selection.line,
    message: `The settings choose the database from ${selector}, which ${provided.sources.join(' and ')} ${provided.sources.length > 1 ? 'do' : 'does'} not set, while ${unread.join(', ')} ${unread.length > 1 ? 'are' : 'is'} provided and never read: the app silently runs on its fallback database${engine}. Provide ${selector} (or read the variables that are provided).`,
  };
}
