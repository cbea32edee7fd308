/** The manifests an installer resolves at build time because no lock file comes with them: a Pipfile, a Poetry project. */
import { posix } from 'node:path';
import { dirName, joinPath } from '../discover/classify.js';
import { parsePipfile } from '../parse/pipfile.js';
import { parsePoetryDependencies } from '../parse/poetry.js';
import type { ImageLayout } from './context.js';
import { copiedByName } from './lock-files.js';
import { pipenvInstall, poetryInstall } from './install-args.js';
import type { Stage } from './types/dockerfile.js';
import type { BuildContext, RequirementsFile } from './types/project.js';

/** One install command of a RUN, where it runs, and what the build can see. */
export interface InstallAt {
  argv: string[];
  wd: string;
  stage: Stage;
  index: number;
  context: BuildContext;
  layout: ImageLayout;
  texts: Record<string, string>;
}

/**
 * The Pipfile `pipenv install` reads (the one in its working directory) when it resolves it at build time:
 * `--skip-lock`, or no Pipfile.lock beside it in the context. Installed from a lock, its ranges are not judged.
 */
export function unlockedPipfile(at: InstallAt): RequirementsFile | undefined {
  const install = pipenvInstall(at.argv);
  if (!install || install.ignorePipfile) return undefined;
  const { context } = at;
  const source =
    at.layout.sourceOf(at.stage, posix.resolve(at.wd, 'Pipfile'), at.index) ??
    (context.sentFiles.includes('Pipfile') ? 'Pipfile' : undefined);
  const file = source && joinPath(context.dir, source);
  if (!file || !(file in at.texts)) return undefined;
  const imageDir = at.layout.sourceOf(at.stage, posix.resolve(at.wd, 'Pipfile'), at.index)
    ? at.wd
    : undefined;
  const lock = lockState(at, source, imageDir, 'Pipfile.lock');
  if (lock === 'locked' && !install.skipLock) return undefined;
  const parsed = parsePipfile(file, at.texts[file], install.dev);
  if (install.skipLock) return { ...parsed, unlocked: 'skip-lock' };
  return { ...parsed, ...(lock === 'locked' ? { unlocked: 'no-lock' } : lock) };
}

/**
 * Whether the lock beside a manifest (`source`, a context path, found in the image in `imageDir`) is in the image
 * when the install runs; a lock the repository holds but the image gets only later (`COPY . .` after the install) is
 * no lock to that install. Without the image's directory (a manifest read from the context), the repository decides.
 */
function lockState(
  at: InstallAt,
  source: string,
  imageDir: string | undefined,
  lockName: string,
): 'locked' | Pick<RequirementsFile, 'unlocked' | 'lockNotCopied'> {
  const lock = joinPath(dirName(source), lockName);
  // `COPY pyproject.toml poetry.lock ./` of a lock generated before the build: without it the build stops there.
  if (!at.context.files.includes(lock))
    return copiedByName(at.stage, lock, at.index) === undefined ? { unlocked: 'no-lock' } : 'locked';
  if (imageDir === undefined || at.layout.sourceOf(at.stage, posix.join(imageDir, lockName), at.index))
    return 'locked';
  const install = at.stage.instructions[at.index];
  const later = at.layout.landings(at.stage, lock).find((l) => l.line > install.line);
  return {
    unlocked: 'lock-not-copied',
    lockNotCopied: {
      lock: joinPath(at.context.dir, lock),
      installLine: install.line,
      ...(later ? { copiedAt: later.line } : {}),
    },
  };
}

/**
 * The pyproject.toml `poetry install` reads (the first one from its directory upwards, as Poetry searches) when the
 * context holds no poetry.lock beside it: Poetry then resolves the ranges at every build.
 */
export function unlockedPoetryProject(at: InstallAt): RequirementsFile | undefined {
  const install = poetryInstall(at.argv);

  if (!install) return undefined;
  const { context } = at;
  const copied = copiedAbove(at, posix.resolve(at.wd, install.directory ?? '.'), 'pyproject.toml');
  const source =
    copied?.source ?? (context.sentFiles.includes('pyproject.toml') ? 'pyproject.toml' : undefined);
  const file = source && joinPath(context.dir, source);
  if (!file || !(file in at.texts)) return undefined;
  const lock = lockState(at, source, copied?.dir, 'poetry.lock');
  if (lock === 'locked') return undefined;
  return { ...parsePoetryDependencies(file, at.texts[file], install), ...lock };
}

/** The context file the image holds as NAME in `dir` or the nearest directory above it that has one, and where. */
function copiedAbove(at: InstallAt, dir: string, name: string): { source: string; dir: string } | undefined {
  const source = at.layout.sourceOf(at.stage, posix.join(dir, name), at.index);
  if (source) return { source, dir };
  return dir === '/' ? undefined : copiedAbove(at, posix.dirname(dir), name);
}
