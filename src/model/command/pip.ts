/** What a `pip install` installs, and whether each requirement is pinned. */
import { programArgv } from './servers.js';
import { pinsExactVersion } from '../../util/version-spec.js';
import { classify } from '../../parse/requirements.js';

// ---------------------------------------------------------------------------------------------------------------
// pip install

const PIP_VALUE_OPTIONS = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--src',
  '--source',
  '--source-dir',
  '--source-directory',
  '--pypi-url',
  '--local-log',
  '--uploaded-prior-to',
  '--all-releases',
  '--only-final',
  '--requirements-from-script',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--upgrade-strategy',
  '--progress-bar',
  '--global-option',
  '--install-option',
  '-C',
  '--config-settings',
  '--cache-dir',
  '--log',
  '--log-file',
  '--proxy',
  '--retries',
  '--timeout',
  '--default-timeout',
  '--resume-retries',
  '--exists-action',
  '--trusted-host',
  '--cert',
  '--client-cert',
  '--no-binary',
  '--only-binary',
  '--report',
  '--root-user-action',
  '--python',
  '-p',
  '--use-feature',
  '--use-deprecated',
  '--keyring-provider',
  '--group',
  '--build-constraint',
  '--index-strategy',
  '--resolution',
  '--prerelease',
  '--extra',
  '--link-mode',
  // pip wheel / pip download
  '-w',
  '--wheel-dir',
  '-d',
  '--dest',
]);

// pip install's options that take no value (with the general ones), which a shortened option may also stand for.
const PIP_FLAG_OPTIONS = [
  '--break-system-packages',
  '--check-build-dependencies',
  '--compile',
  '--debug',
  '--disable-pip-version-check',
  '--dry-run',
  '--force-reinstall',
  '--help',
  '--ignore-installed',
  '--ignore-requires-python',
  '--isolated',
  '--no-build-isolation',
  '--no-cache-dir',
  '--no-clean',
  '--no-color',
  '--no-compile',
  '--no-dependencies',
  '--no-deps',
  '--no-index',
  '--no-input',
  '--no-python-version-warning',
  '--no-use-pep517',
  '--no-user',
  '--no-warn-conflicts',
  '--no-warn-script-location',
  '--only-dependencies',
  '--only-deps',
  '--pre',
  '--prefer-binary',
  '--quiet',
  '--require-hashes',
  '--require-venv',
  '--require-virtualenv',
  '--upgrade',
  '--use-pep517',
  '--user',
  '--verbose',
  '--version',
];
const PIP_LONG_OPTIONS = [...PIP_FLAG_OPTIONS, ...[...PIP_VALUE_OPTIONS].filter((o) => o.startsWith('--'))];

/** One option or operand of pip's command line. */
export type PipArg = { option: string; value?: string } | { operand: string };

/**
 * pip's arguments read as pip's optparse reads them: `--opt=value`, `--opt value`, and combined short options, where
 * flags run together until one that takes a value, which takes the rest of the word or the next word (`-Ur file`,
 * `-rfile`, `-qr file`, `-Ue .`).
 */
export function pipArgs(args: string[]): PipArg[] {
  const out: PipArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const option = longOption(eq < 0 ? w : w.slice(0, eq));
      if (eq >= 0) out.push({ option, value: w.slice(eq + 1) });
      else out.push(PIP_VALUE_OPTIONS.has(option) ? { option, value: args[++i] } : { option });
    } else if (w === '-' || w === '--') out.push({ option: w });
    else if (w.startsWith('-')) {
      for (let k = 1; k < w.length; k++) {
        const option = `-${w[k]}`;
        if (!PIP_VALUE_OPTIONS.has(option)) {
          out.push({ option });
          continue;
        }
        out.push({ option, value: w.slice(k + 1) || args[++i] });
        break;
      }
    } else out.push({ operand: w });
  }
  return out;
}

/**
 * A long option as pip's optparse reads it: itself when pip knows it, else the one option its name starts
 * (`--default` is `--default-timeout`); a prefix of several options, or of none, is kept as written.
 */
function longOption(name: string): string {
  // `--requirements` is no pip option, but written often enough that reading it as `--requirement` helps.
  if (name === '--requirements') return '--requirement';
  if (PIP_VALUE_OPTIONS.has(name) || PIP_FLAG_OPTIONS.includes(name)) return name;
  const options = PIP_LONG_OPTIONS.filter((o) => o.startsWith(name));
  return options.length === 1 ? options[0] : name;
}

/** How many words an option before pip's command takes: 2 for an option and its value, else 1. */
function optionWords(w: string): number {
  if (!w.startsWith('--')) return PIP_VALUE_OPTIONS.has(w) ? 2 : 1;
  return !w.includes('=') && PIP_VALUE_OPTIONS.has(longOption(w)) ? 2 : 1;
}

/** The files pip's arguments name with `-r`/`--requirement` (in any spelling pip accepts). */
export function pipRequirementFiles(args: string[]): string[] {
  return pipArgs(args).flatMap((a) =>
    'option' in a && (a.option === '-r' || a.option === '--requirement') && a.value !== undefined
      ? [a.value]
      : [],
  );
}
// The installer's own tooling: upgrading it does not change what the app depends on.
const PIP_TOOLING = new Set(['pip', 'setuptools', 'wheel']);

