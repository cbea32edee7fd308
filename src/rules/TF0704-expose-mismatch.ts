import {
  backingServiceOf,
  containerEnv,
  containerVariables,
  effectiveCommand,
  hasGunicornConfig,
  imageCommand,
  serverOf,
  type BranchInputs,
  type StartCommand,
} from '../model/command.js';
import type { App } from '../model/types/project.js';
import type { RawFinding } from '../core/index.js';
import type { ExposeInstr } from '../model/types/dockerfile.js';
import { unsettledGuards } from './lib/branch-words.js';
import { EXPOSE_EXAMPLE } from './lib/examples.js';
import { appTargetStages } from './lib/each.js';
import { proxyBeside } from './lib/processes.js';
import { defineRule } from './lib/rule.js';

export const exposeMismatch = defineRule({
  id: 'TF0704',
  name: 'expose-mismatch',
  factor: 'VII',
  severity: 'warning',
  kind: 'S',
  title:
    "The port in EXPOSE differs from the port the server command binds, or EXPOSE lists a backing service's port that no server of the image binds",
  help: `\`EXPOSE\` documents where the app answers; platforms and \`docker run -P\` publish that port. When the server
binds another one, requests go to a port nobody listens on.

Make EXPOSE and the bind agree (defaults count: \`runserver\` and \`gunicorn\` listen on 8000).
An EXPOSE of a backing service's port (\`EXPOSE 6379\` beside \`EXPOSE 8000\`) that no server of the image binds is
reported on its own line: Redis or PostgreSQL run in containers of their own, reached by host name. An image that
starts the service itself (a supervisord program running \`mysqld_safe\`, a script's \`service redis-server start\`)
binds that port, and it is not reported.
When a reverse proxy runs in the same container (nginx, caddy, apache2/httpd or haproxy, started by the start script
or as a supervisord program), the proxy is what listens on the exposed port: the server's own port is not compared.

${EXPOSE_EXAMPLE}`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const { app, stage } of appTargetStages(project)) {
      if (stage.exposes.length === 0) continue;
      const exposed = stage.exposes.flatMap((e) => e.ports);
      if (exposed.some((p) => p.port === undefined)) continue; // a port we cannot read may be the right one
      const numbers = new Set(exposed.map((p) => p.port!));
      const anchor = stage.exposes.at(-1)!;
      const reported = new Set<number>();
      const bound: { port?: number; kind: string; at: string }[] = [];
      const proxied = proxyBeside(app);
      const starts = startsWithEnv(app);
      // A database or cache the container starts itself (a supervisord program running mysqld_safe) binds its port.
      const ownServices = new Set(starts.map(({ cmd }) => backingServiceOf(cmd.argv, cmd.line)));
      for (const { cmd, env, variable, composeFile } of starts) {
        const server = serverOf(cmd.argv, env, {
          configFileInContext: hasGunicornConfig(app),
          unexpanded: cmd.unexpanded,
        });
        const ports = (server?.addresses ?? []).map((a) => a.port);
        if (server) {
          const at = `${cmd.file}:${cmd.line}`;
          bound.push(
            ...(ports.length > 0 ? ports : [undefined]).map((port) => ({ port, kind: server.kind, at })),
          );
        }
        if (ports.length === 0 || ports.some((p) => p === undefined || numbers.has(p))) continue;
        // A reverse proxy in the same container listens on the exposed port and forwards to the server's.
        if (proxied(cmd)) continue;
        const port = ports[0]!;
        if (reported.has(port)) continue;
        reported.add(port);
        // `if [ "$DJANGO_ENV" = production ]; then gunicorn …`: a branch the start may not take is named by its test
        const branch = unsettledGuards(cmd.guards, { variable });
        const when = branch
          ? `, run only if ${branch}`
          : composeFile
            ? `, as ${composeFile} starts the container`
            : '';
        findings.push({
          file: app.dockerfile!.file,
          line: anchor.line,
          message: `EXPOSE ${[...numbers].join(' ')} but ${server!.kind} binds port ${port} (${cmd.file}:${cmd.line}${when}). ${branch ? `Bind the server to the exposed port, or add ${port} to EXPOSE (the other branches may bind the exposed one).` : `Expose ${port}, or bind the server to the exposed port.`}`,
        });
      }
      if (reported.size === 0)
        findings.push(...unboundExposes(app.dockerfile!.file, stage.exposes, bound, ownServices));
    }
    return findings;
  },
});

/**
 * Each command of the image's own start with the image's ENV, then each command compose's start adds (another
 * command, or another branch of the script that its environment selects) with compose's environment over it: a port
 * is read in the environment of the start that runs the command.
 */
function startsWithEnv(app: App): StartWithEnv[] {
  const key = (c: StartCommand) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
  const own = imageCommand(app);
  const imageEnv = app.dockerfile?.targetStage?.env ?? {};
  const imageVariables = containerVariables(imageEnv, undefined);
  const out: StartWithEnv[] = own.map((cmd) => ({ cmd, env: imageEnv, variable: imageVariables }));
  const service = app.compose?.appService;
  // A service that runs an image no build here makes (`image: acme/app:latest`) does not run this Dockerfile's.
  if (!service || app.imageNotBuiltHere) return out;
  const env = containerEnv(app);
  const ownKeys = new Set(own.map(key));
  const changed = Object.keys(env).some((k) => env[k] !== imageEnv[k]);
  const composeFile = service.file;
  const variable = containerVariables(imageEnv, service);
  for (const cmd of effectiveCommand(app)) {
    // The image's own command under compose's environment: compared again only where that environment differs.
    if (ownKeys.has(key(cmd)) && !changed) continue;
    out.push({ cmd, env, variable, composeFile });
  }
  return out;
}

/** A start command with the environment it runs in: its values, and what its script's branches can know of them. */
interface StartWithEnv {
  cmd: StartCommand;
  env: Record<string, string | undefined>;
  variable: BranchInputs['variable'];
  composeFile?: string;
}

/** Ports of backing services: an app image that exposes one documents a port it never serves. */
const BACKING_PORTS: Record<number, string> = {
  5432: 'PostgreSQL',
  3306: 'MySQL',
  6379: 'Redis',
  11211: 'Memcached',
  27017: 'MongoDB',
  5672: 'RabbitMQ',
};

/**
 * Each EXPOSE of a backing service's port (`EXPOSE 8000` then `EXPOSE 6379`) that no server the image starts binds,
 * on its own line, unless the image starts that service itself; another extra port may be a second endpoint of the app (metrics, flower), and none is reported
 * when a server's port cannot be known (`$PORT` unset in the repository): it may be that one.
 */
function unboundExposes(
  file: string,
  exposes: ExposeInstr[],
  bound: { port?: number; kind: string; at: string }[],
  ownServices: Set<string | undefined>,
): RawFinding[] {
  if (bound.length === 0 || bound.some((b) => b.port === undefined)) return [];
  const ports = new Set(bound.map((b) => b.port!));
  const servers = [...new Set(bound.map((b) => `${b.kind} binds port ${b.port} (${b.at})`))].join('; ');
  const findings: RawFinding[] = [];
  for (const expose of exposes)
    for (const p of expose.ports) {
      const service = p.port === undefined ? undefined : BACKING_PORTS[p.port];
      if (!service || ports.has(p.port!) || ownServices.has(service)) continue;
      findings.push({
        file,
        line: expose.line,
        message: `EXPOSE ${p.port} is ${service}'s port, and no server the image starts binds it: ${servers}. Remove it from EXPOSE; ${service} runs as a service of its own, reached by its host name.`,
      });
    }
  return findings;
}
