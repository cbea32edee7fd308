/** The manifests an installer resolves at build time because no lock file comes with them: a Pipfile, a Poetry project. */
import { posix } from 'node:path';
import { dirName, joinPath } from '../discover/classify.js';
import { parsePipfile } from '../parse/pipfile.js';
import { parsePoetryDependencies } from '../parse/poetry.js';
import type { ImageLayout } from './context.js';
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
  const locked = context.files.includes(joinPath(dirName(source), 'Pipfile.lock'));
  if (locked && !install.skipLock) return undefined;
  return {
    ...parsePipfile(file, at.texts[file], install.dev),
    unlocked: install.skipLock ? 'skip-lock' : 'no-lock',
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
  const source =
    copiedAbove(at, posix.resolve(at.wd, install.directory ?? '.'), 'pyproject.toml') ??
    (context.sentFiles.includes('pyproject.toml') ? 'pyproject.toml' : undefined);
  const file = source && joinPath(context.dir, source);
  if (!file || !(file in at.texts)) return undefined;
  if (context.files.includes(joinPath(dirName(source), 'poetry.lock'))) return undefined;
  return { ...parsePoetryDependencies(file, at.texts[file], install), unlocked: 'no-lock' };
}

/** The context file the image holds as NAME in `dir` or the nearest directory above it that has one. */
function copiedAbove(at: InstallAt, dir: string, name: string): string | undefined {
  const source = at.layout.sourceOf(at.stage, posix.join(dir, name), at.index);

  return source ?? (dir === '/' ? undefined : copiedAbove(at, posix.dirname(dir), name));
}
