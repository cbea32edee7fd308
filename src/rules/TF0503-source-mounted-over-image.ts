import { posix } from 'node:path';
import type { RawFinding } from '../core/index.js';
import { coversPath, imageCodeDir } from './lib/paths.js';
import { settingDir } from './lib/run-time-writes.js';
import { filesReachingImage, imagePathsOf } from '../model/context.js';
import { appImageServices, everyDockerfile } from './lib/each.js';
import { defineRule } from './lib/rule.js';
import type { ComposeModel, ComposeService, ComposeVolumeMount } from '../model/types/compose.js';
import type { App, Project } from '../model/types/project.js';
import type { CopyInstr, DockerfileModel } from '../model/types/dockerfile.js';
import { isComposeOverrideFile } from '../model/compose-projects.js';
import { MANIFEST_OF_LOCK } from '../model/lock-files.js';
import { STARTS_SERVER } from '../model/compose/start-scripts.js';
import { repositoryBases } from './lib/base-image.js';
import { builtReleaseElsewhere, type BuiltRelease } from './lib/built-release.js';
import {
  developmentFileReason,
  dockerignoreFileOf,
  hasProductionWord,
  isDevelopmentComposeFile,
  projectComposeFiles,
  shownSource,
  shownTarget,
} from './lib/files.js';

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

/** The compose files holding a service of this name (`web` in prod.yml beside prod.certbot.yml): where the app runs. */
function filesWithService(project: Project, name: string): string[] {
  return project.apps.flatMap((a) =>
    (a.compose?.services ?? []).filter((s) => s.name === name).map((s) => s.file),
  );
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
    'that holds no code at all (a runner with only the requirements) and gets the project from the mount. The rule',
    "reports the compose app service's mount (naming the workers that share its line through `<<: *app`); a worker's",
    "or beat's mount on its own line is not reported. When the image's Dockerfile cannot be read (not in the",
    "repository, unparseable), a mount of the project is reported too: the container runs the host's files either way.",
    'When the image holds no code but another Dockerfile of the same project copies it and a compose file not named',
    'for development runs that image (`Dockerfile-prod` run by `docker-compose-prod.yaml`), the message says the',
    'release is built there.',
    '',
    'The same holds for a directory of the repository mounted over the copy the image holds of it (`./deploy/scripts`',
    'over the path `COPY deploy/scripts` filled) when it holds code (Python modules, shell scripts, templates): the',
    "host's start script runs, not the built one. A mount that covers nothing the image copied, or only data",
    '(an upload directory), is not reported.',
    '',
    'Keep the live-reload mount out of the file used to deploy, e.g. in a `compose.override.yaml` (or a `develop:',
    'watch` section) that only development loads; a mount in the override file is not reported:',
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
    type Line = { file: string; line: number; services: string[]; text: string; ofAppService: boolean };
    const byLine = new Map<string, Line>();
    const composeFiles = projectComposeFiles(project);
    // Dockerfiles the review read but did not take as an app image (`FROM mysql:5.6`: no Python in it).
    const read = new Set(everyDockerfile(project).map((df) => df.file));
    for (const { app, compose, service } of appImageServices(project)) {
      const isAppService = service === compose.appService;
      // In a file named for development (`docker-compose-dev.yml`) the mount is where it belongs already, unless the
      // repository runs it merged with a production file in another set (`-f docker-compose.yml -f …prod.yml`).
      const devReason = (file: string) =>
        isDevelopmentComposeFile(file, composeFiles, mergedWith(project, file, compose.files))
          ? developmentFileReason(file, composeFiles, filesWithService(project, service.name))
          : undefined;
      const layered = (mount: ComposeVolumeMount) => productionLayeredOn(project, mount, compose);
      const release = (mount: ComposeVolumeMount) => builtReleaseElsewhere(project, app, mount, composeFiles);
      for (const { mount, text } of mountsOverCode(app, service, { devReason, layered, release }, read)) {
        // The development override (`docker-compose.override.yml`) is where this rule asks the mount to live.
        if (isComposeOverrideFile(mount.file)) continue;
        const key = `${mount.file}\0${mount.line}`;
        const seen = byLine.get(key);
        if (!seen)
          byLine.set(key, {
            file: mount.file,
            line: mount.line,
            services: [service.name],
            text,
            ofAppService: false,
          });
        else if (!seen.services.includes(service.name)) seen.services.push(service.name);
        byLine.get(key)!.ofAppService ||= isAppService;
      }
    }
    // The catalog's condition is the compose app service's mount: a worker's or beat's own mount line is not
    // reported. One finding per line: the other services sharing the app service's mount (`<<: *app`) are named too.
    const lines = [...byLine.values()].filter((l) => l.ofAppService);
    return lines.map(({ file, line, services, text }): RawFinding => {
      const who =
        services.length === 1
          ? `Service '${services[0]}' bind-mounts`
          : `Services ${services.map((n) => `'${n}'`).join(', ')} bind-mount`;
      return { file, line, message: `${who} ${text}` };
    });
  },
});

