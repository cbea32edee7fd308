/** Where a root build leaves the environment poetry installs: under root's home, out of another user's reach. */
import { basename } from '../../model/command.js';
import type { DockerfileModel, Stage } from '../../model/types/dockerfile.js';
import type { BuildContext } from '../../model/types/project.js';
import { rootRunCommands } from './root-runs.js';

// Settings that keep poetry's environment out of root's cache: none at all, one in the project, or a path given.
const CREATE = 'POETRY_VIRTUALENVS_CREATE';
const IN_PROJECT = 'POETRY_VIRTUALENVS_IN_PROJECT';
// VIRTUAL_ENV: an active virtualenv, which poetry installs into.
const PLACED = ['POETRY_VIRTUALENVS_PATH', 'POETRY_CACHE_DIR', 'VIRTUAL_ENV'];

/**
 * The `poetry install` the stage runs as root with no virtualenv setting, so poetry creates the environment under
 * root's home (/root/.cache/pypoetry/virtualenvs): another user can neither read it (/root is root's alone) nor find
 * it (poetry looks under that user's own home). Undefined where a setting, a poetry.toml or an earlier USER places it.
 */
export function poetryRootEnvironment(
  df: DockerfileModel,
  stage: Stage,
  context: BuildContext | undefined,
): { file: string; line: number } | undefined {
  // A poetry.toml beside pyproject.toml sets virtualenvs for the project (in-project = true, create = false).
  if (context?.sentFiles.some((f) => basename(f) === 'poetry.toml')) return undefined;
  let configured = false;
  for (const { command: c, env } of rootRunCommands(df, stage)) {
    const [tool, verb, ...rest] = c.argv;
    if (basename(tool ?? '') !== 'poetry') continue;
    // `poetry config virtualenvs.create false`, `… virtualenvs.in-project true`, `… virtualenvs.path /venvs`
    // (poetry 1.0 and before spelled them `settings.virtualenvs.create`; `--local` writes poetry.toml); or
    // `poetry env use PYTHON`, whose environment depends on the interpreter it names.
    const key = rest.find((w) => !w.startsWith('-'));
    if (
      verb === 'env' ||
      (verb === 'config' &&
        /^(settings\.)?(virtualenvs\.(create|in-project|path)|cache-dir)$/.test(key ?? ''))
    )
      configured = true;
    if (verb !== 'install' || configured) continue;
    const set = (name: string) => env[name] !== undefined && env[name] !== '';
    if (set(CREATE) || set(IN_PROJECT) || PLACED.some(set)) continue;
    return { file: df.file, line: c.line };
  }
  return undefined;
}

/** What to do about it before switching to `user`. */
export function poetryAdvice(at: { file: string; line: number }, user: string, workdir: string): string {
  const project = workdir !== '/' ? workdir : 'the project directory';
  return `Before that, make the environment poetry installs reachable for ${user}: ${at.file}:${at.line} runs poetry install as root with no virtualenv setting, so poetry puts the environment under root's home (/root/.cache/pypoetry/virtualenvs), which ${user} can neither read nor find (poetry run looks under ${user}'s own home), and the app would start without its packages. Set ENV ${CREATE}=false before it (the packages go into the image's Python), or ENV ${IN_PROJECT}=true and chown ${project} to ${user}.`;
}
