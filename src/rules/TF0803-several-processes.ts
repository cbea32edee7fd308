import {
  backgroundedProcess,
  basename,
  containerVariables,
  daemonFacts,
  daemonOf,
  evaluateCondition,
  followedFiles,
  mayRun,
  effectiveCommand,
  embedsBeat,
  endsAfter,
  imageCommand,
  longRunningProcess,
  holderAfter,
  initScriptService,
  isKeepAliveCommand,
  programArgv,
  reverseProxyOf,
  serverOf,
  serviceCommand,
  startCommands,
  type ShellHolder,
  type StartCommand,
} from '../model/command.js';
import { lineage } from '../model/dockerfile/lineage.js';
import { splitImage } from '../model/image-ref.js';
import type { CopyInstr, RunInstr } from '../model/types/dockerfile.js';
import { uwsgiIniArg } from '../model/server-config.js';
import { supervisordRun } from '../model/supervisor-config.js';
import { s6Init } from '../model/s6-services.js';
import { runitRun } from '../model/runit-services.js';
import type { RawFinding } from '../core/index.js';
import type { App, Project, SupervisorProgram } from '../model/types/project.js';
import { appImageStartCommands, appsAndWorkerImages, ownImageAppServices } from './lib/each.js';
import type { ComposeService } from '../model/types/compose.js';
import { commandLine, quotedLine } from './lib/command-text.js';
import {
  exitsAtOnceWords,
  foregroundAdvice,
  listOf,
  officialImageAdvice,
  ownContainersAdvice,
} from './lib/processes.js';
import { defineRule } from './lib/rule.js';
import { termForwarder } from './lib/signal-trap.js';

/** supervisord: a process manager whose only use in a container is to run several programs in it. */
function isProcessManager(argv: string[]): boolean {
  return supervisordRun(programArgv(argv)) !== undefined;
}

/** `the programs of deploy/supervisor.conf: app-uwsgi (uwsgi), nginx-app (nginx)`, or a generic phrase when unknown. */
function supervisedPrograms(app: App, programs: SupervisorProgram[]): string {
  if (programs.length === 0) return 'the programs of its configuration (e.g. nginx and uwsgi)';
  const files = [...new Set(programs.map((p) => p.file))].join(', ');
  const names = programs.map((p) => {
    // A program that runs a start script (`bash start.sh`) is named by the process the script starts.
    const script = app.entrypointScripts.find((s) => s.program === p.name);
    const started = script?.script.commands
      .map((c) => longRunningProcess(c.argv))
      .find((w) => w !== undefined);
    const what =
      longRunningProcess(p.argv) ?? started ?? (basename(programArgv(p.argv)[0] ?? '') || p.command);
    return `${p.name} (${what}${p.numprocs ? `, ${p.numprocs} processes` : ''})`;
  });
  // One program: `the program uwsgi of uwsgi.ini`, not a list of one.
  return programs.length === 1
    ? `the program ${names[0]} of ${files}`
    : `the programs of ${files}: ${names.join(', ')}`;
}

/** Each supervisord program in its own container: the app's from the same image, a database or proxy from its own. */
function programsAdvice(programs: SupervisorProgram[]): string {
  if (programs.length === 0) return 'Run each program as its own container (its own compose service) instead';
  // One program of the app's own: it needs no manager, only to be the container's command.
  const [one] = programs;
  if (programs.length === 1 && !officialImageAdvice(one) && !reverseProxyOf(one.argv))
    return `Run its command as the container's command instead of supervisord: '${one.argv.join(' ')}'`;
  return ownContainersAdvice(programs.map((p) => ({ name: p.name, argv: p.argv, line: p.line })));
}

/** `notes (uwsgi, config/uwsgi.sh)`: each runit service by its name, what its run script starts, and the script. */
function runitNames(app: App, services: SupervisorProgram[]): string[] {
  return services.map((p) => {
    const script = app.entrypointScripts.find((s) => s.program === p.name);
    const what = script?.script.commands.map((c) => longRunningProcess(c.argv)).find((w) => w !== undefined);
    return `${p.name} (${what ? `${what}, ` : ''}${p.file})`;
  });
}

