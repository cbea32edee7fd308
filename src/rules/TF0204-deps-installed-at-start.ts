import { posix } from 'node:path';
import {
  basename,
  effectiveCommand,
  imageCommand,
  installsPackages,
  programArgv,
  type StartCommand,
} from '../model/command.js';
import type { RunInstr, Stage } from '../model/types/dockerfile.js';
import type { App } from '../model/types/project.js';
import { shownSource, shownTarget } from './lib/files.js';
import { coversPath, workdirsOf } from './lib/paths.js';
import type { RawFinding } from '../core/index.js';
import type { ComposeService } from '../model/types/compose.js';
import { appImageStartCommands } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import { imageDistribution, type ImageDistribution, PACKAGE_MANAGER } from './lib/image-packages.js';

export const depsInstalledAtStart = defineRule({
  id: 'TF0204',
  name: 'deps-installed-at-start',
  factor: 'II',
  severity: 'error',
  kind: 'S',
  title:
    'Dependencies are installed when the container starts: pip install, apt-get install, apk add in CMD/ENTRYPOINT, in a compose command/entrypoint, or in the entrypoint script the image runs',
  help: `Installing packages when the container starts makes every start slow and dependent on the network and on package
indexes, and each replica can end up with different versions: the image is no longer the release.

Install everything at build time, in a \`RUN\`, and keep the start command to starting the server.

\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

A start that installs with the other distribution's package manager (\`apt-get install\` on an Alpine image,
\`apk add\` on a Debian one) fails with "not found" and installs nothing; the message then names the image's own
package manager for the RUN (\`apk add --no-cache …\` on Alpine), whose package names can differ.

A \`uv sync\` at start often makes up for a compose bind mount (\`.:/app\`) that hides the \`.venv\` the image's own
\`RUN uv sync\` built in the project directory. The message then names that mount: keep the environment out of the
mounted directory (\`ENV UV_PROJECT_ENVIRONMENT=/opt/venv\` before the RUN, \`/opt/venv/bin\` on \`PATH\`) and drop
the start's \`uv sync\`. uv takes an absolute UV_PROJECT_ENVIRONMENT as the environment's path as it is, and the
project's own editable install still points at the project directory, which the mount provides. Where the RUN is in
a build stage other than the final one, the message also says to copy \`/opt/venv\` into the final stage and put it on
\`PATH\` there; where a start command calls the environment by its old path (\`/app/.venv/bin/gunicorn\`), it names
that command, to change to \`gunicorn\` on PATH or \`/opt/venv/bin/gunicorn\`, which would otherwise no longer start.`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    // Every container of the app's image: a worker merged from the app service installs at its start as well.
    for (const { app, command: cmd, service } of appImageStartCommands(project)) {
      const what = installsPackages(cmd.argv);
      if (!what) continue;
      const built = what === 'uv sync' ? buildSync(app, cmd, service) : undefined;
      const container = service ? `service '${service.name}'` : 'the container';
      const missing = lacksManager(what, app, service);
      findings.push({
        file: cmd.file,
        line: cmd.line,
        message: built?.mount
          ? mountedVenvMessage(app, built)
          : missing
            ? missingManagerMessage(what, container, cmd.argv, missing)
            : built
              ? `'uv sync' runs every time ${container} starts, although the image's RUN uv sync (${built.runAt}) already installs the dependencies at build time. Drop uv sync from the start command.`
              : `'${what}' runs every time ${container} starts. Move the installation into a RUN of the Dockerfile so the image carries its dependencies.`,
      });
    }
    return findings;
  },
});

/**
 * The image's RUN uv sync, and the environment it built (`<project>/.venv`, or UV_PROJECT_ENVIRONMENT) when the
 * compose app service that runs `command` bind-mounts a host directory over it: the start's uv sync makes up for the
 * mount.
 */
interface BuildSync {
  runAt: string;
  mount?: string;
  mountAt?: string;
  venv?: string;
  /** The stage of the RUN uv sync. */
  stage?: Stage;
}

/**
 * The fix for a start's uv sync that makes up for a bind mount over the image's environment: move the environment
 * out of the mounted directory. A start command that calls the environment by its old path (`/app/.venv/bin/gunicorn`)
 * would no longer find it, and an environment built in an earlier stage must be copied into the final one.
 */
function mountedVenvMessage(app: App, built: BuildSync): string {
  const venv = built.venv!;
  const target = app.dockerfile?.targetStage;
  const other = built.stage && target && built.stage !== target ? built.stage : undefined;
  const starts = [...effectiveCommand(app), ...imageCommand(app)];
  const runsUv = starts.some((c) => basename(c.argv[0] ?? '') === 'uv' && c.argv[1] === 'run');
  const copy = other
    ? `; that RUN is in stage '${stageName(other)}', so also copy the environment into the final stage${target?.name ? ` '${target.name}'` : ''} (COPY --from=${stageName(other)} /opt/venv /opt/venv) and set ENV PATH="/opt/venv/bin:$PATH"${runsUv ? ' and ENV UV_PROJECT_ENVIRONMENT=/opt/venv (for uv run)' : ''} there`
    : '';
  const uses = new Map<string, { word: string; at: string[] }>();
  for (const c of starts)
    for (const word of c.argv.filter((w) => w.startsWith(`${venv}/`))) {
      const use = uses.get(word) ?? { word, at: [] };
      if (!use.at.includes(`${c.file}:${c.line}`)) use.at.push(`${c.file}:${c.line}`);
      uses.set(word, use);
    }
  const renamed = [...uses.values()].map(({ word, at }) => {
    const moved = `/opt/venv${word.slice(venv.length)}`;
    const onPath =
      /\/bin\/[^/]+$/.test(word) && !word.endsWith('/activate') ? `${basename(word)} (on PATH) or ` : '';
    return `${word} (${at.join(', ')}) to ${onPath}${moved}`;
  });
  const paths =
    renamed.length > 0
      ? ` The start calls the environment by its path: change ${renamed.join('; ')}, or it fails to start once ${venv} is gone.`
      : '';
  return `'uv sync' runs every time the container starts: the bind mount '${built.mount}' (${built.mountAt}) hides ${venv}, the environment the image's RUN uv sync (${built.runAt}) built, so the image's dependencies are not seen and are installed again. The image already installs them: keep the environment out of the mounted directory (ENV UV_PROJECT_ENVIRONMENT=/opt/venv before that RUN, and ENV PATH="/opt/venv/bin:$PATH")${copy}, then drop uv sync from the start command.${paths}`;
}

