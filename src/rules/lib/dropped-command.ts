import { commandIgnoredBy } from '../../model/command.js';
import type { App } from '../../model/types/project.js';

/**
 * The sentence a finding in an entrypoint script that drops the container's command ends with: the compose `command`
 * (or the image's CMD) written elsewhere never runs. Empty for any other file.
 */
export function droppedCommandNote(app: App, file: string): string {
  const viaCompose = commandIgnoredBy(app, app.compose?.appService);
  const compose = app.compose?.appService?.command;
  if (viaCompose?.file === file && compose)
    return ` The compose command (${compose.file}:${compose.line}) never runs: ${file} does not pass its arguments on.`;
  const cmd = app.dockerfile?.targetStage?.cmd;
  if (commandIgnoredBy(app, undefined)?.file === file && cmd && app.dockerfile)
    return ` The image's CMD (${app.dockerfile.file}:${cmd.line}) never runs: ${file} does not pass its arguments on.`;
  return '';
}

/**
 * One finding per line where the same script is judged in several compose setups: a finding whose words another at
 * the same file and line repeats and extends (with the note of a setup whose command the script drops) is left out.
 */
export function mergeSetupNotes<F extends { file: string; line?: number; message: string }>(
  findings: F[],
): F[] {
  return findings.filter(
    (f) =>
      !findings.some(
        (g) =>
          g !== f &&
          g.file === f.file &&
          g.line === f.line &&
          g.message.length > f.message.length &&
          g.message.startsWith(f.message),
      ),
  );
}
