import {
  argumentsHeldBy,
  branchEnds,
  commandIgnoredBy,
  daemonFacts,
  daemonOf,
  exclusive,
  backgroundStarts,
  execTarget,
  foregroundSequence,
  type InitProcess,
  initAsPid1,
  initProcess,
  inlineScriptCommands,
  inlineScriptLastCommand,
  isWaitStep,
  launchesArguments,
  runsArguments,
  scriptCommandsThatRun,
  serverOf,
  setupOnly,
  writtenComposeArgv,
} from '../model/command.js';
import type { CommandInstr } from '../model/types/dockerfile.js';
import type { App, EntrypointScript } from '../model/types/project.js';
import type { ShellCommand } from '../model/types/shell.js';
import type { RawFinding } from '../core/index.js';
import { droppedCommandNote, mergeSetupNotes } from './lib/dropped-command.js';
import { appsAndWorkerImages, otherAppServices } from './lib/each.js';
import { appShells, shExecsShellForm } from './lib/image-shell.js';
import { execLine, quotedLine } from './lib/command-text.js';
import {
  backgroundWords,
  containerEndsAfter,
  exitsAtOnceWords,
  foregroundAdvice,
  keptProcess,
  listOf,
  othersOwnContainers,
  sequencePhrase,
} from './lib/processes.js';
import { defineRule } from './lib/rule.js';
import { inlineShell } from './lib/inline-shell.js';
import { suExecAdvice, suHandOver } from './lib/su-launch.js';
import {
  forwarderExitsMessage,
  restartLoopMessage,
  termForwarder,
  waitedArgumentsFinding,
} from './lib/signal-trap.js';
import { dieOnTermAdvice, withAdvice } from './lib/uwsgi-term.js';
import { passedOver, passedOverNote, stoppedNote } from './lib/missing-server.js';
import { composeArgv, fixShellForm } from './lib/shell-form-fix.js';
import { mainProcessOf } from './lib/main-process.js';
import { withRealModules } from './lib/wsgi-module.js';
import {
  backgroundsInside,
  foregroundProcess,
  launches,
  scriptRunBy,
  startsLater,
} from './lib/script-steps.js';
import { execedHolderWords, oneProcessAdvice } from './lib/background-advice.js';
import { type StartShell, whoKeepsSignal } from './lib/script-parent.js';
import { scriptShellNote } from './lib/start-script.js';
import { shellFormFinding, type ShellFormRun } from './lib/shell-form-message.js';
import { withShellMissing } from './lib/shell-less-command.js';
import { makeStartAdvice, makeStartOf } from './lib/make-start.js';

