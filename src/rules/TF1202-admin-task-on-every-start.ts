import {
  djangoCommand,
  effectiveCommand,
  imageCommand,
  recipeNote,
  serviceCommand,
} from '../model/command.js';
import { otherAppServices } from './lib/each.js';
import type { RawFinding } from '../core/index.js';
import { droppedCommandNote } from './lib/dropped-command.js';
import { startsServer } from './lib/admin-on-start.js';
import { appliesMigrations, rolledBackApp } from './lib/migrate.js';
import { defineRule } from './lib/rule.js';

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
every start, and a failing one crash-loops the service.

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
        { commands: imageCommand(app), who: 'The start command' },
        { commands: effectiveCommand(app), who: 'The start command' },
        // a second Django service of the app image (`admin`, `web2`) starts its own server
        ...otherAppServices(app).map(({ service: s, app: seen }) => ({
          commands: serviceCommand(seen, s),
          who: `Service '${s.name}'`,
        })),
      ];
      for (const { commands, who } of starts) {
        commands.forEach((cmd, i) => {
          const dj = djangoCommand(cmd.argv);
          // `migrate <app> zero` drops the app's tables: TF1203 reports it as destructive, not as a migrate race
          if (!dj || !appliesMigrations(dj) || rolledBackApp(dj) !== undefined) return;
          // a container that only runs admin tasks is a one-off; the problem is migrating before a server
          if (!commands.slice(i + 1).some((c) => startsServer(c.argv, c.viaExec))) return;
          const key = `${cmd.file}:${cmd.line}`;
          if (seen.has(key)) return;
          seen.add(key);
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `${who} runs 'manage.py ${dj.name}'${recipeNote(cmd)} before the server, so every replica migrates on every start. Run migrate once per release as a one-off task and start only the server.${droppedCommandNote(app, cmd.file)}`,
          });
        });
      }
    }
    return findings;
  },
});
