import { basename, longRunningProcess, serviceCommand, startCommands } from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import type { DockerfileModel, Stage } from '../model/types/dockerfile.js';
import type { App } from '../model/types/project.js';
import { appOfDockerfile, runtimeInsertionLine } from './lib/dockerfile-fix.js';
import {
  BASE_USERS,
  baseStage,
  createUser,
  handOver,
  imageHasUser,
  isAlpine,
  known,
  releaseOf,
  switchAdvice,
  usersCreatedByRuns,
  createdUser,
} from './lib/image-users.js';
import { insertLines, linesOf, replaceLines } from './lib/fix.js';
import { inherited, repositoryBases, startingApp } from './lib/base-image.js';
import { appsAndWorkerImages, imageRunner } from './lib/each.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';
import { listOf } from './lib/processes.js';
import { settingsLogFiles } from './lib/log-files.js';
import { directoryOwner, rootOwnedDirectories } from './lib/path-owners.js';
import { s6RootMessage } from './lib/s6-root.js';
import { runitRootMessage } from './lib/runit-root.js';
import { proxyInContainer, proxyMessage } from './lib/proxy-root.js';
import {
  runtimeWrites,
  runtimeWritesAdvice,
  chownCommand,
  supervisorRootPrograms,
  type RuntimeWrites,
} from './lib/run-time-writes.js';
import { poetryAdvice, poetryRootEnvironment } from './lib/poetry-environment.js';
import { pipenvAdvice, pipenvRootEnvironment } from './lib/pipenv-environment.js';
import { socketInNamedVolume, socketVolumeAdvice } from './lib/socket-volume.js';
import { privilegeDrop, runtimeUser, stillRoot, suDrop } from './lib/privilege-drops.js';
import {
  chownCopyEdits,
  runsAsNonrootByDefault,
  shellLessAdvice,
  shellLessBase,
} from './lib/shell-less-base.js';
import { systemServiceNote, systemServiceStart } from './lib/system-service.js';

