import {
  basename,
  containerEnv,
  launchedCommand,
  programArgv,
  resolveWord,
  startCommands,
} from '../model/command.js';
import type { RawFinding } from '../core/index.js';
import type { RunInstr, Stage } from '../model/types/dockerfile.js';
import type { App } from '../model/types/project.js';
import { appOfDockerfile, runtimeInsertionLine } from './lib/dockerfile-fix.js';
import { insertLines, linesOf, replaceLines } from './lib/fix.js';
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
stage that runs must not. An entrypoint that drops privileges with \`gosu\`/\`su-exec\` (or \`gunicorn --user\`) still
starts as root and runs everything before the drop as root: reported, with the drop named; the fix is a USER line,
or keeping the drop knowingly (suppress with the reason). \`ENV USER=app\` sets a variable, not the user.

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
      // A drop in the start command (gosu, su-exec) leaves the stage without USER: reported, with the drop named.
      const drop = privilegeDrop(app);
      if (drop) {
        findings.push({
          file: df.file,
          line: stage.lastLine,
          message: `${user ? `The image runs as ${name} (USER ${user.user} at line ${user.line})` : `The target stage${stage.name ? ` '${stage.name}'` : ''} sets no USER`}, so the container starts as root: ${drop.file}:${drop.line} drops to ${drop.user ?? 'another user'} with ${drop.tool} only for the command it runs, and the rest of the start (the entrypoint script itself, anything it runs without ${drop.tool}) stays root. Add USER ${drop.user ?? '<user>'} to the stage and start without ${drop.tool} (it cannot switch users without root), or keep the drop knowingly and suppress TF1301 with the reason.`,
        });
        continue;
      }
      const su = suDrop(app);
      if (su) {
        // The start script needs root before `su` (chown, then su): a USER would break it; a clean drop is the fix.
        findings.push({
          file: df.file,
          line: stage.lastLine,
          message: `The container starts as root, and ${su.file}:${su.line} drops to ${su.user} with 'su ${su.user} -c' (steps before it may need root, so a USER could break them). Replace su with a tool that hands the process over to ${su.user} instead of opening a su session around it: exec gosu ${su.user} …, su-exec or setpriv.`,
        });
        continue;
      }
      findings.push({
        file: df.file,
        line: stage.lastLine,
        message: user
          ? `The image runs as ${name} (USER ${user.user} at line ${user.line}). ${switchAdvice(stage)}`
          : `The target stage${stage.name ? ` '${stage.name}'` : ''} sets no USER, so the app runs as root. ${switchAdvice(stage, ' before CMD')}`,
      });
    }
    return findings;
  },
  fix: {
    safety: 'safe',
    summary:
      'Creates an unprivileged user `app` (uid 10001) owning the working directory (and the VOLUME directories declared after the last RUN, switching before them), and switches to it with `USER app` after the last RUN of the target stage; a user the RUNs of the stage already create is switched to instead.',
    declines:
      'a USER given by a variable, which cannot be told; a start command that drops to its user with su, gosu, su-exec or a server option (it needs root until then).',
    make: fixRunsAsRoot,
  },
});

function fixRunsAsRoot(context: FixContext): FixProposal | undefined {
  const found = appOfDockerfile(context);
  const text = found && linesOf(context, found.dockerfile.file);
  if (!found || !text || found.stage.lastLine !== context.finding.line) return undefined;
  // A start script that drops with su, gosu or su-exec needs root until then: a USER would break it.
  if (suDrop(found.app) || privilegeDrop(found.app)) return undefined;
  const { dockerfile, stage } = found;
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN');
  const runtime = runtimeInsertionLine(stage);
  const root = stage.user && stage.instructions.includes(stage.user) ? stage.user : undefined;
  // USER root after the last RUN: replaced in place, so no later USER switches back.
  const inPlace = root && root.line < runtime && !runs.some((i) => i.line > root.line) ? root : undefined;
  // A user the stage's RUNs already create is switched to, not created twice (useradd would fail the build).
  const existing =
    createdUser(runs.map((r) => text.slice(r.line - 1, r.endLine).join('\n'))) ?? userCreatedByRuns(stage);
  let lines: string[];
  let at = runtime;
  if (existing) lines = [`USER ${existing}`];
  else {
    // Alpine's busybox has adduser only; Debian-based images (python:*, slim) have useradd.
    const alpine = /alpine/i.test(stage.from.image ?? stage.from.raw);
    const create = alpine ? 'adduser -D -u 10001 app' : 'useradd --create-home --uid 10001 app';
    // A VOLUME after the last RUN (the data directory): created and handed to app before it, so app can write there.
    const volumes = inPlace
      ? []
      : stage.volumes.filter(
          (v) => stage.instructions.includes(v) && v.line < runtime && !runs.some((i) => i.line > v.line),
        );
    if (volumes.length > 0) at = Math.min(...volumes.map((v) => v.line));
    const dataDirs = [...new Set(volumes.flatMap((v) => v.paths))];
    const owned = [...(stage.workdir !== '/' ? [stage.workdir] : []), ...dataDirs];
    const mkdir = dataDirs.length > 0 ? ` && mkdir -p ${dataDirs.join(' ')}` : '';
    const chown = owned.length > 0 ? ` && chown app ${owned.join(' ')}` : '';
    lines = [`RUN ${create}${mkdir}${chown}`, 'USER app'];
  }
  const title = `run as the unprivileged user ${existing ?? 'app'}`;
  if (inPlace) return { title, edits: [replaceLines(dockerfile.file, inPlace.line, inPlace.endLine, lines)] };
  return { title, edits: [insertLines(dockerfile.file, at, lines)] };
}

/** The name of the user a RUN creates (`useradd [options] NAME`, `adduser -D NAME`), the last one when several. */
function createdUser(runs: string[]): string | undefined {
  let name: string | undefined;
  for (const run of runs)
    for (const m of run.matchAll(
      /\b(?:useradd|adduser)\b((?:\s+(?:-{1,2}[\w-]+(?:[ =](?![-])[^\s&;|]+)?|\\\n))*)\s+([a-z_][\w-]*)(?=\s*(?:$|&&|;|\|\||\\))/gm,
    ))
      name = m[2];
  return name;
}

/** Where the start command drops root (`gosu app …`, `su-exec "$USER" …`, `gunicorn --user app`), and to whom. */
function privilegeDrop(app: App): { file: string; line: number; tool: string; user?: string } | undefined {
  const env = containerEnv(app);
  for (const c of startCommands(app)) {
    const found = dropsPrivileges(c.argv);
    if (!found) continue;
    // `su-exec "$USER"`: the user the image's ENV names (ENV USER=app is a variable, never a USER instruction)
    const user = found.user && resolveWord(found.user, env);
    return { file: c.file, line: c.line, tool: found.tool, user: user?.split(':')[0] || undefined };
  }
  return undefined;
}

function dropsPrivileges(argv: string[]): { tool: string; user?: string } | undefined {
  // `wait-for-it db:5432 -- gosu app gunicorn …`: the launchers before the one that drops privileges
  for (let a: string[] | undefined = argv, depth = 0; a && depth < 4; a = launchedCommand(a), depth++) {
    const tool = basename(a[0] ?? '');
    if (DROPS_PRIVILEGES.has(tool)) return { tool, user: a.slice(1).find((w) => !w.startsWith('-')) };
  }
  const a = programArgv(argv);
  const option = (names: string[]) => {
    const i = a.findIndex((x) => names.includes(x) || names.some((n) => x.startsWith(`${n}=`)));
    return i < 0 ? undefined : a[i].includes('=') ? a[i].slice(a[i].indexOf('=') + 1) : (a[i + 1] ?? '');
  };
  const user =
    a[0] === 'gunicorn' ? option(['-u', '--user']) : a[0] === 'uwsgi' ? option(['--uid']) : undefined;
  return user === undefined ? undefined : { tool: `${a[0]} ${a[0] === 'uwsgi' ? '--uid' : '--user'}`, user };
}

// Options of useradd/adduser (shadow, Debian, busybox) that take a value: the word after them is no user name.
const USER_OPTION_VALUES = new Set(
  '-u -g -G -d -h -s -c -k -e -f -K -p -R -Z -b --uid --gid --groups --home-dir --home --shell --comment --gecos --ingroup --skel --expiredate --inactive --key --password --root --base-dir'.split(
    ' ',
  ),
);

/** The user the target stage's RUNs create (`adduser -S app -G app`, `useradd -m app`), the last one when several. */
function userCreatedByRuns(stage: Stage): string | undefined {
  let name: string | undefined;
  for (const ins of stage.instructions) {
    if (ins.keyword !== 'RUN') continue;
    for (const c of (ins as RunInstr).script?.commands ?? []) {
      if (!['useradd', 'adduser'].includes(basename(c.argv[0] ?? ''))) continue;
      for (let i = 1; i < c.argv.length; i++) {
        const w = c.argv[i]!;
        if (w.startsWith('-')) {
          if (USER_OPTION_VALUES.has(w)) i++;
          continue;
        }
        if (/^[a-z_][\w-]*$/.test(w)) name = w;
        break;
      }
    }
  }
  return name;
}

/** How to stop running as root in this stage: switch to the user it already creates, else create one its base can. */
function switchAdvice(stage: Stage, where = ''): string {
  const existing = userCreatedByRuns(stage);
  if (existing) return `The stage already creates the user ${existing}: add USER ${existing}${where}.`;
  const alpine = /alpine/i.test(stage.from.image ?? stage.from.raw);
  const create = alpine ? 'adduser -D -u 10001 app' : 'useradd --create-home --uid 10001 app';
  return `Create an unprivileged user and switch to it: RUN ${create}, then USER app${where}.`;
}

/** Where an entrypoint script drops to another user with `su USER -c …` (a root process stays as its parent). */
function suDrop(app: App): { file: string; line: number; user: string } | undefined {
  for (const script of app.entrypointScripts)
    for (const c of script.script.commands) {
      if (basename(c.argv[0] ?? '') !== 'su') continue;
      const user = c.argv.slice(1).find((w) => !w.startsWith('-') && w !== 'root');
      if (user && c.argv.includes('-c')) return { file: script.file, line: c.line, user };
    }
  return undefined;
}
