import type { RawFinding } from '../core/index.js';
import { appServices } from './lib/each.js';
import { defineRule } from './lib/rule.js';

export const fixedContainerName = defineRule({
  id: 'TF0802',
  name: 'fixed-container-name',
  factor: 'VIII',
  severity: 'notice',
  kind: 'S',
  title: 'The compose app service sets container_name, which prevents --scale',
  help: [
    'The app scales out by running more processes of the same image. A container name is unique on a Docker host,',
    'so with `container_name:` set, `docker compose up --scale web=3` fails and a blue/green replacement cannot',
    'start the new container next to the old one. Compose already names containers `<project>-web-1`, and other',
    'services reach the app by its service name, not its container name.',
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
    const out: RawFinding[] = [];
    for (const { service: s } of appServices(project)) {
      if (!s.containerName) continue;
      out.push({
        file: s.containerName.file,
        line: s.containerName.line,
        message: `Service '${s.name}' sets container_name: ${s.containerName.raw}, so it cannot be scaled (docker compose up --scale ${s.name}=2 fails): remove container_name and address it by its service name.`,
      });
    }
    return out;
  },
});
