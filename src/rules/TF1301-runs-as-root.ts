import { programArgv, startCommands } from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import { appOfDockerfile, runtimeInsertionLine } from './lib/dockerfile-fix.js';
import { insertLines, replaceLines } from './lib/fix.js';
import { defineRule, type FixContext, type FixProposal } from './lib/rule.js';

const DROPS_PRIVILEGES = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 'chpst', 's6-setuidgid']);

export const runsAsRoot = defineRule({
  id: 'TF1301',
  name: 'runs-as-root',
  factor: 'XIII',
  severity: 'warning',
  kind: 'S',
  title: 'The target stage has no USER, or its last USER is root/0',
  help: `Without a \`USER\`, the app runs as root inside the container: a bug in the app or a dependency then has
root's power over the container's files and a shorter path to the host. Builder stages may stay root; the
stage that runs must not. Entrypoint scripts that drop privileges with \`gosu\`/\`su-exec\` are accepted.

\`\`\`dockerfile
RUN useradd --create-home --uid 10001 app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: ['DL3002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'DS-0002'],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      const stage = df?.targetStage;
      if (!df || !stage) continue;
      const user = stage.user;
      if (user && user.user === undefined) continue; // USER $VAR we cannot resolve
      const name = user?.user?.split(':')[0];
      if (user && name !== 'root' && name !== '0') continue;
      if (startCommands(app).some((c) => dropsPrivileges(c.argv))) continue;
      findings.push({
        file: df.file,
        line: stage.lastLine,
        message: user
          ? `The image runs as ${name} (USER ${user.user} at line ${user.line}). Create an unprivileged user and switch to it: RUN useradd --uid 10001 app, then USER app.`
          : `The target stage${stage.name ? ` '${stage.name}'` : ''} sets no USER, so the app runs as root. Create an unprivileged user and add USER app before CMD.`,
      });
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'Creates an unprivileged user `app` (uid 10001) owning the working directory, and switches to it with `USER app` after the last RUN of the target stage.',
    make: fixRunsAsRoot,
  },
});

function fixRunsAsRoot(context: FixContext): FixProposal | undefined {
  const found = appOfDockerfile(context);
  if (!found || found.stage.lastLine !== context.finding.line) return undefined;
  const { dockerfile, stage } = found;
  // Alpine's busybox has adduser only; Debian-based images (python:*, slim) have useradd.
  const alpine = /alpine/i.test(stage.from.image ?? stage.from.raw);
  const create = alpine ? 'adduser -D -u 10001 app' : 'useradd --create-home --uid 10001 app';
  const chown = stage.workdir !== '/' ? ` && chown app ${stage.workdir}` : '';
  const lines = [`RUN ${create}${chown}`, 'USER app'];
  const title = 'run as the unprivileged user app';
  const root = stage.user && stage.instructions.includes(stage.user) ? stage.user : undefined;
  const at = runtimeInsertionLine(stage);
  // USER root after the last RUN: replaced in place, so no later USER switches back.
  if (root && root.line < at && !stage.instructions.some((i) => i.keyword === 'RUN' && i.line > root.line))
    return { title, edits: [replaceLines(dockerfile.file, root.line, root.endLine, lines)] };
  return { title, edits: [insertLines(dockerfile.file, at, lines)] };
}

function dropsPrivileges(argv: string[]): boolean {
  const p = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '';
  if (DROPS_PRIVILEGES.has(p)) return true;
  const a = programArgv(argv);
  return (
    (a[0] === 'gunicorn' && argv.some((x) => x === '-u' || x === '--user' || x.startsWith('--user='))) ||
    (a[0] === 'uwsgi' && argv.some((x) => x === '--uid' || x.startsWith('--uid=')))
  );
}