/** s6-overlay's /init running several longrun services: at its ENTRYPOINT, or the FROM of the base image that sets it. */
function s6Finding(app: App): RawFinding | undefined {
  const df = app.dockerfile;
  const init = df?.targetStage && s6Init(df, df.targetStage);
  const longruns = (app.supervisorPrograms ?? []).filter((p) => p.s6 === 'longrun');
  if (!init || longruns.length < 2) return undefined;
  const names = longruns.map((p) => {
    const script = app.entrypointScripts.find((s) => s.program === p.name);
    const what = script?.script.commands.map((c) => longRunningProcess(c.argv)).find((w) => w !== undefined);
    return what ? `${p.name} (${what})` : p.name;
  });
  const from = init.base ? `, from the base image ${init.base}` : '';
  return {
    file: init.file,
    line: init.line,
    message: `The image's entrypoint is s6-overlay's /init${from}, a process supervisor that runs the longrun services ${listOf(names)} side by side in one container: the runtime sees only /init, so none of them can be scaled or stopped on its own, and every replica runs them all. Run each service as its own container (its own compose service) instead.`,
  };
}

/**
 * `uwsgi --ini uwsgi.ini` whose ini runs programs beside the server (`smart-attach-daemon = PIDFILE celery … beat`):
 * the words of the finding, or undefined.
 */
function attachedDaemons(app: App, argv: string[]): string | undefined {
  if (!uwsgiIniArg(programArgv(argv))) return undefined;
  const configs = (app.serverConfigs ?? []).filter((c) => c.server === 'uwsgi' && c.daemons);
  const daemons = configs.flatMap((c) => c.daemons!.map((d) => ({ ...d, file: c.file })));
  if (daemons.length === 0) return undefined;
  const whats = daemons.map((d) => longRunningProcess(d.argv) ?? basename(d.argv[0] ?? ''));
  const options = [...new Set(daemons.map((d) => d.option))].join(' and ');
  const where = daemons.map((d) => `${d.file}:${d.line}`).join(', ');
  const one = daemons.length === 1;
  const moved = daemons.map((d, i) => ({
    name: whats[i],
    argv: d.argv.filter((w) => !w.startsWith('--pidfile')),
    line: d.line,
  }));
  const files = listOf(configs.map((c) => c.file));
  return `This starts uwsgi with ${files}, whose ${options} ${one ? 'line runs' : 'lines run'} ${listOf(whats)} beside the server in the same container (${where}): uwsgi restarts ${one ? 'it' : 'them'} when ${one ? 'it dies' : 'they die'}, but the runtime sees only uwsgi, so ${one ? 'it cannot' : 'none can'} be scaled or stopped on ${one ? 'its' : 'their'} own, and every replica of the web container starts ${one ? 'another' : 'more of them'}${whats.includes('celery beat') ? ' (a second celery beat sends each periodic task twice)' : ''}. ${ownContainersAdvice(moved)}.`;
}

/** Where the container's main process is, named: `beside the container's main process, gunicorn`. */
function besideMain(holder: ShellHolder | undefined): { phrase: string; idle?: string } {
  switch (holder?.kind) {
    case 'process':
      return { phrase: `beside the container's main process, ${holder.what}` };
    case 'wait':
      return {
        phrase: "while the container's main process is the shell, which only waits (wait)",
        idle: 'wait',
      };
    case 'keep-alive':
      return {
        phrase: `while the container's main process is ${quotedLine(commandLine(holder.command))}, which serves nothing and only keeps the container running`,
        idle: quotedLine(commandLine(holder.command)),
      };
    case 'arguments':
      return { phrase: 'beside the container\'s main process, the container command ("$@")' };
    default:
      return { phrase: "beside the container's main process" };
  }
}

