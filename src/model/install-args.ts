/**
 * What the install commands of a RUN name: the requirement files of `pip install -r`, a `pipenv install` of the Pipfile,
 * a `poetry install` of pyproject.toml.
 */
import { pipRequirementFiles } from './command.js';
import { expand, UNKNOWN, type VarState } from './dockerfile/variables.js';
import type { RunInstr } from './types/dockerfile.js';
import type { PoetryGroups } from '../parse/poetry.js';
import type { ShellCommand } from './types/shell.js';

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

/** Options of `poetry install` that take a value. */
const DIRECTORY_OPTIONS = ['-C', '--directory', '-P', '--project'];
const POETRY_VALUE_OPTIONS = ['--with', '--without', '--only', '-E', '--extras', ...DIRECTORY_OPTIONS];

/**
 * `poetry install` (or `poetry sync`): the groups it installs and the directory it starts from (`-C`/`--directory`,
 * `-P`/`--project`); `--only-root` installs no dependency at all.
 */
export function poetryInstall(argv: string[]): (PoetryGroups & { directory?: string }) | undefined {
  const i = argv.findIndex(
    (w, k) => /(^|\/)poetry$/.test(w) || (w === '-m' && argv[k + 1] === 'poetry' && k > 0),
  );
  if (i < 0) return undefined;
  // Global options may come before the command (`poetry -C /app install`): the same loop reads them.
  let command = (argv[i] === '-m' ? i + 1 : i) + 1;
  while (argv[command]?.startsWith('-')) command += DIRECTORY_OPTIONS.includes(argv[command]) ? 2 : 1;
  if (argv[command] !== 'install' && argv[command] !== 'sync') return undefined;
  const groups: PoetryGroups & { directory?: string } = { with: [], without: [] };
  const args = [...argv.slice(i + 1, command), ...argv.slice(command + 1)];
  for (let k = 0; k < args.length; k++) {
    const [option, inline] = args[k].startsWith('--') ? args[k].split(/=(.*)/s) : [args[k], undefined];
    if (option === '--only-root') return undefined;
    if (option === '--no-dev') groups.without.push('dev');
    if (!POETRY_VALUE_OPTIONS.includes(option)) continue;
    const value = inline ?? args[++k] ?? '';
    const names = value.split(',').map((n) => n.trim());
    if (option === '--with') groups.with.push(...names);
    else if (option === '--without') groups.without.push(...names);
    else if (option === '--only') groups.only = [...(groups.only ?? []), ...names];
    else if (DIRECTORY_OPTIONS.includes(option)) groups.directory = value;
  }
  return groups;
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

/**
 * A RUN command's words with the variables the RUN is known to see put in (`pip install -U ${PIP_SPEC}` with
 * `ENV PIP_SPEC=pip~=21.1`); an unquoted word that is only a reference splits on blanks as the shell does. `origin`
 * gives, for each word a variable made, the word as written.
 */
export function expandedArgv(
  c: ShellCommand,
  run: RunInstr | undefined,
): { argv: string[]; origin: Record<string, string> } {
  const argv: string[] = [];
  const origin: Record<string, string> = {};
  c.argv.forEach((word, i) => {
    const value = word.includes('$') ? expandKnown(word, run) : word;
    if (value === undefined || value === word || value.includes('$')) {
      argv.push(word);
      return;
    }
    const written = c.written?.[i] ?? word;
    const bare = /^\$(\w+|\{\w+\})$/.test(written);
    for (const w of bare ? value.split(/\s+/).filter(Boolean) : [value]) {
      argv.push(w);
      origin[w] = written;
    }
  });
  return { argv, origin };
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
