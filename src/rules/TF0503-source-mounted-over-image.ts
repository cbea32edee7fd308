import { posix } from 'node:path';
import type { RawFinding } from '../core/index.js';
import { coversPath, imageCodeDir } from './lib/paths.js';
import { appServices } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import { shownSource } from './lib/files.js';

/** Python files of the build context under `source` (a directory of the scanned tree): code, not data. */
function holdsCode(contextFiles: string[], contextDir: string | undefined, source: string): boolean {
  if (contextDir === undefined) return false;
  const prefix = contextDir === '.' ? `${source}/` : `${source.slice(contextDir.length + 1)}/`;
  return contextFiles.some((f) => f.startsWith(prefix) && f.endsWith('.py'));
}

function mountsSubdir(source: string, hostDir: string, target: string, codeDir: string): boolean {
  if (!coversPath(hostDir, source) || !coversPath(codeDir, target)) return false;
  const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const rel = (p: string, base: string) =>
    strip(p) === strip(base) ? '' : base === '.' ? strip(p) : strip(p).slice(strip(base).length + 1);
  const r = rel(source, hostDir);
  return r !== '' && r === rel(target, codeDir);
}

export const sourceMountedOverImage = defineRule({
  id: 'TF0503',
  name: 'source-mounted-over-image',
  factor: 'V',
  severity: 'notice',
  kind: 'S',
  title:
    'The compose app service bind-mounts the repository (.:/app) over the code in the image, so what runs is not the built release',
  help: [
    'A release is the built image plus config. A bind mount of the working tree over the directory where the image',
    'holds the code replaces that code with whatever is on the host: uncommitted edits, another branch, files the',
    '`.dockerignore` keeps out. What runs is then not the release you built and tested. The same holds for an image',
    'that holds no code at all (a runner with only the requirements) and gets the project from the mount.',
    '',
    'Keep the live-reload mount out of the file used to deploy, e.g. in a `compose.override.yaml` (or a `develop:',
    'watch` section) that only development loads:',
    '',
    '```yaml',
    '# compose.yaml (deployed)',
    'services:',
    '  web:',
    '    build: .',
    '    volumes:',
    '      - media:/app/media      # data directories are fine',
    '```',
  ].join('\n'),
  related: [],
  check(project) {
    const out: RawFinding[] = [];
    for (const { app, service: web } of appServices(project)) {
      const codeDir = imageCodeDir(app);
      const hostDirs = [app.dir, web.build?.context, app.context?.dir].filter(
        (d): d is string => d !== undefined,
      );
      for (const v of web.volumes) {
        if (v.type !== 'bind' || !v.source || v.source.startsWith('/') || v.source.startsWith('~')) continue;
        if (!codeDir) {
          // An image that holds no code (a runner with only its requirements) runs the Django project mounted here.
          const projectDir = app.managePy ? posix.dirname(app.managePy) : undefined;
          const workdir = app.dockerfile?.targetStage?.workdir ?? '/';
          // A mount off the working directory's path (`/code` beside WORKDIR /app) is not what the container runs.
          const onWorkdir = coversPath(v.target, workdir) || coversPath(workdir, v.target);
          if (projectDir === undefined || !coversPath(v.source, projectDir) || !onWorkdir) continue;
          out.push({
            file: v.file,
            line: v.line,
            message: `Service '${web.name}' bind-mounts '${shownSource(v)}' at ${v.target}, and the image holds no code of its own: the container runs the host's files, so no built release ever runs. Copy the code into the image (COPY . ${v.target}) and keep this mount in a development-only override file.`,
          });
          continue;
        }
        const whole = hostDirs.some((d) => coversPath(v.source!, d)) && coversPath(v.target, codeDir);
        // `./mysite:/app/mysite`: a project subdirectory mounted over the same subdirectory of the image's code.
        const part = hostDirs.some(
          (d) =>
            mountsSubdir(v.source!, d, v.target, codeDir) &&
            holdsCode(app.context?.files ?? [], app.context?.dir, v.source!),
        );
        if (!whole && !part) continue;
        out.push({
          file: v.file,
          line: v.line,
          message: `Service '${web.name}' bind-mounts '${shownSource(v)}' over ${v.target}, where the image holds the code (${codeDir}): the container runs the host's files, not the built image. Keep this mount in a development-only override file.`,
        });
      }
    }
    return out;
  },
});
