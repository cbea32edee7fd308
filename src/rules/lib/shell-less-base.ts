/**
 * Base images with no shell (Google's distroless, Chainguard's images other than `-dev`): a RUN cannot run there, so
 * no useradd, mkdir or chown; the user to run as is the one the image already holds, and what it writes is given to
 * that user by the COPY that creates it. Pure.
 */
import { posix } from 'node:path';
import { lineage } from '../../model/dockerfile/lineage.js';
import { splitImage } from '../../model/image-ref.js';
import type { CopyInstr, DockerfileModel, Stage, WorkdirInstr } from '../../model/types/dockerfile.js';
import { baseImageOf } from './image-shell.js';
import type { TextEdit } from '../../core/index.js';
import { insertAt, replaceInLine } from './fix.js';
import { listOf } from './processes.js';
import { mountNotes, type RuntimeWrites } from './run-time-writes.js';

export interface ShellLessBase {
  /** The base image's repository (`gcr.io/distroless/python3-debian12`). */
  repository: string;
  /** The unprivileged user the image holds, as USER and `--chown` name it. */
  user: string;
  /** How the advice calls that user. */
  described: string;
}

/**
 * The stage's base when it has no shell: `gcr.io/distroless/*` (not the `debug` tags, which carry BusyBox) holds the
 * user nonroot (uid 65532) in every image; Chainguard's images give uid 65532 to their nonroot account.
 */