export const runsAsRoot = defineRule({
  id: 'TF1301',
  name: 'runs-as-root',
  factor: 'XIII',
  severity: 'warning',
  kind: 'S',
  title: 'The target stage has no USER, or its last USER is root/0',
  help: `Without a \`USER\`, the app runs as root inside the container: a bug in the app or a dependency then has
root's power over the container's files and a shorter path to the host. Builder stages may stay root; the
stage that runs must not. An entrypoint that drops privileges with \`gosu\`/\`su-exec\` (or \`gunicorn --user\`) still
starts as root and runs everything before the drop as root: reported, with the drop named; the fix is a USER line,
or keeping the drop knowingly (suppress with the reason). \`ENV USER=app\` sets a variable, not the user. Where a RUN gives the working directory, or a directory above it, to a
user the image holds (\`chown -R www-data /var/www\`), that user is the one to switch to. A user the
entrypoint creates when the container starts (\`useradd\` then \`gosu\`) is not in the image, so USER cannot name it:
create it at build time instead. Where nginx (or another reverse proxy) runs in the same container, its master
process needs root to bind a port below 1024 (80, 443: the ports its copied configuration listens on are named;
where all are above 1023 a USER line can stay, with nginx's pid and temp files writable): drop root for the app process alone (\`gunicorn --user\`, supervisord's
\`user=\`), or move the proxy into its own container. A system service the start runs through its init script (\`/etc/init.d/mysql
start\`, \`service redis-server start\`) expects root too: under USER it fails, and what the start chains after it
(\`&&\`, \`set -e\`) with it; the advice says so and asks to move that service into its own container first. Apache that serves the app itself through mod_wsgi is the
app's server, not a proxy: its workers already run the app as Apache's \`User\`, and the advice is an unprivileged
Apache (a port above 1023) or a suppression with the reason. A server supervisord (or gosu) starts as the user from the
first binds its unix socket as that user: a socket in a directory the image leaves to root (\`unix:/app/app.sock\`
under WORKDIR) needs that directory given to the user, or another socket path, and the advice says so.
A \`poetry install\` run as root with no virtualenv setting puts the environment under root's home, where the user
can neither read nor find it: the advice adds \`ENV POETRY_VIRTUALENVS_CREATE=false\` before the install (or an
in-project environment given to the user).
So does a root \`pipenv install\`/\`pipenv sync\` without \`--system\` (/root/.local/share/virtualenvs): the advice names
\`WORKON_HOME\` outside root's home, an in-project \`.venv\`, or \`--system\` without \`pipenv run\`.
A unix socket the server binds in a directory a named volume of its service is mounted at (shared with a proxy)
needs that directory created in the image and given to the user before USER: a new volume takes its owner from the
image's directory.
Settings whose \`LOGGING\` file handlers open their files when imported, in a directory the image leaves to root
(\`BASE_DIR.parent / "logs"\`), fail to import under USER with PermissionError: the advice adds creating that directory
and giving it to the user.
The advice names the other directories the app writes at run time that the image leaves to root, where the model
knows them: STATIC_ROOT for a \`collectstatic\` the start runs, the locale directories a \`compilemessages\` writes .mo
files in, COMPRESS_ROOT (else STATIC_ROOT) for django-compressor's \`compress\`, a server's unix socket (uWSGI's ini
included), the SQLite file's directory (under the project a bind mount brings, when the image holds no code), celery
beat's schedule in its working directory (none with a database scheduler: \`-S django\`, \`CELERY_BEAT_SCHEDULER\`), a
supervisord program's log files, gunicorn's log files (\`--error-logfile\`, \`--access-logfile\`, its config file's
errorlog/accesslog), a directory the start script creates with \`mkdir\` (one the image does not hold), MEDIA_ROOT where the models declare a \`FileField\` or \`ImageField\` (none when the
default storage is another, S3); a directory a RUN chowns, or chmods writable by every user (\`a+rwx\`, \`777\`), is
the user's already; a file the image already holds there (a copied SQLite database, a committed .mo) is named too; with
a volume or bind mount over one, what owns it then. Where collectstatic's target cannot be told, it says so in general
terms; where the settings set no STATIC_ROOT, that collectstatic fails and writes nothing.
A relative STATIC_ROOT (\`"static_dir"\`) is where collectstatic runs; a compose volume mounted above a written
directory is named at its own mount point.
A target stage on a base with no shell (Google's distroless, Chainguard's images other than \`-dev\`) cannot RUN
useradd or chown: the advice is the image's own user (\`USER nonroot\`, uid 65532) and \`COPY --chown\` on the COPY
that creates what the app writes; a distroless \`nonroot\` tag already runs as that user and is not reported.
A supervisord program with \`user=root\` is named too: supervisord started as another user refuses it; so is
\`user=root\` in the \`[supervisord]\` section, with which it exits at start.

\`\`\`dockerfile
RUN useradd --create-home --uid 10001 app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: ['DL3002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'DS-0002'],
  check(project) {
    const findings: RawFinding[] = [];
    // One finding per image: two compose files that build the same Dockerfile are two apps of one image.
    const judged = new Set<string>();
    // A worker's own image (Dockerfile.celery) runs the app's code as well: it is judged the same way.
    // Several apps of one image (two projects it holds, each with a compose file): the one it is known to start first.
    const apps = appsAndWorkerImages(project);
    const started = apps.filter((a) => startCommands(a).length > 0);
    for (const app of [...started, ...apps.filter((a) => !started.includes(a))]) {
      const df = app.dockerfile;
      const stage = df?.targetStage;
      if (!df || !stage || judged.has(`${df.file}:${stage.lastLine}`)) continue;
      judged.add(`${df.file}:${stage.lastLine}`);
      // A base image of the repository (FROM me/django-base:alpine) sets the USER a target stage leaves unset.
      const base = stage.user ? undefined : inherited(app, (s) => s.user);
      const bases = repositoryBases(app);
      const user = stage.user ?? base?.value;
      if (user && user.user === undefined) continue; // USER $VAR we cannot resolve
      if (!user && runsAsNonrootByDefault(df, stage)) continue; // distroless `:nonroot` sets uid 65532 itself
      const name = user?.user?.split(':')[0];
      if (user && name !== 'root' && name !== '0') continue;
      const of = app.workerServices ? ` of ${imageRunner(app)}` : '';
      const where = base
        ? `${base.app.dockerfile!.file}:${user!.line}, the base image ${base.image}`
        : `line ${user?.line}`;
      const nor = bases[0]
        ? `, nor does the image it is built on, ${bases[0].image} (${bases[0].app.dockerfile!.file})`
        : '';
      const head = user
        ? `The image${of} runs as ${name} (USER ${user.user} at ${where})`
        : `The target stage${stage.name ? ` '${stage.name}'` : ''} sets no USER${nor}`;
      findings.push({ file: df.file, line: stage.lastLine, message: ownOrBaseMessage(app, df, stage, head) });
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'Creates an unprivileged user `app` (uid 10001) owning the working directory (and the VOLUME directories declared after the last RUN, switching before them, the directory of a unix socket the server binds in a named volume of its service, and the directories the file handlers of the settings write their logs in, and the other run-time write directories named in the message), and switches to it with `USER app` after the last RUN of the target stage; a user the RUNs of the stage already create, or the one a RUN chown gives the working directory to, is switched to instead; on a base with no shell (distroless), `USER nonroot` (65532 on Chainguard) and `--chown` on the COPYs that create the run-time write directories, no RUN.',
    declines:
      "a USER given by a variable, which cannot be told; a root `poetry install` with no virtualenv setting, or a root `pipenv install`/`sync` without `--system` (the environment is in root's home, out of the user's reach); a start command that drops to its user with su, gosu, su-exec, a server option or a supervisord `user=` (it needs root until then); a supervisord program (or `[supervisord]` itself) with `user=root`, which supervisord refuses when not root; a system service the start runs through its init script (`service mysql start`, `/etc/init.d/NAME start`), which expects root; a reverse proxy (nginx) in the same container, whose master process needs root (or, on ports above 1023, a writable pid file and temp paths); an entrypoint that creates its user when the container starts; on a base with no shell, a run-time write directory or VOLUME that no COPY creates (only a RUN could give it to the user).",
    make: fixRunsAsRoot,
  },
});

function fixRunsAsRoot(context: FixContext): FixProposal | undefined {
  const found = appOfDockerfile(context);
  const text = found && linesOf(context, found.dockerfile.file);
  if (!found || !text || found.stage.lastLine !== context.finding.line) return undefined;
  // A start script that drops with su, gosu or su-exec needs root until then: a USER would break it; so does a
  // reverse proxy in the container (its master binds port 80) and a start script that creates its user (useradd).
  // The start may be a base image's of the repository (FROM me/django-base, whose CMD runs its entrypoint script).
  const runner = startingApp(found.app);
  if (
    repositoryBases(found.app).length > 0 &&
    runner === found.app &&
    !found.stage.cmd &&
    !found.stage.entrypoint
  )
    return undefined;
  // `gunicorn --user=root` as well: under a USER it fails to start its workers until that option goes too.
  if (suDrop(runner) || privilegeDrop(runner) || privilegeDrop(runner, 'root') || proxyInContainer(runner))
    return undefined;
  if (runtimeUser(runner) || (found.app.supervisorPrograms ?? []).some((p) => p.s6 || p.runit))
    return undefined;
  // A supervisord program with user=root: supervisord started as another user refuses to start it.
  if (supervisorRootPrograms(runner).length > 0) return undefined;
  // A system service's init script (`service mysql start`) fails under USER: the service must move out first.
  if (systemServiceStart(runner)) return undefined;
  // Under USER app, `poetry run` (`pipenv run`) finds no environment: where it goes is the user's choice.
  if (poetryRootEnvironment(found.dockerfile, found.stage, found.app.context)) return undefined;
  if (pipenvRootEnvironment(found.dockerfile, found.stage)) return undefined;
  const { dockerfile, stage } = found;
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN');
  const runtime = runtimeInsertionLine(stage);
  const root = stage.user && stage.instructions.includes(stage.user) ? stage.user : undefined;
  // USER root after the last RUN: replaced in place, so no later USER switches back.
  const inPlace = root && root.line < runtime && !runs.some((i) => i.line > root.line) ? root : undefined;
  // A user the stage's RUNs already create is switched to, not created twice (useradd would fail the build).
  const existing =
    createdUser(runs.map((r) => text.slice(r.line - 1, r.endLine).join('\n'))) ??
    known(usersCreatedByRuns(dockerfile, stage).at(-1)) ??
    // The user a RUN chown gives the working directory to (`chown -R www-data /var/www`) owns the app's files.
    (stage.workdir !== '/' ? directoryOwner(dockerfile, stage, stage.workdir)?.user : undefined);
  let lines: string[];
  let at = runtime;
  // The server's socket directory, a named volume's mount point: the volume takes its owner from the image's.
  const socketDir = socketInNamedVolume(runner, dockerfile, stage)?.dir;
  // The directories the settings' file handlers open their logs in when imported: the user must create them.
  const logDirs = rootOwnedDirectories(
    dockerfile,
    stage,
    settingsLogFiles(found.app).flatMap((h) => (h.dir ? [h.dir] : [])),
  );
  // Where the app writes at run time (STATIC_ROOT for collectstatic, a socket, the SQLite file, beat's schedule).
  const writes = runtimeWrites(runner, dockerfile, stage);
  // A file the app writes in / must move first: the user cannot be given the root directory.
  if (writes.inRoot) return undefined;
  // distroless: the image's own user, and --chown on the COPYs that create what the app writes; no RUN can run.
  const shellLess = shellLessBase(dockerfile, stage);
  if (shellLess) {
    const chowns = chownCopyEdits(dockerfile, stage, shellLess, writes, text);
    if (!chowns) return undefined;
    const user = [`USER ${shellLess.user}`];
    const switchTo = inPlace
      ? replaceLines(dockerfile.file, inPlace.line, inPlace.endLine, user)
      : insertLines(dockerfile.file, runtime, user);
    return { title: `run as the image's unprivileged user ${shellLess.user}`, edits: [...chowns, switchTo] };
  }
  const ownDirs = [
    ...new Set([
      ...(socketDir ? [socketDir] : []),
      ...logDirs,
      ...writes.known.flatMap((w) => (w.file === undefined ? [w.dir] : [])),
    ]),
  ];
  // A log file in a system directory other programs share (/var/log): made at build time and given alone.
  const madeFiles = writes.known.flatMap((w) => (w.file !== undefined ? [w.file] : []));
  const touch = madeFiles.length > 0 ? `touch ${madeFiles.join(' ')}` : undefined;
  // Files the image holds in those directories (a copied SQLite database) stay root's unless named.
  const ownFiles = [...madeFiles, ...writes.known.flatMap((w) => w.files ?? [])];
  // A directory whose copied subdirectories the app writes in (MEDIA_ROOT's upload_to) is given with chown -R.
  const nested = [...new Set(writes.known.filter((w) => w.nested).map((w) => w.dir))];
  const flat = (paths: string[]) => paths.filter((p) => !nested.includes(p));
  if (existing && ownDirs.length + madeFiles.length > 0)
    lines = [
      `RUN ${[ownDirs.length > 0 ? `mkdir -p ${ownDirs.join(' ')}` : undefined, touch, chownCommand(existing, flat([...ownDirs, ...ownFiles]), nested)].filter(Boolean).join(' && ')}`,
      `USER ${existing}`,
    ];
  else if (existing) lines = [`USER ${existing}`];
  else {
    // Alpine's busybox has adduser only; Debian-based images (python:*, slim) have useradd.
    const alpine = isAlpine(baseStage(dockerfile, stage));
    const create = alpine ? 'adduser -D -u 10001 app' : 'useradd --create-home --uid 10001 app';
    // A VOLUME after the last RUN (the data directory): created and handed to app before it, so app can write there.
    const volumes = inPlace
      ? []
      : stage.volumes.filter(
          (v) => stage.instructions.includes(v) && v.line < runtime && !runs.some((i) => i.line > v.line),
        );
    if (volumes.length > 0) at = Math.min(...volumes.map((v) => v.line));
    // The WORKDIR exists already (WORKDIR creates it) and is handed to app anyway: named once.
    const workdir = stage.workdir !== '/' ? [stage.workdir] : [];
    const dataDirs = [...new Set([...volumes.flatMap((v) => v.paths), ...ownDirs])].filter(
      (d) => !workdir.includes(d),
    );
    const owned = [...workdir, ...dataDirs, ...ownFiles];
    const mkdir = dataDirs.length > 0 ? ` && mkdir -p ${dataDirs.join(' ')}` : '';
    const chown = owned.length > 0 ? ` && ${chownCommand('app', flat(owned), nested)}` : '';
    lines = [`RUN ${create}${mkdir}${touch ? ` && ${touch}` : ''}${chown}`, 'USER app'];
  }
  const title = `run as the unprivileged user ${existing ?? 'app'}`;
  if (inPlace) return { title, edits: [replaceLines(dockerfile.file, inPlace.line, inPlace.endLine, lines)] };
  return { title, edits: [insertLines(dockerfile.file, at, lines)] };
}

