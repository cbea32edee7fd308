import { programArgv, startCommands } from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import { defineRule } from './lib/rule.js';
import { shownSource, shownTarget } from './lib/files.js';
import { perServiceLine } from './lib/service-lines.js';

/** The Docker engine's socket, at its usual paths. */
export function isDockerSocket(path: string | undefined): boolean {
  return path !== undefined && /^(\/var)?\/run\/docker\.sock$/.test(path.replace(/\/+$/, ''));
}

/** `/run` or `/var/run`: the host directory that holds the Docker socket, which a mount of it hands over too. */
export function isSocketDirectory(path: string | undefined): boolean {
  return path !== undefined && /^(\/var)?\/run$/.test(path.replace(/\/+$/, ''));
}

/** The socket or its directory a `docker run -v /var/run/docker.sock:…` (or --volume, --mount source=…) mounts. */
function socketMountedInDockerRun(argv: string[]): string | undefined {
  const a = programArgv(argv);
  if (a[0] !== 'docker' || !a.includes('run')) return undefined;
  for (let i = 1; i < a.length; i++) {
    const flag = a[i];
    let value: string | undefined;
    if (flag === '-v' || flag === '--volume' || flag === '--mount') value = a[i + 1];
    else if (/^(--volume|--mount|-v)=?/.test(flag)) value = flag.replace(/^(--volume|--mount|-v)=?/, '');
    if (!value) continue;
    const source = flag.includes('mount')
      ? /(?:^|,)(?:source|src)=([^,]+)/.exec(value)?.[1]
      : value.split(':')[0];
    if (isDockerSocket(source) || isSocketDirectory(source)) return source;
  }
  return undefined;
}

export const dockerSocketMounted = defineRule({
  id: 'TF1304',
  name: 'docker-socket-mounted',
  factor: 'XIII',
  severity: 'error',
  kind: 'S',
  title:
    "A compose service of the app's image (the app, a worker; or a docker run in its scripts) mounts /var/run/docker.sock (or /run, /var/run, the directory holding it), which gives the app root on the host",
  help: `Whoever can talk to the Docker socket can start a privileged container that mounts the host's filesystem: it is
root on the host. Mounted into the web app, one remote code execution or one vulnerable dependency of the app is a
compromise of the whole machine. A web application does not need it. Mounting the directory that holds it (\`/run\`
or \`/var/run\`) hands it over just the same.

Remove the mount. If something must manage containers, run it as a separate, minimal service, and prefer a socket
proxy that allows only the calls it needs. An app that manages containers on purpose (its code imports the Docker
SDK, \`import docker\` or \`docker.from_env()\`, or its image installs the \`docker\` package) is still reported: the
message then says what the socket hands whoever compromises the app, and suggests a proxy or a separate worker instead
of removing the mount:

\`\`\`yaml
services:
  web:
    build: .
    # no /var/run/docker.sock here
\`\`\`
`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    const report = (file: string, line: number, message: string) => {
      if (seen.has(`${file}:${line}`)) return;
      seen.add(`${file}:${line}`);
      findings.push({ file, line, message });
    };
    // Every service of the app's image (a worker too): one finding per volume line, naming the services sharing it.
    const mounts = perServiceLine(project, (app, service) =>
      service.volumes
        .filter((v) => v.type === 'bind' && (isDockerSocket(v.source) || isSocketDirectory(v.source)))
        .map((v) => ({
          file: v.file,
          line: v.line,
          message: (who: string, plural: boolean) => {
            const directory = isSocketDirectory(v.source);
            const socket = directory
              ? `${who} ${plural ? 'mount' : 'mounts'} the host's ${shownSource(v)}, the directory that holds the Docker socket (docker.sock), at ${shownTarget(v)}`
              : `${who} ${plural ? 'mount' : 'mounts'} the Docker socket (${shownSource(v)})`;
            const client = app.dockerClient;
            if (!client)
              return directory
                ? `${socket}: through it, anyone who gets code running in the app can drive the Docker engine and is root on the host. Remove the mount, or mount only the one file or directory under it the app needs; a web app does not need the Docker engine.`
                : `${socket}: anyone who gets code running in the app is root on the host. Remove the mount; a web app does not need the Docker engine.`;
            // The app manages containers on purpose: the mount stays, what it hands an attacker is the point.
            const proxy =
              'a socket proxy in front of the engine that allows only the API calls the app makes (e.g. tecnativa/docker-socket-proxy, reached with DOCKER_HOST=tcp://<proxy>:2375)';
            const fix =
              service === app.compose?.appService
                ? `Keep the socket out of the web process: use ${proxy}, or move the Docker calls to a separate worker that alone talks to Docker and serves nothing to the network.`
                : `Narrow what it can do: use ${proxy}.`;
            return `${socket}, and the app drives the Docker engine on purpose (${client.file}:${client.line} ${client.what}): through it, anyone who gets code running in the app is root on the host. ${fix}`;
          },
        })),
    );
    for (const f of mounts) report(f.file, f.line!, f.message);
    for (const app of project.apps) {
      for (const cmd of startCommands(app)) {
        const source = socketMountedInDockerRun(cmd.argv);
        if (!source) continue;
        report(
          cmd.file,
          cmd.line,
          isSocketDirectory(source)
            ? `This 'docker run' mounts the host's ${source}, the directory that holds the Docker socket, into a container started by the app: that container can drive the engine and is root on the host. Remove the mount.`
            : `This 'docker run' mounts the Docker socket into a container started by the app: that container is root on the host. Remove the mount.`,
        );
      }
    }
    return findings;
  },
});
