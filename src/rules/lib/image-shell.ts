/** Which shells of a base image exec the last command of a `-c` list themselves, read from the image reference. */
import { backgroundStart, foregroundSequence, isKeepAliveLoop, serverOf } from '../../model/command.js';
import type { CommandInstr, DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { withoutPlaceholders } from '../../util/shell-placeholder.js';
import { isOfficialRepository, splitImage } from '../../model/image-ref.js';
import { looksLikeArray } from './exec-form.js';
import { shellBranches } from './shell-branches.js';

/**
 * How far bash execs the last simple command of a `bash -c` list by itself (a lone simple command: any bash):
 * - 'lists': bash 5.0 patch 5 and later (bash 5.1+, Ubuntu 20.04's 5.0.17) after `;`, `&&` and `||` alike
 *   (can_optimize_connection);
 * - 'and-or': bash 4.4 to 5.0.4 (Debian stretch and buster, Ubuntu 18.04, Alpine 3.7 to 3.10) after `&&` and `||`
 *   only (optimize_fork): `a; b` forks b (checked on a bash 5.0 build: `true && cat /proc/$$/comm` prints cat,
 *   `true; cat /proc/$$/comm` prints bash);
 * - false: older bash (Debian jessie, Ubuntu 16.04), or a base image that is not known.
 */
export type BashExec = 'lists' | 'and-or' | false;

export interface ImageShells {
  /** Which `-c` lists bash execs the last command of. */
  bash: BashExec;
  /** /bin/sh is BusyBox ash (Alpine), which runs `-c` with EV_EXIT and so execs the last command too; dash forks. */
  sh: boolean;
  /** Set to the base image when the image is known to hold no bash (Alpine or BusyBox, no RUN installs it). */
  noBash?: string;
}

const NONE: ImageShells = { bash: false, sh: false };

/** The image the stage starts from, through `FROM <earlier stage>`. */
export function baseImageOf(df: DockerfileModel, stage: Stage): string | undefined {
  const root = stagesOf(df, stage).at(-1);
  return root && root.from.stageRef === undefined && !root.from.scratch ? root.from.image : undefined;
}

/** The shells of `image` known to exec the last command of `-c`; unknown images get neither (the finding stays). */
export function imageShells(image: string | undefined): ImageShells {
  if (!image || image.includes('$')) return NONE;
  const { repository, tag = 'latest' } = splitImage(image.toLowerCase());
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  const alpine = /alpine(\d+)\.(\d+)/.exec(tag);
  const debianBased = OFFICIAL_ON_DEBIAN[name] !== undefined && isOfficialRepository(repository);
  if (name === 'alpine' || /alpine/.test(tag)) {
    // Alpine 3.13 ships bash 5.1 and BusyBox 1.32; 3.11 and 3.12 bash 5.0.11 and 5.0.17, 3.7 to 3.10 bash 4.4 or
    // 5.0.0, 3.6 and older bash 4.3.
    const version = name === 'alpine' ? /^(\d+)\.(\d+)/.exec(tag) : alpine;
    const release = version ? Number(version[1]) * 100 + Number(version[2]) : Infinity;
    // `nginx:1.18-alpine`: an old release was built on an older Alpine; where its Alpine is not known, the Debian
    // threshold (bullseye came after Alpine 3.13) stands in for it.
    const onRecentAlpine = debianBased && (OFFICIAL_ON_ALPINE_3_13[name] ?? OFFICIAL_ON_DEBIAN[name]);
    if (!version && onRecentAlpine && !onRecentAlpine(versionOf(tag))) return NONE;
    if (release >= 313) return { bash: 'lists', sh: true };
    return { bash: release >= 311 ? 'lists' : release >= 307 ? 'and-or' : false, sh: false };
  }
  if (/\b(jessie|xenial)\b/.test(tag)) return NONE;
  if (/\b(stretch|buster|bionic)\b/.test(tag)) return AND_OR;
  if (/\b(focal|bullseye|bookworm|trixie|jammy|noble)\b/.test(tag)) return DEBIAN;
  if (name === 'debian') {
    const major = Number(/^(\d+)/.exec(tag)?.[1] ?? Infinity);
    return major >= 11 ? DEBIAN : major >= 9 ? AND_OR : NONE;
  }
  if (name === 'ubuntu') {
    const major = Number(/^(\d+)\./.exec(tag)?.[1] ?? Infinity);
    return major >= 20 ? DEBIAN : major >= 18 ? AND_OR : NONE;
  }
  if (debianBased)
    return !/windows|nanoserver/.test(tag) && OFFICIAL_ON_DEBIAN[name](versionOf(tag)) ? DEBIAN : NONE;
  if (name === 'python' || name === 'pypy') {
    // Tags without a suite follow the current Debian (bookworm, trixie); Python <= 3.5 images stopped at buster.
    const v = /^(\d+)(?:\.(\d+))?/.exec(tag);
    if (
      name === 'python' &&
      v &&
      (Number(v[1]) < 3 || (Number(v[1]) === 3 && v[2] !== undefined && Number(v[2]) <= 5))
    )
      return NONE;
    // A patch release built while buster was Debian's current release (before bullseye, August 2021) stays on it,
    // or on stretch before it (bash 4.4 both); 3.6's first releases were on jessie (bash 4.3).
    const patch = /^3\.(\d+)\.(\d+)/.exec(tag);
    if (name === 'python' && patch && Number(patch[2]) <= (LAST_BUSTER_PATCH[Number(patch[1])] ?? -1))
      return Number(patch[1]) >= 7 ? AND_OR : NONE;
    if (/windows|nanoserver/.test(tag)) return NONE;
    return DEBIAN;
  }
  return NONE;
}

const DEBIAN: ImageShells = { bash: 'lists', sh: false };
const AND_OR: ImageShells = { bash: 'and-or', sh: false };

/**
 * Official images other than Python's built on Debian (dash as /bin/sh): whether a tag's version (`[]` for latest,
 * stable, mainline, lts…) was built on bullseye or later, whose bash (>= 5.1) execs the last command of `-c`.
 * Releases from before bullseye (August 2021) stayed on buster or older; where the switch is not sure, none.
 */
const OFFICIAL_ON_DEBIAN: Record<string, (version: number[]) => boolean> = {
  // 1.22 (stable) and later; 1.21 changed base during its life.
  nginx: ([major, minor]) => major === undefined || major > 1 || minor === undefined || minor >= 22,
  // 2.4.49 was the first release after bullseye; 2.2 was jessie.
  httpd: ([major, minor, patch]) =>
    major === undefined || (major === 2 && (minor === undefined || (minor === 4 && (patch ?? 49) >= 49))),
  // 18 and later; a floating 16 or 17 was rebuilt on bullseye, their early point releases were buster.
  node: ([major, minor]) => major === undefined || major >= 18 || (major >= 16 && minor === undefined),
  // 14 and later; 10-13 as floating tags, or from the first point release after August 2021.
  postgres: ([major, minor]) =>
    major === undefined ||
    major >= 14 ||
    (major >= 10 && (minor === undefined || minor > (LAST_BUSTER_POSTGRES[major] ?? Infinity))),
  // 7 and later; 6 as a floating tag, or 6.2.6 / 6.0.16 and later.
  redis: ([major, minor, patch]) =>
    major === undefined ||
    major >= 7 ||
    (major === 6 && (minor === undefined || patch === undefined || patch > (minor === 2 ? 5 : 15))),
};

/**
 * Official images whose Alpine variant's base is known release by release: whether a tag's version was built on
 * Alpine 3.13 or later. nginx's alpine images moved to 3.13 with 1.19.7 (1.19.6 was rebuilt on it, so a floating
 * 1.19 changed base during its life) and stayed on 3.13 or later from then on (1.20.0 and 1.21.0 on 3.13, 1.21.1 on
 * 3.14, 1.21.4 on 3.15: the nginxinc/docker-nginx history).
 */
const OFFICIAL_ON_ALPINE_3_13: Record<string, (version: number[]) => boolean> = {
  nginx: ([major, minor, patch]) =>
    major === undefined ||
    major > 1 ||
    minor === undefined ||
    minor >= 20 ||
    (minor === 19 && patch !== undefined && patch >= 7),
};

/** The last point release of each PostgreSQL major version built on buster (August 2021's 13.4, 12.8, …). */
const LAST_BUSTER_POSTGRES: Record<number, number> = { 10: 18, 11: 13, 12: 8, 13: 4 };

/** The version numbers a tag starts with (`1.27.3-perl` → [1, 27, 3]); [] for a tag with none (`mainline`). */
function versionOf(tag: string): number[] {
  return (/^\d+(\.\d+)*/.exec(tag)?.[0].split('.') ?? []).map(Number);
}

/** `nginx`, `library/nginx`, `docker.io/library/nginx`: the official image, not another one of that name. */

/** The last patch release of each Python 3 minor version whose default image was Debian buster (bash 5.0). */
const LAST_BUSTER_PATCH: Record<number, number> = { 6: 14, 7: 11, 8: 11, 9: 6 };

/** The shells of the app's image: the base of the Dockerfile's target stage, else the image compose runs. */
export function appShells(app: App): ImageShells {
  const df = app.dockerfile;
  const stage = df?.targetStage;
  const service = app.compose?.appService;
  const image = df && stage ? baseImageOf(df, stage) : service?.build ? undefined : service?.image?.value;
  const shells = imageShells(image);
  const installs = df && stage ? stagesOf(df, stage).some(installsBash) : false;
  return image && shipsNoBash(image) && !installs ? { ...shells, noBash: image } : shells;
}

/** Alpine and BusyBox images have BusyBox ash as /bin/sh and no bash until a package adds it. */
function shipsNoBash(image: string): boolean {
  const { repository, tag = '' } = splitImage(image.toLowerCase());
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return name === 'alpine' || name === 'busybox' || /(^|-)alpine/.test(tag);
}

/** The stage and those it is built FROM, the base image's stage last. */
function stagesOf(df: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let at: Stage | undefined = stage; at && !out.includes(at);) {
    out.push(at);
    at = at.from.stageRef === undefined ? undefined : df.stages[at.from.stageRef];
  }
  return out;
}