const KEEP_IN_DEV = 'Keep this mount in a development-only override file.';

/** The files the repository runs `file` with: those of every compose set holding it (the Makefile's `-f a -f b`). */
function mergedWith(project: Project, file: string, own: readonly string[]): string[] {
  const sets = [own, ...project.apps.flatMap((a) => (a.compose ? [a.compose.files] : []))];
  return [...new Set(sets.filter((files) => files.includes(file)).flat())];
}

/**
 * A production-named file run layered on the mount's file (`-f docker-compose.yml -f docker-compose.prod.yml`) whose
 * merged services still hold the mount: one that drops it (`volumes: !reset []`, `!override`) does not run it.
 */
function productionLayeredOn(
  project: Project,
  mount: ComposeVolumeMount,
  own: ComposeModel,
): string | undefined {
  const models = [own, ...project.apps.flatMap((a) => (a.compose ? [a.compose] : []))];
  for (const model of models) {
    if (!model.files.includes(mount.file)) continue;
    const production = model.files.find((f) => f !== mount.file && hasProductionWord(f));
    const runs = model.services.some((s) =>
      s.volumes.some((v) => v.file === mount.file && v.line === mount.line),
    );
    if (production && runs) return production;
  }
  return undefined;
}

/** What the compose files say of a mount in a file production runs too, and the advice to move it. */
interface MountPlace {
  devReason: (file: string) => string | undefined;
  layered: (mount: ComposeVolumeMount) => string | undefined;
  /** Another image of the same project that holds the code, run by a compose file other than the mount's. */
  release?: (mount: ComposeVolumeMount) => BuiltRelease | undefined;
}

function layeredText(file: string, production: string | undefined): string {
  return production
    ? `${file} is the base that ${production} is layered on, so the production deploy runs this mount too. `
    : '';
}

/** What to do about the mount in a compose file named for development, which is where it belongs. */
function devFileAdvice(reason: string): string {
  return `${reason}, where that is the point: deploy with a compose file that runs the built image without this mount.`;
}