export const shellFormCommand = defineRule({
  id: 'TF0901',
  name: 'shell-form-command',
  factor: 'IX',
  severity: 'warning',
  kind: 'S',
  title:
    'CMD/ENTRYPOINT in shell form, or an entrypoint script that starts the server without exec: PID 1 is a shell and SIGTERM does not reach the server',
  help: `\`docker stop\` sends SIGTERM to PID 1 and kills the container 10 seconds later. With a shell-form
\`CMD gunicorn ...\` (run as \`/bin/sh -c\`), a \`sh -c "migrate && gunicorn ..."\`, or an entrypoint script that
starts the server as a child, PID 1 is the shell: the server never gets SIGTERM, cannot finish its requests and
is killed. Fast, graceful shutdown is what makes processes disposable.

Use the exec form, and \`exec\` the last command of scripts so the server replaces the shell.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

\`\`\`sh
#!/bin/sh
set -e
exec "$@"
\`\`\`

Long-running processes started one after the other (\`gunicorn … && celery … worker\`, \`gunicorn …; celery …\`) are
reported as that sequence: the worker starts only once the server has exited, and no \`exec\` makes it one process.
The message proposes the server alone, with exec, and the worker as its own container. A server sent to the background
(\`gunicorn … & celery … & wait\`, \`runserver &\` then \`tail -f /dev/null\`) is reported with what holds the shell
after it; no \`exec wait\` or \`exec tail\` is proposed. A start that then execs another process (\`gunicorn … &\`, then
\`exec jupyter-lab …\`) hands PID 1 to that process: the message says it gets SIGTERM and the server, in the
background, does not.

\`bash -c "gunicorn …"\` with one simple command is not reported: bash execs it, so PID 1 is the server. \`sh -c\`
with one command is: dash, Debian's \`/bin/sh\`, forks it and stays PID 1 (both checked with \`docker top\`).

bash 5.1 and later (and 5.0 from patch 5) also exec the last simple command of a \`-c\` list (\`bash -c "migrate &&
gunicorn …"\`, with \`;\`, \`&&\`, \`||\` or new lines; the last command not piped into, grouped or redirected, no
background job or trap): not reported on images whose
bash is that recent, judged from the base image (Debian bullseye and later, Ubuntu 20.04 and later, \`python:*\` tags
without an older suite, \`python:latest\` included, the official \`nginx\`, \`httpd\`, \`node\`, \`postgres\` and
\`redis\` images of releases built on bullseye or later, which are Debian, Alpine 3.11 and later). bash 4.4 to 5.0.4
(Debian stretch and buster, Ubuntu 18.04, Alpine 3.7 to 3.10, \`python:3.7\` to \`3.9\` releases built on buster)
do the same after \`&&\` and \`||\` and on a last line of its own, but not after a \`;\` on the last line
(\`bash -c "migrate; gunicorn …"\` forks gunicorn there: reported; checked on a bash 5.0 build by which process reads
\`/proc/$$/comm\`). bash reads the
\`-c\` text one line at a time and \`;\` binds looser than \`&&\`, so it execs the last line's command only when that is
a simple command or a list whose last connector has a simple command on its right: \`bash -c "set -e; migrate &&
gunicorn …"\` is one \`;\` list with \`migrate && gunicorn …\` on its right, so bash forks gunicorn and stays PID 1
(reported); the same
list over two lines is exec'd. One line end may follow the last command; a blank line or a comment line after it
keeps bash. On Alpine (\`alpine\`, \`nginx:alpine\`, any \`*-alpine\` tag), \`/bin/sh\` is BusyBox ash, which does the
same for \`sh -c\` and shell-form CMD, for any list and a redirected last command too, but only when nothing, not even a
line end, follows it. dash, Debian's \`/bin/sh\`, execs none of them. Checked by which process is PID 1 in a
container (\`docker run … bash -c "true && cat /proc/1/comm"\` prints cat): bash 5.2.15 and dash 0.5.12 of Debian
bookworm, BusyBox 1.35. Debian jessie, Ubuntu 16.04 and older (bash 4.3), and images whose base is not known
keep the finding; the other parts of the chain (a migrate on every start) are still reported by their own rules.
A compose app service that builds a Dockerfile that is not the app's (one the repository lacks, or the lowercase
\`dockerfile\` Docker falls back to when it builds an image with no Python) is not judged: its command does not start
there, and TF0001 reports the build.
BusyBox also execs the last command after a job sent to the background (\`sh -c "celery … worker & gunicorn …"\`:
gunicorn is PID 1, checked on BusyBox 1.35); bash does not. The worker beside it is TF0803's.
Alpine and BusyBox images hold no bash until a package adds it: where the stage's RUNs install none, a reported
\`bash -c\` is also said not to start at all (\`bash: not found\`), and \`sh -c\` is proposed in its place.

A server in a restart loop (\`while true; do if ! gunicorn …; then sleep 2; fi; done\`) keeps the shell as PID 1 on
purpose, to start it again: the message says so and proposes the container's restart policy in place of the loop, then
exec (no exec is written inside the loop, which would end it). A script that traps TERM (or INT) with a handler that
passes the signal on to the one server it started in the background (\`kill\`, or \`echo q\` to uWSGI's master FIFO)
and waits for it is a signal forwarder: not reported when it waits again once the trap has run; with a single \`wait\`,
which a trapped signal makes return, the script ends after the trap, the shell exits and the kernel kills the server
mid-stop, and the message says that. uWSGI before 2.1 takes SIGTERM as a signal to reload unless die-on-term is set:
where the requirements pin such a version, or none, and neither the command (\`--die-on-term\`) nor the ini file it
loads (\`die-on-term = true\`) sets it, the advice to exec uwsgi also asks for --die-on-term. The Emperor
(\`uwsgi --emperor …\`) is not asked: it takes SIGTERM as its death and stops its vassals.

A script that starts the server through make (\`make dev\`, whose recipe runs the server) without exec keeps it
from SIGTERM too: the script's shell is PID 1, make and the server its children. GNU make passes SIGTERM on to the
process it runs a recipe line in, which is the server only when make runs the line itself; a line with an assignment
before the command (\`APP_ENV=prod gunicorn …\`) or other shell syntax runs in a \`/bin/sh -c\` that does not pass it
on. So \`exec make dev\` is advised (and written by the fix) only for a plain recipe line; otherwise the message
advises the recipe's command itself, with exec, in the script.

An \`exec\` inside a \`( … )\` subshell (\`(cd src; exec gunicorn …)\`) replaces the subshell, which the script's shell
forked and waits for, not the script: reported, with the parentheses to remove.

A server that nothing the image installs provides (it installs a requirements file, and no requirement, RUN, lock
file, start script or base image names gunicorn, uvicorn, daphne, hypercorn, waitress or uWSGI) fails at once with "command not found": the message says so.
A script with no \`set -e\` goes on past that line, so the server after it is the one judged (\`gunicorn …\` that
nothing installs, then \`runserver\`: runserver without exec, not a sequence of two servers), and so does one whose
next server follows \`||\`. A next server that follows \`&&\` is skipped, and under \`set -e\` the script ends at the
failing line: the container exits at start, and the message says so.

The items of a \`case\` and the branches of an if/else are alternatives, never a sequence: the branch the
container's arguments and environment select is judged when they are known, else each branch on its own. A
function the script calls runs where it is called: \`dev) run_development ;; *) run_production ;;\` makes the two
bodies alternatives, each server reported at its own line with exec written there. A shell-form CMD whose every
branch starts its process with exec hands PID 1 over and is not reported; otherwise the message names only the
branches that keep /bin/sh. A script that another script runs without exec is a child of that script's shell, which
is PID 1: the message says so. So is a script that the shell of a shell-form CMD or of a \`sh -c\` start
command runs without exec (\`sh -c "migrate; bash start.sh"\`): the message says that both shells need exec,
whatever the script does with its server (in the foreground, in the background, in a restart loop, behind a trap
that SIGTERM then never reaches). A script that such a shell runs before more commands (\`bash -c "/app/start.sh &&
gunicorn …"\`) is its child too, even where the shell execs its last command: the message proposes the script alone
as the start command, in exec form, since what follows it runs only once the script has ended. A command that only
runs setup and exits (\`python manage.py migrate --noinput\`, \`migrate && collectstatic\`, a one-off service) leaves no server for SIGTERM to miss: not reported.

An array that is not valid JSON (\`CMD ['gunicorn', 'mysite.wsgi']\`: single quotes) is shell form too; no exec form is
built from its text. The exec form of a script without a \`#!\` line runs it with sh (\`CMD ["sh", "/app/start.sh"]\`):
run directly, it would fail with "exec format error". Its first word (\`[python\`) is no program, so the container
exits at start, and the message says so; on Alpine, BusyBox execs that word in place of itself: not reported.

Under an init that signals the whole process group (\`ENTRYPOINT ["tini", "-g", "--", …]\`, \`TINI_KILL_PROCESS_GROUP\`
set, or \`dumb-init\`, which does so unless \`--single-child\`), PID 1 is not a shell and SIGTERM reaches the server
through its group: not reported. Under \`tini\` without \`-g\`, tini passes SIGTERM to the script's shell only, and
the message says so. Compose's \`init: true\` runs docker-init, a tini without \`-g\`, the same way: where the image runs
no init of its own, the message names docker-init as PID 1 under compose, and the script's shell as where SIGTERM stops.

An exec-form array followed by more text (\`CMD ["gunicorn", "mysite.wsgi"] # start\`,
\`ENTRYPOINT ["/bin/bash"]#["entrypoint.sh"]\`) is not valid JSON, so BuildKit (Docker's default builder; its
Dockerfile frontend 1.10 and later) runs the whole line with /bin/sh -c, where \`[gunicorn,\` is no command and the
container exits at start. It is reported as shell form, with the array alone as the fix to write by hand (the legacy
builder of Docker 20.10 kept the first array and dropped the rest).`,
  related: ['DL3025', 'JSONArgsRecommended'],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of appsAndWorkerImages(project)) {
      const first = findings.length;
      // The shell-form CMD/ENTRYPOINT reported, and the script it runs: that script may keep SIGTERM from the server too.
      let shellFormRun: ShellFormRun | undefined;
      // An init that signals the whole process group (tini -g, dumb-init) reaches the server past any shell.
      const init = initProcess(app);
      if (init?.signalsGroup) continue;
      const df = app.dockerfile;
      const stage = df?.targetStage;
      const shells = appShells(app);
      // The start shells and the commands they fork: a script one of them runs without exec is its child, not PID 1.
      const startShells: StartShell[] = [];
      const service = app.compose?.appService;
      const kept = (shell: Omit<StartShell, 'file' | 'line'>, file: string, line: number, before: number) => {
        if (findings.slice(before).some((f) => f.file === file && f.line === line))
          startShells.push({ ...shell, file, line });
        // A shell that execs its last command (bash 5.1, BusyBox) still forks and waits for the ones before it.
        else startShells.push({ ...shell, file, line, execsLast: true });
      };
      if (df && stage) {
        // A CMD the entrypoint script drops never runs: its PID 1 is not this rule's business.
        const cmd = commandIgnoredBy(app, undefined) ? undefined : stage.cmd;
        const shellForm =
          stage.entrypoint?.form === 'shell' ? stage.entrypoint : cmd?.form === 'shell' ? cmd : undefined;
        // A one-off start (`CMD python manage.py migrate`) exits by itself: there is no server for SIGTERM to reach.
        const before = findings.length;
        if (shellForm && !shExecsShellForm(shellForm, shells) && !setupOnly(shellForm.script?.commands ?? []))
          shellFormRun = shellFormFinding(app, df.file, shellForm, cmd, shells);
        if (shellFormRun) findings.push(shellFormRun.finding);
        // compose's entrypoint replaces the image's ENTRYPOINT and CMD, its command the CMD: theirs do not run there
        const runs = (instr: CommandInstr) =>
          !service?.entrypoint && (instr.keyword === 'ENTRYPOINT' || !service?.command);
        if (shellForm && runs(shellForm)) {
          const commands = shellForm.script?.commands ?? [];
          kept(
            { owner: shellForm.keyword, shell: '/bin/sh -c', commands, shellForm: true },
            df.file,
            shellForm.line,
            before,
          );
        }
        for (const instr of [stage.entrypoint, cmd]) {
          const before = findings.length;
          if (instr?.argv)
            findings.push(
              ...withShellMissing(
                app,
                execTarget(instr.argv),
                instr.line,
                instr.keyword,
                { key: instr.keyword, compose: false },
                withAdvice(
                  app,
                  execTarget(instr.argv),
                  instr.line,
                  inlineShell(execTarget(instr.argv), df.file, instr.line, instr.keyword, shells),
                ),
              ),
            );
          if (instr?.argv && runs(instr)) {
            const target = execTarget(instr.argv);
            const commands = inlineScriptCommands(target, instr.line);
            kept({ owner: instr.keyword, shell: `${target[0]} -c`, commands }, df.file, instr.line, before);
          }
        }
      }
      const composeCommand = commandIgnoredBy(app, app.compose?.appService) ? undefined : service?.command;
      // A service building a Dockerfile that is not the app's (absent, no Python: TF0001) runs in an image whose
      // shell cannot be judged, and its Django command does not start there.
      const ownImage = service?.build === undefined || df !== undefined;
      const composeStarts = [
        ['entrypoint', ownImage ? service?.entrypoint : undefined],
        ['command', ownImage ? composeCommand : undefined],
      ] as const;
      for (const [key, c] of composeStarts) {
        const argv = c && composeArgv(c);
        // `wait-for-it db:5432 -- sh -c "…"`: the launcher execs the shell, which is then PID 1
        const target = argv && execTarget(argv);
        const written = target === argv && c ? writtenComposeArgv(c) : undefined;
        const before = findings.length;
        if (c && target) {
          findings.push(
            ...withShellMissing(
              app,
              target,
              c.line,
              `compose ${key}`,
              { key, compose: true },
              withAdvice(
                app,
                target,
                c.line,
                inlineShell(target, c.file, c.line, `compose ${key}`, shells, written),
              ),
            ),
          );
          const commands = inlineScriptCommands(target, c.line);
          kept({ owner: `compose ${key}`, shell: `${target[0]} -c`, commands }, c.file, c.line, before);
        }
      }
      // Another service of the app image that starts a server of its own (`admin`, `web2`) keeps its shell as well.
      for (const { service: other, app: seen } of otherAppServices(app)) {
        if (commandIgnoredBy(seen, other)) continue;
        for (const [key, c] of [
          ['entrypoint', other.entrypoint],
          ['command', other.command],
        ] as const) {
          const argv = c && composeArgv(c);
          const target = argv && execTarget(argv);
          if (!c || !target) continue;
          const last = inlineScriptLastCommand(target, c.line);
          if (!last || !mainProcessOf(last.argv)) continue;
          if (findings.some((f) => f.file === c.file && f.line === c.line)) continue;
          const written = target === argv ? writtenComposeArgv(c) : undefined;
          findings.push(
            ...inlineShell(
              target,
              c.file,
              c.line,
              `compose ${key} of service '${other.name}'`,
              shells,
              written,
            ),
          );
        }
      }
      const scriptsFrom = findings.length;
      // make as PID 1 passes SIGTERM on to the recipe it runs: a make target is no shell script to exec from.
      // A supervisord program's script is not PID 1 (supervisord is, and signals it as TERM's target): not judged here.
      for (const script of app.entrypointScripts)
        if (!script.makeTargets && !script.program)
          findings.push(
            ...scriptFindings(script, scriptCommandsThatRun(app, script), app, init, startShells).map(
              (f) => ({
                ...f,
                message: f.message + droppedCommandNote(app, f.file),
              }),
            ),
          );
      if (shellFormRun) {
        const { finding, script, namesScript } = shellFormRun;
        const own = findings.slice(scriptsFrom).find((f) => f.file === script?.file);
        if (!namesScript) finding.message += scriptShellNote(script, own);
      }
      // `gunicorn your_app_module.wsgi` left from a template: the exec to write names the module the project has
      for (const f of findings.slice(first)) f.message = withRealModules(app, f.message);
    }
    return mergeSetupNotes(findings);
  },
  fix: {
    safety: 'safe',
    summary:
      'Rewrites a shell-form CMD/ENTRYPOINT of one command in exec form (as `["sh", "-c", "exec …"]` when a variable such as `$PORT` must expand), and writes `exec` before the last command of an inline `sh -c` or of an entrypoint script; `bash -c` becomes `sh -c` in an Alpine or BusyBox image whose RUNs install no bash.',
    declines:
      'a script that starts the server in the background and goes on running other processes, or runs several long-running processes one after the other (one `exec` cannot make it one process per container); a CMD array that is not valid JSON (which words were meant is not known); a CMD of a shell builtin (`CMD . .`), which no exec form can run; a server in a restart loop (`while true; do gunicorn …; done`), where exec would end the loop; a script whose trap forwards SIGTERM to its server and then waits only once; a server started with exec inside a `( … )` subshell, whose parentheses are to be removed by hand; a server started through `su USER -c "…"`, where `exec su` would leave su as its parent (the message advises gosu or USER); on a base with no shell (distroless, Chainguard), a command that needs `sh -c` (a variable to expand) or `env` (assignments before it), which are not in the image, and an exec-form `sh -c` there, which no `exec` written into it makes start.',
    make: fixShellForm,
  },
});

