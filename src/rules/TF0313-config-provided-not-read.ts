import type { RawFinding } from '../core/index.js';
import type { App } from '../model/types/project.js';
import type { SettingsModel } from '../model/types/settings.js';
import {
  liveAssignments,
  providedEnvironment,
  withBases,
  type ProvidedEnvironment,
} from '../model/settings/index.js';
import {
  DATABASE_PART,
  DATABASE_URL,
  configurationOfEntry,
  databaseKeyOf,
  databaseUrlParts,
  defaultDatabase,
  dotenvMayProvide,
  engineInContainer,
  literalFallback,
  namesSetting,
  unreadProvided,
  withScriptAssignments,
} from './lib/provided-config.js';
import { defineRule } from './lib/rule.js';
import { similarNames } from './lib/variable-names.js';

/** The database keys read piece by piece, the host first: where the app connects is what goes wrong first. */
const DATABASE_KEYS = ['HOST', 'NAME', 'USER', 'PASSWORD', 'PORT'];

/** What the rule needs of an app: its settings as the app runs them, what is provided, what is read. */
interface Reading {
  app: App;
  settings: SettingsModel;
  provided: ProvidedEnvironment;
  read: Set<string>;
}

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

The same holds the other way round (\`DATABASE_URL\` provided, \`DB_HOST\` read with a fallback of \`localhost\`: reported
at each piece read whose fallback differs from what is provided), for the pieces under other names
(\`POSTGRES_HOST\` provided, \`DB_HOST\` read; beside an engine switch left on its SQLite fallback, reported at the switch,
since on SQLite the pieces are never used), and for a setting read from one variable while the deployment names
it after the setting (\`SECRET_KEY\` provided, \`os.environ.get("SECRET", "dev")\` read), or for one item of a list setting (\`ALLOWED_HOSTS\` provided,
\`ALLOWED_HOSTS = [env.str("SERVER_NAME", ""), "localhost"]\` read). Reads through python-decouple and django-environ count, and so do the
reads of modules the settings star-import. A fallback equal to the value provided is not reported: the app then
runs as intended; a database piece compose passes on from the deploy's environment (\`POSTGRES_DB=\${POSTGRES_DB:-app}\`)
is, since the app ignores whatever the deploy sets. Pieces named for another server (\`POSTGRES_USER\` beside a MySQL
entry, \`MYSQL_PASSWORD\` or \`MARIADB_PASSWORD\` beside a PostgreSQL one) are not this entry's configuration and are
not counted. A PostgreSQL NAME read with \`os.environ.get("DB_NAME")\` and no default falls back too: Django's
backend connects to the \`postgres\` database when NAME is None. A bare \`DATABASE=shop_db\` names the database;
\`DATABASE=postgres\` (an engine word, the server an entrypoint waits for) does not.

The rule stays silent when the settings load a \`.env\` file at run time (a python-decouple \`.env\` or \`settings.ini\`
only when one reaches the image, lies in a directory of the checkout the app service bind-mounts, or the service
bind-mounts a directory outside the repository) or an \`env_file\` could not be read, since the variable may come from
there.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      if (!app.settings || (!app.dockerfile?.targetStage && !app.compose?.appService)) continue;
      if (dotenvMayProvide(app)) continue;
      const provided = withScriptAssignments(app, providedEnvironment(app));
      if (!provided.complete) continue;
      const settings = withBases(app.settings, app.settingsBases);
      const r: Reading = { app, settings, provided, read: new Set(settings.envReads.map((x) => x.variable)) };
      // The pieces first: a fallback that is a server at the wrong host is what goes wrong, not the switch before it.
      const database = databasePartsNotProvided(r) ?? [databaseProvidedNotRead(r)];
      for (const f of database) if (f) findings.push(f);
      findings.push(...settingsProvidedUnderOtherNames(r));
    }
    return findings;
  },
});

/** DB_* provided while the settings choose the database from DATABASE_URL (or a switch) left unset. */
function databaseProvidedNotRead({ app, settings, provided, read }: Reading): RawFinding | undefined {
  const db = settings.databases;
  if (!db) return undefined;
  if (db.selection.kind !== 'url' && db.selection.kind !== 'env') return undefined;
  const fallback = db.configs.find((c) => c.isDefault);
  if (!fallback) return undefined; // without a fallback the app fails loudly instead
  const selector = db.selection.variable;
  if (provided.values.has(selector)) return undefined;
  // A fallback server whose host is read from a variable the deployment provides is the database it configures
  // (`USE_SQLITE` unset, PostgreSQL from DB_HOST…): a DATABASE_URL beside it is only left over, nothing is lost.
  const host = fallback.fields.HOST;
  if (host?.kind === 'env' && provided.values.has(host.variable)) return undefined;
  // Beside a switch whose fallback is SQLite, pieces under other names (POSTGRES_DATABASE_HOST) describe the server
  // the app never reaches as much as a URL does.
  const pieces = db.selection.kind === 'url' || /sqlite/i.test(fallback.engine ?? '');
  const unread = unreadProvided(provided, read).filter(
    (n) =>
      (pieces && DATABASE_PART.test(n.toUpperCase())) ||
      (db.selection.kind === 'env' && DATABASE_URL.test(n.toUpperCase())),
  );
  if (unread.length === 0) return undefined;
  const owner =
    [app.settings!, ...(app.settingsBases ?? [])].find((m) => m.databases === db) ?? app.settings!;
  const engine = fallback.engine ? ` (${fallback.engine.replace('django.db.backends.', '')})` : '';
  return {
    // The module of DATABASES (a star-imported base), where the line is.
    file: db.selection.file ?? owner.file,
    line: db.selection.line,
    message: `The settings choose the database from ${selector}, which ${sourcesText(provided)} not set, while ${listText(unread)} provided and never read: the app silently runs on its fallback database${engine}. Provide ${selector}${piecesReadText(db, selector, unread)} (or read the variables that are provided).`,
  };
}

/** " and the pieces under the names the settings read, DB_HOST, DB_NAME", for pieces provided under other names. */
function piecesReadText(db: SettingsModel['databases'] & object, selector: string, unread: string[]): string {
  const config = db.configs.find((c) => !c.isDefault) ?? db.configs[0];
  const names = unread.flatMap((n) => {
    const key = databaseKeyOf(n);
    const field = key ? config?.fields[key] : undefined;
    return field?.kind === 'env' && field.variable !== selector ? [field.variable] : [];
  });
  if (names.length === 0) return '';
  return ` and the pieces under the names the settings read, ${[...new Set(names)].join(', ')}`;
}

/**
 * The database read piece by piece (DB_HOST with a fallback) while the pieces are provided under other names
 * (POSTGRES_HOST) or as one DATABASE_URL: one finding per piece, at the line that reads it.
 */
function databasePartsNotProvided({ app, settings, provided, read }: Reading): RawFinding[] | undefined {
  const config = settings.databases ? defaultDatabase(settings.databases) : undefined;
  if (!config) return undefined;
  // POSTGRES_USER beside a MySQL entry is another server's login, not this entry's configuration.
  const engine = engineInContainer(config, provided);
  // On SQLite the pieces are never used: the switch that left the app there is what goes wrong.
  if (/sqlite/i.test(engine ?? '')) return undefined;
  const unread = configurationOfEntry(app, provided, unreadProvided(provided, read), engine);
  const urls = unread.filter((n) => DATABASE_URL.test(n.toUpperCase()));
  const findings: RawFinding[] = [];
  for (const key of DATABASE_KEYS) {
    const v = config.fields[key];
    if (v?.kind !== 'env' || provided.values.has(v.variable)) continue;
    // os.environ.get('DB_NAME') unset is None, and Django's PostgreSQL backend then connects to 'postgres', silently.
    const noneName =
      !v.fallback &&
      key === 'NAME' &&
      ['environ.get', 'getenv'].includes(v.via) &&
      /postg/i.test(engine ?? '');
    if (!noneName && (v.required || !v.fallback)) continue;
    const fallback = noneName ? 'postgres' : literalFallback(v);
    const sameKey = unread.filter(
      (n) => databaseKeyOf(v.variable) === key && (databaseKeyOf(n) ?? bareDatabaseKey(n, provided)) === key,
    );
    const differs = (value: string | undefined) =>
      fallback === undefined || value === undefined || value !== fallback;
    // `POSTGRES_DB=${POSTGRES_DB:-postgres}` passes on what the deploy sets: the app's fallback ignores it.
    const passedOn = sameKey.find((n) => differs(provided.values.get(n)) || interpolatedByCompose(app, n));
    const instead =
      passedOn ??
      urls.find((n) => {
        const parts = databaseUrlParts(provided.values.get(n));
        return differs(parts?.[key]);
      });
    if (!instead) continue;
    const same = fallback !== undefined && provided.values.get(instead) === fallback;
    const value =
      key === 'PASSWORD' || fallback === undefined ? 'its fallback value' : `its fallback ${key} ${fallback}`;
    const effect = noneName
      ? "the app silently connects to the database 'postgres', which Django's PostgreSQL backend uses when NAME is None"
      : same
        ? `the app uses ${value} whatever the deploy sets ${instead} to`
        : `the app silently connects with ${value}`;
    findings.push({
      file: v.file ?? app.settings!.file,
      line: v.line,
      message: `The settings read the database ${key} from ${v.variable}, which ${sourcesText(provided)} not set, while ${instead} is provided and never read: ${effect}. Read ${instead} (or provide ${v.variable}).`,
    });
  }
  return findings.length > 0 ? findings : undefined;
}

/**
 * A bare `DATABASE=shop_db` names the database (NAME); `DATABASE=postgres` beside `SQL_ENGINE` names the server an
 * entrypoint waits for, so an engine word is no name.
 */
function bareDatabaseKey(name: string, provided: ProvidedEnvironment): string | undefined {
  if (name.toUpperCase() !== 'DATABASE') return undefined;
  const value = provided.values.get(name);
  if (value === undefined || /^(postgres(ql)?|psql|pg|mysql|mariadb|sqlite3?)$/i.test(value.trim()))
    return undefined;
  return 'NAME';
}

/** The app's compose service sets `name` by interpolation (`\${POSTGRES_DB:-postgres}`): the deploy's value. */
function interpolatedByCompose(app: App, name: string): boolean {
  return app.compose?.appService?.environment.some((e) => e.name === name && e.interpolated) ?? false;
}

/** A setting read from one variable with a fallback, while the deployment provides it under another name. */
function settingsProvidedUnderOtherNames({ app, settings, provided, read }: Reading): RawFinding[] {
  const findings: RawFinding[] = [];
  const unread = unreadProvided(provided, read);
  const names = new Set(settings.assignments.map((a) => a.name));
  for (const name of names) {
    // DEBUG off by its fallback is what is wanted (and a DEBUG on by default is TF0302's).
    if (name === 'DATABASES' || name === 'DEBUG') continue;
    for (const a of liveAssignments(settings, name)) {
      // A list is read item by item (`ALLOWED_HOSTS = [env.str('SERVER_NAME', ''), 'localhost']`).
      const reads = a.value.kind === 'list' ? a.value.items : [a.value];
      for (const v of reads) {
        if (v.kind !== 'env' || v.required || !v.fallback || provided.values.has(v.variable)) continue;
        // The database pieces are judged together, above.
        if (databaseKeyOf(v.variable) || DATABASE_URL.test(v.variable)) continue;
        const fallback = literalFallback(v);
        const instead = unread.find(
          (n) =>
            (namesSetting(n, name) || similarNames(n, v.variable)) &&
            (fallback === undefined || provided.values.get(n) !== fallback),
        );
        if (!instead) continue;
        const item = v !== a.value;
        findings.push({
          file: a.file ?? app.settings!.file,
          line: item ? v.line : a.line,
          message: `${name} ${item ? 'takes an item' : 'is read'} from ${v.variable}, which ${sourcesText(provided)} not set, while ${instead} is provided and never read: ${item ? 'that item silently takes' : 'the app silently runs on'} the fallback value. Read ${instead} (or provide ${v.variable}).`,
        });
      }
    }
  }
  return findings;
}

/** "the Dockerfile and the compose service 'web' do" / "the compose service 'web' does". */
function sourcesText(provided: ProvidedEnvironment): string {
  return `${provided.sources.join(' and ')} ${provided.sources.length > 1 ? 'do' : 'does'}`;
}

/** "DB_HOST is" / "DB_HOST, DB_NAME are"; with a relative pronoun: "DB_HOST, which" / "DB_HOST, DB_NAME, which". */
function listText(names: string[], relative?: string): string {
  if (relative) return `${names.join(', ')}, ${relative}`;
  return `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'}`;
}