/**
 * The words of the finding; for an image whose start is a base image's of the repository (its CMD runs a script
 * that starts nginx, or drops root itself), the words that base image's own finding gives, after this image's head.
 */
function ownOrBaseMessage(app: App, df: DockerfileModel, stage: Stage, head: string): string {
  const runner = startingApp(app);
  const baseDf = runner.dockerfile;
  const baseStage = baseDf?.targetStage;
  if (runner === app || !baseDf || !baseStage) return rootMessage(app, df, stage, head);
  const special = proxyInContainer(runner) || privilegeDrop(runner) || suDrop(runner) || runtimeUser(runner);
  return special ? rootMessage(runner, baseDf, baseStage, head) : rootMessage(app, df, stage, head);
}

/** The words of the finding for an app that runs as root, from what its start does before the app runs. */
function rootMessage(app: App, df: DockerfileModel, stage: Stage, head: string): string {
  const proxy = proxyInContainer(app);
  const s6 = s6RootMessage(app, df, stage, head, privilegeDrop(app), proxy);
  if (s6) return s6;
  if (proxy) return proxyMessage(app, df, stage, head, proxy);
  const runit = runitRootMessage(app, head, privilegeDrop(app), createUser(baseStage(df, stage), 'app'));
  if (runit) return runit;
  const created = runtimeUser(app);
  const drop = privilegeDrop(app);
  const su = suDrop(app);
  // `id app || useradd app` beside a RUN that creates app already: the image holds the user.
  const built = created && usersCreatedByRuns(df, stage).some((u) => u === created.user || u.includes('$'));
  if (created && !built && !BASE_USERS.has(created.user)) {
    const dropper = drop ?? (su && { ...su, tool: `su ${su.user} -c` });
    const dropped = dropper ? `, and ${dropper.file}:${dropper.line} drops to it with ${dropper.tool}` : '';
    return `${head}, so the container starts as root: ${created.file}:${created.line} creates the user ${created.user} only when the container starts${dropped}. The image itself holds no user ${created.user}, so a USER ${created.user} line would stop the container from starting ("unable to find user ${created.user}"). Create the user at build time (RUN ${createUser(baseStage(df, stage), created.user)}, with any chown the start script does), add USER ${created.user} after it, and take the ${basename(created.argv0)} out of the start script${dropper ? ` and start without ${dropper.tool}` : ''}.`;
  }
  // A drop in the start command (gosu, su-exec) leaves the stage without USER: reported, with the drop named.
  if (drop) {
    const to = drop.user ?? '<user>';
    const add =
      drop.user && !imageHasUser(df, stage, drop.user)
        ? `Create ${to} at build time (RUN ${createUser(baseStage(df, stage), to)}), add USER ${to} after it`
        : `Add USER ${to} to the stage`;
    const branch = drop.rootBranch
      ? ` It drops on one branch only: ${drop.rootBranch.file}:${drop.rootBranch.line} starts ${drop.rootBranch.kind} on another, as root.`
      : '';
    // Under the USER, what still ran as root (collectstatic in another service of the image) needs its directories.
    const writes = runtimeWritesAdvice(otherWrites(app, df, stage), stage, to);
    return `${head}, so the container starts as root: ${drop.file}:${drop.line} drops to ${drop.user ?? 'another user'} with ${drop.tool} ${stillRoot(app, drop.tool, drop.vassal)}.${branch} ${add} and start without ${drop.tool} (it cannot switch users without root), or keep the drop knowingly and suppress TF1301 with the reason.${writes ? ` ${writes}` : ''}`;
  }
  if (su) {
    // The start script needs root before `su` (chown, then su): a USER would break it; a clean drop is the fix.
    return `The container starts as root, and ${su.file}:${su.line} drops to ${su.user} with 'su ${su.user} -c' (steps before it may need root, so a USER could break them). Replace su with a tool that hands the process over to ${su.user} instead of opening a su session around it: ${handOver(df, stage, su.user)}${serverOwnDrop(df, stage, su)}.`;
  }
  // USER goes after the last RUN (it needs root): before CMD only where CMD comes after it.
  const lastRun = stage.instructions.filter((i) => i.keyword === 'RUN').at(-1)?.endLine ?? 0;
  const before =
    stage.cmd && stage.cmd.line > lastRun
      ? ' before CMD'
      : stage.entrypoint && stage.entrypoint.line > lastRun
        ? ' before ENTRYPOINT'
        : ' at the end of the stage';
  // distroless: no RUN can create a user or chown; the image's own user, given what it writes by COPY --chown.
  const shellLess = shellLessBase(df, stage);
  const composed = composeUserNote(app);
  if (shellLess) {
    const advice = shellLessAdvice(
      df,
      stage,
      shellLess,
      runtimeWrites(app, df, stage),
      stage.user ? '' : before,
    );
    if (composed) return `${head}, so ${composed}. ${advice}`;
    return stage.user ? `${head}. ${advice}` : `${head}, so ${asRoot(app)}. ${advice}`;
  }
  // `gunicorn --user=root` under a USER: gunicorn hands its worker files to root, which only root may do.
  const toRoot = privilegeDrop(app, 'root');
  const why = toRoot?.tool.startsWith('gunicorn')
    ? ' (started as another user, gunicorn fails when it hands its worker files to root)'
    : '';
  const keep = toRoot
    ? ` ${toRoot.file}:${toRoot.line} passes ${toRoot.tool} root, which drops nothing: take it out when you add the USER${why}.`
    : '';
  // `poetry install` as root left its environment in root's home: switched to another user, the app loses it.
  const poetry = poetryRootEnvironment(df, stage, app.context);
  const pipenv = pipenvRootEnvironment(df, stage);
  const owner = stage.workdir !== '/' ? directoryOwner(df, stage, stage.workdir) : undefined;
  const user = known(usersCreatedByRuns(df, stage).at(-1)) ?? owner?.user ?? 'app';
  const socket = socketInNamedVolume(app, df, stage);
  const logs = logFilesAdvice(app, df, stage, user);
  const writes = runtimeWritesAdvice(otherWrites(app, df, stage, socket?.dir), stage, user);
  const rootPrograms = supervisorRootPrograms(app).map(
    (p) =>
      `${p.section} sets user=root (${p.file}:${p.line}): supervisord started as ${user} cannot switch to root and would ${p.daemon ? 'exit at start' : 'not start it'} ("Can't drop privilege as nonroot user"), so take that line out.`,
  );
  const reach = [
    ...(poetry ? [poetryAdvice(poetry, user, stage.workdir)] : []),
    ...(pipenv ? [pipenvAdvice(pipenv, user)] : []),
    ...(socket ? [socketVolumeAdvice(socket, user)] : []),
    ...(logs ? [logs] : []),
    ...(writes ? [writes] : []),
    ...rootPrograms,
  ]
    .map((a) => ` ${a}`)
    .join('');
  // A system service's init script (`/etc/init.d/mysql start`) expects root: it must leave before the USER comes.
  const service = systemServiceStart(app);
  const first = service ? `${systemServiceNote(app, service)} ` : '';
  const advice = first + switchAdvice(df, stage, stage.user ? '' : before, owner);
  if (composed) return `${head}, so ${composed}. ${advice}${keep}${reach}`;
  return stage.user
    ? `${head}. ${advice}${keep}${reach}`
    : `${head}, so ${asRoot(app)}. ${advice}${keep}${reach}`;
}

