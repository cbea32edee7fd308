import type { RawFinding } from '../core/index.js';
import {
  envFallbackEngine,
  fallbackSelectors,
  fallbackWhen,
  isSqliteEngine,
  serverValues,
  urlFallbackEngine,
} from '../model/settings/index.js';
import type { EnvInstr } from '../model/types/dockerfile.js';
import type { App } from '../model/types/project.js';
import type { DatabasesModel } from '../model/types/settings.js';
import { appDatabases, fallbackOrRead, writtenIn } from './lib/each.js';
import { engineForValue, selects } from './lib/provided-config.js';
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

In an if/elif/else chain (\`if CI: … elif POSTGRES_HOST: … else: SQLite\`) the finding names the variable a deploy
must set to leave the fallback, the test of the branch to the database server, not a CI switch that production never
sets.

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
    for (const { app, settings, databases } of appDatabases(project)) {
      const selection = databases.selection;
      if (selection.kind !== 'env' && selection.kind !== 'url') continue;
      const imageDefault = envSelectsSqlite(app, databases);
      if (imageDefault) {
        findings.push(imageDefault);
        continue;
      }
      const fallback = databases.configs.find(
        (c) => c.isDefault === true && c.engine && isSqliteEngine(c.engine),
      );
      if (!fallback) continue;
      const variables = fallbackSelectors(databases);
      // A URL merged over a dict whose ENGINE variable defaults to SQLite: both must be unset.
      const engineVariable = urlFallbackEngine(databases);
      // A dict reading ENGINE from DB_ENGINE with a SQLite default, replaced under `if os.environ.get("CI"):`.
      const envEngine = variables.length > 1 ? envFallbackEngine(databases) : undefined;
      // `elif DB_HOST:` after `if DATABASE_URL:`: another branch to a server, which its own variable selects.
      const others =
        selection.kind === 'url'
          ? [
              ...new Set(
                databases.configs
                  .filter((c) => c.engine && !isSqliteEngine(c.engine) && c.selectedBy)
                  .map((c) => c.selectedBy!.variable)
                  .filter((v) => v !== selection.variable && v !== engineVariable),
              ),
            ]
          : [];
      const when =
        selection.kind === 'url'
          ? engineVariable
            ? `neither ${selection.variable} (a database URL, read at ${readAt(settings.file, selection, fallback)}) nor ${engineVariable} is set`
            : others.length > 0
              ? `neither ${selection.variable} (a database URL) nor ${others.join(' nor ')} is set`
              : `${selection.variable} (a database URL) is unset`
          : envEngine
            ? `neither ${variables.join(' nor ')} is set`
            : fallbackWhen(databases);
      // A URL default points at the URL as written (a variable holding it may be set lines above the read).
      const url = fallback.fields.ENGINE?.kind === 'env' ? fallback.fields.ENGINE.fallback : undefined;
      // `if "DATABASE_URL" in os.environ:` over a SQLite dict written before it: the test selects the engine.
      const at =
        selection.test ??
        (engineVariable
          ? { line: fallback.fieldLines?.ENGINE ?? fallback.line, file: fallback.file }
          : selection.kind === 'url'
            ? fallbackOrRead(selection, url, databases)
            : selection);
      const file = writtenIn(settings, at);
      const fallbackFile = fallback.file ?? databases.file ?? settings.file;
      // The SQLite choice as written: its ENGINE line (a branch may fill an empty dict key by key).
      const fallbackLine = fallback.fieldLines?.ENGINE ?? fallback.line;
      // An if/elif/else chain: the branch taken is lines away from the test that selects it.
      const where =
        (selection.kind === 'env' || selection.test) && (fallbackFile !== file || fallbackLine !== at.line)
          ? `, the configuration at ${fallbackFile === file ? '' : `${fallbackFile} `}line ${fallbackLine}`
          : '';
      // A switch between modules: the value that leaves SQLite, and the module it loads.
      const servers = serverValues(databases)
        ? databases.configs
            .filter((c) => c !== fallback && c.engine && !isSqliteEngine(c.engine))
            .flatMap((c) => {
              const at = c.file ?? databases.file ?? settings.file;
              return at === fallbackFile
                ? []
                : [
                    `${selection.variable}=${c.selectedBy!.value} selects ${c.engine} at ${at} line ${c.fieldLines?.ENGINE ?? c.line}`,
                  ];
            })
        : [];
      const serverChoices = servers.length > 0 ? `; ${[...new Set(servers)].join('; ')}` : '';
      const forgets = envEngine
        ? 'sets neither'
        : `forgets ${engineVariable || others.length > 0 ? 'both' : `it${serverValues(databases) ? ' or sets another value' : ''}`}`;
      const advice = envEngine
        ? `drop the SQLite default of ${envEngine} so such a deploy fails`
        : engineVariable
          ? `drop the SQLite default of ${engineVariable} so a deploy that sets neither fails`
          : others.length > 0
            ? 'drop the SQLite branch so a deploy that sets neither fails'
            : 'make the variable required';
      findings.push({
        file,
        line: at.line,
        message: `When ${when} the database falls back to SQLite (${fallback.engine}${where}${serverChoices}), so a deploy that ${forgets} runs on a file inside the container; ${advice}, or set the SQLite choice explicitly in the development environment.${commandEnvNote(app, variables)}${emptyEngineNote(app, databases)}`,
      });
    }
    return findings;
  },
});

/** Where the URL is read, as seen from the SQLite choice the finding points at: `line 27`, or `base.py line 27`. */
function readAt(
  settingsFile: string,
  read: { line: number; file?: string },
  fallback: { file?: string },
): string {
  const readFile = read.file ?? settingsFile;
  return readFile === (fallback.file ?? settingsFile) ? `line ${read.line}` : `${readFile} line ${read.line}`;
}

/**
 * The repository's own run command (`docker compose --env-file .env.prod up` in a Makefile) gives the compose app
 * service the selecting variable: that deploy leaves the fallback, which remains for any run of the image without it.
 */
function commandEnvNote(app: App, variables: string[]): string {
  const fromCommand = app.compose?.envFilesFromCommand;
  const service = app.compose?.appService;
  if (!fromCommand || !service) return '';
  const given = variables.flatMap((name) => {
    const entry = service.environment.filter((e) => e.name === name).at(-1);
    if (!entry?.interpolated || !entry.value) return [];
    // An engine name is shown; a database URL may carry a password and is only named.
    return [/URL$/.test(name) ? name : `${name}=${entry.value}`];
  });
  if (given.length === 0) return '';
  return ` Here the repository's own run command (${fromCommand.source}: docker compose --env-file ${fromCommand.files.join(' --env-file ')}) gives the compose service '${service.name}' ${given.join(' and ')}, so that deploy does not fall back; the image run without that file (another deploy, docker run) does.`;
}

