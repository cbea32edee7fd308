/**
 * Who the image gives its paths to: a RUN chown, a chmod that lets every user write, `install -d -o USER`, and
 * `COPY --chown=USER`; the rest stays root's. Pure.
 */
import { posix } from 'node:path';
import { basename } from '../../model/command.js';
import type {
  CopyInstr,
  DockerfileModel,
  RunInstr,
  Stage,
  WorkdirInstr,
} from '../../model/types/dockerfile.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { workdirsOf } from './paths.js';
import { expandedArgv } from '../../model/install-args.js';

/** A path the image gives away, and by which instruction. */
interface HandedPath {
  path: string;
  recursive: boolean;
  /** A mode that lets others write but not search (`666`): files only. */
  filesOnly?: true;
  owner?: string;
  /** How: `RUN chown`, `RUN chmod`, `RUN install -d`, `COPY --chown`. */
  how: string;
  file: string;
  line: number;
}

/**
 * The directories the image leaves to root that `dirs` name: not anyone's (/tmp), and not given away by a RUN chown
 * (or `install -d -o`, or a COPY --chown that creates it) of the stage or the stages it is built on.
 */
export function rootOwnedDirectories(df: DockerfileModel, stage: Stage, dirs: string[]): string[] {
  const chowned = handedPaths(df, stage)
    .filter((c) => !c.filesOnly)
    .map((c) => c.path);
  return [...new Set(dirs)].filter(
    (d) =>
      !/^\/(tmp|dev\/shm|var\/tmp)(\/|$)/.test(d) && !chowned.some((c) => d === c || d.startsWith(`${c}/`)),
  );
}

/** The files of `files` the image leaves to root: no RUN chown names them, nor a `chown -R` a directory above. */
export function rootOwnedFiles(df: DockerfileModel, stage: Stage, files: string[]): string[] {
  const chowned = handedPaths(df, stage);
  return [...new Set(files)].filter(
    (f) => !chowned.some((c) => f === c.path || (c.recursive && f.startsWith(`${c.path}/`))),
  );
}

/** Who the image gives a directory to, and by which instruction (`RUN chown` at Dockerfile:30, on /code). */
export interface DirectoryOwner {
  user: string;
  path: string;
  how: string;
  file: string;
  line: number;
}

/**
 * The user the image gives the directory to, itself or with `-R` a directory above it (`chown -R www-data /var/www`
 * over WORKDIR /var/www/site, `install -d -o www-data /srv/site`, `COPY --chown=site . /srv/site` that creates it),
 * the last such; none when it gives it to root or to a user a variable names.
 */
export function directoryOwner(df: DockerfileModel, stage: Stage, dir: string): DirectoryOwner | undefined {
  const chown = handedPaths(df, stage)
    .filter((c) => c.owner !== undefined && (dir === c.path || (c.recursive && dir.startsWith(`${c.path}/`))))
    .at(-1);
  if (!chown?.owner || /^(root|0)?$/.test(chown.owner) || chown.owner.includes('$')) return undefined;
  return { user: chown.owner, path: chown.path, how: chown.how, file: chown.file, line: chown.line };
}

/**
 * The paths the stage and the stages it is built on give away, and whether with -R: a RUN chown's, a chmod's that
 * makes them writable by every user (`a+rwx`, `o+w`, `777`), which hands them over as a chown does (a mode that lets
 * others write but not search, `666`, gives files only), `install -d -o USER`'s directories, and the destination a
 * `COPY --chown=USER` creates with everything under it (one that exists already keeps its owner).
 */
