/** Where a root build leaves the virtualenv pipenv installs: under root's home, out of another user's reach. */
import { basename } from '../../model/command.js';
import type { DockerfileModel, Stage } from '../../model/types/dockerfile.js';
import { rootRunCommands } from './root-runs.js';

// Settings that place pipenv's virtualenv elsewhere: in the project (.venv), under another directory, or an active one.
const PLACED = ['PIPENV_VENV_IN_PROJECT', 'WORKON_HOME', 'VIRTUAL_ENV'];

/**
 * The `pipenv install`/`pipenv sync` the stage runs as root without `--system` and with no virtualenv setting, so
 * pipenv creates the virtualenv under root's home (/root/.local/share/virtualenvs): another user can neither read it
 * (/root is root's alone) nor find it (pipenv looks under that user's own home). Undefined where `--system`, a setting
 * or an earlier USER places it.
 */
export function pipenvRootEnvironment(
  df: DockerfileModel,
  stage: Stage,
): { file: string; line: number; verb: string } | undefined {
  for (const { command: c, env } of rootRunCommands(df, stage)) {
    // `pipenv sync`, `python -m pipenv install`
    const argv =
      /^python[\d.]*$/.test(basename(c.argv[0] ?? '')) && c.argv[1] === '-m' ? c.argv.slice(2) : c.argv;
    const [tool, verb, ...rest] = argv;
    if (basename(tool ?? '') !== 'pipenv' || (verb !== 'install' && verb !== 'sync')) continue;
    if (rest.includes('--system')) continue;
    const set = (name: string) => env[name] !== undefined && env[name] !== '' && env[name] !== '0';
    if (PLACED.some(set)) continue;
    return { file: df.file, line: c.line, verb };
  }
  return undefined;
}

/** What to do about it before switching to `user`. */
export function pipenvAdvice(at: { file: string; line: number; verb: string }, user: string): string {
  return `Before that, make the virtualenv pipenv installs reachable for ${user}: ${at.file}:${at.line} runs pipenv ${at.verb} as root without --system, so pipenv puts the virtualenv under root's home (/root/.local/share/virtualenvs), which ${user} can neither read nor find (pipenv run looks under ${user}'s own home), and the app would start without its packages. Set ENV WORKON_HOME=/opt/venvs before it (outside root's home, where pipenv run as ${user} finds it too), or ENV PIPENV_VENV_IN_PROJECT=1 (a .venv in the project, hidden wherever the project is bind-mounted), or install with --system and start the app without pipenv run.`;
}
