import { containerEnv, hasGunicornConfig, isLoopback, serverOf, startCommands } from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import { defineRule } from './lib/rule.js';

export const bindsLoopback = defineRule({
  id: 'TF0702',
  name: 'binds-loopback',
  factor: 'VII',
  severity: 'error',
  kind: 'S',
  title:
    'The server command listens on 127.0.0.1/localhost only (e.g. manage.py runserver with no address, gunicorn -b 127.0.0.1:8000): unreachable from outside the container',
  help: `Inside a container, 127.0.0.1 is the container itself: a server bound there cannot be reached through a published
port. Several servers bind loopback by default: \`manage.py runserver\` with no address, \`gunicorn\` with no
\`--bind\` (and no \`PORT\` variable), \`uvicorn\`, \`daphne\` and \`hypercorn\` without a host.

Bind all interfaces and let the platform decide what is published.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const env = containerEnv(app);
      const configFileInContext = hasGunicornConfig(app);
      for (const cmd of startCommands(app)) {
        const server = serverOf(cmd.argv, env, { configFileInContext });
        const addresses = server?.addresses;
        if (!server || !addresses?.length || !addresses.every((a) => isLoopback(a.host))) continue;
        const where = addresses.map((a) => `${a.host}${a.port !== undefined ? `:${a.port}` : ''}`).join(', ');
        const port = addresses[0].port ?? 8000;
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: `${server.kind} listens on ${where} only, which is unreachable from outside the container. Bind all interfaces, e.g. ${fixFor(server.kind, port)}.`,
        });
      }
    }
    return findings;
  },
});

function fixFor(kind: string, port: number): string {
  switch (kind) {
    case 'runserver':
      return `manage.py runserver 0.0.0.0:${port}`;
    case 'uvicorn':
    case 'granian':
      return `${kind} --host 0.0.0.0 --port ${port}`;
    case 'daphne':
      return `daphne -b 0.0.0.0 -p ${port}`;
    case 'uwsgi':
      return `uwsgi --http 0.0.0.0:${port}`;
    default:
      return `${kind} --bind 0.0.0.0:${port}`;
  }
}