export const severalProcesses = defineRule({
  id: 'TF0803',
  name: 'several-processes',
  factor: 'VIII',
  severity: 'warning',
  kind: 'S',
  title:
    'One container runs several long-running processes (a server started in the background with &, a worker and beat beside it, a daemon that detaches by itself before the foreground server: celery worker --detach, gunicorn --daemon, service X start, a sleep/tail -f loop as PID 1) instead of one process per container',
  help: `A process started in the background with \`&\` is invisible to the container runtime: when it crashes nothing
restarts it, its exit does not stop the container, it cannot be scaled on its own, and \`docker stop\` may never reach
it. The same holds for a program that daemonises itself and returns (\`celery -A proj worker --detach\`,
\`gunicorn --daemon\`, \`service nginx start\`, \`cron\` without \`-f\`) before the main server starts. Running the web server, a Celery worker
and beat in one container also means they can only be scaled together; so does a worker started with \`-B\`
(\`--beat\`), which embeds beat in the worker: Celery's documentation advises against it in production (there must be
exactly one beat, and each worker replica would start another); where another service already runs beat, the message
names it (two schedulers send each periodic task twice).
\`supervisord\` as the start command is the same design with a process manager in front (typically nginx and uWSGI
as its programs): it is reported at the command that starts it, naming the programs of the configuration the image
copies; sent to the background (\`supervisord … &\`), it runs them beside the main process. runit is the same: phusion's
\`/sbin/my_init\` or \`runsvdir DIR\` runs every service whose \`run\` script the image copies under /etc/service (or
DIR), named with what each script starts. A management command sent to the background that is no Django one-off
(\`manage.py rundramatiq &\`, \`manage.py qcluster &\`) is a worker beside the server. The message names what holds
the container in the foreground: the main process, a shell that only waits (\`wait\`), or a keep-alive such as
\`tail -f /dev/null\`. A script that traps TERM (or INT), passes the signal on to the one server it started in the
background (\`kill\`, or \`echo q\` to uWSGI's master FIFO) and waits for it is that server's signal forwarder, not a
second process: not reported (TF0901 judges whether it waits long enough). \`service NAME start\` (or
\`/etc/init.d/NAME start\`) in an image built on a bare official image (python, debian, ubuntu, alpine) that installs
no system package and copies nothing into /etc/init.d starts nothing, since no such service exists there: not reported.
A database or cache server started that way (\`/etc/init.d/mysql start\`, \`service redis-server start\`) is named as
the backing service it is, to run as its own container from its official image. \`tail -f\` of log files sent to the
background beside the main process (\`tail -n 0 -f logs/*.log &\`) is a second long-running process too: when it dies,
the lines written to those files no longer reach the container's log; the message advises logging to stdout instead.
A server sent to the background with nothing run in the foreground after it (\`CMD a && gunicorn … &\`) runs beside
no main process: the shell reaches its end and exits at once, the container stops and the server dies with it; the
message says so and advises removing the \`&\` and starting the server with exec. A database or another backing
service started in the app's container (\`/etc/init.d/mariadb start\`, \`redis-server &\`) is not the app's to run:
the message advises its own service from its official image (mariadb, postgres, redis), which the app reaches by the
service's name.

Run one process per container, each with its own command, from the same image:

\`\`\`yaml
services:
  web:
    build: .
    command: ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
  worker:
    build: .
    command: ["celery", "-A", "mysite", "worker"]
  beat:
    build: .
    command: ["celery", "-A", "mysite", "beat"]
\`\`\`
`,
  related: [],
  noFix:
    "Splitting a container's processes into services of their own is a change of the deployment, not of one line.",
  check(project) {
    const findings: RawFinding[] = [];
    const seen = new Set<string>();
    for (const app of appsAndWorkerImages(project)) {
      const s6 = s6Finding(app);
      if (s6 && !seen.has(`${s6.file}:${s6.line}`)) {
        seen.add(`${s6.file}:${s6.line}`);
        findings.push(s6);
      }
      // supervisord's programs are judged with supervisord, at the command that starts it.
      const facts = daemonFacts(app);
      const chains = [imageCommand(app), effectiveCommand(app)].map((chain) =>
        chain.filter((c) => c.origin !== 'supervisor'),
      );
      // A daemon counts only beside a main process: one that stays in the foreground, or a server sent to the
      // background that a keep-alive (`tail -f`) holds.
      const foreground = chains
        .flat()
        .some(
          (c) =>
            !daemonOf(c.argv, facts) &&
            (c.background ? Boolean(serverOf(c.argv)) : longRunningProcess(c.argv) || c.argv[0] === '$@'),
        );
      for (const chain of chains)
        chain.forEach((cmd, i) => {
          const key = `${cmd.file}:${cmd.line}`;
          if (seen.has(key)) return;
          const beside = besideMain(holderAfter(chain, i, undefined, facts));
          const attached = attachedDaemons(app, cmd.argv);
          if (attached) {
            seen.add(key);
            findings.push({ file: cmd.file, line: cmd.line, message: attached });
            return;
          }
          const runit = runitRun(programArgv(cmd.argv));
          const services = (app.supervisorPrograms ?? []).filter((p) => p.runit);
          if (runit && !cmd.background && services.length > 1) {
            seen.add(key);
            findings.push({
              file: cmd.file,
              line: cmd.line,
              message: `This starts ${runit.init} as the container's main process, ${runit.init === 'runsvdir' ? "runit's process supervisor, which runs" : "which starts runit's process supervisor runsvdir, which runs"} the services ${listOf(runitNames(app, services))} side by side in one container: the runtime sees only ${runit.init}, so a service that keeps failing leaves the container running without it, and none can be scaled or stopped on its own. Run each service as its own container (its own compose service) instead.`,
            });
            return;
          }
          if (isProcessManager(cmd.argv)) {
            seen.add(key);
            const programs = app.supervisorPrograms ?? [];
            findings.push({
              file: cmd.file,
              line: cmd.line,
              message: cmd.background
                ? `This starts supervisord in the background with '&', to run ${supervisedPrograms(app, programs)}, ${beside.phrase}: supervisord restarts a program that dies, but the runtime sees neither supervisord nor its programs, so nothing restarts supervisord when it dies, and no program can be scaled or stopped on its own. ${programsAdvice(programs)}.`
                : `This starts supervisord as the container's main process, a process manager that runs ${supervisedPrograms(app, programs)}${programs.length === 1 ? '' : ' side by side'} in one container: the runtime sees only supervisord, so a program that keeps failing leaves the container running without it, and none can be scaled or stopped on its own. ${programsAdvice(programs)}.`,
            });
            return;
          }
          if (cmd.background) {
            // `gunicorn … & celery … worker &`: the processes one line sends to the background, in one finding
            // (what `su app -c "gunicorn … &"` runs is in the chain once, as read by the parser)
            // A management command not known to end (`manage.py rundramatiq &`) runs on unless the script waits for it.
            const waited = chain.slice(i + 1).some((c) => c.file === cmd.file && c.argv[0] === 'wait');
            const running = (argv: string[]) =>
              longRunningProcess(argv) ?? (waited ? undefined : backgroundedProcess(argv));
            const whats = chain
              .filter((c) => c.background && c.file === cmd.file && c.line === cmd.line)
              .filter((c, k, all) => all.findIndex((o) => o.argv.join(' ') === c.argv.join(' ')) === k)
              .flatMap((c) => running(c.argv) ?? []);
            if (whats.length === 0) {
              const follower = logFollower(cmd, holderAfter(chain, i, undefined, facts));
              if (follower) {
                seen.add(key);
                findings.push(follower);
              }
              return;
            }
            // A script whose trap passes SIGTERM on to the one server it waits for is its signal forwarder, not a second process.
            const script = app.entrypointScripts.find((s) => s.file === cmd.file);
            if (
              whats.length === 1 &&
              beside.idle === 'wait' &&
              script &&
              termForwarder(script.script.commands)
            )
              return;
            seen.add(key);
            const one = whats.length === 1;
            // `a && gunicorn … &` as the last command: the shell exits at once and the container with it.
            if (endsAfter(chain, i)) {
              const started = chain
                .filter((c) => c.background && c.file === cmd.file && c.line === cmd.line)
                .flatMap((c) => {
                  const what = running(c.argv);
                  return what ? [{ what, command: c }] : [];
                })
                .filter((p, k, all) => all.findIndex((o) => o.what === p.what) === k);
              findings.push({
                file: cmd.file,
                line: cmd.line,
                message: `This starts ${listOf(whats)} in the background with '&', and ${exitsAtOnceWords(whats)}. ${foregroundAdvice(started)}`,
              });
              return;
            }
            findings.push({
              file: cmd.file,
              line: cmd.line,
              message: `This starts ${listOf(whats)} in the background with '&', ${beside.phrase}: nothing restarts ${one ? 'it when it dies' : 'them when they die'}, and ${one ? 'it cannot' : 'none can'} be scaled or stopped on ${one ? 'its' : 'their'} own. ${beside.idle && one ? `Run it in the foreground instead, as the container's main process (with exec), in place of ${beside.idle}` : ((one && officialImageAdvice(cmd)) ?? `Run ${one ? 'it' : 'each'} as its own container (its own compose service or command) from the same image`)}.`,
            });
            return;
          }
          const daemon = foreground ? daemonOf(cmd.argv, facts) : undefined;
          if (!daemon || serviceMissing(app, cmd.argv)) return;
          seen.add(key);
          // `uwsgi --ini uwsgi.ini` whose ini daemonizes: its own container must keep it in the foreground.
          const ini = daemon === 'uwsgi' && !daemonOf(cmd.argv) ? facts.uwsgiDaemonize : undefined;
          const how = ini ? `, which detaches because ${ini.file}:${ini.line} sets ${ini.option}` : '';
          const own = ini
            ? `, without ${ini.option} in its ini (${ini.file}:${ini.line}), or uwsgi detaches and that container exits at once`
            : '';
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `This starts ${daemon} as a daemon (${commandLine(cmd)}${how}), ${beside.phrase}: nothing restarts it when it dies, and it cannot be scaled or stopped on its own. ${officialImageAdvice(cmd) ?? `Run it as its own container (its own compose service or command) from the same image${own}`}.`,
          });
        });
    }
    findings.push(...keepAliveMain(project, seen));
    findings.push(...optInBackground(project, seen));
    findings.push(...embeddedBeat(project, seen));
    return findings;
  },
});

