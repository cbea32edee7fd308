import {
  djangoCommand,
  recipeNote,
  serviceCommand,
  type StartCommand,
  startCommands,
} from '../model/command.js';
import { appImageServices } from './lib/each.js';
import type { RawFinding } from '../core/index.js';
import { droppedCommandNote } from './lib/dropped-command.js';
import { defineRule } from './lib/rule.js';

/** What each command does to a running deployment when it runs on every start. */
const DESTRUCTIVE: Record<string, string> = {
  flush: 'empties the database',
  reset_db: 'drops and recreates the database',
  makemigrations:
    'writes new migrations inside the container, which are lost with it and differ between replicas',
  loaddata: 'overwrites the records of its fixtures with their original content',
};

export const destructiveAdminOnStart = defineRule({
  id: 'TF1203',
  name: 'destructive-admin-on-start',
  factor: 'XII',
  severity: 'error',
  kind: 'S',
  title:
    'The start command, its scripts or another compose service of the app image run flush, reset_db, makemigrations (migrations are code and belong in the repository) or loaddata on every start',
  help: `A container starts many times: every deploy, every restart, every new replica. A start command that runs
\`flush\` or \`reset_db\` wipes production data each time; \`loaddata\` resets the fixtures' records to their original
content; \`makemigrations\` writes migrations inside the container, where they are lost with it and can differ between
replicas, while the database is migrated to a schema no commit describes.

Run \`makemigrations\` on a developer machine and commit the migrations; load fixtures once, as a one-off task
(\`docker compose run --rm web python manage.py loaddata initial\`); keep the start command to starting the server.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

\`makemigrations --check\` and \`--dry-run\` write nothing and are not reported.
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    const report = (cmd: StartCommand, who: string, note = '') => {
      const dj = djangoCommand(cmd.argv);
      if (!dj || !Object.hasOwn(DESTRUCTIVE, dj.name)) return;
      if (dj.name === 'makemigrations' && dj.args.some((a) => a === '--check' || a === '--dry-run')) return;
      const key = `${cmd.file}:${cmd.line}:${dj.name}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push({
        file: cmd.file,
        line: cmd.line,
        message: `${who} runs 'manage.py ${dj.name}'${recipeNote(cmd)} on every start, which ${DESTRUCTIVE[dj.name]}. ${dj.name === 'makemigrations' ? 'Generate migrations in development and commit them' : 'Run it once, as a one-off task, if at all'}, and start only the server.${note}`,
      });
    };
    for (const app of project.apps)
      for (const cmd of startCommands(app))
        report(cmd, 'The start command', droppedCommandNote(app, cmd.file));
    // Other services of the app's image (a `migration` service, a worker) start their own commands.
    for (const { app, compose, service } of appImageServices(project)) {
      if (service === compose.appService) continue;
      for (const cmd of serviceCommand(app, service)) report(cmd, `Service '${service.name}'`);
    }
    return findings;
  },
});