/**
 * The run-time writes not already named by the socket-volume and log-file advice: a socket directory in a named
 * volume, and the directories the settings' file handlers open their logs in, have their own words.
 */
function otherWrites(app: App, df: DockerfileModel, stage: Stage, socketDir?: string): RuntimeWrites {
  const logDirs = settingsLogFiles(app).flatMap((h) => (h.dir ? [h.dir] : []));
  const { known, ...rest } = runtimeWrites(app, df, stage);
  return { known: known.filter((w) => w.dir !== socketDir && !logDirs.includes(w.dir)), ...rest };
}

/**
 * Where compose's services of the image set their own `user:` (not root), who still runs as root: a container
 * started from the image on its own, and the services that set none. Undefined when no service sets one.
 */
function composeUserNote(app: App): string | undefined {
  const compose = app.compose;
  const services = compose?.appImageServices ?? (compose?.appService ? [compose.appService] : []);
  const isRoot = (value: string) => ['', 'root', '0'].includes(value.split(':')[0]!);
  const setting = services.filter((s) => s.user && !isRoot(s.user.value));
  if (setting.length === 0) return undefined;
  const rooted = services.filter((s) => !setting.includes(s)).map((s) => `'${s.name}'`);
  const who =
    rooted.length === 0
      ? 'only a container started from the image on its own runs as root'
      : `a container started from the image on its own and compose ${rooted.length === 1 ? 'service' : 'services'} ${listOf(rooted)} run as root`;
  const at = (s: (typeof setting)[number]) => `user: ${s.user!.raw} at ${s.user!.file}:${s.user!.line}`;
  const set =
    setting.length === 1
      ? `compose service '${setting[0]!.name}' runs it as ${setting[0]!.user!.value} (${at(setting[0]!)})`
      : `compose services ${listOf(setting.map((s) => `'${s.name}' (${at(s)})`))} set their own user`;
  return `${who}: ${set}`;
}

