import {
  basename,
  daemonOf,
  effectiveCommand,
  imageCommand,
  longRunningProcess,
  programArgv,
} from '../model/command.js';
import { supervisordRun } from '../model/supervisor-config.js';
import type { RawFinding } from '../core/index.js';
import type { SupervisorProgram } from '../model/types/project.js';
import { defineRule } from './lib/rule.js';

/** supervisord: a process manager whose only use in a container is to run several programs in it. */
function isProcessManager(argv: string[]): boolean {
  return supervisordRun(programArgv(argv)) !== undefined;
}

/** `the programs of deploy/supervisor.conf: app-uwsgi (uwsgi), nginx-app (nginx)`, or a generic phrase when unknown. */
function supervisedPrograms(programs: SupervisorProgram[]): string {
  if (programs.length === 0) return 'the programs of its configuration (e.g. nginx and uwsgi)';
  const files = [...new Set(programs.map((p) => p.file))].join(', ');
  const names = programs.map((p) => `${p.name} (${basename(programArgv(p.argv)[0] ?? '') || p.command})`);
  return `the programs of ${files}: ${names.join(', ')}`;
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
\`gunicorn --daemon\`, \`service nginx start\`) before the main server starts. Running the web server, a Celery worker
and beat in one container also means they can only be scaled together.
\`supervisord\` as the start command is the same design with a process manager in front (typically nginx and uWSGI
as its programs): it is reported at the command that starts it.

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
    for (const app of project.apps) {
      const commands = [...imageCommand(app), ...effectiveCommand(app)];
      // A daemon counts only beside a main process that stays in the foreground.
      const foreground = commands.some(
        (c) => !c.background && !daemonOf(c.argv) && (longRunningProcess(c.argv) || c.argv[0] === '$@'),
      );
      for (const cmd of commands) {
        const key = `${cmd.file}:${cmd.line}`;
        if (isProcessManager(cmd.argv) && !seen.has(key)) {
          seen.add(key);
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `This starts supervisord as the container's main process, to run ${supervisedPrograms(app.supervisorPrograms ?? [])} side by side in one container: the runtime sees one process, so a program that dies is not reported, and none can be scaled or stopped on its own. Run each program as its own container (its own compose service) instead.`,
          });
          continue;
        }
        const daemon = foreground ? daemonOf(cmd.argv) : undefined;
        const what = cmd.background ? longRunningProcess(cmd.argv) : daemon;
        if (!what || seen.has(key)) continue;
        seen.add(key);
        const how = cmd.background ? "in the background with '&'" : `as a daemon (${cmd.argv.join(' ')})`;
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: `This starts ${what} ${how}, beside the container's main process: nothing restarts it when it dies, and it cannot be scaled or stopped on its own. Run it as its own container (its own compose service or command) from the same image.`,
        });
      }
    }
    return findings;
  },
});
