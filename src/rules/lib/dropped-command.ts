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