/**
 * `tail -n 0 -f logs/*.log &` beside the server: a second process that copies the server's log files to the container's
 * output, for as long as it lives.
 */
function logFollower(cmd: StartCommand, holder: ShellHolder | undefined): RawFinding | undefined {
  const files = followedFiles(cmd.argv);
  if (!files || (holder?.kind !== 'process' && holder?.kind !== 'arguments')) return undefined;
  const what = holder.kind === 'process' ? holder.what : 'the container command';
  return {
    file: cmd.file,
    line: cmd.line,
    message: `This starts tail -f in the background with '&' to copy ${listOf(files)} to the container's output: a second long-running process, ${besideMain(holder).phrase}. Nothing restarts it when it dies, and the log lines written after that never reach the container's log. Have ${what} write its logs to stdout/stderr itself${what === 'gunicorn' ? ' (--access-logfile - --error-logfile -)' : ''} and drop the tail.`,
  };
}

/**
 * `CMD ["sleep", "infinity"]`, `exec tail -f /dev/null`: a keep-alive as the container's main process, with no process
 * of the app's in the chain: what the container is for runs beside it, started by `docker exec`. Reported once per
 * app, at the image's command when it is the keep-alive; not for a VS Code dev container (.devcontainer/).
 */
function keepAliveMain(project: Project, seen: Set<string>): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const app of project.apps) {
    if (/(^|\/)\.devcontainer\//.test(app.dockerfile?.file ?? '')) continue;
    for (const chain of [imageCommand(app), effectiveCommand(app)]) {
      const keep = chain.find((c) => !c.background && isKeepAliveCommand(c.argv));
      // every command of the chain's scripts, those of branches the chain leaves out included (`else exec sleep …`)
      const files = new Set(chain.map((c) => c.file));
      const all = [
        ...chain,
        ...app.entrypointScripts.filter((s) => files.has(s.file)).flatMap((s) => s.script.commands),
      ];
      const runs = all.some((c) => c.argv[0] === '$@' || longRunningProcess(c.argv) || daemonOf(c.argv));
      if (!keep || runs || seen.has(`${keep.file}:${keep.line}`)) continue;
      seen.add(`${keep.file}:${keep.line}`);
      findings.push({
        file: keep.file,
        line: keep.line,
        message: `This makes ${commandLine(keep)} the container's main process (PID 1), a keep-alive that serves nothing: whatever the container is for runs beside it, started with docker exec (docker compose exec), where the runtime does not see it: nothing restarts it when it dies, its output is not the container's log, and it cannot be scaled or stopped on its own. Start the process itself as the container's command (e.g. gunicorn for the server), and run one-off commands with docker compose run --rm.`,
      });
      break;
    }
  }
  return findings;
}