/** The bind mounts of a service of the app's image that put the host's code over the image's, with what they do. */
function mountsOverCode(
  app: App,
  web: ComposeService,
  { devReason, layered, release }: MountPlace,
  read: Set<string>,
): { mount: ComposeVolumeMount; text: string }[] {
  const out: { mount: ComposeVolumeMount; text: string }[] = [];
  const advice = (mount: ComposeVolumeMount): string => {
    const reason = devReason(mount.file);
    return reason ? devFileAdvice(reason) : `${layeredText(mount.file, layered(mount))}${KEEP_IN_DEV}`;
  };
  // An image that takes no Python file of its context (`COPY requirements.txt app/`) holds no code at its WORKDIR,
  // unless the image of this repository it is built FROM copied the code there (`FROM shop:release`).
  const own = app.imageHoldsPython === false ? undefined : imageCodeDir(app);
  const base = own
    ? undefined
    : repositoryBases(app).find((b) => b.app.imageHoldsPython !== false && imageCodeDir(b.app));
  const codeDir = own ?? (base && imageCodeDir(base.app));
  const hostDirs = [app.dir, web.build?.context, app.context?.dir].filter(
    (d): d is string => d !== undefined,
  );
  for (const v of web.volumes) {
    if (v.type !== 'bind' || !v.source || v.source.startsWith('/') || v.source.startsWith('~')) continue;
    if (!codeDir) {
      const projectDir = app.managePy ? posix.dirname(app.managePy) : undefined;
      // Without the image's Dockerfile (missing, unreadable) what the mount hides is unknown; when the service's own
      // command starts the server (not a test runner), the project mounted into it is what serves either way.
      if (!app.dockerfile) {
        // With no command of its own the service runs the image's, unknown here: the app service's is the server's,
        // unless the service or its Dockerfile is named for tests (a test runner's).
        const own = [web.command?.raw, web.entrypoint?.raw].filter((c) => c !== undefined).join(' ');
        const forTests = [web.name, web.build?.dockerfile ?? ''].some((n) =>
          /(^|[/._-])(tests?|testing|ci)([._-]|$)/i.test(n),
        );
        const serves = own.trim() === '' ? !forTests : STARTS_SERVER.test(own);
        if (
          serves &&
          projectDir !== undefined &&
          coversPath(v.source, projectDir) &&
          v.target.startsWith('/')
        )
          out.push({ mount: v, text: `${unreadImageText(v, web, read)} ${advice(v)}` });
        continue;
      }
      // An image that holds no code (a runner with only its requirements) runs the Django project mounted here.
      const workdir = app.dockerfile?.targetStage?.workdir ?? '/';
      // A mount off the working directory's path (`/code` beside WORKDIR /app) is not what the container runs.
      const onWorkdir = coversPath(v.target, workdir) || coversPath(workdir, v.target);
      // The project, or a directory of its code mounted at the same place under the working directory (`./app:/code/app`).
      const otherCase = projectDir !== undefined ? projectInOtherCase(app, v.source, projectDir) : undefined;
      const ofProject =
        projectDir !== undefined &&
        (coversPath(v.source, projectDir) ||
          otherCase !== undefined ||
          (mountsSubdir(v.source, projectDir, v.target, workdir) &&
            holdsCode(app.context?.files ?? [], app.context?.dir, v.source)));
      if (!ofProject || !onWorkdir) {
        const text = copiedDirText(app, v);
        if (text) out.push({ mount: v, text: `${text} ${advice(v)}` });
        continue;
      }
      const dev = devReason(v.file);
      out.push({ mount: v, text: codelessText(v, app, dev, otherCase, release?.(v)) });
      continue;
    }
    const whole = hostDirs.some((d) => coversPath(v.source!, d)) && coversPath(v.target, codeDir);
    // `./mysite:/app/mysite`: a project subdirectory mounted over the same subdirectory of the image's code.
    const part = hostDirs.some(
      (d) =>
        mountsSubdir(v.source!, d, v.target, codeDir) &&
        holdsCode(app.context?.files ?? [], app.context?.dir, v.source!),
    );
    if (!whole && !part) {
      const text = besideWorkdirText(app, v, codeDir) ?? copiedDirText(app, v);
      if (text) out.push({ mount: v, text: `${text} ${advice(v)}` });
      continue;
    }
    // `./apps:/srv/apps` where .dockerignore lists `apps`: the image holds none of that code, only the mount gives it.
    const ignored = part && !whole ? ignoredByBuild(app, v.source) : undefined;
    if (ignored !== undefined) {
      out.push({ mount: v, text: ignoredText(app, v, ignored, devReason(v.file), layered(v)) });
      continue;
    }
    const held = heldCodeDir(app, v, codeDir);
    const copiedBy = base
      ? `, copied there by ${base.app.dockerfile!.file}, which builds ${base.image}, the image it starts FROM`
      : '';
    // An image the repository does not build may hold anything there: only the Dockerfile beside it puts code at `held`.
    const text = app.imageNotBuiltHere
      ? `'${shownSource(v)}' over ${shownTarget(v)}: the container runs the host's files, not a built release of this code. ${notBuiltText(app.imageNotBuiltHere, shownTarget(v), app.dockerfile?.file ?? 'the Dockerfile', held)}`
      : `'${shownSource(v)}' over ${shownTarget(v)}, where the image holds the code (${held}${copiedBy}): the container runs the host's files, not the built image.`;
    out.push({ mount: v, text: `${text} ${advice(v)}` });
  }
  return out;
}

/** Files that are code of the release, not data: Python modules, shell scripts, Django templates. */
const DATA_SETTINGS = ['STATIC_ROOT', 'MEDIA_ROOT'];
const CODE_FILE = /\.(py|sh|bash|html)$/i;

/**
 * A directory of the build context mounted over the image's own copy of it (`./deploy/scripts:/opt/deploy/scripts`
 * after `COPY deploy/scripts /opt/deploy/scripts`), when it holds code: the host's files run in place of the built
 * ones. A directory of data (`./media`, files the image holds none of) is not code of the release.
 */
