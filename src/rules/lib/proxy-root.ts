/** TF1301's words where a reverse proxy (nginx, Apache) runs in the app's container: its master process needs root. */
import { posix } from 'node:path';
import { basename, exclusive, reverseProxyOf, serverOf, unixSocketsOnly } from '../../model/command.js';
import type { DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { baseStage, createUser, dropTool, imageHasUser, known, usersCreatedByRuns } from './image-users.js';
import { listOf } from './processes.js';
import { rootOwnedDirectories } from './path-owners.js';
import { modWsgiInstall } from './mod-wsgi.js';
import { runtimeWrites, runtimeWritesAdvice } from './run-time-writes.js';
import { appStarts, privilegeDrop, programOf, suDrop } from './privilege-drops.js';

/** A reverse proxy (nginx, caddy, apache2/httpd, haproxy) the container runs beside the app, and where. */
export function proxyInContainer(app: App): { name: string; file: string; line: number } | undefined {
  for (const c of appStarts(app)) {
    const name = reverseProxyOf(c.argv);
    if (name) return { name, file: c.file, line: c.line };
  }
  return undefined;
}

/** The advice when a reverse proxy shares the container: drop root for the app process, or split the proxy off. */
export function proxyMessage(
  app: App,
  df: DockerfileModel,
  stage: Stage,
  head: string,
  proxy: { name: string; file: string; line: number },
): string {
  const wsgi = modWsgiInstall(df, stage);
  if (wsgi && (proxy.name === 'apache2' || proxy.name === 'httpd') && !appServer(app, proxy))
    return `${head}, so the container starts as root: ${proxy.name} runs in it (${proxy.file}:${proxy.line}) and serves the app itself through mod_wsgi (${wsgi.pkg}, installed at ${wsgi.file}:${wsgi.line}). Its master process starts as root to bind any port below 1024 and runs the app's code in worker processes as the User its configuration names, which Apache refuses to make root: the app does not run as root, but the master and whatever the container runs before ${proxy.name} do. Keep this layout knowingly and suppress TF1301 with the reason, or run ${proxy.name} unprivileged: Listen on a port above 1023, give that user the directories Apache writes (its pid, lock and log files), and add USER for it.`;
  const ports = proxy.name === 'nginx' ? nginxPorts(app, df, stage) : undefined;
  if (ports && ports.ports.every((p) => p >= 1024))
    return highPortMessage(app, df, stage, head, proxy, ports);
  const bind = ports
    ? `to bind ${plural('port', ports.ports)} (${ports.where.join(', ')})`
    : 'to bind any port below 1024';
  const why = `${proxy.name} runs in the same container (${proxy.file}:${proxy.line}), and its master process starts as root ${bind} and hand its workers to an unprivileged user, so a USER line would keep ${proxy.name}, as configured, from starting`;
  const split = `move ${proxy.name} into its own container (its own compose service) and add USER to this image`;
  const su = suDrop(app);
  const drop = privilegeDrop(app) ?? (su && { ...su, tool: `su ${su.user} -c` });
  if (drop)
    return `${head}, so the container starts as root: ${why}. The app itself already runs as ${drop.user ?? 'another user'} (${drop.tool} at ${drop.file}:${drop.line}). Keep this layout knowingly and suppress TF1301 with the reason, or ${split}.`;
  // Only the server's program runs as the user: what the start does before supervisord (collectstatic) stays root's.
  const writes = runtimeWrites(app, df, stage, (c) => c.origin === 'supervisor' && !reverseProxyOf(c.argv));
  // The user the image gives the directories the app writes in (`chown -R www-data /code` over its socket's) can
  // write there; another would not.
  const owners = [...new Set((writes.givenTo ?? []).map((g) => g.owner.user))];
  const owner = owners.length === 1 ? writes.givenTo![0].owner : undefined;
  const existing = known(usersCreatedByRuns(df, stage).at(-1));
  const user = owner?.user ?? existing ?? 'app';
  const create =
    (owner && imageHasUser(df, stage, owner.user)) || (!owner && existing)
      ? ''
      : `, created at build time with RUN ${createUser(baseStage(df, stage), user)}`;
  const whose = owner
    ? `, the user the image gives ${owner.path} to (${owner.how} at ${owner.file}:${owner.line}), where the app writes ${listOf(writes.givenTo!.map((g) => g.what))}`
    : '';
  // The socket directories appDrop names already; the other run-time writes, given to the user at build time.
  const sockets = appStarts(app).flatMap((c) => socketDirectories(df, stage, c.argv));
  const rest = { ...writes, known: writes.known.filter((w) => !sockets.includes(w.dir)) };
  const given = runtimeWritesAdvice(rest, stage, user, 'at build time');
  return `${head}, so the container runs as root, and so does the app: ${why}. Run only the app process as an unprivileged user ${user}${create}${whose}: ${appDrop(app, df, stage, user, proxy)}.${given ? ` ${given}` : ''} Or ${split}.`;
}

// Where the nginx packages put the site enabled by default (it listens on 80): a copy there replaces it.
const DEFAULT_SITES =
  /^\/etc\/nginx\/(nginx\.conf|sites-(available|enabled)\/default|(conf|http)\.d\/default\.conf)$/;

/**
 * The ports the nginx configuration the image copies listens on, with where; undefined when the image copies none
 * or a port is left to a variable. `replacesDefault`: the copy (or a RUN rm) does away with the package's default site.
 */
function nginxPorts(
  app: App,
  df: DockerfileModel,
  stage: Stage,
): { ports: number[]; where: string[]; replacesDefault: boolean } | undefined {
  const listens = (app.proxyConfigs ?? []).flatMap((c) => c.listens.map((l) => ({ ...l, file: c.file })));
  if (listens.length === 0 || listens.some((l) => l.port === undefined)) return undefined;
  const ports = [...new Set(listens.map((l) => l.port!))].sort((a, b) => a - b);
  const where = [...new Set(listens.map((l) => `${l.file}:${l.line}`))];
  const removed = lineage(df, stage)
    .flatMap((s) => s.instructions)
    .filter((i): i is RunInstr => i.keyword === 'RUN')
    .flatMap((r) => r.script?.commands ?? [])
    .some(
      (c) =>
        basename(c.argv[0] ?? '') === 'rm' &&
        c.argv.some((w) => /^\/etc\/nginx\/(sites-enabled|conf\.d|http\.d)\//.test(w)),
    );
  // A configuration outside /etc/nginx is started with `nginx -c FILE`, in place of the package's nginx.conf.
  const replacesDefault =
    removed ||
    (app.proxyConfigs ?? []).some(
      (c) => DEFAULT_SITES.test(c.imagePath) || !c.imagePath.startsWith('/etc/nginx/'),
    );
  return { ports, where, replacesDefault };
}

const plural = (word: string, ports: number[]) =>
  ports.length === 1
    ? `${word} ${ports[0]}`
    : `${word}s ${ports.slice(0, -1).join(', ')} and ${ports.at(-1)}`;

/** nginx beside the app listening only on ports above 1023: it needs no root to bind them, so USER can stay. */
function highPortMessage(
  app: App,
  df: DockerfileModel,
  stage: Stage,
  head: string,
  proxy: { name: string; file: string; line: number },
  ports: { ports: number[]; where: string[]; replacesDefault: boolean },
): string {
  const drop = privilegeDrop(app);
  const existing = known(usersCreatedByRuns(df, stage).at(-1));
  const user = drop?.user ?? existing ?? 'app';
  const add =
    drop?.user || existing
      ? imageHasUser(df, stage, user)
        ? `add USER ${user} to the stage`
        : `create ${user} at build time (RUN ${createUser(baseStage(df, stage), user)}), add USER ${user} after it`
      : `create an unprivileged user at build time (RUN ${createUser(baseStage(df, stage))}), add USER app after it`;
  const without = drop
    ? `, start without ${drop.tool} (${drop.file}:${drop.line}; it cannot switch users without root)`
    : '';
  const site = ports.replacesDefault
    ? ''
    : ", and remove the nginx package's default site if the image keeps it (it listens on port 80)";
  return `${head}, so the container starts as root. ${proxy.name} runs in the same container (${proxy.file}:${proxy.line}), but its configuration listens only on ${plural('port', ports.ports)} (${ports.where.join(', ')}), above 1023, which ${ports.ports.length === 1 ? 'needs' : 'need'} no root to bind: the whole container can run as an unprivileged user. To do so, ${add}${without}, and give ${user} the files nginx writes (its pid file, e.g. \`pid /tmp/nginx.pid;\`, and its temp paths under ${nginxTempDir(df, stage)})${site}.`;
}

/**
 * Where the image's nginx keeps its temp files (client bodies, proxy buffers): the official nginx image builds them
 * under /var/cache/nginx, the distributions' packages (apt, apk, dnf) under /var/lib/nginx.
 */
function nginxTempDir(df: DockerfileModel, stage: Stage): string {
  const repository = baseStage(df, stage).from.repository ?? '';
  return /^(docker\.io\/)?(library\/)?nginx$/.test(repository) ? '/var/cache/nginx' : '/var/lib/nginx';
}

/**
 * How the app's server process alone drops to `user`: the server's own option, supervisord's `user=`, or a tool. The
 * server is the one started beside the proxy, not one on another branch of the script (runserver when DEBUG is set).
 */
function appDrop(
  app: App,
  df: DockerfileModel,
  stage: Stage,
  user: string,
  proxy: { file: string; line: number },
): string {
  const server = appServer(app, proxy);
  const tool = dropTool(baseStage(df, stage), user);
  if (!server) return `start it through ${tool}`;
  const at = `${server.file}:${server.line}`;
  const kind = serverOf(server.argv)!.kind;
  // Started as the user from the first (no root master to bind first), the server creates its socket as that user.
  const dirs = socketDirectories(df, stage, server.argv);
  const socket =
    dirs.length === 0
      ? ''
      : `, and let ${user} create ${kind}'s socket: ${listOf(dirs)} ${dirs.length === 1 ? 'is' : 'are'} root's, so RUN chown ${user} ${dirs.join(' ')} (or move the socket, here and in the proxy's configuration, to a directory ${user} owns)`;
  if (server.origin === 'supervisor')
    return `add user=${user} to [${programOf(app, server)?.section ?? 'program'}:${server.program}] (${at})${socket}`;
  if (kind === 'gunicorn') return `start gunicorn with --user ${user} --group ${user} (${at})`;
  if (kind === 'uwsgi') return `start uwsgi with --uid ${user} --gid ${user} (${at})`;
  return `start ${kind} through ${tool} (${at})${socket}`;
}

/** The app's own server the container starts beside the proxy (not one on another branch of the script). */
function appServer(app: App, proxy: { file: string; line: number }) {
  const starts = appStarts(app);
  const proxyStart = starts.find((c) => c.file === proxy.file && c.line === proxy.line);
  const servers = starts.filter((c) => serverOf(c.argv) && !reverseProxyOf(c.argv));
  return servers.find((c) => !proxyStart || !exclusive(c, proxyStart)) ?? servers[0];
}

/**
 * The directories of the unix sockets a server listens on that the image leaves to root (no RUN chowns them), so a
 * server started as another user cannot create its socket there; /tmp is anyone's.
 */
function socketDirectories(df: DockerfileModel, stage: Stage, argv: string[]): string[] {
  const dirs = (unixSocketsOnly(argv) ?? [])
    .map((s) => s.replace(/^unix:/, ''))
    .filter((p) => p.startsWith('/'))
    .map((p) => posix.dirname(p));
  return rootOwnedDirectories(df, stage, dirs);
}