function handedPaths(df: DockerfileModel, stage: Stage): HandedPath[] {
  // A relative operand (`chown -R app .`) is a path in the WORKDIR of its RUN.
  const made: string[] = [];
  return lineage(df, stage).flatMap((s) => {
    const workdirs = workdirsOf(df, s);
    return s.instructions.flatMap((i, n): HandedPath[] => {
      if (i.keyword === 'WORKDIR' && (i as WorkdirInstr).path) made.push((i as WorkdirInstr).path!);
      if (i.keyword === 'COPY' || i.keyword === 'ADD') return copiedOwner(i as CopyInstr, made, df.file);
      if (i.keyword !== 'RUN') return [];
      const resolve = (w: string) =>
        w.startsWith('/') ? [w] : workdirs[n] ? [posix.resolve(workdirs[n]!, w)] : [];
      return ((i as RunInstr).script?.commands ?? []).flatMap((c) => {
        const argv = expandedArgv(c, i as RunInstr).argv;
        const tool = basename(argv[0] ?? '');
        const at = { file: df.file, line: i.line };
        if (tool === 'install') return installedDirectories(argv, resolve, at);
        if (tool !== 'chown' && tool !== 'chmod') return [];
        const recursive = argv.some((w) => /^-[a-zA-Z]*R|^--recursive$/.test(w));
        // The operands after the owner or mode (`chown -R app:app . /data`, `chmod a+rwx -R /app`).
        const [mode, ...operands] = argv.slice(1).filter((w) => !w.startsWith('-') || /^-[rwxXst]+$/.test(w));
        const given = tool === 'chown' ? 'all' : mode === undefined ? undefined : worldWritable(mode);
        if (!given) return [];
        return operands
          .filter((w) => !w.includes('$'))
          .flatMap(resolve)
          .map((path) => ({
            path,
            recursive,
            ...(given === 'files' ? { filesOnly: true as const } : {}),
            ...(tool === 'chown' && mode ? { owner: mode.split(/[:.]/)[0] } : {}),
            how: `RUN ${tool}`,
            ...at,
          }));
      });
    });
  });
}

/** `install -d -o USER DIR…` (`--directory`, `--owner=USER`): the directories it creates, given to USER. */
function installedDirectories(
  argv: string[],
  resolve: (w: string) => string[],
  at: { file: string; line: number },
): HandedPath[] {
  let directory = false;
  let owner: string | undefined;
  const operands: string[] = [];
  for (let k = 1; k < argv.length; k++) {
    const w = argv[k]!;
    if (w === '-o' || w === '--owner') owner = argv[++k];
    else if (w.startsWith('--owner=')) owner = w.slice('--owner='.length);
    else if (/^-(g|m|t|S)$|^--(group|mode|target-directory|suffix)$/.test(w)) k++;
    else if (w === '--directory') directory = true;
    else if (/^-[a-zA-Z]+$/.test(w)) {
      if (w.includes('d')) directory = true;
      // `-Do app`, `-vdo app`: the value of a trailing -o is the next word; `-oapp` carries it.
      const o = w.indexOf('o');
      if (o > 0) owner = o === w.length - 1 ? argv[++k] : w.slice(o + 1);
    } else if (!w.startsWith('-')) operands.push(w);
  }
  if (!directory || !owner) return [];
  const user = owner.split(/[:.]/)[0];
  return operands
    .filter((w) => !w.includes('$'))
    .flatMap(resolve)
    .map((path) => ({
      path: posix.normalize(path).replace(/(.)\/+$/, '$1'),
      recursive: false,
      owner: user,
      how: 'RUN install -d',
      ...at,
    }));
}

/**
 * `COPY --chown=USER src DEST`: DEST and what the copy lays under it are USER's when the copy creates DEST; a DEST
 * an earlier WORKDIR or COPY made keeps its owner (root), so nothing is counted then. Records DEST as made.
 */
function copiedOwner(copy: CopyInstr, made: string[], file: string): HandedPath[] {
  const dest = copy.dest ? posix.normalize(copy.dest).replace(/(.)\/+$/, '$1') : '';
  if (!dest.startsWith('/')) return [];
  const existed = made.some((m) => m === dest || m.startsWith(`${dest}/`) || dest === '/');
  made.push(dest);
  const user = copy.chown?.split(/[:.]/)[0];
  if (!user || existed || user.includes('$')) return [];
  return [{ path: dest, recursive: true, owner: user, how: 'COPY --chown', file, line: copy.line }];
}

/**
 * What a chmod mode makes writable by every user: 'all' (others may write and search: `777`, `a+rwx`, `o+w` on a
 * directory others can already search), 'files' (write without search: `666`); undefined when it gives neither. A
 * `+w` naming nobody is filtered by the umask, which keeps others out.
 */
function worldWritable(mode: string): 'all' | 'files' | undefined {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const others = Number(mode.at(-1));
    return (others & 2) === 0 ? undefined : (others & 1) === 1 ? 'all' : 'files';
  }
  const writes = mode.split(',').some((clause) => /^[ugoa]*[ao][ugoa]*[+=][rwxXst]*w/.test(clause));
  return writes ? 'all' : undefined;
}
