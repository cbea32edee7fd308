/** Which shells of a base image exec the last command of a `-c` list themselves, read from the image reference. */
import type { DockerfileModel, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';

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
    // A patch release built while buster was Debian's current release (before bullseye, August 2021) stays on it.
    const patch = /^3\.(\d+)\.(\d+)/.exec(tag);
    if (name === 'python' && patch && Number(patch[2]) <= (LAST_BUSTER_PATCH[Number(patch[1])] ?? -1))
      return NONE;
    if (/windows|nanoserver/.test(tag)) return NONE;
    return DEBIAN;
  }
  return NONE;
}

const DEBIAN: ImageShells = { bash: true, sh: false };

/** The last patch release of each Python 3 minor version whose default image was Debian buster (bash 5.0). */
const LAST_BUSTER_PATCH: Record<number, number> = { 6: 14, 7: 11, 8: 11, 9: 6 };

/** The shells of the app's image: the base of the Dockerfile's target stage, else the image compose runs. */
export function appShells(app: App): ImageShells {
  const df = app.dockerfile;
  const stage = df?.targetStage;
  const service = app.compose?.appService;
  if (df && stage) return imageShells(baseImageOf(df, stage));
  return imageShells(service?.build ? undefined : service?.image?.value);
}

/** Whether the shell program of `-c` execs the last command of its list on this image. */
export function execsLast(program: string | undefined, shells: ImageShells): boolean {
  if (/(^|\/)bash$/.test(program ?? '')) return shells.bash;
  return /(^|\/)(ba)?sh$|(^|\/)ash$/.test(program ?? '') && shells.sh;
}

/**
 * A list (`;`, `&&`, `||`, new lines) whose last command is simple, without redirection: the case bash 5.1's
 * can_optimize_connection and BusyBox's EV_EXIT exec (checked on bash 5.2). A pipe into it, a background job, a
 * group or subshell, and a trap keep the shell.
 */
export function endsInSimpleCommand(script: string, last: ShellCommand): boolean {
  const text = script.replace(/\\\n/g, ' ').trim();
  if (last.background || last.redirects.length > 0 || /\btrap\b/.test(text)) return false;
  // A job sent to the background anywhere (`&` that is no `&&`, `>&`, `&>`) keeps the shell waiting for it.
  if (/(^|[^&<>])&(?![&>])/.test(text)) return false;
  const tail = lastListItem(text);
  if (!tail || tail.after === '|') return false;
  const item = tail.item.replace(/\s+#.*$/, '').trim();
  return (
    item.length > 0 && !/^(\(|\{|done\b|fi\b|esac\b|\}|\))/.test(item) && !/[<>]|[)}]$|^\w+\(\)/.test(item)
  );
}

/**
 * A script whose last top-level command is written with exec (`exec /app/start.sh`, `cd /app && exec gunicorn …`):
 * the shell replaces itself with that command, whatever shell it is, unless a background job keeps it.
 */
export function endsInExec(script: string, last: ShellCommand): boolean {
  const text = script.replace(/\\\n/g, ' ').trim();
  if (!last.viaExec || last.background || /(^|[^&<>])&(?![&>])/.test(text)) return false;
  const tail = lastListItem(text);
  return tail !== undefined && tail.after !== '|' && /^exec\s/.test(tail.item.trim());
}

/** The text of the last item of a shell list and the separator before it, quotes and `$(…)` respected. */
function lastListItem(text: string): { item: string; after: string } | undefined {
  let quote: string | undefined;
  let depth = 0;
  let start = 0;
  let after = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && /[;&|\n]/.test(c)) {
      const two = text.slice(i, i + 2);
      const sep = two === '&&' || two === '||' || two === ';;' ? two : c;
      // `>&1`, `&>`: a redirection, not a separator
      if (c === '&' && sep === '&' && (/[<>]/.test(text[i - 1] ?? '') || text[i + 1] === '>')) continue;
      // a separator at the very end (`gunicorn …;`) ends the last item, it does not start one
      if (text.slice(i + sep.length).trim() === '') break;
      after = sep;
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  if (quote) return undefined;
  return { item: text.slice(start, text.length).replace(/[;\s]+$/, ''), after };
}

/** A script of one simple command: no list, pipe, subshell, group or redirection for the shell to keep itself for. */
export function isSimple(script: string): boolean {
  return !/[;&|(){}<>`\n]|\$\(/.test(script.trim());
}
