import {
  containerEnv,
  hasGunicornConfig,
  isLoopback,
  serverName,
  serverOf,
  startCommands,
  type StartCommand,
} from '../model/command.js';
import type { App } from '../model/types/project.js';
import type { RawFinding } from '../core/index.js';
import { insertAt, linesOf, locate } from './lib/fix.js';
import { onHostNetwork } from './lib/host-network.js';
import { proxyBeside } from './lib/processes.js';
import { replacedCommandNote } from './lib/replaced-command.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';

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
\`--bind\` (and no \`PORT\` variable), \`uvicorn\`, \`daphne\` and \`hypercorn\` without a host. gunicorn's default gives
way to 0.0.0.0:$PORT wherever PORT is set, as Heroku and Cloud Run set it: for an image's own CMD the fix sets
\`ENV PORT=8000\`, which binds all interfaces under \`docker run\` and keeps a platform's PORT working.

A loopback bind is not reported when the app's compose service runs with \`network_mode: host\`: 127.0.0.1 is then
the host's own loopback, and the server is reachable from the host (a proxy running there), though not from other
machines. Nor is it reported when a reverse proxy runs in the same container (nginx, caddy, apache2/httpd or haproxy,
started by the start script or as a supervisord program): the proxy reaches the server there by design, and TF0803
reports the two processes in one container.

Bind all interfaces and let the platform decide what is published.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      // With the host's network, loopback is the host's: the server is reachable from outside the container.
      if (onHostNetwork(app.compose?.appService)) continue;
      const env = containerEnv(app);
      const configFileInContext = hasGunicornConfig(app);
      const proxied = proxyBeside(app);
      for (const cmd of startCommands(app)) {
        const server = serverOf(cmd.argv, env, { configFileInContext, unexpanded: cmd.unexpanded });
        const addresses = server?.addresses;
        if (!server || !addresses?.length || !addresses.every((a) => isLoopback(a.host))) continue;
        // A reverse proxy in the same container reaches the server on loopback by design.
        if (proxied(cmd)) continue;
        const where = addresses.map((a) => `${a.host}${a.port !== undefined ? `:${a.port}` : ''}`).join(', ');
        const port = addresses[0].port ?? 8000;
        const name = serverName(cmd.argv, server);
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: addresses.every((a) => a.untilPortSet)
            ? `${untilPortSetMessage(cmd, app)}${replacedCommandNote(app, cmd)}`
            : `${name} listens on ${where} only, which is unreachable from outside the container.${replacedCommandNote(app, cmd)} Bind all interfaces, e.g. ${fixFor(name, port)}.`,
        });
      }
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      "Binds all interfaces: the loopback address written in the command becomes `0.0.0.0`, or the address option is added after the server (`runserver 0.0.0.0:8000`, `gunicorn --bind 0.0.0.0:8000`, `uvicorn --host 0.0.0.0`); gunicorn with no bind in the image's CMD/ENTRYPOINT gets `ENV PORT=8000` before it instead, which a platform's PORT still overrides.",
    make: bindAllInterfaces,
  },
});

/**
 * gunicorn with no bind and no PORT: its default 127.0.0.1:8000, which a platform that sets PORT replaces. Setting PORT
 * in the image fixes both: gunicorn binds 0.0.0.0:8000, and a platform's own PORT still wins.
 */
function untilPortSetMessage(cmd: StartCommand, app: App): string {
  const set = imageOwn(cmd) ? 'ENV PORT=8000 in the image' : 'PORT=8000 in its environment';
  const service = app.compose?.appService?.name;
  const setters = [
    app.dockerfile ? `${app.dockerfile.file}'s ENV` : undefined,
    service ? `compose service '${service}'` : undefined,
  ].filter((s) => s !== undefined);
  const unset =
    setters.length === 2
      ? `neither ${setters[0]} nor ${setters[1]} sets PORT`
      : setters.length === 1
        ? `${setters[0]} does not set PORT`
        : 'nothing sets PORT in its container';
  return `gunicorn is given no --bind and ${unset}, so it listens on its default 127.0.0.1:8000 only, which is unreachable from outside the container (only where a platform sets PORT, as Heroku and Cloud Run do, does gunicorn bind 0.0.0.0:$PORT instead). Set ${set} (gunicorn then binds 0.0.0.0:8000, and a platform's PORT still wins), or bind all interfaces, e.g. gunicorn --bind 0.0.0.0:8000.`;
}

