/** What the install commands of a RUN name: the requirement files of `pip install -r`, a `pipenv install` of the Pipfile. */
import { pipRequirementFiles } from './command.js';
import { expand, UNKNOWN, type VarState } from './dockerfile/variables.js';
import type { RunInstr } from './types/dockerfile.js';

/** Options of `pipenv install` that take a value. */
const PIPENV_VALUE_OPTIONS = ['--python', '--pypi-mirror', '--extra-pip-args', '--categories'];

/** `pipenv install [--system] [--skip-lock] [--dev]` with no package named: an install of the Pipfile. */
export function pipenvInstall(
  argv: string[],
): { skipLock: boolean; dev: boolean; ignorePipfile: boolean } | undefined {
  const i = argv.findIndex(
    (w, k) => /(^|\/)pipenv$/.test(w) || (w === '-m' && argv[k + 1] === 'pipenv' && k > 0),
  );
  if (i < 0) return undefined;
  const at = argv[i] === '-m' ? i + 1 : i;
  if (argv[at + 1] !== 'install') return undefined;
  const args = argv.slice(at + 2);
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    if (PIPENV_VALUE_OPTIONS.includes(w)) k++;
    else if (w === '-r' || w === '--requirements' || !w.startsWith('-')) return undefined;
  }
  return {
    skipLock: args.includes('--skip-lock'),
    dev: args.includes('--dev') || args.includes('-d'),
    ignorePipfile: args.includes('--ignore-pipfile'),
  };
}

/**
 * A shell word with the variables a RUN is known to see put in, one the base image may set written `${NAME}` (as a
 * COPY destination naming it is); as written when another is not known.
 */
function expandKnown(word: string, run: RunInstr | undefined): string | undefined {
  if (!word.includes('$')) return word;
  const variables = run?.variables ?? {};
  const declared = new Set(run?.unknownDeclared ?? []);
  const lookup = (name: string): VarState =>
    name in variables ? { kind: 'value', value: variables[name]! } : UNKNOWN;
  return expand(word, lookup, '\\', (name) => run !== undefined && !declared.has(name));
}

/** `-r X` / `--requirement=X` arguments of a `pip install` (pip, pip3, python -m pip, uv pip). */
export function requirementArgs(argv: string[], run?: RunInstr): string[] {
  const i = argv.findIndex((w) => /(^|\/)pip[\d.]*$/.test(w));
  // wheel/download in a builder stage define what is installed later just as well.
  const installAt = argv.findIndex((w, k) => k > i && ['install', 'wheel', 'download'].includes(w));
  const isPip = (i >= 0 || argv.some((w, k) => w === '-m' && argv[k + 1] === 'pip')) && installAt >= 0;
  if (!isPip) return [];
  return pipRequirementFiles(argv.slice(installAt + 1))
    .map((p) => expandKnown(p, run))
    .filter((p) => p !== undefined);
}
