import { djangoCommand, isRunserver, recipeNote, type StartCommand } from '../model/command.js';
import type { App } from '../model/types/project.js';
import type { RawFinding } from '../core/index.js';
import { appImageStartCommands } from './lib/each.js';
import { droppedCommandNote } from './lib/dropped-command.js';
import { replacedCommandNote } from './lib/replaced-command.js';
import { missingRuns } from './lib/missing-server.js';
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
      // `gunicorn … && runserver` with no gunicorn installed: the container exits before the development server
      const advice = serveAdvice(app, cmd);
      findings.push({
        file: cmd.file,
        line: cmd.line,
        message: `${service ? `Service '${service.name}'` : 'The container'} ${advice.stops ? 'would start' : 'starts'} ${server}${recipeNote(cmd)}${cmd.program ? ` as supervisord program ${cmd.program}` : ''}.${service ? '' : replacedCommandNote(app, cmd)} ${advice.text}${droppedCommandNote(app, cmd.file)}`,
      });
    }
    return findings;
  },
});

/**
 * What to serve with instead: the production server the same script starts before runserver when it fails only for
 * not being installed (`gunicorn …` that nothing installs, then runserver), else gunicorn or uvicorn.
 */
function serveAdvice(app: App, cmd: StartCommand): { text: string; stops?: true } {
  const script = app.entrypointScripts.find((s) => s.file === cmd.file);
  const commands = script?.script.commands ?? [];
  const at = commands.findIndex((c) => c.line === cmd.line && c.argv.join(' ') === cmd.argv.join(' '));
  const failed = [...missingRuns(app, commands)].find(([c]) => commands.indexOf(c) < at);
  const provides = `nothing the image installs provides it (no requirement, RUN, lock file, start script or base image)`;
  if (failed && failed[1].next) {
    const [c, { program, or }] = failed;
    const on = or ? '|| runs the development server' : 'the script goes on to the development server';
    return {
      text: `Line ${c.line} starts ${program} first, but ${provides}, so that line fails and ${on}: add ${program} to the requirements and start only it, with exec.`,
    };
  }
  if (failed) {
    const [c, { program, errexit }] = failed;
    const stop = errexit ? 'set -e ends the script there' : '&& skips the development server';
    return {
      text: `Line ${c.line} starts ${program} first, but ${provides}, so that line fails and ${stop}: the container exits at start, and once ${program} is installed the development server starts only after it exits. Add ${program} to the requirements and start only it, with exec.`,
      stops: true,
    };
  }
  return {
    text: 'Serve the app with gunicorn or uvicorn instead, e.g. gunicorn --bind 0.0.0.0:8000 <project>.wsgi.',
  };
}
