import {
  type StartCommand,
  containerEnv,
  hasGunicornConfig,
  programArgv,
  serverName,
  serverOf,
  serverReadAsScript,
  startCommands,
  unixSocketsOnly,
} from '../model/command.js';
import { gunicornConfigArg, uwsgiIniArg } from '../model/server-config.js';
import type { RawFinding } from '../core/index.js';
import type { ComposePort } from '../model/types/compose.js';
import type { App, ServerConfigFile } from '../model/types/project.js';
import { shellLine } from './lib/command-text.js';
import { EXPOSE_EXAMPLE } from './lib/examples.js';
import { execForm } from './lib/fix.js';
import { inherited, startingApp } from './lib/base-image.js';
import { appTargetStages } from './lib/each.js';
import { proxyBeside, type ProxyBeside } from './lib/processes.js';
import { defineRule } from './lib/rule.js';

/** What one analysis of a Dockerfile (alone, or with one set of compose files) says about its port. */
interface PortView {
  app: App;
  /** The compose files of the analysis, when it has an app service. */
  composeFiles?: string[];
  service?: string;
}

/**
 * The ports the servers the app's container starts bind, where they are known: what EXPOSE should say; a server with a
 * reverse proxy beside it in the container (`gunicorn … & nginx`) is behind the proxy, whose port clients reach.
 */
function boundPorts(app: App): {
  ports: number[];
  servers: string[];
  behind: Behind[];
  unexpanded: Unexpanded[];
} {
  const env = containerEnv(app);
  const ports: number[] = [];
  const servers: string[] = [];
  const behind: Behind[] = [];
  const unexpanded: Unexpanded[] = [];
  const entrypoint = app.dockerfile?.targetStage?.entrypoint;
  const beside = proxyBeside(app);
  for (const cmd of startCommands(app)) {
    const server = serverOf(cmd.argv, env, {
      configFileInContext: hasGunicornConfig(app),
      unexpanded: cmd.unexpanded,
    });
    const proxy = server && beside(cmd);
    if (proxy) {
      const port = (server.addresses ?? []).find((a) => a.port !== undefined)?.port;
      const socket = port === undefined && listensOnSocketOnly(app, cmd.argv, env);
      behind.push({
        proxy,
        server: server.kind,
        ...(port !== undefined ? { port } : {}),
        ...(socket ? { socket } : {}),
      });
      continue;
    }
    for (const a of server?.addresses ?? []) {
      if (a.unexpanded !== undefined && a.port === undefined)
        unexpanded.push({ server: server!.kind, word: a.unexpanded, cmd, env, alone: !entrypoint });
      if (a.port === undefined || ports.includes(a.port)) continue;
      ports.push(a.port);
      const unset = a.untilPortSet ? ', its default while PORT is unset' : '';
      servers.push(`${server!.kind} binds port ${a.port} (${cmd.file}:${cmd.line}${unset})`);
    }
    // `uwsgi --ini /app/uwsgi.ini`: the ini file's `http = :8000` is where it listens.
    if (server?.kind !== 'uwsgi' || server.addresses !== undefined) continue;
    const ini = iniOf(app, cmd.argv);
    for (const l of ini?.listens ?? []) {
      const port = /^[\w.-]*:(\d+)$/.exec(l.value.split(',')[0].trim())?.[1];
      if (port === undefined || ports.includes(Number(port))) continue;
      ports.push(Number(port));
      servers.push(
        `uwsgi binds port ${port} (${l.option} = ${l.value}, ${ini!.file}:${l.line}, which ${cmd.file}:${cmd.line} loads)`,
      );
    }
  }
  return { ports, servers, behind, unexpanded };
}

/** A server that gets its address with a variable no shell expanded (`CMD ["gunicorn", "-b", "0.0.0.0:$PORT"]`). */
interface Unexpanded {
  server: string;
  word: string;
  cmd: StartCommand;
  env: Record<string, string | undefined>;
  /** The command is the instruction's alone (no ENTRYPOINT before a CMD): one exec form can be written for it. */
  alone: boolean;
}

/**
 * What happens to `$PORT` in an exec-form command: the server gets the text as written, which is no port. The fix runs
 * it through a shell, with the port the image's ENV gives the variable as the one to EXPOSE when it is known.
 */