/** A RUN of the stage installs bash (`apk add bash`, `apt-get install -y bash`), or may (a package named by a variable). */
function installsBash(stage: Stage): boolean {
  return stage.instructions.some(
    (i) =>
      i.keyword === 'RUN' &&
      ((i as RunInstr).script?.commands ?? []).some((c) => {
        const [program, ...words] = c.argv.map((w) => w.slice(w.lastIndexOf('/') + 1));
        const adds =
          (program === 'apk' && words.includes('add')) ||
          (['apt-get', 'apt'].includes(program ?? '') && words.includes('install'));
        return adds && words.some((w) => /^bash([=~<>]|$)/.test(w) || w.startsWith('$'));
      }),
  );
}

/** Whether the shell program of `-c` execs the last command of some lists on this image. */
export function execsLast(program: string | undefined, shells: ImageShells): boolean {
  if (/(^|\/)bash$/.test(program ?? '')) return shells.bash !== false;
  return /(^|\/)(ba)?sh$|(^|\/)ash$/.test(program ?? '') && shells.sh;
}

/** Whether the shell program of `-c` execs the last command of this script on this image (PID 1 is that command). */
export function shellExecsLast(
  program: string | undefined,
  script: string,
  last: ShellCommand,
  shells: ImageShells,
): boolean {
  if (!execsLast(program, shells)) return false;
  const busybox = isBusyBoxSh(program, shells);
  return endsInSimpleCommand(script, last, busybox, busybox || shells.bash === 'lists');
}