/**
 * A long-running process a start script sends to the background in a branch taken only when the container's
 * environment sets a variable the repository sets nowhere (`if [ -n "$CELERY_APP" ]; then celery … worker & fi`): the
 * start chain leaves that branch out, yet it is how the image is meant to be deployed with a worker beside the server.
 */
function optInBackground(project: Project, seen: Set<string>): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const app of appsAndWorkerImages(project)) {
    const started = new Set([...imageCommand(app), ...effectiveCommand(app)].map((c) => c.file));
    const variable = containerVariables(app.dockerfile?.targetStage?.env ?? {}, app.compose?.appService);
    // A variable set nowhere may be set by whoever runs the container: unknown instead of unset.
    const given = (name: string) => (variable(name) === null ? undefined : variable(name));
    for (const script of app.entrypointScripts.filter((s) => started.has(s.file))) {
      const assigned = new Set((script.script.assignments ?? []).map((a) => a.name));
      const commands = script.script.commands;
      commands.forEach((c, i) => {
        const key = `${script.file}:${c.line}`;
        const what = c.background ? longRunningProcess(c.argv) : undefined;
        if (!what || seen.has(key) || mayRun(c, { variable })) return;
        if (!mayRun(c, { variable: given })) return;
        const unset = (c.guards ?? [])
          .filter((g) => evaluateCondition(g, { variable }) === false)
          .flatMap((g) => [...JSON.stringify(g).matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]!))
          .filter((n, k, all) => all.indexOf(n) === k && !assigned.has(n) && variable(n) === null);
        const holder = holderAfter(commands, i);
        if (unset.length === 0 || !holder) return;
        seen.add(key);
        const names = listOf(unset);
        const them = unset.length === 1 ? 'it' : 'them';
        findings.push({
          file: script.file,
          line: c.line,
          message: `When the container is started with ${names} set (neither the image nor a compose file sets ${them}), this starts ${what} in the background with '&', ${besideMain(holder).phrase}: nothing restarts it when it dies, and it cannot be scaled or stopped on its own. ${officialImageAdvice(c) ?? 'Run it as its own container (its own compose service or command) from the same image'}.`,
        });
      });
    }
  }
  return findings;
}

