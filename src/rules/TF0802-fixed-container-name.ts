import type { ComposeService } from '../model/types/compose.js';
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
    return perServiceLine(project, (_app, s) => {
      const name = s.containerName;
      if (!name || isSingleton(s)) return [];
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

/** A scheduler (`celery beat`) must run exactly once, a monitor (`celery flower`) is one dashboard: no harm done. */
function isSingleton(s: ComposeService): boolean {
  const command = s.command?.raw ?? '';
  return /\b(beat|flower)\b/.test(command) && !/\bworker\b/.test(command);
}