function unexpandedFix({ server, word, cmd, env, alone }: Unexpanded): string {
  const names = [...word.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]);
  const how =
    cmd.origin === 'supervisor'
      ? `the command of a supervisord program (${cmd.file}:${cmd.line}), which supervisord runs without a shell`
      : `${cmd.file}:${cmd.line}, and Docker expands no variable in the exec form`;
  const shell =
    (cmd.origin === 'CMD' && alone) || cmd.origin === 'ENTRYPOINT'
      ? `${cmd.origin} ${execForm(['sh', '-c', `exec ${shellLine(cmd.argv)}`])}`
      : `sh -c "exec ${shellLine(cmd.argv)}"`;
  const value = names.map((n) => env[n]).find((v) => v !== undefined && /^\d+$/.test(v));
  const expose = value
    ? `EXPOSE ${value} (the ${names.find((n) => env[n] === value)} the image's ENV sets)`
    : 'EXPOSE 8000';
  return `The port the server binds is not known: ${server} receives '${word}' as written (${how}), and ${names.map((n) => `'$${n}'`).join(', ')} in it ${names.length === 1 ? 'is' : 'are'} no port number. Expand it with a shell, ${shell}, and add EXPOSE with the port, e.g. ${expose}.`;
}

/** A server started with a reverse proxy beside it in the container, and the port it binds when known. */
interface Behind {
  proxy: ProxyBeside;
  server: string;
  port?: number;
  /** Set when the server listens only on a unix socket (`uwsgi --socket /tmp/uwsgi.sock`): it has no port. */
  socket?: boolean;
}

/**
 * What to EXPOSE when a reverse proxy in the container is what clients reach: the ports its configuration the image
 * copies listens on (nginx), else its port in general words; never the port of the server behind it.
 */
function proxyFix(app: App, behind: Behind): string {
  const { proxy, at } = behind.proxy;
  const server = behind.socket
    ? `its port (${behind.server} listens only on a unix socket)`
    : `its port, not ${behind.port !== undefined ? `${behind.server}'s port ${behind.port}` : `${behind.server}'s port`}`;
  const head = `${proxy} runs in the same container (${at}) and is the process clients connect to, so EXPOSE names ${server}`;
  const listens =
    proxy === 'nginx'
      ? (app.proxyConfigs ?? []).flatMap((c) => c.listens.map((l) => ({ ...l, file: c.file })))
      : [];
  if (listens.length === 0 || listens.some((l) => l.port === undefined))
    return `${head}: add EXPOSE with the port its configuration listens on.`;
  const ports = [...new Set(listens.map((l) => l.port!))].sort((a, b) => a - b);
  const where = [...new Set(listens.map((l) => `${l.file}:${l.line}`))].join(', ');
  return `${head}: add EXPOSE ${ports.join(' ')}, the port${ports.length === 1 ? '' : 's'} its configuration listens on (${where}).`;
}

/** The uwsgi ini file a start command loads (`uwsgi --ini /app/uwsgi.ini`), among those the image holds. */
function iniOf(app: App, argv: string[]): ServerConfigFile | undefined {
  const program = programArgv(argv);
  const name = (uwsgiIniArg(program) ?? gunicornConfigArg(program))?.split('/').at(-1);
  return name
    ? (app.serverConfigs ?? []).find((c) => c.file === name || c.file.endsWith(`/${name}`))
    : undefined;
}

/** A server that listens only on unix sockets, the sockets, and where they are set. */
interface SocketServer {
  server: string;
  sockets: string[];
  at: string;
}

/**
 * The servers the app's container starts when each listens only on a unix socket (`gunicorn --bind
 * unix:/run/gunicorn.sock`, a uwsgi ini with `socket = app.sock`) with no reverse proxy beside it: a proxy in another
 * container reaches it only through a shared volume, and the app binds no port.
 */
function unixSocketServersOnly(app: App): SocketServer[] | undefined {
  const env = containerEnv(app);
  const beside = proxyBeside(app);
  const servers: SocketServer[] = [];
  for (const cmd of startCommands(app)) {
    const server = serverOf(cmd.argv, env);
    if (!server) continue;
    // A reverse proxy in the same container (`service nginx start && exec uwsgi --socket /tmp/uwsgi.sock`) reaches
    // the socket and listens on a TCP port itself: that port is the one to declare.
    if (beside(cmd)) return undefined;
    const ini = iniOf(app, cmd.argv);
    const sockets = unixSocketsOnly(cmd.argv, env, ini);
    if (!sockets) return undefined;
    const set = ini?.listens?.find((l) => sockets.includes(l.value.split(',')[0].trim()));
    const at = set ? `${set.option} = ${set.value}, ${ini!.file}:${set.line}` : `${cmd.file}:${cmd.line}`;
    servers.push({ server: server.kind, sockets, at });
  }
  return servers.length > 0 ? servers : undefined;
}