/** The image's distribution when it has no `what` (apt-get on Alpine, apk on Debian): the install cannot run. */
function lacksManager(what: string, app: App, service?: ComposeService): ImageDistribution | undefined {
  const image = imageDistribution(app, service);
  const manager = what.split(' ')[0] === 'apk' ? 'apk' : /^apt(-get)? /.test(what) ? 'apt-get' : undefined;
  return manager && image && PACKAGE_MANAGER[image.distribution] !== manager ? image : undefined;
}

/** A start that installs with the other distribution's package manager fails; the advice is the image's own one. */
function missingManagerMessage(
  what: string,
  container: string,
  argv: string[],
  image: ImageDistribution,
): string {
  const program = what.split(' ')[0]!;
  const packages = packagesOf(programArgv(argv)).join(' ') || '<packages>';
  const [kind, other] = image.distribution === 'alpine' ? ['an Alpine', 'Debian'] : ['a Debian', 'Alpine'];
  const own = image.distribution === 'alpine' ? 'Alpine' : 'Debian';
  const run =
    image.distribution === 'alpine'
      ? `apk add --no-cache ${packages}`
      : `apt-get update && apt-get install -y --no-install-recommends ${packages} && rm -rf /var/lib/apt/lists/*`;
  return `'${what}' runs every time ${container} starts, but the image is built on ${image.image}, ${kind} image that has no ${program}: the line fails at start ("${program}: not found") and installs nothing. Install the packages at build time with ${own}'s package manager in a RUN of the Dockerfile: RUN ${run} (${own}'s package names can differ from ${other}'s), and drop the installation from the start.`;
}

// Options of apt-get/apt and apk add whose value is the next word, not a package.
const VALUED = new Set([
  '-o',
  '-t',
  '-c',
  '--option',
  '--target-release',
  '--config-file',
  '--virtual',
  '--repository',
  '-X',
]);

/** The packages an `apt-get install`/`apk add` command names, without its options. */
function packagesOf(argv: string[]): string[] {
  const at = argv.findIndex((w, i) => i > 0 && (w === 'install' || w === 'add'));
  const out: string[] = [];
  for (let i = at + 1; at > 0 && i < argv.length; i++) {
    if (VALUED.has(argv[i]!)) i++;
    else if (!argv[i]!.startsWith('-')) out.push(argv[i]!);
  }
  return out;
}

function stageName(stage: Stage): string {
  return stage.name ?? String(stage.index);
}

function buildSync(app: App, command: StartCommand, runner?: ComposeService): BuildSync | undefined {
  const df = app.dockerfile;
  if (!df) return undefined;
  const key = (c: StartCommand) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
  const service =
    runner ??
    (effectiveCommand(app).some((c) => key(c) === key(command)) ? app.compose?.appService : undefined);
  let first: { runAt: string } | undefined;
  for (const stage of df.builtStages) {
    const workdirs = workdirsOf(df, stage);
    for (const [i, ins] of stage.instructions.entries()) {
      if (ins.keyword !== 'RUN') continue;
      const run = ins as RunInstr;
      const commands = run.script?.commands ?? (run.argv ? [{ argv: run.argv }] : []);
      const sync = commands.find((c) => installsPackages(c.argv) === 'uv sync');
      if (!sync) continue;
      const runAt = `${df.file}:${run.line}`;
      first ??= { runAt };
      const venv = syncedEnvironment(programArgv(sync.argv), workdirs[i], { ...stage.env });
      const mount = venv
        ? service?.volumes.find((v) => v.type === 'bind' && v.source && coversPath(v.target, venv))
        : undefined;
      if (!venv || !mount) continue;
      return {
        mount: `${shownSource(mount)}:${shownTarget(mount)}`,
        mountAt: `${mount.file}:${mount.line}`,
        venv,
        runAt,
        stage,
      };
    }
  }
  return first;
}

/** Where `uv sync` puts the environment: UV_PROJECT_ENVIRONMENT, else .venv in the project (--project/--directory, or the WORKDIR). */
function syncedEnvironment(
  argv: string[],
  workdir: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  const option = (name: string) => {
    const at = argv.findIndex((w) => w === name || w.startsWith(`${name}=`));
    return at < 0 ? undefined : argv[at].includes('=') ? argv[at].slice(name.length + 1) : argv[at + 1];
  };
  const dir = option('--project') ?? option('--directory');
  const base =
    dir === undefined ? workdir : workdir?.startsWith('/') ? posix.resolve(workdir, dir) : undefined;
  const named = env.UV_PROJECT_ENVIRONMENT;
  if (named !== undefined)
    return named.startsWith('/') ? posix.normalize(named) : base && posix.resolve(base, named);
  return base?.startsWith('/') ? posix.join(base, '.venv') : undefined;
}