/**
 * The settings open their log files when imported (a dictConfig file handler opens its file at once): in a directory
 * the image leaves to root, the user can create neither, and every manage.py command and the server fail to start.
 */
function logFilesAdvice(app: App, df: DockerfileModel, stage: Stage, user: string): string | undefined {
  const handlers = settingsLogFiles(app);
  const first = handlers[0];
  if (!first) return undefined;
  const at = `${first.className} at ${first.file}:${first.line}`;
  const known = handlers.flatMap((h) => (h.dir ? [h.dir] : []));
  const dirs = rootOwnedDirectories(df, stage, known);
  const stdout = 'or log to stdout instead (TF1101)';
  if (handlers.some((h) => !h.dir))
    return `The settings open log files when they are imported (${at}): give ${user} the directory they are written to before USER ${user}, or the import fails with PermissionError; ${stdout}.`;
  if (dirs.length === 0) return undefined;
  // The WORKDIR exists (WORKDIR creates it): only the others need creating.
  const create = dirs.filter((d) => d !== stage.workdir);
  const mkdir = create.length > 0 ? `mkdir -p ${create.join(' ')} && ` : '';
  return `The settings open log files in ${listOf(dirs)} when they are imported (${at}), which ${user} cannot create in a directory root owns, so the import would fail with PermissionError: before USER ${user}, RUN ${mkdir}chown ${user} ${dirs.join(' ')}; ${stdout}.`;
}

