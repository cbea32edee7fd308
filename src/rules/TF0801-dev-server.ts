import { djangoCommand, isRunserver, recipeNote, type StartCommand } from '../model/command.js';
import type { App } from '../model/types/project.js';
import type { RawFinding } from '../core/index.js';
import { appImageStartCommands } from './lib/each.js';
import { droppedCommandNote } from './lib/dropped-command.js';
import { replacedCommandNote } from './lib/replaced-command.js';
import { passedOver } from './lib/missing-server.js';
import { defineRule } from './lib/rule.js';

export const devServer = defineRule({
  id: 'TF0801',
  name: 'dev-server',
  factor: 'VIII',
  severity: 'error',
  kind: 'S',
  title:
    "The container runs manage.py runserver (Django's development server), directly, from the entrypoint script it runs, or as a supervisord program",
  help: `\`manage.py runserver\` is Django's development server: Django's documentation says not to use it in production.
It has not gone through security audits or performance tests, serves one process, and reloads code on changes.
Scale out through the process model with a production WSGI/ASGI server. A \`[program:…]\` of the supervisord
configuration the container starts is read too: the finding is at its \`command=\` line.
The image's own CMD is reported even when every compose service that runs the image replaces it (\`command:
gunicorn …\`): a container of the image started on its own (\`docker run\`, a platform) still runs it; the message
says so.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "mysite.wsgi"]
\`\`\``,
  related: [],
  noFix:
    'Replacing runserver by gunicorn or uvicorn needs the server among the dependencies and the WSGI/ASGI module named: a static fix would guess both.',
  check(project) {
    const findings: RawFinding[] = [];
    for (const { app, command: cmd, service } of appImageStartCommands(project)) {
      if (!isRunserver(cmd.argv)) continue;
      const server =
        djangoCommand(cmd.argv)?.name === 'runserver_plus'
          ? "django-extensions' development server (manage.py runserver_plus)"
          : "Django's development server (manage.py runserver)";
      findings.push({
        file: cmd.file,
        line: cmd.line,
        message: `${service ? `Service '${service.name}'` : 'The container'} starts ${server}${recipeNote(cmd)}${cmd.program ? ` as supervisord program ${cmd.program}` : ''}.${service ? '' : replacedCommandNote(app, cmd)} ${serveAdvice(app, cmd)}${droppedCommandNote(app, cmd.file)}`,
      });
    }
    return findings;
  },
});

/**
 * What to serve with instead: the production server the same script starts before runserver when it fails only for
 * not being installed (`gunicorn …` that nothing installs, then runserver), else gunicorn or uvicorn.
 */
function serveAdvice(app: App, cmd: StartCommand): string {
  const script = app.entrypointScripts.find((s) => s.file === cmd.file);
  const failed = script
    ? [...passedOver(app, script.script.commands)].find(([c]) => c.line < cmd.line)
    : undefined;
  if (failed) {
    const [c, program] = failed;
    return `Line ${c.line} starts ${program} first, but nothing the image installs provides it (no requirement, RUN, lock file, start script or base image), so that line fails and the script goes on to the development server: add ${program} to the requirements and start only it, with exec.`;
  }
  return 'Serve the app with gunicorn or uvicorn instead, e.g. gunicorn --bind 0.0.0.0:8000 <project>.wsgi.';
}