/** Whether the shell program of `-c` is BusyBox ash on this image (Alpine's /bin/sh), not bash or dash. */
export function isBusyBoxSh(program: string | undefined, shells: ImageShells): boolean {
  return !/(^|\/)bash$/.test(program ?? '') && execsLast(program, shells);
}

/**
 * A list (`;`, `&&`, `||`, new lines) whose last command is simple, without redirection: the case bash 5.1's
 * can_optimize_connection and BusyBox's EV_EXIT exec. A pipe into it, a group or subshell, and a trap keep the
 * shell; so does a job sent to the background earlier, for bash (`busybox` false). What each shell does was checked
 * by which process is PID 1 (bash 5.2.15 and dash 0.5.12 in Debian bookworm, BusyBox 1.35):
 * - bash reads its `-c` text one line at a time, and `;` binds looser than `&&`: the last line's command is exec'd
 *   when it is simple, or an and-or list (`a && b`) or `;` list (`a; b`) whose right-hand command is simple.
 *   `a; b && c` is a `;` list whose right-hand is `b && c`: bash forks c and stays PID 1 (`set -e; migrate &&
 *   gunicorn` too). One line end may follow the last command; a blank or comment line after it keeps bash.
 * - BusyBox ash execs the last command whatever list it ends (`a; b && c`), redirected or not, and even after a job
 *   sent to the background (`sh -c "sleep 100 & sleep 200"`: PID of sh becomes sleep 200), but only when nothing,
 *   not even a line end, follows it.
 * `semicolons` false is bash 4.4 to 5.0.4, which execs it after `&&` and `||` but not after `;` on the last line.
 */
