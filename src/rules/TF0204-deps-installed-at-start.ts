import { posix } from 'node:path';
import { effectiveCommand, installsPackages, programArgv, type StartCommand } from '../model/command.js';
import type { RunInstr } from '../model/types/dockerfile.js';
import type { App } from '../model/types/project.js';
import { shownSource, shownTarget } from './lib/files.js';
import { coversPath, workdirsOf } from './lib/paths.js';
import type { RawFinding } from '../core/index.js';
import { appStartCommands } from './lib/each.js';
import { defineRule } from './lib/rule.js';

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

A \`uv sync\` at start often makes up for a compose bind mount (\`.:/app\`) that hides the \`.venv\` the image's own
\`RUN uv sync\` built in the project directory. The message then names that mount: keep the environment out of the
mounted directory (\`ENV UV_PROJECT_ENVIRONMENT=/opt/venv\` before the RUN, \`/opt/venv/bin\` on \`PATH\`) and drop
the start's \`uv sync\`.`,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const { app, command: cmd } of appStartCommands(project)) {
      const what = installsPackages(cmd.argv);
      if (!what) continue;
      const built = what === 'uv sync' ? buildSync(app, cmd) : undefined;
      findings.push({
        file: cmd.file,
        line: cmd.line,
        message: built?.mount
          ? `'uv sync' runs every time the container starts: the bind mount '${built.mount}' (${built.mountAt}) hides ${built.venv}, the environment the image's RUN uv sync (${built.runAt}) built, so the image's dependencies are not seen and are installed again. The image already installs them: keep the environment out of the mounted directory (ENV UV_PROJECT_ENVIRONMENT=/opt/venv before that RUN, and ENV PATH="/opt/venv/bin:$PATH"), then drop uv sync from the start command.`
          : built
            ? `'uv sync' runs every time the container starts, although the image's RUN uv sync (${built.runAt}) already installs the dependencies at build time. Drop uv sync from the start command.`
            : `'${what}' runs every time the container starts. Move the installation into a RUN of the Dockerfile so the image carries its dependencies.`,
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
function buildSync(
  app: App,
  command: StartCommand,
): { runAt: string; mount?: string; mountAt?: string; venv?: string } | undefined {
  const df = app.dockerfile;
  if (!df) return undefined;
  const key = (c: StartCommand) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
  const service = effectiveCommand(app).some((c) => key(c) === key(command))
    ? app.compose?.appService
    : undefined;
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