function copiedDirText(app: App, v: ComposeVolumeMount): string | undefined {
  const context = app.context;
  if (!context || !v.source || !coversPath(context.dir, v.source)) return undefined;
  const rel = posix.normalize(context.dir === '.' ? v.source : posix.relative(context.dir, v.source));
  if (rel === '.' || rel.startsWith('..')) return undefined;
  const target = posix.normalize(v.target);
  // STATIC_ROOT and MEDIA_ROOT hold what collectstatic and uploads write, often shared with a proxy: data, not code.
  const dataDirs = DATA_SETTINGS.map((name) => settingDir(app, name)).filter((d) => d !== undefined);
  if (dataDirs.some((d) => coversPath(d, target))) return undefined;
  const scripts = new Set((app.entrypointScripts ?? []).map((s) => s.file));
  const isCode = (f: string) =>
    f.startsWith(`${rel}/`) && (CODE_FILE.test(f) || scripts.has(posix.join(context.dir, f)));
  const held = imagePathsOf(app, isCode).filter(
    ({ file, path }) => path === posix.join(target, file.slice(rel.length + 1)),
  );
  if (held.length === 0) return undefined;
  const files = new Set(held.map((h) => h.file));
  const lines = filesReachingImage(app, (f) => files.has(f)).map((l) => l.line);
  const by = `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')} of ${app.dockerfile!.file}`;
  const started = (app.entrypointScripts ?? []).find((s) => coversPath(target, s.imagePath));
  const runs = started ? `, among them the start script it runs (${started.imagePath})` : '';
  return `'${shownSource(v)}' over ${shownTarget(v)}, where the image holds its own copy of that code (copied by ${by}): the container runs the host's files, not the built image's${runs}.`;
}

/**
 * The mounted directory as a path of the build context when the context holds Python files under it but
 * .dockerignore sends none of them to the build.
 */
function ignoredByBuild(app: App, source: string): string | undefined {
  const context = app.context;
  if (!context?.dockerignore) return undefined;
  const rel = posix.normalize(context.dir === '.' ? source : posix.relative(context.dir, source));
  if (rel === '.' || rel.startsWith('..')) return undefined;
  const under = (f: string) => f.startsWith(`${rel}/`) && f.endsWith('.py');
  return context.files.some(under) && !context.sentFiles.some(under) ? rel : undefined;
}

/** What a mount of code that .dockerignore keeps out of the image does, and how to make the image hold it. */
function ignoredText(
  app: App,
  v: ComposeVolumeMount,
  rel: string,
  devReason: string | undefined,
  production: string | undefined,
): string {
  const dockerignore = dockerignoreFileOf(app.context);
  const head = `'${shownSource(v)}' over ${shownTarget(v)}, code the image does not hold: ${dockerignore} keeps '${rel}' out of the build context, so only this mount gives the container that code and no built release of it ever runs.`;
  const send = `let the build send '${rel}' (remove it from ${dockerignore})`;
  return devReason
    ? `${head} ${devReason}, where the mount belongs, but a deploy without it runs an image that lacks this code: ${send}.`
    : `${head} ${layeredText(v.file, production)}${send[0].toUpperCase()}${send.slice(1)} and keep this mount in a development-only override file.`;
}

/**
 * A mount of the project over the working directory when the image put its code elsewhere (`COPY . .` before
 * `WORKDIR /app`: the code at /, /app holding none of it): the container runs the host's files from there.
 */
function besideWorkdirText(app: App, v: ComposeVolumeMount, codeDir: string): string | undefined {
  const stage = app.dockerfile?.targetStage;
  const workdir = stage?.workdir;
  if (!stage || !workdir || workdir === '/' || !app.managePy || !v.source) return undefined;
  if (!coversPath(v.source, posix.dirname(app.managePy)) || !coversPath(v.target, workdir)) return undefined;
  if (coversPath(v.target, codeDir) || coversPath(workdir, codeDir)) return undefined;
  const set = stage.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1);
  const where = set ? `WORKDIR ${workdir} (line ${set.line})` : `the working directory ${workdir}`;
  return `'${shownSource(v)}' over ${shownTarget(v)}, the working directory the container runs in, where the image holds none of the code: ${app.dockerfile!.file} puts it at ${codeDir}, outside ${where}, so the container runs the host's files, not the built image. Copy the code into ${workdir} (COPY after the WORKDIR, or to ${workdir}).`;
}