/**
 * `celery -A proj worker -B`: the worker runs beat beside it in its container, reported at the command of every
 * container of the app image that starts one; a beat another service runs too is named (two schedulers).
 */
/** `celery -A proj beat` for the app a worker's command names. */
function beatCommandFor(worker: string[]): string {
  const at = worker.indexOf('-A') >= 0 ? worker.indexOf('-A') : worker.indexOf('--app');
  const app = at >= 0 ? worker[at + 1] : worker.find((w) => w.startsWith('--app='))?.slice('--app='.length);
  return app ? `celery -A ${app} beat` : 'celery beat';
}

function embeddedBeat(project: Project, seen: Set<string>): RawFinding[] {
  const findings: RawFinding[] = [];
  // A worker built from the app's source with a Dockerfile of its own (Dockerfile.worker) is the app's worker too.
  // Its image's own start (ENTRYPOINT ["sh", "/entrypoint.celery.sh"]) is read from that image, at its script's line.
  const starts = [
    ...appImageStartCommands(project),
    ...project.apps.flatMap((app) =>
      ownImageAppServices(app).flatMap(({ service, app: view }) =>
        serviceCommand(view, service).map((command) => ({ app, command, service })),
      ),
    ),
    ...(project.workerImages ?? []).flatMap((view) => {
      const service = view.compose?.appService;
      const app = project.apps.find((a) => service && a.compose?.services.includes(service));
      return app && service
        ? startCommands(view).map((command) => ({
            app,
            command,
            service: service as ComposeService | undefined,
          }))
        : [];
    }),
    // A compose file of services only (`image: me/blog:1.2`, the image pushed by CI) runs what its command says.
    ...project.apps
      .filter((app) => !app.dockerfile)
      .flatMap((app) =>
        (app.compose?.services ?? []).flatMap((service) =>
          serviceCommand(app, service).map((command) => ({ app, command, service })),
        ),
      ),
  ];
  for (const { app, command, service } of starts) {
    const key = `${command.file}:${command.line}`;
    if (seen.has(key) || !embedsBeat(command.argv)) continue;
    seen.add(key);
    const serviceName = (s: typeof service) => s?.name ?? app.compose?.appService?.name;
    const here = serviceName(service);
    const otherBeat = starts.find(
      (o) =>
        o.app === app &&
        longRunningProcess(o.command.argv) === 'celery beat' &&
        serviceName(o.service) !== here,
    );
    const beatService = otherBeat && serviceName(otherBeat.service);
    const program = programArgv(command.argv);
    const flag = program.includes('--beat') ? '--beat' : '-B';
    const twice = beatService
      ? ` Service '${beatService}' runs celery beat as well, so there are two schedulers and each periodic task is sent twice: drop ${flag} and leave the schedule to '${beatService}'.`
      : ` Drop ${flag} and run beat as its own service from the same image ('${beatCommandFor(program)}'), exactly one of it.`;
    findings.push({
      file: command.file,
      line: command.line,
      message: `This starts a Celery worker with ${flag}, which embeds the beat scheduler in the worker: the container runs a worker and beat beside it, so the two can only be scaled together, and every added worker replica starts another scheduler that sends each periodic task again. Celery's documentation advises against -B in production and says to start celery beat separately.${twice}`,
    });
  }
  return findings;
}