/**
 * What the compose app service really gives the engine when it passes the variable from an interpolation nothing in
 * the repository sets (`DB_ENGINE: ${DB_ENGINE}`, no .env entry): an empty ENGINE, which Django makes its dummy
 * backend, not SQLite; unless the shell, or a .env the repository does not hold, sets it.
 */
function emptyEngineNote(app: App, databases: DatabasesModel): string {
  const selection = databases.selection;
  if (selection.kind !== 'env') return '';
  const entry = app.compose?.appService?.environment
    .filter((e) => e.name === selection.variable && e.source === 'environment')
    .at(-1);
  if (!entry?.interpolated || entry.value !== '' || !entry.raw) return '';
  // Only where ENGINE is the variable's text itself: a switch on it takes its fallback branch for an empty value.
  const readsEngine = databases.configs.some(
    (c) =>
      c.fields.ENGINE?.kind === 'env' &&
      c.fields.ENGINE.variable === selection.variable &&
      !c.fields.ENGINE.prefix &&
      !c.fields.ENGINE.suffix,
  );
  if (!readsEngine) return '';
  const fromCommand = app.compose!.envFilesFromCommand;
  const passes = ` The compose service '${app.compose!.appService!.name}' passes ${selection.variable}: ${entry.raw} (${entry.file}:${entry.line})`;
  const empty = `the container gets it empty, and an empty ENGINE is Django's dummy backend, so every query fails with ImproperlyConfigured instead of using SQLite.`;
  // A file compose interpolates from that the repository does not hold (a git-ignored .env) may set it.
  const absent = app.compose!.absentInterpolationFiles ?? [];
  if (absent.length > 0) {
    const files = fromCommand
      ? `${absent.join(', ')} (the --env-file ${fromCommand.source} runs compose with)`
      : `${absent.join(', ')} beside the compose file`;
    return `${passes}, which nothing in the repository sets: the shell running compose, or ${files}, which the repository does not hold, may set it; where neither does, ${empty}`;
  }
  const unset = fromCommand
    ? `nor ${fromCommand.files.join(', ')}, which ${fromCommand.source} runs compose with (--env-file), gives it`
    : 'no .env beside the compose file gives it';
  return `${passes}, which nothing here sets (${unset}): unless the shell running compose exports it, ${empty}`;
}

/**
 * `ENV DB_ENGINE=sqlite` in the target stage: SQLite becomes the image's default, anchored at that ENV line; a
 * deploy that forgets to override it runs on a file inside the container.
 */
function envSelectsSqlite(app: App, databases: DatabasesModel): RawFinding | undefined {
  const selection = databases.selection;
  const stage = app.dockerfile?.targetStage;
  if (selection.kind !== 'env' || !stage) return undefined;
  const pair = stage.instructions
    .filter((i): i is EnvInstr => i.keyword === 'ENV')
    .flatMap((i) => i.pairs)
    .filter((p) => p.name === selection.variable)
    .at(-1);
  if (!pair?.value) return undefined;
  const value = pair.value;
  const chosen = databases.configs.filter(
    (c) =>
      c.selectedBy?.variable === selection.variable &&
      c.selectedBy.test !== 'unset' &&
      selects(c, value, databases.configs),
  );
  // ENGINE built from the variable's text (`'django.db.backends.' + os.environ.get('ENGINE', …)`) names the image's.
  const engine = chosen.length === 1 ? engineForValue(chosen[0], value) : undefined;
  if (!engine || !isSqliteEngine(engine)) return undefined;
  return {
    file: app.dockerfile!.file,
    line: pair.line,
    message: `The image sets ${selection.variable}=${value}, so SQLite (${engine}) is its default database and a deploy that does not override ${selection.variable} runs on a file inside the container; leave the variable unset in the image and set it per environment.`,
  };
}
