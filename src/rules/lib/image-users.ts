/** The users an image's stages create and how its base hands a process to another user: for the root rules. Pure. */
import { basename, resolveWord } from '../../model/command.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import type { ArgInstr, DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';

// Options of useradd/adduser (shadow, Debian, busybox) that take a value: the word after them is no user name.
export const USER_OPTION_VALUES = new Set(
  '-u -g -G -d -h -s -c -k -e -f -K -p -R -Z -b --uid --gid --groups --home-dir --home --shell --comment --gecos --ingroup --skel --expiredate --inactive --key --password --root --base-dir'.split(
    ' ',
  ),
);

/**
 * The user a `useradd`/`adduser` command creates (`adduser -S app -G app`, `useradd -m "$USER"`), its name resolved
 * in `env`; a name that stays a variable is returned as written (`$USER`).
 */
export function userAddedBy(argv: string[], env: Record<string, string | undefined>): string | undefined {
  if (!['useradd', 'adduser'].includes(basename(argv[0] ?? ''))) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!;
    if (w.startsWith('-')) {
      if (USER_OPTION_VALUES.has(w)) i++;
      continue;
    }
    const name = resolveWord(w, env) || w;
    return /^[a-z_][\w-]*$/.test(name) || name.includes('$') ? name : undefined;
  }
  return undefined;
}

export const known = (name: string | undefined) => (name?.includes('$') ? undefined : name);

/** The users the RUNs of the stage and of the stages it is built on create, in order. */
export function usersCreatedByRuns(df: DockerfileModel, stage: Stage, own = false): string[] {
  const names: string[] = [];
  for (const s of own ? [stage] : lineage(df, stage)) {
    // A RUN sees the stage's ARGs declared before it (`useradd ${uname}` after `ARG uname=web`), ENV over them.
    const args: Record<string, string | undefined> = {};
    for (const ins of s.instructions) {
      if (ins.keyword === 'ARG') args[(ins as ArgInstr).name] = (ins as ArgInstr).value;
      if (ins.keyword !== 'RUN') continue;
      for (const c of (ins as RunInstr).script?.commands ?? []) {
        const name = userAddedBy(c.argv, { ...args, ...stage.env });
        if (name) names.push(name);
      }
    }
  }
  return names;
}

// Users the Debian and Alpine bases (python:*, debian, alpine) already hold: USER names them without a useradd.
export const BASE_USERS = new Set(
  'root daemon bin sys sync games man lp mail news uucp proxy www-data backup list irc nobody adm operator guest'.split(
    ' ',
  ),
);

/** Whether the image holds `user`: a uid, a user of the base distribution, or one its RUNs create. */
export function imageHasUser(df: DockerfileModel, stage: Stage, user: string): boolean {
  if (/^\d+$/.test(user) || BASE_USERS.has(user)) return true;
  // A RUN that creates a user named by a variable we cannot resolve may create this one.
  if (usersCreatedByRuns(df, stage).some((u) => u === user || u.includes('$'))) return true;
  // Another base (a company image) may create it: only the official Python and distribution images are known.
  const base = lineage(df, stage)[0]!.from;
  return !/^(?:docker\.io\/)?(?:library\/)?(python|debian|ubuntu|alpine)(:|@|$)/.test(base.image ?? base.raw);
}

/** The first stage of the image's lineage: its FROM names the base image (`FROM base` names a stage). */
export const baseStage = (df: DockerfileModel, stage: Stage) => lineage(df, stage)[0]!;

export const isAlpine = (stage: Stage) => /alpine/i.test(stage.from.image ?? stage.from.raw);

/** The command that creates `name` on the stage's base at build time. */
export function createUser(stage: Stage, name = 'app'): string {
  return isAlpine(stage) ? `adduser -D -u 10001 ${name}` : `useradd --create-home --uid 10001 ${name}`;
}

/** How to stop running as root in this stage: switch to the user it already creates, else create one its base can. */
export function switchAdvice(
  df: DockerfileModel,
  stage: Stage,
  where = '',
  owner?: { user: string; path: string; how: string; file: string; line: number },
): string {
  const existing = known(usersCreatedByRuns(df, stage).at(-1));
  if (existing && usersCreatedByRuns(df, stage, true).includes(existing))
    return `The stage already creates the user ${existing}: add USER ${existing}${where}.`;
  if (existing) {
    const parent = stage.from.image ?? stage.from.raw;
    return `The stage it is built on ('${parent}') already creates the user ${existing}: add USER ${existing}${where}.`;
  }
  // `chown -R www-data /var/www` over the WORKDIR: the user the image gives the app's files to is the one to run as.
  if (owner) {
    const what =
      owner.path === stage.workdir
        ? `the working directory ${owner.path}`
        : `${owner.path}, the working directory ${stage.workdir} with it,`;
    return `The image already gives ${what} to ${owner.user} (${owner.how} at ${owner.file}:${owner.line}): add USER ${owner.user}${where}.`;
  }
  return `Create an unprivileged user and switch to it: RUN ${createUser(baseStage(df, stage))}, then USER app${where}.`;
}

