import { buildRuns, djangoCommand } from '../model/command.js';
import { isServerEngine } from '../model/settings/index.js';
import type { App } from '../model/types/project.js';
import type { ShellCommand } from '../model/types/shell.js';
import { replaceLines, type RawFinding } from '../core/index.js';
import { appBuildCommands } from './lib/each.js';
import { appliesMigrations } from './lib/migrate.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';

const DATA_TASKS = new Set(['createsuperuser', 'loaddata', 'flush']);

export const adminTaskAtBuild = defineRule({
  id: 'TF0501',
  name: 'admin-task-at-build',
  factor: 'V',
  severity: 'error',
  kind: 'S',
  title:
    'A RUN executes manage.py migrate, createsuperuser, loaddata or flush: runtime data is made at build time and baked into the image',
  help: `A \`RUN\` executes while the image is built, with no access to the production database: \`migrate\`,
\`createsuperuser\`, \`loaddata\` or \`flush\` there either fail, or write to a database file inside the image that
every container then starts from (and loses on the next release). \`syncdb\`, the name of \`migrate\` before
Django 1.7, counts as \`migrate\`. Build, release and run are separate stages. The message follows the database the
build's settings use: SQLite writes into the image; a server on \`localhost\` or named after a compose service
cannot be reached by a RUN (it is not on the compose network), so the build fails; a remote server is changed from
the build machine; where the build sets no DJANGO_SETTINGS_MODULE and manage.py's default module is not in the
repository (a git-ignored \`settings.local\`), the step fails as committed. A script the RUN runs by its path (\`RUN /opt/db/prepare.sh\`) is read too, and so is every other
Dockerfile the repository builds: a database image migrated and loaded with fixtures at build time bakes that data
into the image.

Run admin tasks against the real database as one-off processes of the release.

\`\`\`sh
# at release time, with the same image and environment as the app:
docker compose run --rm web python manage.py migrate
\`\`\``,
  related: [],
  fix: {
    safety: 'safe',
    summary:
      'Removes the RUN that runs the admin task at build time; the task is then run as a release one-off (`docker compose run --rm web python manage.py migrate`), which the smoke test does too.',
    declines:
      'a RUN that runs other commands beside the admin task (the task is part of a chain the author must split).',
    make: removeBuildTimeTask,
  },
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      for (const { dockerfile: df, command: cmd } of appBuildCommands(app)) {
        const dj = adminTask(cmd.argv);
        if (dj) findings.push({ file: df.file, line: cmd.line, message: appMessage(app, dj, '', cmd) });
      }
      for (const script of app.dockerfile?.buildScripts ?? [])
        for (const cmd of script.commands) {
          const dj = adminTask(cmd.argv);
          const via = ` (${script.file} line ${cmd.line}, which this RUN runs)`;
          if (dj)
            findings.push({
              file: app.dockerfile!.file,
              line: script.run.line,
              message: appMessage(app, dj, via, cmd),
            });
        }
    }
    // A RUN of another image the repository builds (a database image prepared with the app's migrations and fixtures).
    const judged = new Set(project.apps.map((a) => a.dockerfile?.file));
    for (const df of project.otherDockerfiles ?? []) {
      if (judged.has(df.file)) continue;
      for (const { commands } of buildRuns(df.builtStages))
        for (const cmd of commands) {
          const dj = adminTask(cmd.argv);
          if (dj) findings.push({ file: df.file, line: cmd.line, message: bakedMessage(dj.name) });
        }
      for (const script of df.buildScripts ?? [])
        for (const cmd of script.commands) {
          const dj = adminTask(cmd.argv);
          const via = ` (${script.file} line ${cmd.line}, which this RUN runs)`;
          if (dj)
            findings.push({ file: df.file, line: script.run.line, message: bakedMessage(dj.name, via) });
        }
    }
    return findings;
  },
});

const INSTEAD = 'Run it as a release or one-off task against the configured database instead.';

/** The management command of a build-time command that makes runtime data, if it is one. */
function adminTask(argv: string[]): { name: string } | undefined {
  const dj = djangoCommand(argv);
  return dj && (appliesMigrations(dj) || DATA_TASKS.has(dj.name)) ? dj : undefined;
}

/** The task writes into the image: no database server is configured, or the build starts its own. */
function bakedMessage(name: string, via = ''): string {
  return `'manage.py ${name}' runs at build time${via}, so its data is made without the real database and baked into the image. ${INSTEAD}`;
}

/** For the app's image: what the task does with the database the build's settings use. */
function appMessage(app: App, dj: { name: string }, via: string, cmd: ShellCommand): string {
  const missing = missingSettings(app, cmd);
  if (missing)
    return `'manage.py ${dj.name}' runs at build time${via}, where nothing sets DJANGO_SETTINGS_MODULE, so manage.py loads its default ${missing}, which the repository does not hold: unless the build creates that module, the step fails (ModuleNotFoundError), and with it in place it runs against whatever database that module names, at build time. ${INSTEAD}`;
  const server = buildDatabaseServer(app);
  const remote = server?.host && isRemote(server.host) ? server.host : undefined;
  if (remote)
    return `'manage.py ${dj.name}' runs at build time${via} against the database server at ${remote}: every build changes that live database from the build machine (or fails when the build cannot reach it), before the image is tested or deployed. ${INSTEAD}`;
  if (server)
    return `'manage.py ${dj.name}' runs at build time${via}, but the settings use a ${server.engine} server${unreachable(server.host)}. Nothing is baked into the image. ${INSTEAD}`;
  return bakedMessage(dj.name, via);
}

