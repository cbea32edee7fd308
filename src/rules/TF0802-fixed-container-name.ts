import { basename, inlineScript, serviceCommand, setupOnly } from '../model/command.js';
import type { ComposeService } from '../model/types/compose.js';
import type { App } from '../model/types/project.js';
import { perServiceLine } from './lib/service-lines.js';
import { defineRule } from './lib/rule.js';

export const fixedContainerName = defineRule({
  id: 'TF0802',
  name: 'fixed-container-name',
  factor: 'VIII',
  severity: 'notice',
  kind: 'S',
  title:
    'A compose service that runs the app image (the app, a worker) sets container_name, which prevents --scale',
  help: [
    'The app scales out by running more processes of the same image. A container name is unique on a Docker host,',
    'so with `container_name:` set, `docker compose up --scale web=3` fails and a blue/green replacement cannot',
    'start the new container next to the old one. Compose already names containers `<project>-web-1`, and other',
    'services reach the app by its service name, not its container name. The same holds for every service that runs',
    "the app's image (a celery worker with `image:` naming the image the app builds, `deploy.replicas: 2`).",
    '',
    '```yaml',
    'services:',
    '  web:',
    '    build: .',
    '    # container_name: web   <- remove',
    '```',
  ].join('\n'),
  related: [],
  check(project) {
    // Every service of the app's image scales the same way: a worker with a fixed name is one worker.
    return perServiceLine(project, (app, s) => {
      const name = s.containerName;
      // The app service is the one that scales, whatever else it runs beside its server (a worker with beat).
      if (!name || (s !== app.compose?.appService && isSingleton(app, s))) return [];
      return [
        {
          file: name.file,
          line: name.line,
          message: (who, plural) =>
            `${who} ${plural ? 'set' : 'sets'} container_name: ${name.raw}, so ${plural ? 'they' : 'it'} cannot be scaled (docker compose up --scale ${s.name}=2 fails): remove container_name and address ${plural ? 'them by their service names' : 'it by its service name'}.`,
        },
      ];
    });
  },
});

/**
 * A scheduler (`celery beat`, also beside a worker or under supervisord) must run exactly once, a monitor
 * (`celery flower`) is one dashboard, a one-off job (`manage.py migrate`) exits: no harm done.
 * Recognised by what the service runs, its scripts followed (`/start-celerybeat` running `celery ... beat`), else,
 * when no script could be read, by a script name that says so (`/start-flower`).
 */
function isSingleton(app: App, s: ComposeService): boolean {
  const commands = serviceCommand(app, s);
  const runs = commands.map((c) => c.argv.join(' '));
  // supervisord runs the programs of its configuration: they are what the service runs.
  const supervised = commands.some((c) => basename(c.argv[0] ?? '') === 'supervisord')
    ? (app.supervisorPrograms ?? []).map((p) => p.argv.join(' '))
    : [];
  // A one-off job (`manage.py migrate`, then it exits) runs once per start: there is nothing to scale.
  if (setupOnly(commands.filter((c) => inlineScript(c.argv) === undefined))) return true;
  const written = s.command?.raw ?? '';
  const lines = runs.length > 0 ? [...runs, ...supervised] : [written];
  // A scheduler beside a worker still must run once: a second copy sends every periodic task twice.
  if (lines.some((l) => /\bcelery\b.*(\bbeat\b|\s(-B|--beat)\b)/.test(l))) return true;
  if (lines.some((l) => /\bworker\b/.test(l))) return false;
  if (lines.some((l) => /\b(beat|flower)\b/.test(l))) return true;
  // A script the tool could not read: its name is all there is to go by.
  const start = s.entrypoint ?? s.command;
  const program = start?.argv?.[0] ?? start?.script?.commands[0]?.argv[0] ?? '';
  const followed = runs.some((l) => l !== program && l.split(' ')[0] !== program);
  return !followed && /(beat|flower)$/.test(basename(program).replace(/\.sh$/, ''));
}