/**
 * What is known of an image no compose file builds. A bare local name (`mysite`) may be built by hand from the
 * Dockerfile beside it; a name with a namespace or registry (`acme/runner:2`) is another, published image.
 */
function notBuiltText(image: string, target: string, dockerfile: string, held: string): string {
  return image.includes('/')
    ? `It runs the image '${image}', which no build of this repository makes, so what that image holds at ${target} is unknown (${dockerfile} would put the code at ${held}).`
    : `It runs the image '${image}', which no compose file here builds, so what that image holds at ${target} is not known from here (${dockerfile}, if that is what builds it by hand, puts the code at ${held}).`;
}

/**
 * The image directory holding the code the mount hides: the copy of the mounted directory, not only manage.py's
 * directory. `./webserver:/code` with manage.py in webserver/bin and `COPY . .` in /code names /code, not /code/bin.
 */
function heldCodeDir(app: App, v: ComposeVolumeMount, codeDir: string): string {
  if (!app.managePy || !v.source) return codeDir;
  const rel = posix.relative(v.source, posix.dirname(app.managePy));
  if (rel === '' || rel.startsWith('..') || !codeDir.endsWith(`/${rel}`)) return codeDir;
  const copied = codeDir.slice(0, -rel.length - 1) || '/';
  return coversPath(v.target, copied) ? copied : codeDir;
}

/** What a mount of the project does when the image's Dockerfile cannot be read (not in the repository, unparseable). */
function unreadImageText(v: ComposeVolumeMount, web: ComposeService, read: Set<string>): string {
  const dockerfile = web.build?.dockerfile;
  if (dockerfile && read.has(dockerfile))
    return `'${shownSource(v)}' at ${shownTarget(v)}, the project with its manage.py, and the image its Dockerfile (${dockerfile}) builds holds no Python app: the container runs the host's files, not a built release.`;
  const image = dockerfile ? `the image's Dockerfile (${dockerfile})` : "the image's Dockerfile";
  return `'${shownSource(v)}' at ${shownTarget(v)}, the project with its manage.py, and ${image} cannot be read, so what the image holds there is unknown: either way the container runs the host's files, not a built release.`;
}

/** What a mount that supplies all the code does, and the build that would put that code in the image. */
function codelessText(
  v: ComposeVolumeMount,
  app: App,
  devReason?: string,
  otherCase?: string,
  release?: BuiltRelease,
): string {
  const tail = devReason
    ? `so that a deploy, which runs without this mount, runs a built release (${devReason}, where the mount belongs).`
    : 'and keep this mount in a development-only override file.';
  const at = `'${shownSource(v)}' at ${shownTarget(v)}`;
  const dockerfile = app.dockerfile?.file ?? 'the Dockerfile';
  const contextDir = app.context?.dir;
  // `RUN … \` then a blank line, then `COPY ./src/ /srv/app/`: Docker reads the COPY as more words of that RUN.
  const joined = joinedCopy(app);
  if (joined)
    return `${at}, and the image holds no code of its own: line ${joined.line} of ${dockerfile} (${joined.text}) is no instruction, because Docker skips the blank line ${joined.afterLine} inside the ${joined.into.keyword} of line ${joined.into.line} and reads that line as more words of the ${joined.into.keyword}. A container of this image runs only the host's files, so no built release ever runs. Remove the blank line ${joined.afterLine} so that the ${joined.keyword} runs, ${tail}`;
  // `COPY backend /app` built from the context `backend/`: the sources are not there, so the build stops.
  const missing = otherCase ? [] : missingCopySources(app);
  if (missing.length > 0) {
    const named = missing.map((m) => `'${m.source}' (line ${m.line})`).join(', ');
    return `${at}, and the image this service builds cannot take the code: ${dockerfile} copies ${named}, which ${missing.length === 1 ? 'is' : 'are'} not in its build context ('${contextDir ?? '.'}'), so the build fails there and only this mount would give the container its code. Make the COPY sources paths of this context (or build from the directory they are written for), ${tail}`;
  }
  // `COPY manage.py requirements.txt ./`: manage.py lands in the image, none of the code it runs does.
  const onlyManage =
    app.imageSourceDir !== undefined ? ` (${dockerfile} copies manage.py, none of the code it runs)` : '';
  // `../myApp/server` for the repository's MyApp/server: only a case-insensitive file system finds the project.
  const spelled = otherCase
    ? ` The repository spells that directory ${otherCase}: Docker Desktop's case-insensitive file system (macOS, Windows) mounts the project, but on Linux compose creates an empty ${posix.normalize(v.source ?? '.')} instead and the container gets no code at all.`
    : '';
  // The project's production compose file runs another image that holds the code: the release is built there.
  if (release && !otherCase)
    return `${at}, and the image holds no code of its own${onlyManage}: the container runs the host's files. The built release runs elsewhere: ${release.dockerfile} copies the code into ${release.codeDir}, and ${release.composeFile} runs that image. ${devReason ? `${devReason}, where the mount belongs: deploy only with ${release.composeFile}.` : `Keep this mount in a development-only override file and deploy with ${release.composeFile}.`}`;
  const head = `${at}, and the image holds no code of its own${onlyManage}: the container runs the host's files, so no built release ever runs.${spelled}`;
  const source = otherCase ?? posix.normalize(v.source ?? '.');
  if (contextDir !== undefined && !coversPath(contextDir, source)) {
    // `./src:/code` with the build context `docker/django`: no COPY of that Dockerfile can reach the code.
    return `${head} The code ('${source}') is outside the image's build context ('${contextDir}'), so no COPY can take it: build from a context that holds it, COPY it to ${shownTarget(v)}, ${tail}`;
  }
  const inContext =
    contextDir === undefined || contextDir === '.' ? source : posix.relative(contextDir, source) || '.';
  return `${head} Copy the code into the image (COPY ${inContext} ${shownTarget(v)}) ${tail}`;
}