export function endsInSimpleCommand(
  script: string,
  last: ShellCommand,
  busybox = false,
  semicolons = true,
): boolean {
  // `gunicorn <APP_NAME>.wsgi`: a template placeholder is word text, not a redirection
  const joined = withoutExpansions(withoutPlaceholders(script)).replace(/\\\n/g, ' ');
  const text = joined.trim();
  if (last.background || (!busybox && last.redirects.length > 0) || /\btrap\b/.test(text)) return false;
  if (!endsWithLastCommand(joined, busybox)) return false;
  // A job sent to the background anywhere (`&` that is no `&&`, `>&`, `&>`) keeps bash waiting for it.
  if (!busybox && /(^|[^&<>])&(?![&>])/.test(text)) return false;
  const seps = separators(text);
  const tail = seps && lastListItem(text, seps);
  if (!seps || !tail || tail.after === '|') return false;
  if (!busybox && !bashOptimizesLastLine(text, seps, semicolons)) return false;
  const item = tail.item.replace(/\s+#.*$/, '').trim();
  const redirected = busybox ? /[)}]$|^\w+\(\)/ : /[<>]|[)}]$|^\w+\(\)/;
  return item.length > 0 && !/^(\(|\{|done\b|fi\b|esac\b|\}|\))/.test(item) && !redirected.test(item);
}

/**
 * Whether the script's text ends with its last command: bash allows one line end after it, BusyBox none; a blank
 * line, spaces on a new line or a comment line after it are one more command to read, so neither execs.
 */
function endsWithLastCommand(text: string, busybox: boolean): boolean {
  const body = !busybox && text.endsWith('\n') ? text.slice(0, -1) : text;
  const lastLine = body.slice(body.lastIndexOf('\n') + 1).trim();
  return lastLine !== '' && !lastLine.startsWith('#');
}

/**
 * bash's check on the last line's command (can_optimize_connection): a simple command, or a list whose last
 * connector (`;` binding looser than `&&`/`||`) has a simple command on its right. `a; b && c` has `b && c` there.
 * Without `semicolons` (bash before 5.0 patch 5, optimize_fork), a `;` on the last line keeps bash.
 */
function bashOptimizesLastLine(text: string, seps: Separator[], semicolons: boolean): boolean {
  const live = seps.filter((s) => !blank(text.slice(s.end)));
  // The last line starts after the last line end that ends a command (not one after `&&`, `||` or `|`).
  let from = 0;
  for (const [i, s] of live.entries())
    if (s.sep === '\n' && !/(&&|\|)$/.test(text.slice(0, s.at).trimEnd())) from = i + 1;
  const line = live.slice(from).filter((s) => s.sep !== '\n');
  const lastSemicolon = line.findLastIndex((s) => s.sep === ';');
  if (lastSemicolon >= 0 && !semicolons) return false;
  return lastSemicolon < 0 || line.slice(lastSemicolon + 1).every((s) => s.sep !== '&&' && s.sep !== '||');
}

