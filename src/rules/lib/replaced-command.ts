import { effectiveCommand, serviceCommand, type StartCommand } from '../../model/command.js';
import type { App } from '../../model/types/project.js';

/**
 * The sentence a finding about what the image starts by default ends with when every compose service of the image
 * starts it with a command of its own: compose never runs it, a container of the image started on its own does.
 * Empty when compose runs it, or when the compose file only names an image the Dockerfile may not build.
 */
export function replacedCommandNote(app: App, cmd: StartCommand): string {
  const compose = app.compose;
  if (!compose?.appService || app.imageNotBuiltHere) return '';
  const services = [compose.appService, ...(compose.appImageServices ?? [])].filter(
    (s, i, all) => all.indexOf(s) === i,
  );
  if (services.some((s) => !s.command && !s.entrypoint)) return '';
  const key = (c: StartCommand) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
  const run = [
    ...effectiveCommand(app),
    ...services.filter((s) => s !== compose.appService).flatMap((s) => serviceCommand(app, s)),
  ];
  if (run.some((c) => key(c) === key(cmd))) return '';
  const names = services.map((s) => `'${s.name}'`).join(', ');
  const which = services.length > 1 ? `services ${names} start` : `service ${names} starts`;
  return ` Compose's ${which} the image with a command of its own, but a container of the image started on its own (docker run, a platform that runs the image) runs this.`;
}