export function shellLessBase(df: DockerfileModel, stage: Stage): ShellLessBase | undefined {
  const image = baseImageOf(df, stage);
  if (!image || image.includes('$')) return undefined;
  const { repository, tag = 'latest' } = splitImage(image.toLowerCase());
  if (/^gcr\.io\/distroless\//.test(repository) && !/debug/.test(tag))
    return {
      repository,
      user: 'nonroot',
      described: 'nonroot (uid 65532), the unprivileged user every distroless image holds',
    };
  if (/^cgr\.dev\/chainguard\//.test(repository) && !/(^|-)dev$/.test(tag))
    return { repository, user: '65532', described: "65532, the uid of Chainguard's nonroot user" };
  return undefined;
}

/** A distroless `nonroot` tag (`:nonroot`, `:debug-nonroot`) already runs as uid 65532: the image sets the USER. */
export function runsAsNonrootByDefault(df: DockerfileModel, stage: Stage): boolean {
  const image = baseImageOf(df, stage);
  if (!image || image.includes('$')) return false;
  const { repository, tag = 'latest' } = splitImage(image.toLowerCase());
  return /^gcr\.io\/distroless\//.test(repository) && /(^|-)nonroot(-|$)/.test(tag);
}

/**
 * The COPY of the stage (or the stages it is built on) that creates `path` or a directory above it: what it lays
 * down is the user's with `--chown`. None when a WORKDIR or an earlier COPY made that directory first (it keeps root).
 */
export function creatingCopy(df: DockerfileModel, stage: Stage, path: string): CopyInstr | undefined {
  const made: string[] = [];
  const under = (p: string, dir: string) => p === dir || dir === '/' || p.startsWith(`${dir}/`);
  let found: CopyInstr | undefined;
  for (const s of lineage(df, stage))
    for (const i of s.instructions) {
      if (i.keyword === 'WORKDIR' && (i as WorkdirInstr).path) made.push((i as WorkdirInstr).path!);
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const copy = i as CopyInstr;
      const dest = copy.dest ? posix.normalize(copy.dest).replace(/(.)\/+$/, '$1') : '';
      if (!dest.startsWith('/')) continue;
      const existed = made.some((m) => under(m, dest));
      made.push(dest);
      if (!existed && under(path, dest) && found === undefined) found = copy;
    }
  return found;
}

/**
 * The words that switch a shell-less stage to its own user and give that user, through the COPYs that create them,
 * the directories the app writes at run time; `where` places the USER (` before CMD`).
 */
export function shellLessAdvice(
  df: DockerfileModel,
  stage: Stage,
  base: ShellLessBase,
  writes: RuntimeWrites,
  where: string,
): string {
  const user = base.user;
  const chown = `--chown=${user}:${user}`;
  const switchTo = stage.user
    ? `replace USER ${stage.user.user} with USER ${user}`
    : `add USER ${user}${where}`;
  const parts = [
    `${base.repository} has no shell, so no RUN can run in this stage (no useradd, mkdir or chown): run as ${base.described}, and ${switchTo}.`,
  ];
  if (writes.known.length > 0) {
    const paths = writes.known.map((w) => w.dir);
    const copies = [...new Set(paths.map((p) => creatingCopy(df, stage, p)))];
    const lines = copies.flatMap((c) => (c ? [`${c.line}`] : []));
    const uncopied = paths.filter((p) => !creatingCopy(df, stage, p));
    const give =
      lines.length === 0
        ? ''
        : ` add ${chown} to the ${lines.length === 1 ? 'COPY' : 'COPYs'} that ${lines.length === 1 ? 'creates' : 'create'} ${uncopied.length === 0 && paths.length > 1 ? 'them' : 'it'} (line ${listOf(lines)})`;
    const make =
      uncopied.length === 0
        ? ''
        : `${give ? ';' : ''} no COPY creates ${listOf(uncopied)} (a WORKDIR or an earlier COPY made it as root): create it in a build stage and copy it in with COPY --from=<stage> ${chown} before anything else makes it`;
    parts.push(
      `The app writes at run time in ${paths.length === 1 ? 'a directory' : 'directories'} the image leaves to root: ${listOf(writes.known.map((w) => `${w.dir} (${w.what})`))}; as ${user} it could not, so${give}${make}.${mountNotes(writes.known, user)}`,
    );
  }
  if (writes.inRoot)
    parts.push(
      `The app writes at run time in the filesystem's root directory /: ${listOf(writes.inRoot.map((w) => w.what))}; move ${writes.inRoot.length === 1 ? 'it' : 'them'} to a directory a COPY ${chown} creates.`,
    );
  if (writes.failing)
    parts.push(`${listOf(writes.failing)}: set STATIC_ROOT, in a directory a COPY ${chown} creates.`);
  if (writes.unknown.length > 0)
    parts.push(
      `${listOf(writes.unknown)} where the image cannot tell: give ${user} the directories the app writes at run time with the COPY ${chown} that creates them.`,
    );
  return parts.join(' ');
}

/**
 * The edits that give `base.user` what the app writes by `--chown` on the COPYs that create it; undefined when a
 * written directory is created by no COPY (a RUN would be needed, and there is no shell to run it).
 */
export function chownCopyEdits(
  df: DockerfileModel,
  stage: Stage,
  base: ShellLessBase,
  writes: RuntimeWrites,
  lines: string[],
): TextEdit[] | undefined {
  // A VOLUME's directory that no COPY creates is root's in the image, and so in every new volume mounted there.
  const volumes = stage.volumes.flatMap((v) => v.paths);
  const copies = [...writes.known.map((w) => w.dir), ...volumes].map((d) => creatingCopy(df, stage, d));
  if (copies.some((c) => c === undefined)) return undefined;
  const chown = `--chown=${base.user}:${base.user}`;
  const edits: TextEdit[] = [];
  for (const copy of new Set(copies as CopyInstr[])) {
    if (copy.chown?.split(/[:.]/)[0] === base.user) continue;
    const text = lines[copy.line - 1] ?? '';
    const written = /--chown=\S+/.exec(text);
    const keyword = /^\s*(COPY|ADD)\b/i.exec(text);
    if (written)
      edits.push(
        replaceInLine(df.file, copy.line, written.index + 1, written.index + written[0].length + 1, chown),
      );
    else if (keyword)
      edits.push(insertAt(df.file, { line: copy.line, column: keyword[0].length + 1 }, ` ${chown}`));
    else return undefined;
  }
  return edits;
}

/**
 * Whether a VOLUME on `dir` can be written by the stage's user on a shell-less base: no RUN can make the directory
 * and hand it over there, so a COPY must create it with `--chown` to the user the stage runs as (its non-root USER,
 * else the image's own unprivileged user, which TF1301's fix switches to); a directory nothing gives away is root's
 * in the image, and so in every new volume mounted on it.
 */
export function volumeWritableWithoutShell(
  df: DockerfileModel,
  stage: Stage,
  base: ShellLessBase,
  dir: string,
): boolean {
  const named = stage.user?.user?.split(':')[0];
  const owner = named && !/^(root|0)$/.test(named) ? named : base.user;
  return creatingCopy(df, stage, dir)?.chown?.split(/[:.]/)[0] === owner;
}
