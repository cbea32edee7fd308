import {
  djangoCommand,
  effectiveCommand,
  imageCommand,
  recipeNote,
  serviceCommand,
} from '../model/command.js';
import { pythonScriptRunBy, scriptCommandWords } from '../model/management-calls.js';
import { otherAppServices } from './lib/each.js';
import type { RawFinding } from '../core/index.js';
import type { App } from '../model/types/project.js';
import { droppedCommandNote } from './lib/dropped-command.js';
import { startRunner, startsServer } from './lib/admin-on-start.js';
import { appliesMigrations, rolledBackApp } from './lib/migrate.js';
import { defineRule } from './lib/rule.js';

/**
 * Whether a manage.py command applies migrations: true for `migrate` itself, the `call_command("migrate")` line for a
 * project command that runs it (`manage.py prepare`); undefined otherwise. `migrate <app> zero` drops the app's
 * tables: TF1203 reports it as destructive, not as a migrate race.
 */
function migrationsRun(
  app: App,
  dj: { name: string; args: string[] },
): true | { file: string; line: number } | undefined {
  if (appliesMigrations(dj)) return rolledBackApp(dj) === undefined ? true : undefined;
  for (const program of app.startPrograms ?? []) {
    if (program.managementCommand !== dj.name) continue;
    const call = program.managementCalls?.find((c) => appliesMigrations(c) && rolledBackApp(c) === undefined);
    if (call) return { file: program.file, line: call.line };
  }
  return undefined;
}

/**
 * What a start command runs that migrates: `manage.py migrate`, a project command that calls it, or a Python script
 * (`python boot.py`) that calls it or runs manage.py migrate as a child process; `shown` names the command.
 */
function migrationRun(
  app: App,
  argv: string[],
): { shown: string; migrates: true | { file: string; line: number } } | undefined {
  const dj = djangoCommand(argv);
  if (dj) {
    const migrates = migrationsRun(app, dj);
    return migrates && { shown: `manage.py ${dj.name}`, migrates };
  }
  const script = pythonScriptRunBy(app, argv);
  const call = script?.managementCalls?.find((c) => appliesMigrations(c) && rolledBackApp(c) === undefined);
  return (
    script &&
    call && { shown: scriptCommandWords(argv).join(' '), migrates: { file: script.file, line: call.line } }
  );
}

/** `, which calls migrate (FILE:LINE),` for a project command that migrates; nothing for migrate itself. */
function callNote(migrates: true | { file: string; line: number }, lead: string): string {
  return migrates === true ? '' : `, ${lead} calls migrate (${migrates.file}:${migrates.line}),`;
}

export const adminTaskOnEveryStart = defineRule({
  id: 'TF1202',
  name: 'admin-task-on-every-start',
  factor: 'XII',
  severity: 'notice',
  kind: 'S',
  title:
    'The server start command also runs migrate (e.g. migrate && gunicorn), so every replica races to migrate on each start',
  help: `Admin processes run as one-off processes, once per release. When the start command migrates before starting the
server, every replica and every restart migrates: replicas race on the same migrations, a long migration delays
every start, and a failing one crash-loops the service. The same holds for a project management command that calls
\`call_command("migrate")\`, for a Python script the start command runs (\`python boot.py\`) that calls it or runs
\`manage.py migrate\` through \`subprocess\` or \`os.system\`, and for uwsgi's start-up hooks (\`exec-pre-app = manage.py migrate\`), which run each
time uwsgi starts.

Run \`migrate\` once per release (a release phase, a Kubernetes Job, \`docker compose run --rm\`) and start only
the server.

\`\`\`yaml
services:
  migrate:
    build: .
    command: ["python", "manage.py", "migrate"]
  web:
    build: .
    depends_on:
      migrate:
        condition: service_completed_successfully
\`\`\``,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const app of project.apps) {
      const starts = [
        { commands: imageCommand(app), who: 'The start command', runs: app },
        { commands: effectiveCommand(app), who: 'The start command', runs: app },
        // a second Django service of the app image (`admin`, `web2`) starts its own server
        ...otherAppServices(app).map(({ service: s, app: seen }) => ({
          commands: serviceCommand(seen, s),
          who: `Service '${s.name}'`,
          runs: seen,
        })),
      ];
      for (const { commands, who, runs } of starts) {
        commands.forEach((cmd, i) => {
          const run = migrationRun(runs, cmd.argv);
          if (!run) return;
          const { shown, migrates } = run;
          // a container that only runs admin tasks is a one-off; the problem is migrating before a server
          if (!commands.slice(i + 1).some((c) => startsServer(c.argv, c.viaExec))) return;
          const key = `${cmd.file}:${cmd.line}`;
          if (seen.has(key)) return;
          seen.add(key);
          const runner = startRunner(runs, cmd, who);
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `${runner.who} runs '${shown}'${recipeNote(cmd)}${callNote(migrates, 'which')}${runner.oneshot ? ' at every container start,' : ''} before the server, so every replica migrates on every start. Run migrate once per release as a one-off task and start only the server.${droppedCommandNote(app, cmd.file)}`,
          });
        });
      }
      // uwsgi runs the commands of its start-up hooks (`exec-pre-app = manage.py migrate`) each time it starts
      for (const config of app.serverConfigs ?? []) {
        for (const hook of config.startHooks ?? []) {
          const key = `${config.file}:${hook.line}`;
          const run = hook.commands
            .map((c) => djangoCommand(c.argv))
            .map((dj) => dj && { dj, migrates: migrationsRun(app, dj) })
            .find((r) => r?.migrates);
          if (!run || seen.has(key)) continue;
          seen.add(key);
          const { dj, migrates } = run;
          findings.push({
            file: config.file,
            line: hook.line,
            message: `${config.server} runs 'manage.py ${dj.name}' with ${hook.option} each time it starts${callNote(migrates!, 'and that command') || ','} so every replica migrates on every start. Run migrate once per release as a one-off task and take it out of ${config.server}'s start-up hooks.`,
          });
        }
      }
    }
    return findings;
  },
});
