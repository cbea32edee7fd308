/** Which shells of a base image exec the last command of a `-c` list themselves, read from the image reference. */
import type { DockerfileModel, Stage } from '../../model/types/dockerfile.js';

export interface ImageShells {
  /** bash >= 5.1 execs the last simple command of `bash -c "a && b"` (bash-5.1 NEWS 1b). */
  bash: boolean;
  /** /bin/sh is BusyBox ash (Alpine), which runs `-c` with EV_EXIT and so execs the last command too; dash forks. */
  sh: boolean;
}

const NONE: ImageShells = { bash: false, sh: false };

/** The image the stage starts from, through `FROM <earlier stage>`. */
export function baseImageOf(df: DockerfileModel, stage: Stage): string | undefined {
  let at: Stage | undefined = stage;
  for (let hops = 0; at && at.from.stageRef !== undefined && hops < df.stages.length; hops++)
    at = df.stages[at.from.stageRef];
  return at && at.from.stageRef === undefined && !at.from.scratch ? at.from.image : undefined;
}

/** The shells of `image` known to exec the last command of `-c`; unknown images get neither (the finding stays). */
export function imageShells(image: string | undefined): ImageShells {
  if (!image || image.includes('$')) return NONE;
  const ref = image.split('@')[0].toLowerCase();
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const repository = colon > slash ? ref.slice(0, colon) : ref;
  const tag = colon > slash ? ref.slice(colon + 1) : 'latest';
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  const alpine = /alpine(\d+)\.(\d+)/.exec(tag);
  if (name === 'alpine' || /alpine/.test(tag)) {
    // Alpine 3.13 ships bash 5.1 and BusyBox 1.32; older releases have bash 5.0.
    const version = name === 'alpine' ? /^(\d+)\.(\d+)/.exec(tag) : alpine;
    const recent =
      !version || Number(version[1]) > 3 || (Number(version[1]) === 3 && Number(version[2]) >= 13);
    return recent ? { bash: true, sh: true } : NONE;
  }
  if (/\b(jessie|stretch|buster|xenial|bionic|focal)\b/.test(tag)) return NONE;
  if (/\b(bullseye|bookworm|trixie|jammy|noble)\b/.test(tag)) return { bash: true, sh: false };
  if (name === 'debian') return /^(\d+)/.test(tag) && Number(/^(\d+)/.exec(tag)?.[1]) < 11 ? NONE : DEBIAN;
  if (name === 'ubuntu') {
    const v = /^(\d+)\./.exec(tag);
    return v && Number(v[1]) < 22 ? NONE : DEBIAN;
  }
  if (name === 'python' || name === 'pypy') {
    // Tags without a suite follow the current Debian (bookworm, trixie); Python <= 3.5 images stopped at buster.
    const v = /^(\d+)(?:\.(\d+))?/.exec(tag);
    if (
      name === 'python' &&
      v &&
      (Number(v[1]) < 3 || (Number(v[1]) === 3 && v[2] !== undefined && Number(v[2]) <= 5))
    )
      return NONE;
    if (/windows|nanoserver/.test(tag)) return NONE;
    return DEBIAN;
  }
  return NONE;
}

const DEBIAN: ImageShells = { bash: true, sh: false };