/** Shell text with nothing to run: spaces, line ends, comments. */
function blank(text: string): boolean {
  return text.replace(/(^|\s)#[^\n]*/g, '').trim() === '';
}

/**
 * A script whose last top-level command is written with exec (`exec /app/start.sh`, `cd /app && exec gunicorn …`):
 * the shell replaces itself with that command, whatever shell it is; a job sent to the background before it is left
 * to that command (TF0803 reports it), and one that is the server is judged by the caller.
 */
export function endsInExec(script: string, last: ShellCommand): boolean {
  const text = script.replace(/\\\n/g, ' ').trim();
  if (!last.viaExec || last.background) return false;
  const seps = separators(text);
  const tail = seps && lastListItem(text, seps);
  return tail !== undefined && tail.after !== '|' && /^exec\s/.test(tail.item.trim());
}

/** A separator of a shell list (`;`, `&&`, `||`, `|`, `&`, a line end, `;;`) and where it stands in the text. */
interface Separator {
  sep: string;
  at: number;
  end: number;
}

/** The separators at the top level of a script, quotes, `$(…)`, groups and comments respected; undefined when a quote is left open. */
function separators(text: string): Separator[] | undefined {
  const out: Separator[] = [];
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i); // a comment runs to the end of its line
      i = end < 0 ? text.length : end - 1;
    } else if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && /[;&|\n]/.test(c)) {
      const two = text.slice(i, i + 2);
      const sep = two === '&&' || two === '||' || two === ';;' ? two : c;
      // `>&1`, `&>`: a redirection, not a separator
      if (c === '&' && sep === '&' && (text[i - 1] === '<' || text[i - 1] === '>' || text[i + 1] === '>'))
        continue;
      out.push({ sep, at: i, end: i + sep.length });
      i += sep.length - 1;
    }
  }
  return quote ? undefined : out;
}

/** The text of the last item of a shell list and the separator before it. */
function lastListItem(text: string, seps: Separator[]): { item: string; after: string } {
  // a separator at the very end (`gunicorn …;`) ends the last item, it does not start one
  const before = seps.filter((s) => !blank(text.slice(s.end))).at(-1);
  return {
    item: text.slice(before?.end ?? 0).replace(/[;\s]+$/, ''),
    after: before?.sep ?? '',
  };
}

/** A script of one simple command: no list, pipe, subshell, group or redirection for the shell to keep itself for. */
export function isSimple(script: string): boolean {
  return !/[;&|(){}<>`\n]|\$\(/.test(withoutExpansions(withoutPlaceholders(script)).trim());
}

/**
 * The text with each parameter expansion (`${PORT:-8000}`, `${A:-${B}}`) read as one plain word: its braces are no
 * group and its `:-` text no redirection, so `gunicorn -b 0.0.0.0:${PORT:-8000}` stays a simple command.
 */
export function withoutExpansions(text: string): string {
  let out = text;
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(/\$\{[^{}'"`]*\}/g, '$P');
  }
  return out;
}

/**
 * Findings on a `bash -c` start in an image known to hold no bash, told that the command does not start at all and
 * that `sh -c` is the shell to write (BusyBox ash, which the advice then holds for).
 */
export function withBashMissing<F extends { message: string }>(
  findings: F[],
  program: string | undefined,
  shells: ImageShells,
): F[] {
  const image = /(^|\/)bash$/.test(program ?? '') ? shells.noBash : undefined;
  if (!image) return findings;
  const note = ` ${image} has no bash (its /bin/sh is BusyBox ash, and no RUN installs bash), so '${program} -c' does not start at all (bash: not found): write 'sh -c' in its place.`;
  return findings.map((f) => ({ ...f, message: f.message + note }));
}

/**
 * A shell-form CMD/ENTRYPOINT whose /bin/sh gives PID 1 to its last command: written with exec (`CMD exec
 * /app/start.sh`), or exec'd by the shell itself (BusyBox ash on Alpine, a list ending in a simple command).
 */
export function shExecsShellForm(instr: CommandInstr, shells: ImageShells): boolean {
  const commands = instr.script?.commands ?? [];
  const last = commands.at(-1);
  if (!last || isKeepAliveLoop(instr.raw)) return false;
  // An array that is not valid JSON runs as text whose first word is no program: dash fails at once, keeping no
  // server from SIGTERM (its message says so); BusyBox execs that word in place of itself, as it does any last command.
  if (looksLikeArray(instr.raw)) return Boolean(shells.sh) && commands.length === 1;
  // A server sent to the background never gets SIGTERM, whatever the shell then execs.
  if (
    foregroundSequence(commands) ||
    backgroundStart(commands)?.background.some((p) => serverOf(p.command.argv))
  )
    return false;
  // `if …; then exec runserver …; else exec gunicorn …; fi`: every branch hands PID 1 over
  const branches = shellBranches(commands);
  if (branches && branches.keeping.length === 0 && branches.execed.length > 0) return true;
  if (last.viaExec) return endsInExec(instr.raw, last);
  return Boolean(shells.sh) && endsInSimpleCommand(instr.raw, last, true);
}