/** A script that starts the server (or the container command, or the next script) as a child stays PID 1. */
function scriptFindings(
  script: EntrypointScript,
  commands: ShellCommand[],
  app: App,
  init: InitProcess | undefined,
  startShells: StartShell[],
): RawFinding[] {
  const all = app.entrypointScripts;
  const holder = whoKeepsSignal(app, script, init, startShells);
  const { stays, also } = holder;
  const out: RawFinding[] = [];
  // `cmd="$@"` … `$cmd` runs the container command as `"$@"` does.
  const held = argumentsHeldBy(script.script);
  const startsArgs = (argv: string[]) => runsArguments(argv, held) || launchesArguments(argv, held);
  // A server sent to the background while the script goes on: several processes, which exec cannot fix.
  // Each branch (`case` item, if/else) that does it on its own: alternatives never run together.
  const runs = backgroundStarts(commands, startsArgs).flatMap((run) => {
    const background = run.background.find((p) => serverOf(p.command.argv));
    return background ? [{ run, background }] : [];
  });
  const several = holder.above
    ? `the script's shell stays over several processes and SIGTERM reaches none of them; and ${script.file} is not PID 1 either: ${holder.above}`
    : init
      ? `${init.name} sends SIGTERM to the script's shell only, over several processes, and it reaches none of them`
      : 'the script stays PID 1 over several processes and SIGTERM reaches none of them';
  // `trap _term TERM` whose handler passes SIGTERM on to the one server the script then waits for: a forwarder.
  const forwarder = termForwarder(commands);
  for (const { run, background } of runs) {
    if (forwarder && run.background.length === 1 && run.holder?.kind === 'wait') {
      if (!forwarder.waitsAgain)
        out.push({
          file: script.file,
          line: background.command.line,
          message:
            forwarderExitsMessage(script.file, background.what, forwarder, init, holder) +
            dieOnTermAdvice(app, background.command.argv),
        });
      continue;
    }
    // `… && gunicorn … &` as the last line: the script ends at once, and the container stops with it.
    if (run.ends && containerEndsAfter(app, { ...run.background.at(-1)!.command, file: script.file })) {
      const whats = run.background.map((p) => p.what);
      out.push({
        file: script.file,
        line: background.command.line,
        message: `${script.file} starts ${listOf(whats)} in the background (&), and ${exitsAtOnceWords(whats)}. ${foregroundAdvice(run.background)}`,
      });
      continue;
    }
    // `… runserver & … exec jupyter-notebook`: the process the script execs gets SIGTERM, the server never does
    const execed = run.holder?.kind === 'process' && run.holder.command.viaExec ? run.holder.what : undefined;
    const message =
      execed && !holder.above
        ? `${script.file} ${execedHolderWords(
            run,
            `the script execs ${execed} (exec)`,
            execed,
            init
              ? `${initAsPid1(init)} passes SIGTERM on to ${execed}`
              : `${execed} is PID 1 and gets SIGTERM`,
          )}`
        : `${script.file} ${backgroundWords(run)}, so ${several}. ${oneProcessAdvice(run)}${holder.execAbove}`;
    out.push({ file: script.file, line: background.command.line, message });
  }
  // `"$@" &` then `wait`: the container command is the script's child, whatever it is
  const waited = waitedArgumentsFinding(script.file, commands, startsArgs, init, holder);
  if (waited) out.push(waited);
  // The rest is judged in the branches that start no server in the background, by the script's own commands: what
  // `su app -c "…"` runs is judged by the su command, the process the script waits for.
  commands = commands.filter(
    (c) =>
      !c.asUser &&
      runs.every((r) => exclusive(c, r.background.command) && !launches(c, r.background.command)),
  );
  // `gunicorn …` that nothing installs, then `runserver`: the first fails at once and the script goes on to the next.
  // `gunicorn … && runserver`: && skips runserver when gunicorn fails, so neither is what starts.
  const skipped = passedOver(app, commands);
  const neverRun = new Set([...skipped.values()].flatMap((r) => r.skipped));
  const written = commands;
  commands = commands.filter((c) => !skipped.has(c) && !neverRun.has(c));
  const before = (at: ShellCommand) =>
    new Map([...skipped].filter(([c]) => written.indexOf(c) < written.indexOf(at)));
  // `gunicorn …` then `celery … worker`: the worker waits for the server to exit; exec on either cannot fix that.
  const facts = daemonFacts(app);
  const sequence = foregroundSequence(commands, facts);
  if (sequence && !sequence[0].command.viaExec) {
    const keep = keptProcess(sequence);
    out.push({
      file: script.file,
      line: sequence[0].command.line,
      message: `${script.file} runs several long-running processes in sequence: ${sequencePhrase(sequence)}, ${stays(sequence[0].what)}. Run one process per container: start only ${keep.what} here, with ${quotedLine(execLine(keep.command))}, and ${othersOwnContainers(sequence.filter((p) => p !== keep).map((p) => p.command))}.${passedOverNote(before(sequence[0].command), `${sequence[0].what} is what starts`)}${stoppedNote(app, written, sequence[0].command)}`,
    });
  }
  const inSequence = new Set(sequence?.map((p) => p.command));
  // exec ends the script there: only the last command of the script (or of its branch) hands PID 1 over.
  const ends = new Set(branchEnds(commands));
  commands.forEach((c, i) => {
    // `bash scripts/wait-for-it.sh -h db -p 5432`: a wait step that exits, not the server (nor a start script)
    if (c.viaExec || c.background || inSequence.has(c) || isWaitStep(c.argv)) return;
    // `gunicorn --daemon`, `service nginx start`: it detaches and returns, so exec would end the container there
    if (daemonOf(c.argv, facts)) return;
    // `su app -c ". venv/bin/activate && gunicorn … &"`: su returns once it has sent the server to the background.
    if (backgroundsInside(c.argv)) return;
    const server = mainProcessOf(c.argv) ?? (ends.has(c) ? foregroundProcess(c.argv, facts) : undefined);
    const runsArgs = startsArgs(c.argv);
    // A script followed by more commands (`./bin/install.sh` then `manage.py test`) is a setup step, and one
    // followed by the server's own start is a one-off helper (wait-for-it.sh db:5432 -- echo up).
    const next =
      server || runsArgs || !ends.has(c) || startsLater(commands, i, startsArgs)
        ? undefined
        : scriptRunBy(c.argv, all, script);
    // `make dev`, whose recipe starts the server: the server is a child of make, itself a child of the script
    const viaMake = server || runsArgs ? undefined : makeStartOf(c, all, facts);
    if (!server && !runsArgs && !next && !viaMake) return;
    const what = server
      ? server.kind
      : viaMake
        ? viaMake.kind
        : next
          ? next.file
          : 'the container command ("$@")';
    // `while true; do gunicorn …; done`: exec there would end the loop the script exists for.
    if (c.loop) {
      const message = restartLoopMessage(script, c, what, init, holder) + dieOnTermAdvice(app, c.argv);
      out.push({ file: script.file, line: c.line, message });
      return;
    }
    if (viaMake && !c.execInSubshell) {
      const at = `${viaMake.makefile}:${viaMake.recipe.line}`;
      out.push({
        file: script.file,
        line: c.line,
        message: `${script.file}, line ${c.line}, starts ${what} through make (the recipe at ${at}) without exec, ${stays(what)}. ${makeStartAdvice(viaMake)}${also}.${dieOnTermAdvice(app, viaMake.recipe.argv)}${passedOverNote(before(c), `${what} is what starts`)}`,
      });
      return;
    }
    const write = quotedLine(runsArgs && /^\$\{?[@*]\}?$/.test(c.argv[0]) ? 'exec "$@"' : execLine(c));
    // `(cd src; exec gunicorn …)`: the exec replaces the subshell the script forked and waits for, not the script.
    const starts = c.execInSubshell
      ? `starts ${what} with exec inside a ( … ) subshell: exec replaces the subshell, a child of the script's shell, not the script, ${stays(what)}. Remove the parentheses, so that the script's own shell runs what they hold and ${write} replaces it${also}`
      : `starts ${what} without exec, ${stays(what)}. ${suExecAdvice(c, suHandOver(app)) ?? `Write ${write}${also}`}`;
    out.push({
      file: script.file,
      line: c.line,
      message: `${script.file}, line ${c.line}, ${starts}.${dieOnTermAdvice(app, c.argv)}${passedOverNote(before(c), `${what} is what starts`)}`,
    });
  });
  return out;
}
