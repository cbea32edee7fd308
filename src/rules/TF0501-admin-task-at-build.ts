import { djangoCommand } from '../model/command.js';
import { isServerEngine } from '../model/settings/index.js';
import type { App } from '../model/types/project.js';
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
Django 1.7, counts as \`migrate\`. Build, release and run are separate stages.

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
        const dj = djangoCommand(cmd.argv);
        if (!dj || !(appliesMigrations(dj) || DATA_TASKS.has(dj.name))) continue;
        const remote = remoteDatabaseHost(app);
        findings.push({
          file: df.file,
          line: cmd.line,
          message: remote
            ? `'manage.py ${dj.name}' runs at build time against the database server at ${remote}: every build changes that live database from the build machine (or fails when the build cannot reach it), before the image is tested or deployed. Run it as a release or one-off task against the configured database instead.`
            : `'manage.py ${dj.name}' runs at build time, so its data is made without the real database and baked into the image. Run it as a release or one-off task against the configured database instead.`,
        });
      }
    }
    return findings;
  },
});

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
 * The remote server the settings' one database config names, as a literal HOST or through the image's ENV: a build
 * that migrates reaches that live database. Undefined for SQLite, local or unknown hosts, or several configs.
 */
function remoteDatabaseHost(app: App): string | undefined {
  const configs = (app.settings?.databases?.configs ?? []).filter((c) => c.isDefault !== false);
  const config = configs.length === 1 ? configs[0] : undefined;
  if (!config?.engine || !isServerEngine(config.engine)) return undefined;
  const host = config.fields.HOST;
  const text =
    host?.kind === 'literal'
      ? host.value
      : host?.kind === 'env'
        ? app.dockerfile?.targetStage?.env[host.variable]
        : undefined;
  const server = typeof text === 'string' ? serverHost(text) : undefined;
  if (!server?.includes('.')) return undefined;
  return /^(localhost|127\.|0\.0\.0\.0|host\.docker\.internal)/i.test(server) ? undefined : server;
}

/** The host a HOST value or a database URL names; undefined for an SQLite URL (a file, no server). */
function serverHost(text: string): string | undefined {
  const url = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/:?#]*)/i.exec(text);
  if (!url) return text;
  return /sqlite/i.test(url[1] ?? '') ? undefined : url[2];
}