/**
 * `the app runs as root`; for a worker's image, what each of its services runs (`service 'celery' runs celery worker
 * as root`, `services 'celery' (celery worker) and 'beat' (celery beat) run as root`).
 */
function asRoot(app: App): string {
  const names = app.workerServices;
  if (!names || names.length === 0) return 'the app runs as root';
  const services = app.compose?.appImageServices ?? [];
  const runs = names.map((name) => {
    const service = services.find((s) => s.name === name);
    const starts = service ? serviceCommand(app, service) : startCommands(app);
    return starts.map((c) => longRunningProcess(c.argv)).find((p) => p !== undefined) ?? 'the app';
  });
  const quoted = names.map((n) => `'${n}'`);
  if (names.length === 1) return `service ${quoted[0]} runs ${runs[0]} as root`;
  if (runs.every((r) => r === runs[0])) return `services ${listed(quoted)} run ${runs[0]} as root`;
  return `services ${listed(quoted.map((n, i) => `${n} (${runs[i]})`))} run as root`;
}

const listed = (items: string[]) => `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** On a base with no packaged hand-over tool, the server's own drop (`gunicorn --user`) for the command su runs. */
function serverOwnDrop(df: DockerfileModel, stage: Stage, su: { user: string; command: string }): string {
  if (['alpine', 'util-linux', 'gosu-package'].includes(releaseOf(baseStage(df, stage)))) return '';
  const server = /\b(gunicorn|uwsgi)\b/.exec(su.command)?.[1];
  if (server === 'gunicorn')
    return `, or let gunicorn drop to ${su.user} itself: exec gunicorn … --user ${su.user} --group ${su.user}`;
  if (server === 'uwsgi')
    return `, or let uwsgi drop to ${su.user} itself: exec uwsgi … --uid ${su.user} --gid ${su.user}`;
  return '';
}