/** What a `pip install` (pip, pip3, python -m pip, uv pip) asks for; undefined when argv is not one. */
export interface PipInstall {
  /** Requirement specifiers given by name, as written. */
  byName: { spec: string; name: string; pinned: boolean }[];
  /** Files given with -r. */
  requirementFiles: string[];
  /** -c constraints given: versions may be pinned there. */
  constrained: boolean;
  /** The installer's own tooling (pip, setuptools, wheel) given by name without an exact version. */
  unpinnedTooling: string[];
  /** Local projects, archives and URLs given (`.`, `-e .`, `/wheels/*.whl`): installed from what they declare. */
  fromPaths: string[];
  /**
   * Of `fromPaths`, files downloaded from a URL with no hash to check them by (`https://…/model-2.0.tar.gz`, not a
   * version-control URL nor one of the package index's files), with the project name when the URL or file gives it.
   */
  unhashedDownloads: { url: string; name?: string }[];
  /** `-U`/`--upgrade` given: what is installed already is replaced by the newest release. */
  upgrade: boolean;
  /**
   * The words of a second pip command run into this one's operands for want of a `&&` (`pip install -U pip pip
   * install -r …`): pip reads them as more packages, the installer again and a project named `install`.
   */
  joined?: string;
}

export function pipInstall(argv: string[]): PipInstall | undefined {
  const a = programArgv(argv);
  let i: number;
  if (/^pip(\d+(\.\d+)*)?$/.test(a[0] ?? '')) i = 1;
  else if (a[0] === 'uv' && a[1] === 'pip') i = 2;
  else return undefined;
  while (i < a.length && a[i].startsWith('-')) i += optionWords(a[i]);
  if (a[i] !== 'install') return undefined;
  const out: PipInstall = {
    byName: [],
    requirementFiles: [],
    constrained: false,
    unpinnedTooling: [],
    fromPaths: [],
    unhashedDownloads: [],
    upgrade: false,
  };
  const parsedArgs = pipArgs(a.slice(i + 1));
  const join = joinedCommand(parsedArgs);
  if (join) out.joined = join.words;
  for (const [k, parsed] of parsedArgs.entries()) {
    if (join?.skip.includes(k)) continue;
    if ('option' in parsed) {
      const { option, value } = parsed;
      if (option === '-r' || option === '--requirement') out.requirementFiles.push(value ?? '');
      if (option === '-c' || option === '--constraint') out.constrained = true;
      if (option === '-U' || option === '--upgrade') out.upgrade = true;
      if ((option === '-e' || option === '--editable') && value) out.fromPaths.push(value);
      continue;
    }
    const arg = parsed.operand;
    const spec = requirementSpec(arg);
    if (spec && PIP_TOOLING.has(spec.name.toLowerCase())) {
      if (!spec.pinned) out.unpinnedTooling.push(spec.spec);
    } else if (spec) out.byName.push(spec);
    else if (!arg.includes('$')) {
      out.fromPaths.push(arg);
      const download = unhashedDownload(arg);
      if (download) out.unhashedDownloads.push(download);
    }
  }
  return out;
}

/**
 * A second `pip install` (or `python -m pip install`) among the operands: its words, and the indexes of those that are
 * no package meant (`pip`, `install`, `python`, `-m`).
 */
function joinedCommand(args: ReturnType<typeof pipArgs>): { words: string; skip: number[] } | undefined {
  const word = (k: number) => {
    const x = args[k];
    return x && 'operand' in x ? x.operand : undefined;
  };
  for (let k = 1; k < args.length; k++) {
    const pip = word(k - 1);
    if (word(k) !== 'install' || !pip || !/^(.*\/)?pip(\d+(\.\d+)*)?$/.test(pip)) continue;
    const m = args[k - 2];
    const python = word(k - 3);
    if (m && 'option' in m && m.option === '-m' && python && /^(.*\/)?python[\d.]*$/.test(python))
      return { words: `${python} -m ${pip} install`, skip: [k - 3, k - 2, k - 1, k] };
    return { words: `${pip} install`, skip: [k - 1, k] };
  }
  return undefined;
}

/** A requirement downloaded over the network without a hash, read as a requirements line would be. */
function unhashedDownload(arg: string): { url: string; name?: string } | undefined {
  const line = classify(arg);
  if (line.kind !== 'url' || line.pinned || line.vcs || !/(^|@\s*)(https?|ftp):\/\//i.test(arg))
    return undefined;
  const url = arg.replace(/^[^@]*@\s*/, '');
  // A distribution's file name starts with its project name (`en_core_web_lg-2.0.0.tar.gz`).
  const file = url.split(/[?#]/)[0].split('/').pop() ?? '';
  const name = line.name ?? /^([A-Za-z0-9][A-Za-z0-9._]*?)-\d/.exec(file)?.[1];
  return { url, ...(name ? { name } : {}) };
}

/** A requirement given by name (`django`, `django>=4`, `celery[redis]==5.3.6`); undefined for paths, URLs, `$VARS`. */
function requirementSpec(arg: string): { spec: string; name: string; pinned: boolean } | undefined {
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(arg)?.[0];
  if (!name) return undefined; // ., ./dist/x.whl, /app, $PACKAGES
  const rest = arg.slice(name.length);
  if (/^(\[[^\]]*\])?\s*@/.test(rest) || arg.includes('://') || arg.includes('/')) return undefined; // name @ url, paths
  if (/\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/i.test(arg)) return undefined;
  const pinned = pinsExactVersion(rest.replace(/^\[[^\]]*\]/, '').split(';')[0]);
  if (!pinned && rest.includes('$')) return undefined; // django$SPEC: cannot tell
  return { spec: arg, name, pinned };
}
