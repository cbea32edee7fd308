import type { DockerfileModel, Stage, WorkdirInstr } from '../../model/types/dockerfile.js';
import { posix } from 'node:path';
import type { App } from '../../model/types/project.js';

/** `a` is `b` or one of its parent directories (relative paths with '.' for the root, or absolute ones). */
export function coversPath(a: string, b: string): boolean {
  const x = a.length > 1 ? a.replace(/\/+$/, '') : a;
  const y = b.length > 1 ? b.replace(/\/+$/, '') : b;
  if (x === y || x === '/' || (x === '.' && !y.startsWith('/') && !y.startsWith('..'))) return true;
  return y.startsWith(`${x}/`);
}

/** Where the image holds the app's code: the COPY destination of the Django project, else the WORKDIR code is copied to. */
export function imageCodeDir(app: App): string | undefined {
  if (app.imageSourceDir) return app.imageSourceDir;
  const stage = app.dockerfile?.targetStage;
  if (!stage || stage.workdir === '/') return undefined;
  const copiesHere = stage.instructions.some(
    (i) =>
      (i.keyword === 'COPY' || i.keyword === 'ADD') &&
      'dest' in i &&
      !i.fromStage &&
      coversPath(i.dest, stage.workdir) &&
      coversPath(stage.workdir, i.dest),
  );
  return copiesHere ? stage.workdir : undefined;
}

/** The WORKDIR in effect before each instruction of `stage` ('/' when none; undefined when not resolved). */
export function workdirsOf(model: DockerfileModel, stage: Stage): (string | undefined)[] {
  const parent = stage.from.stageRef === undefined ? undefined : model.stages[stage.from.stageRef];
  let workdir: string | undefined = parent ? parent.workdir : '/';
  return stage.instructions.map((ins) => {
    const before = workdir;
    if (ins.keyword === 'WORKDIR') workdir = (ins as WorkdirInstr).path;
    return before;
  });
}

/**
 * BASE_DIR in the image: where the directory holding manage.py lands, adjusted when BASE_DIR is another directory.
 * BASE_DIR is computed from `__file__`, so a BASE_DIR above manage.py's directory (three `dirname`s) is that many
 * directories above where it lands in the image, whatever the image holds there.
 */
export function imageBaseDir(app: App): string | undefined {
  return app.imageSourceDir ? baseDirAt(app, app.imageSourceDir) : undefined;
}

/** BASE_DIR where the directory holding manage.py is at sourceDir in the container. */
export function baseDirAt(app: App, sourceDir: string): string {
  const baseDir = app.settings?.baseDir;
  if (baseDir === undefined) return sourceDir;
  const manageDir = app.managePy ? posix.dirname(app.managePy) : app.dir;
  const rel = posix.relative(manageDir === '.' ? '' : manageDir, baseDir === '.' ? '' : baseDir);
  return posix.join(sourceDir, rel);
}

/**
 * BASE_DIR in the container when the image holds no code of its own and the app service bind-mounts the project over
 * the directory it runs in (`./demo:/demo`, the image's WORKDIR or the service's working_dir).
 */
export function mountedBaseDir(app: App): string | undefined {
  const service = app.compose?.appService;
  const stage = app.dockerfile?.targetStage;
  if (!service || !stage) return undefined;
  const workdir = posix.resolve(stage.workdir || '/', service.workingDir ?? '.');
  const landing = mountedProjectDirs(app).find((d) => d === workdir);
  return landing === undefined ? undefined : baseDirAt(app, landing);
}

/**
 * Where the relative bind mounts of the app service lay the directory holding manage.py in the container, when the
 * image holds no code of its own (`./:/srv/site` puts `app/manage.py` at /srv/site/app).
 */
export function mountedProjectDirs(app: App): string[] {
  const service = app.compose?.appService;
  if (app.imageSourceDir || !service || !app.dockerfile?.targetStage) return [];
  const manageDir = app.managePy ? posix.dirname(app.managePy) : app.dir;
  const out: string[] = [];
  for (const v of service.volumes) {
    if (v.type !== 'bind' || v.source === undefined || v.source.startsWith('/') || v.writtenTarget) continue;
    const rel = posix.relative(v.source === '.' ? '' : v.source, manageDir === '.' ? '' : manageDir);
    if (!rel.startsWith('..')) out.push(posix.join(v.target, rel).replace(/(.)\/+$/, '$1'));
  }
  return out;
}
