import type { ComposePort, ComposeService } from '../model/types/compose.js';
import type { RawFinding } from '../core/index.js';
import type { App, Project } from '../model/types/project.js';
import { databaseReaches, type DatabaseHost } from './lib/database-host.js';
import {
  hasProductionWord,
  isComposeFileNamedForDevelopment,
  isDefaultComposeName,
  projectComposeFiles,
} from './lib/files.js';
import { onHostNetwork } from './lib/host-network.js';
import { defineRule } from './lib/rule.js';

/** The port each kind of backing service listens on. */
const SERVICE_PORTS: Record<string, number> = {
  postgres: 5432,
  mysql: 3306,
  mariadb: 3306,
  redis: 6379,
  memcached: 11211,
  mongo: 27017,
};

/** The backing service kind of a compose service: its role, or memcached/mongo from the image name. */
function backingKind(s: ComposeService): string | undefined {
  if (s.role !== 'app' && s.role !== 'other') return s.role;
  const last = s.image?.repository.split('/').pop()?.toLowerCase() ?? '';
  if (/^memcached$/.test(last)) return 'memcached';
  if (/^mongo(db)?$/.test(last)) return 'mongo';
  return undefined;
}

/**
 * Images of proxies and poolers that a database is reached through (Cloud SQL's and AlloyDB's auth proxies, PgBouncer,
 * Pgpool-II, ProxySQL): the database port they listen on is the database's endpoint.
 */
const DATABASE_PROXY = /^(gce-proxy|cloud-sql-proxy|alloydb-auth-proxy|pgbouncer|pgpool(-ii)?|proxysql)$/;

/** The backing service a published port gives: the service's own kind at its port, or the database a proxy forwards to. */
function backingAt(s: ComposeService, p: ComposePort): { kind: string; proxy?: true } | undefined {
  const kind = backingKind(s);
  if (kind) return p.target === SERVICE_PORTS[kind] ? { kind } : undefined;
  const last = s.image?.repository.split('/').pop()?.toLowerCase() ?? '';
  if (!DATABASE_PROXY.test(last)) return undefined;
  const proxied = Object.keys(SERVICE_PORTS).find(
    (k) => DATABASE_KINDS.has(k) && SERVICE_PORTS[k] === p.target,
  );
  return proxied ? { kind: proxied, proxy: true } : undefined;
}