const imageOwn = (cmd: StartCommand) => cmd.origin === 'CMD' || cmd.origin === 'ENTRYPOINT';

/** Option words that make each server listen on all interfaces (the port is the one it listened on). */
const BIND_ALL: Record<string, (port: number) => string[]> = {
  runserver: (port) => [`0.0.0.0:${port}`],
  gunicorn: (port) => ['--bind', `0.0.0.0:${port}`],
  uvicorn: () => ['--host', '0.0.0.0'],
  granian: () => ['--host', '0.0.0.0'],
  hypercorn: (port) => ['--bind', `0.0.0.0:${port}`],
  daphne: () => ['-b', '0.0.0.0'],
};

function bindAllInterfaces(context: FixContext): FixProposal | undefined {
  const { finding, project } = context;
  const lines = linesOf(context, finding.file);
  if (!lines || finding.line === undefined) return undefined;
  for (const app of project.apps) {
    const env = containerEnv(app);
    for (const cmd of startCommands(app)) {
      if (cmd.file !== finding.file || cmd.line !== finding.line) continue;
      const server = serverOf(cmd.argv, env, {
        configFileInContext: hasGunicornConfig(app),
        unexpanded: cmd.unexpanded,
      });
      const address = server?.addresses?.[0];
      if (!server || !address) continue;
      // gunicorn's default bind: PORT set in the image makes it 0.0.0.0:8000, and keeps a platform's PORT working
      if (address.untilPortSet && imageOwn(cmd))
        return {
          title: 'ENV PORT=8000 for gunicorn',
          edits: [insertAt(finding.file, { line: finding.line, column: 1 }, 'ENV PORT=8000\n')],
        };
      const last = finding.line + 20;
      // An address written in the command: only its host changes.
      const host = address.host;
      const written = host ? cmd.argv.find((a) => a.includes(host)) : undefined;
      if (host && written) {
        const at = locate(lines, written, finding.line, last);
        if (!at) return undefined;
        const column = at.column + written.indexOf(host);
        return {
          title: `${server.kind} binds 0.0.0.0`,
          edits: [
            {
              file: finding.file,
              start: { line: at.line, column },
              end: { line: at.line, column: column + host.length },
              text: '0.0.0.0',
            },
          ],
        };
      }
      const words = BIND_ALL[server.kind]?.(address.port ?? 8000);
      // `runserver_plus` is the word to add the address after, not the `runserver` it starts with
      const anchor =
        server.kind === 'runserver'
          ? serverName(cmd.argv, server)
          : cmd.argv.find((a) => a.endsWith(server.kind));
      if (!words || !anchor) return undefined;
      // Exec form (a JSON array) gets quoted words; a shell command, plain ones.
      const quoted = locate(lines, `"${anchor}"`, finding.line, last);
      const at = quoted ?? locate(lines, anchor, finding.line, last);
      if (!at) return undefined;
      const end = { line: at.line, column: at.column + anchor.length + (quoted ? 2 : 0) };
      const text = quoted
        ? words.map((w) => `, ${JSON.stringify(w)}`).join('')
        : words.map((w) => ` ${w}`).join('');
      return { title: `${server.kind} binds 0.0.0.0`, edits: [insertAt(finding.file, end, text)] };
    }
  }
  return undefined;
}

function fixFor(kind: string, port: number): string {
  switch (kind) {
    case 'runserver':
    case 'runserver_plus':
      return `manage.py ${kind} 0.0.0.0:${port}`;
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
