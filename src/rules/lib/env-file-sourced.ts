// A start script that sources an env file baked into the image (`. ./app.env`) breaks once the file is left out.
import { posix } from 'node:path';
import type { App } from '../../model/types/project.js';

/** The start script line that sources the env file `path` (a repository path): `. ./app.env`, `source app.env`. */
export function sourcedBy(app: App, path: string): { file: string; line: number } | undefined {
  const name = posix.basename(path);
  for (const script of app.entrypointScripts)
    for (const c of script.script.commands) {
      const [program, file] = c.argv;
      if ((program !== '.' && program !== 'source') || !file || file.includes('$')) continue;
      if (posix.basename(file) === name) return { file: script.file, line: c.line };
    }
  return undefined;
}

/**
 * What the advice to keep env files out of the image must add when a start script sources one of them: the file
 * gone, the script breaks, so the values must reach the container at run time and the script read them from there.
 * '' when no start script sources any of them.
 */
export function sourcedFileAdvice(app: App, files: string[]): string {
  for (const f of files) {
    const by = sourcedBy(app, f);
    if (!by) continue;
    const service = app.compose?.appService;
    const given = service?.envFiles.some((e) => e.path === f);
    const composeDir = posix.dirname(app.compose?.files[0] ?? '.');
    const rel = composeDir === '.' ? f : posix.relative(composeDir, f);
    const runTime = given
      ? `compose's env_file already gives its values to service '${service!.name}'`
      : service
        ? `give its values to service '${service.name}' at run time (env_file: ./${rel}, or environment:)`
        : 'give its values to the container at run time (docker run --env-file, or the platform settings)';
    return ` But ${by.file} sources it (line ${by.line}) when the container starts, so an image without the file breaks that script: ${runTime}, and make ${by.file} read the variables from the environment instead of sourcing the file.`;
  }
  return '';
}
