/** The start script a shell-form CMD/ENTRYPOINT runs, and what its own shell leaves to fix after the exec form. */
import { startPath } from '../../model/command.js';
import type { CommandInstr } from '../../model/types/dockerfile.js';
import type { App, EntrypointScript } from '../../model/types/project.js';
import type { RawFinding } from '../../core/index.js';
import { scriptRunByText } from './exec-form.js';
import { mainProcessOf } from './main-process.js';

/**
 * The script a shell-form command runs the server from: the one its last command runs, else, unless that last command
 * starts the server itself (`./wait-for-db.sh && ./manage.py runserver`), the one script its text names. Its words
 * are read as the shell expands them (`$APP_HOME/bin/start`, with the image's ENV).
 */
export function startScriptOf(app: App, instr: CommandInstr): EntrypointScript | undefined {
  const scripts = app.entrypointScripts;
  const workdir = app.dockerfile?.targetStage?.workdir || '/';
  const env = app.dockerfile?.targetStage?.env ?? {};
  const resolve = (word: string) => startPath(word, env, app.compose?.appService);
  const last = instr.script?.commands.at(-1);
  if (!last) return scriptRunByText(instr.raw, scripts, workdir, resolve);
  const lastRuns = scriptRunByText(last.argv.join(' '), scripts, workdir, resolve);
  if (lastRuns || mainProcessOf(last.argv)) return lastRuns;
  return scriptRunByText(instr.raw, scripts, workdir, resolve);
}

/**
 * The words that say a shell-form command's exec form is not enough when the script it runs keeps SIGTERM from the
 * server itself (reported at `scriptFinding`). The caller adds them only when its message does not already speak of
 * that script.
 */
export function scriptShellNote(
  script: EntrypointScript | undefined,
  scriptFinding: RawFinding | undefined,
): string {
  if (!script || !scriptFinding) return '';
  return ` The exec form alone is not enough: ${script.file} runs the server under its own shell, which does not pass SIGTERM on either; fix it there too (${script.file}:${scriptFinding.line}).`;
}