/** How each server is told to listen on TCP port 8000 on every interface. */
const TCP_LISTEN: Record<string, string> = {
  uwsgi: 'http-socket = :8000 in its ini, or --http-socket :8000',
  gunicorn: '--bind 0.0.0.0:8000',
  hypercorn: '--bind 0.0.0.0:8000',
  uvicorn: '--host 0.0.0.0 --port 8000',
  granian: '--host 0.0.0.0 --port 8000',
  daphne: '-b 0.0.0.0 -p 8000',
  'waitress-serve': '--listen 0.0.0.0:8000',
};

/** The words for servers that listen only on unix sockets: no port is bound, and how to bind one. */
function socketFix(servers: SocketServer[]): string {
  const first = servers[0];
  const listens = servers
    .map((s) => `${s.server} listens only on the unix socket ${s.sockets.join(', ')} (${s.at})`)
    .join('; ');
  const how = TCP_LISTEN[first.server] ?? 'a TCP address such as 0.0.0.0:8000';
  return `The app binds no port: ${listens}, so only a process that shares the socket's filesystem (a proxy mounting the same volume) can reach it. To export it by port binding, have ${first.server} listen on a TCP port (${how}), add EXPOSE 8000, and point the proxy at the app's service name and that port.`;
}

/** The server command listens only on unix sockets, read with the uwsgi ini it names when the image holds it. */
function listensOnSocketOnly(app: App, argv: string[], env: Record<string, string | undefined>): boolean {
  return unixSocketsOnly(argv, env, iniOf(app, argv)) !== undefined;
}

/** Where the statement "no ports/expose" holds: the service and the compose files of each analysis it was made in. */
function composePart(views: PortView[]): string {
  const withCompose = views.filter((v) => v.composeFiles);
  if (withCompose.length === 0) return '';
  const sets = [...new Set(withCompose.map((v) => v.composeFiles!.join(' + ')))];
  const services = [...new Set(withCompose.map((v) => `'${v.service!}'`))];
  return `, and compose service ${services.join('/')} has no ports/expose in ${sets.join(', nor in ')}`;
}

/** The ports other compose files publish for the same image: where the statement does not hold, said as such. */
function elsewhere(published: ComposePort[]): string {
  if (published.length === 0) return '';
  const byFile = new Map<string, string[]>();
  for (const p of published) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p.raw]);
  const parts = [...byFile].map(([file, raws]) => `${file} publishes ${[...new Set(raws)].join(', ')}`);
  return ` (only ${parts.join('; ')})`;
}

/** True when a start command of the app's container is a server the tool knows (gunicorn, uwsgi, runserver …). */
function startsServer(app: App): boolean {
  const env = containerEnv(app);
  return startCommands(app).some((cmd) => serverOf(cmd.argv, env) !== undefined);
}

/**
 * The words to say when a start command hands the server to a shell as its script (`exec sh $cmd` with `python
 * manage.py runserver` as the arguments): the command names the server, which never starts.
 */
function readAsScriptFix(views: PortView[]): string | undefined {
  for (const { app } of views) {
    const env = containerEnv(app);
    for (const cmd of startCommands(app)) {
      const read = serverReadAsScript(cmd.argv, env);
      if (!read) continue;
      const { shell, word, server } = read;
      const name = serverName(cmd.argv.slice(cmd.argv.indexOf(word)), server);
      const port = (server.addresses ?? []).find((a) => a.port !== undefined)?.port ?? 8000;
      return `${cmd.file}:${cmd.line} runs \`${shellLine(cmd.argv)}\`: ${shell} takes '${word}' for the name of a shell script to read, not a program to run, so ${name} never starts and its port is not known here. Run the words as a command there, without ${shell} (exec "$@" runs the script's arguments), then add EXPOSE with the port it binds, e.g. EXPOSE ${port}.`;
    }
  }
  return undefined;
}