/** Where the port lands on the host: a random port, the port a variable gives (`${DB_PORT}:3306`), or the one written. */
function hostPortWords(p: ComposePort, interfaces = "the host's interfaces"): string {
  const vars = [...p.raw.replace(/:\d+(\/\w+)?["']?$/, '').matchAll(/\$\{?(\w+)/g)].map((m) => m[1]);
  if (vars.length > 0) return `on ${interfaces}, at the port ${vars.join(' and ')} gives`;
  return p.published ? `on ${interfaces}` : `on a random port of ${interfaces}`;
}

/** The production-named compose files beside a default-named one (`docker-compose.prod.yml` by `docker-compose.yml`). */
function productionFilesBeside(path: string, composeFiles: readonly string[]): string[] {
  if (!isDefaultComposeName(path)) return [];
  const dirOf = (f: string) => f.slice(0, Math.max(f.lastIndexOf('/'), 0));
  return composeFiles.filter((f) => f !== path && dirOf(f) === dirOf(path) && hasProductionWord(f));
}

/** `'127.0.0.1:5432:5432'` for a mapping written with a fixed host port, else the address alone. */
function loopbackMapping(p: ComposePort): string {
  const fixed = p.published !== undefined && /^\d+$/.test(p.published) && p.target !== undefined;
  return fixed ? `'127.0.0.1:${p.published}:${p.target}'` : '127.0.0.1';
}

function isLoopbackIp(ip: string | undefined): boolean {
  return ip !== undefined && /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/.test(ip);
}

/** Backing kinds whose host the app's DATABASES names. */
const DATABASE_KINDS = new Set(['postgres', 'mysql', 'mariadb']);

/**
 * What the app's settings say of the service: it connects to it by name, it uses SQLite only, it connects to another
 * host (through the published port, or nowhere), or unknown (a cache, a host the files do not tell).
 */
type Reach =
  | { kind: 'by-name' | 'sqlite' | 'unknown' }
  | { kind: 'elsewhere'; host: DatabaseHost }
  | { kind: 'socket'; path: string; where: string };

function reachOf(project: Project, app: App, service: ComposeService, kind: string): Reach {
  if (!DATABASE_KINDS.has(kind)) return { kind: 'unknown' };
  const names = [service.name, service.containerName?.value].map((n) => n?.toLowerCase());
  const reaches = databaseReaches(project, app);
  const servers = reaches.flatMap((r) => (r.kind === 'server' ? [r.host] : []));
  if (servers.some((h) => names.includes(h.host))) return { kind: 'by-name' };
  if (reaches.length > 0 && reaches.every((r) => r.kind === 'sqlite')) return { kind: 'sqlite' };
  const socket = reaches.find((r) => r.kind === 'socket');
  if (socket && reaches.every((r) => r.kind === 'socket' || r.kind === 'sqlite')) return socket;
  // A host that is another service of the file (a pooler in front of the database) says nothing of this port.
  const others = new Set((app.compose?.services ?? []).map((s) => s.name.toLowerCase()));
  if (
    servers.length === 0 ||
    reaches.some((r) => r.kind === 'unknown') ||
    servers.some((h) => others.has(h.host))
  )
    return { kind: 'unknown' };
  return { kind: 'elsewhere', host: servers[0] };
}

/** Why the mapping can go: the app reaches the service by name, or does not use it. */
function reason(reach: Reach, service: string): string {
  if (reach.kind === 'by-name') return `the app reaches '${service}' over the compose network`;
  if (reach.kind === 'sqlite') return `the settings the app runs with use SQLite, not '${service}'`;
  if (reach.kind === 'socket')
    return `the settings connect through the unix socket in ${reach.path} (DATABASES HOST, ${reach.where}), not through this port`;
  return `the app can reach '${service}' by that name over the compose network`;
}

/** Names and addresses that lead a container to its host's published ports (not loopback: that is the container). */
const VIA_HOST =
  /^(host\.docker\.internal|gateway\.docker\.internal|docker\.for\.(mac|win)\.(host\.internal|localhost)|host\.containers\.internal|(?!127\.)\d{1,3}(\.\d{1,3}){3})$/;

/** Where the app is pointed instead of the service, and what to change first so that it reaches the service by name. */
function repoint(host: DatabaseHost, service: string): string {
  const { variable, value, where } = host;
  if (variable === undefined)
    return `The settings connect to '${host.host}' (DATABASES HOST, ${where}), not to '${service}' over the compose network: read HOST from an environment variable set to '${service}' first`;
  if (host.fallback)
    return `The app is not given ${variable}, so its database host falls back to '${host.host}' (${where}), not '${service}' over the compose network: set ${variable}=${service} for the app first`;
  const fix = value?.includes('://')
    ? `make the host of ${variable} '${service}'`
    : `set ${variable}=${service}`;
  const through = VIA_HOST.test(host.host) ? ' through this published port' : '';
  return `The app connects to '${host.host}'${through} (${variable}=${value} in ${where}), not to '${service}' over the compose network: ${fix} first`;
}

function messageFor(
  service: ComposeService,
  backing: { kind: string; proxy?: true },
  p: ComposePort,
  app: App,
  project: Project,
): string {
  const name = service.name;
  const { kind } = backing;
  // a proxy's port is the database's: whoever reaches it reaches the database behind it
  const port = backing.proxy
    ? `the ${kind} port ${p.target} of the database it proxies`
    : `its ${kind} port ${p.target}`;
  // The default file beside docker-compose.prod.yml may be run only on a laptop: say why it is judged all the same.
  const production =
    !app.compose?.appService || app.compose.files.some((f) => f !== p.file && hasProductionWord(f))
      ? []
      : productionFilesBeside(p.file, projectComposeFiles(project));
  const reach = app.compose?.appService ? reachOf(project, app, service, kind) : undefined;
  if (production.length > 0 && reach) {
    const beside = `${p.file} is not named for development, though ${production.join(', ')} ${production.length > 1 ? 'sit' : 'sits'} beside it`;
    const head = `Service '${name}' publishes ${port} ${hostPortWords(p, `every interface of the host that runs ${p.file}`)} ('${p.raw}'): it is reachable from outside, past the host firewall.`;
    return reach.kind === 'elsewhere'
      ? `${head} ${beside}. ${repoint(reach.host, name)}, then bind the port to the loopback interface (${loopbackMapping(p)}) or remove the mapping.`
      : `${head} ${beside}: bind the port to the loopback interface (${loopbackMapping(p)}), or remove the mapping (${reason(reach, name)}).`;
  }
  const head = `Service '${name}' publishes ${port} ${hostPortWords(p)} ('${p.raw}'): it is reachable from outside, past the host firewall.`;
  if (!reach)
    return `${head} No service of ${p.file} runs the app, so the app reaches '${name}' through this port: bind it to the loopback interface (${loopbackMapping(p)}) when the app runs on this host, or run the app as a service on the same compose network and remove the mapping.`;
  return reach.kind === 'elsewhere'
    ? `${head} ${repoint(reach.host, name)}, then remove the port mapping, or bind it to 127.0.0.1 in a development override.`
    : `${head} Remove the port mapping (${reason(reach, name)}), or bind it to 127.0.0.1 in a development override.`;
}

export const backingPortPublished = defineRule({
  id: 'TF1303',
  name: 'backing-port-published',
  factor: 'XIII',
  severity: 'warning',
  kind: 'S',
  title:
    "A production compose file (not an override or a file named for development) publishes the database or cache port of a backing service (5432, 3306, 6379, 11211, 27017) on the host's interfaces",
  help: `The app reaches its database and cache over the compose network by service name; nothing outside needs their
ports. Published on the host (\`"5432:5432"\`), they are open on every interface of the server, and Docker's port
rules bypass the host firewall: databases with default or weak passwords, and Redis or Memcached without any, are
found and taken over by scanners within hours. A proxy or pooler the database is reached through (the Cloud SQL or
AlloyDB Auth Proxy, PgBouncer, Pgpool-II, ProxySQL) that publishes a database port is judged as the database: every
connection to that port reaches it.

Drop the \`ports:\` of backing services in the file used to deploy; to reach them from the host while developing,
publish them in a development override, on the loopback interface only. A compose file that runs the database
alone, for an app started elsewhere, is judged the same: bind the port to \`127.0.0.1\` when the app runs on the same
host, or run the app on the compose network.

A file named for development or tests (an \`.override\` file, or one with \`dev\`, \`debug\`, \`local\`, \`test\` or \`ci\` as a
word of its name, or a default-named file in a directory so named, such as \`_development/docker-compose.yml\`) is
not production: its published database port is not reported, while its other findings (development server, migrate
on start, bind mounts) still are, where they are written. Every other compose file is judged, the default
\`docker-compose.yml\` included, alone or beside a production file (\`docker-compose.prod.yml\`, \`docker-stack.yml\`):
whoever runs it, on a server or a laptop, opens the port on every interface of that host. Where the default file is
meant for development, bind its backing ports to \`127.0.0.1\` or drop them, or move them to an override. An empty
compose file publishes nothing, nor does a service with \`network_mode: host\`, whose \`ports:\` Docker discards.

\`\`\`yaml
# compose.override.yaml (development only)
services:
  db:
    ports:
      - "127.0.0.1:5432:5432"
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const app of project.apps) {
      for (const s of app.compose?.services ?? []) {
        // With `network_mode: host` Docker discards `ports:`: the entry publishes nothing.
        if (s === app.compose?.appService || onHostNetwork(s)) continue;
        for (const p of s.ports) {
          const backing = backingAt(s, p);
          if (!backing || isLoopbackIp(p.hostIp) || isComposeFileNamedForDevelopment(p.file)) continue;
          const key = `${p.file}:${p.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            file: p.file,
            line: p.line,
            message: messageFor(s, backing, p, app, project),
          });
        }
      }
    }
    return findings;
  },
});