/** A tool the image has (or can get from its own packages) that execs a command as `user`. */
export function handOver(df: DockerfileModel, stage: Stage, user: string): string {
  const runs = lineage(df, stage)
    .flatMap((s) => s.instructions)
    .filter((i): i is RunInstr => i.keyword === 'RUN')
    .flatMap((r) => r.script?.commands ?? [])
    .flatMap((c) => c.argv);
  if (runs.includes('gosu')) return `exec gosu ${user} …`;
  if (runs.includes('su-exec')) return `exec su-exec ${user} …`;
  return `exec ${dropTool(baseStage(df, stage), user)}`;
}

/** A command that runs what follows it as `user`, from the image or from its base's packages. */
export function dropTool(stage: Stage, user: string): string {
  const image = stage.from.image ?? stage.from.raw;
  switch (releaseOf(stage)) {
    case 'alpine':
      return `su-exec ${user} … (RUN apk add --no-cache su-exec)`;
    case 'util-linux':
      return `setpriv --reuid=${user} --regid=${user} --init-groups … (in the image already, from util-linux)`;
    case 'gosu-package':
      return `gosu ${user} … (RUN apt-get install -y gosu)`;
    case 'before-setpriv':
      return `gosu ${user} … (gosu's static release binary, added at build time: ${image} packages no gosu, and its util-linux predates setpriv and runuser)`;
    case 'no-gosu-package':
      return `gosu ${user} … (gosu's static release binary, added at build time: ${image} packages no gosu)`;
    default:
      return `gosu ${user} … (or setpriv --reuid=${user} --regid=${user} --init-groups … where the base's util-linux ships it)`;
  }
}

export type Release =
  'alpine' | 'util-linux' | 'gosu-package' | 'no-gosu-package' | 'before-setpriv' | 'unknown';

/**
 * Where the base's release gets a tool that hands a process to another user: setpriv came with util-linux 2.23 and
 * is in Debian's and Ubuntu's util-linux package from Debian 12 and Ubuntu 24.04 on (a separate `setpriv` package
 * before); gosu is packaged from Debian 9 and Ubuntu 18.04 on; Debian 7 and Ubuntu 14.04 ship util-linux 2.20.
 */
export function releaseOf(stage: Stage): Release {
  const ref = (stage.from.image ?? stage.from.raw).split('@')[0]!.toLowerCase();
  const colon = ref.lastIndexOf(':');
  const repository = colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
  const tag = colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : 'latest';
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  if (name === 'alpine' || /alpine/.test(tag)) return 'alpine';
  if (/\b(wheezy|precise|trusty)\b/.test(tag)) return 'before-setpriv';
  if (/\b(jessie|xenial)\b/.test(tag)) return 'no-gosu-package';
  if (/\b(stretch|buster|bullseye|bionic|focal|jammy)\b/.test(tag)) return 'gosu-package';
  if (/\b(bookworm|trixie|noble)\b/.test(tag)) return 'util-linux';
  const major = Number(/^(\d+)/.exec(tag)?.[1] ?? NaN);
  const official = !repository.includes('/') || /^(docker\.io\/)?library\//.test(repository);
  if (!official) return 'unknown';
  if (name === 'debian' || name === 'ubuntu') {
    if (Number.isNaN(major))
      return /^(latest|stable|testing|rolling|sid|devel)$/.test(tag) ? 'util-linux' : 'unknown';
    const [old, split, merged] = name === 'debian' ? [7, 9, 12] : [14, 18, 24];
    if (major <= old) return 'before-setpriv';
    if (major < split) return 'no-gosu-package';
    return major < merged ? 'gosu-package' : 'util-linux';
  }
  if (name === 'python') {
    // A suite-less tag follows the current Debian; Python 2 and 3.6 and older stopped on buster or bullseye.
    const minor = Number(/^\d+\.(\d+)/.exec(tag)?.[1] ?? NaN);
    if (major === 2 || (major === 3 && minor <= 6)) return 'gosu-package';
    return 'util-linux';
  }
  return 'unknown';
}

/** The name of the user a RUN creates (`useradd [options] NAME`, `adduser -D NAME`), the last one when several. */
export function createdUser(runs: string[]): string | undefined {
  let name: string | undefined;
  for (const run of runs)
    for (const m of run.matchAll(
      /\b(?:useradd|adduser)\b((?:\s+(?:-{1,2}[\w-]+(?:[ =](?![-])[^\s&;|]+)?|\\\n))*)\s+([a-z_][\w-]*)(?=\s*(?:$|&&|;|\|\||\\))/gm,
    ))
      name = m[2];
  return name;
}