function message(views: PortView[], published: ComposePort[]): string {
  const bound = views.map((v) => boundPorts(v.app));
  const ports = [...new Set(bound.flatMap((b) => b.ports))];
  const servers = [...new Set(bound.flatMap((b) => b.servers))];
  const publishedPorts = [...new Set(published.flatMap((p) => (p.target === undefined ? [] : [p.target])))];
  const proxied = views.flatMap((v, i) => bound[i].behind.map((b) => ({ app: v.app, behind: b })))[0];
  const unexpanded = bound.flatMap((b) => b.unexpanded)[0];
  const sockets = views.map((v) => unixSocketServersOnly(v.app)).find((s) => s !== undefined);
  const fix =
    proxied && ports.length === 0
      ? proxyFix(proxied.app, proxied.behind)
      : sockets && ports.length === 0
        ? socketFix(sockets)
        : unexpanded && ports.length === 0
          ? unexpandedFix(unexpanded)
          : ports.length > 0
            ? `Add EXPOSE ${ports.join(' ')}, the port the server binds: ${servers.join('; ')}.`
            : publishedPorts.length > 0
              ? `Add EXPOSE with the port the server binds, e.g. EXPOSE ${publishedPorts.join(' ')}, the container port published elsewhere.`
              : (readAsScriptFix(views) ??
                (views.some((v) => startsServer(v.app))
                  ? 'Add EXPOSE with the port the server binds, e.g. EXPOSE 8000.'
                  : 'No start command (CMD, or compose command) names the server, so its port is not known here: add EXPOSE with the TCP port it listens on (e.g. EXPOSE 8000); a server that listens only on a unix socket binds no port, so have it listen on a TCP port and EXPOSE that.'));
  return `The image declares no port: the target stage has no EXPOSE${composePart(views)}${elsewhere(published)}. ${fix}`;
}

export const noPortDeclared = defineRule({
  id: 'TF0701',
  name: 'no-port-declared',
  factor: 'VII',
  severity: 'notice',
  kind: 'S',
  title: 'The target stage has no EXPOSE and the compose app service has no ports/expose',
  help: `A twelve-factor app exports its service by binding a port; the image should say which one, so that
platforms, \`docker run -P\` and readers know where the app answers without reading the start command.

Where the repository has several compose setups (a base file with a development and a production override), each is
judged on its own: the message names the compose files that publish no port, and those that do.

Docker expands no variable in an exec-form command: \`CMD ["gunicorn", "--bind", "0.0.0.0:$PORT"]\` hands gunicorn the
text \`0.0.0.0:$PORT\` as written, whatever ENV sets PORT to. The message then says the port is not known and why,
and proposes the command run through a shell that expands the variable.

A server that listens only on a unix socket (\`gunicorn --bind unix:/run/app.sock\`, \`socket = app.sock\` in a uWSGI ini)
binds no port at all: only a proxy that shares the socket's volume can reach it. The message says so and how to have
the server listen on a TCP port that the image can EXPOSE.

${EXPOSE_EXAMPLE}`,
  related: [],
  check(project) {
    // One finding per Dockerfile, over every compose setup it is analysed with.
    const missing = new Map<string, PortView[]>();
    const published = new Map<string, ComposePort[]>();
    for (const { app, stage } of appTargetStages(project)) {
      const file = app.dockerfile!.file;
      // A compose file that could not be parsed may publish the port; a base image of the repository may EXPOSE it.
      const exposed = stage.exposes.length > 0 || inherited(app, (s) => s.exposes[0]) !== undefined;
      if (exposed || app.unparsedCompose) continue;
      const service = app.compose?.appService;
      if (service && (service.ports.length > 0 || service.expose.length > 0)) {
        published.set(file, [...(published.get(file) ?? []), ...service.ports]);
        continue;
      }
      // What the container starts may be a base image's command (CMD of the image this one is built FROM).
      const runner = startingApp(app);
      const view: PortView = service
        ? { app: runner, composeFiles: app.compose!.files, service: service.name }
        : { app: runner };
      missing.set(file, [...(missing.get(file) ?? []), view]);
    }
    return [...missing].map(([file, views]) => ({
      file,
      line: 1,
      message: message(views, published.get(file) ?? []),
    })) satisfies RawFinding[];
  },
});