/** Official images that hold no service of their own: `service X start` there needs a package the image adds. */
const BARE_BASES = new Set(['python', 'pypy', 'debian', 'ubuntu', 'alpine']);

/**
 * `service cups-browsed start` (or `/etc/init.d/NAME start`) in an image built on a bare official image that installs
 * no system package and copies nothing into /etc/init.d: the service does not exist there, the command fails, and
 * nothing runs beside the main process.
 */
function serviceMissing(app: App, argv: string[]): boolean {
  const name = initScriptService(argv);
  const df = app.dockerfile;
  const stages = df?.targetStage ? lineage(df) : [];
  const root = stages[0]?.from;
  if (!name || !root?.image || root.image.includes('$') || root.stageRef !== undefined) return false;
  const repository = splitImage(root.image).repository.replace(/^(docker\.io\/)?(library\/)?/, '');
  if (!BARE_BASES.has(repository)) return false;
  const instructions = stages.flatMap((st) => st.instructions);
  const installs = instructions.some(
    (i) =>
      i.keyword === 'RUN' &&
      (i as RunInstr).script?.commands.some((c) => {
        const [program, ...words] = c.argv.map((w) => w.slice(w.lastIndexOf('/') + 1));
        return (
          (['apt-get', 'apt', 'yum', 'dnf', 'microdnf'].includes(program ?? '') &&
            words.includes('install')) ||
          (program === 'apk' && words.includes('add')) ||
          program === 'dpkg'
        );
      }) !== false,
  );
  const copiesInitScript = instructions.some(
    (i) =>
      (i.keyword === 'COPY' || i.keyword === 'ADD') &&
      /^\/etc\/(init\.d|rc\.d)(\/|$)/.test((i as CopyInstr).dest),
  );
  return !installs && !copiesInitScript;
}
