import type { ComposePort, ComposeService } from '../model/types/compose.js';
import type { RawFinding } from '../core/index.js';
import { isDevelopmentComposeFile, projectComposeFiles } from './lib/files.js';
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

/** Where the port lands on the host: a random port, the port a variable gives (`${DB_PORT}:3306`), or the one written. */
function hostPortWords(p: ComposePort): string {
  const vars = [...p.raw.replace(/:\d+(\/\w+)?["']?$/, '').matchAll(/\$\{?(\w+)/g)].map((m) => m[1]);
  if (vars.length > 0) return `on the host's interfaces, at the port ${vars.join(' and ')} gives`;
  return p.published ? "on the host's interfaces" : "on a random port of the host's interfaces";
}

/** `'127.0.0.1:5432:5432'` for a mapping written with a fixed host port, else the address alone. */
function loopbackMapping(p: ComposePort): string {
  const fixed = p.published !== undefined && /^\d+$/.test(p.published) && p.target !== undefined;
  return fixed ? `'127.0.0.1:${p.published}:${p.target}'` : '127.0.0.1';
}

function isLoopbackIp(ip: string | undefined): boolean {
  return ip !== undefined && /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/.test(ip);
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
found and taken over by scanners within hours.

Drop the \`ports:\` of backing services in the file used to deploy; to reach them from the host while developing,
publish them in a development override, on the loopback interface only. A compose file that runs the database
alone, for an app started elsewhere, is judged the same: bind the port to \`127.0.0.1\` when the app runs on the same
host, or run the app on the compose network.

A file named for development or tests (an \`.override\` file, or one with \`dev\`, \`debug\`, \`local\`, \`test\` or \`ci\` as a
word of its name, or a default-named file in a directory so named, such as \`_development/docker-compose.yml\`), and the default \`docker-compose.yml\` when a production alternative
(\`docker-compose.prod.yml\`, \`compose.production.yaml\`, \`docker-compose-deploy.yml\`, cookiecutter's
\`production.yml\`, a \`docker-compose-prod_template.yml\` to fill in: a name with \`prod\`, \`production\`, \`deploy\`,
\`release\` or \`live\` as a word) sits beside it, is not production: its published database port is not reported, while its other findings (development server, migrate on
start, bind mounts) still are, where they are written. Every other compose file, the default one alone included,
counts as production, the default one beside a Swarm stack file (\`docker-stack.yml\`,
\`docker-compose-swarm.yml\`) included.

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
    const composeFiles = projectComposeFiles(project);
    for (const app of project.apps) {
      for (const s of app.compose?.services ?? []) {
        const kind = backingKind(s);
        if (!kind || s === app.compose?.appService) continue;
        for (const p of s.ports) {
          if (
            p.target !== SERVICE_PORTS[kind] ||
            isLoopbackIp(p.hostIp) ||
            isDevelopmentComposeFile(p.file, composeFiles, app.compose?.files)
          )
            continue;
          const key = `${p.file}:${p.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            file: p.file,
            line: p.line,
            message: `Service '${s.name}' publishes its ${kind} port ${p.target} ${hostPortWords(p)} ('${p.raw}'): it is reachable from outside, past the host firewall. ${
              app.compose?.appService
                ? `Remove the port mapping (the app reaches '${s.name}' over the compose network), or bind it to 127.0.0.1 in a development override.`
                : `No service of ${p.file} runs the app, so the app reaches '${s.name}' through this port: bind it to the loopback interface (${loopbackMapping(p)}) when the app runs on this host, or run the app as a service on the same compose network and remove the mapping.`
            }`,
          });
        }
      }
    }
    return findings;
  },
});