/**
 * The repository's spelling of a mounted directory that holds the Django project and that the mount names with other
 * letter case (`myApp/server` for `MyApp/server`), when the build context holds nothing under the name as written.
 */
function projectInOtherCase(app: App, source: string, projectDir: string): string | undefined {
  const context = app.context;
  if (!context || !coversPath(context.dir, source) || coversPath(source, projectDir)) return undefined;
  const lower = (p: string) => p.toLowerCase();
  if (!coversPath(lower(source), lower(projectDir))) return undefined;
  const inContext = (p: string) => (context.dir === '.' ? p : posix.relative(context.dir, p));
  const written = inContext(posix.normalize(source));
  if (context.files.some((f) => f === written || f.startsWith(`${written}/`))) return undefined;
  // The repository's own letters for the directory the source names: the project's path cut to the source's length.
  const parts = posix.normalize(source).split('/').length;
  return projectDir.split('/').slice(0, parts).join('/');
}

/** A COPY/ADD of the built stages that a blank line inside the instruction above joined to it, as Docker reads it. */
function joinedCopy(app: App): NonNullable<DockerfileModel['joinedInstructions']>[number] | undefined {
  const model = app.dockerfile;
  const inBuilt = (line: number) => model?.builtStages.some((s) => line >= s.from.line && line <= s.lastLine);
  return model?.joinedInstructions?.find(
    (j) => (j.keyword === 'COPY' || j.keyword === 'ADD') && inBuilt(j.into.line),
  );
}

/**
 * The sources of the built stages' COPY/ADD from the context that the context does not hold (`COPY backend /app`
 * built from `backend/`): Docker stops the build there. Sources with variables, globs or URLs are left out.
 */
function missingCopySources(app: App): { source: string; line: number }[] {
  const model = app.dockerfile;
  const files = app.context?.files;
  if (!model || !files) return [];
  const exists = (rel: string) => files.some((f) => f === rel || f.startsWith(`${rel}/`));
  const out: { source: string; line: number }[] = [];
  for (const stage of model.builtStages)
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const copy = ins as CopyInstr;
      if (copy.fromStage !== undefined || copy.fromImage || copy.onbuildOf || copy.sourcePatterns) continue;
      for (const source of copy.sources) {
        if (/[*?[$]|^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(source)) continue;
        const rel = posix.normalize(source.replace(/^\/+/, '')).replace(/\/+$/, '');
        if (rel === '.' || rel === '' || rel.startsWith('..')) continue;
        // `COPY pyproject.toml poetry.lock ./` without a committed lock: the path is right, the lock is made before the build.
        const manifest = MANIFEST_OF_LOCK[posix.basename(rel)];
        if (manifest && exists(posix.join(posix.dirname(rel), manifest))) continue;
        if (!exists(rel)) out.push({ source, line: copy.line });
      }
    }
  return out;
}