/**
 * manage.py's default settings module, which the repository does not hold, when the build sets no other: no ENV
 * DJANGO_SETTINGS_MODULE in the image, no assignment before the command, no `--settings`.
 */
function missingSettings(app: App, cmd: ShellCommand): string | undefined {
  const module = app.missingManagePySettings;
  if (!module || app.dockerfile?.targetStage?.env.DJANGO_SETTINGS_MODULE !== undefined) return undefined;
  if (cmd.env?.some((e) => e.name === 'DJANGO_SETTINGS_MODULE')) return undefined;
  if (cmd.argv.some((a) => a === '--settings' || a.startsWith('--settings='))) return undefined;
  return module;
}

/** The RUN whose one command is the admin task, removed whole (a RUN of several commands is left to its author). */
function removeBuildTimeTask(context: FixContext): FixProposal | undefined {
  const { finding } = context;
  for (const app of context.project.apps) {
    const all = appBuildCommands(app);
    for (const { dockerfile, run, command } of all) {
      if (dockerfile.file !== finding.file || command.line !== finding.line) continue;
      const commands = all.filter((c) => c.run === run);
      const dj = djangoCommand(command.argv);
      if (!dj || commands.length !== 1) return undefined;
      return {
        title: `build-time manage.py ${dj.name} removed: run it as a release one-off`,
        edits: [replaceLines(dockerfile.file, run.line, run.endLine, [])],
      };
    }
  }
  return undefined;
}

/**
 * The database server the settings' one database config names, with the host the build would use (a literal HOST, or
 * through the image's ENV or the read's default). Undefined for SQLite, an unknown engine, or several configs.
 */
function buildDatabaseServer(app: App): { engine: string; host?: string } | undefined {
  const configs = (app.settings?.databases?.configs ?? []).filter((c) => c.isDefault !== false);
  const config = configs.length === 1 ? configs[0] : undefined;
  if (!config?.engine || !isServerEngine(config.engine)) return undefined;
  // `ENV DB_ENGINE=django.db.backends.sqlite3` in the image picks another engine than the settings' default
  const chosen = config.fields.ENGINE;
  const set = chosen?.kind === 'env' ? app.dockerfile?.targetStage?.env[chosen.variable] : undefined;
  if (set !== undefined && !isServerEngine(set)) return undefined;
  const host = config.fields.HOST;
  const fallback =
    host?.kind === 'env' && host.fallback?.kind === 'literal' ? host.fallback.value : undefined;
  const text =
    host?.kind === 'literal'
      ? host.value
      : host?.kind === 'env'
        ? (app.dockerfile?.targetStage?.env[host.variable] ?? fallback)
        : undefined;
  const server = typeof text === 'string' ? serverHost(text) : undefined;
  // `ENV DATABASE_URL=sqlite:////tmp/demo.db`: the URL the settings read names a file, no server
  if (typeof text === 'string' && server === undefined) return undefined;
  return { engine: engineName(config.engine), ...(server ? { host: server } : {}) };
}

/** A host outside the build machine and its containers: a domain name or an address that is not loopback. */
function isRemote(host: string): boolean {
  return host.includes('.') && !/^(localhost|127\.|0\.0\.0\.0|host\.docker\.internal)/i.test(host);
}

/** Why the build cannot migrate a server database: its localhost has none, a service name does not resolve there. */
function unreachable(host: string | undefined): string {
  if (host && /^(localhost|127\.|0\.0\.0\.0)/i.test(host))
    return ` at ${host}, and the build's own localhost runs no database: the step cannot connect and the build fails`;
  if (host)
    return ` at host '${host}', a name the build cannot resolve (a RUN is not on the compose network, where services are found by name): the step cannot connect and the build fails`;
  return `, and the build has no network path to the app's database: the step fails, or migrates whatever database the build can reach`;
}

function engineName(engine: string): string {
  const e = engine.toLowerCase();
  const names: [string, string][] = [
    ['postgis', 'PostGIS'],
    ['postgres', 'PostgreSQL'],
    ['cockroach', 'CockroachDB'],
    ['mariadb', 'MariaDB'],
    ['mysql', 'MySQL'],
    ['oracle', 'Oracle'],
  ];
  return names.find(([k]) => e.includes(k))?.[1] ?? 'database';
}

/** The host a HOST value or a database URL names; undefined for an SQLite URL (a file, no server). */
function serverHost(text: string): string | undefined {
  const url = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/:?#]*)/i.exec(text);
  if (!url) return text;
  return /sqlite/i.test(url[1] ?? '') ? undefined : url[2];
}
