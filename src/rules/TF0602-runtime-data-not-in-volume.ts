import { fallbackOrRead, writtenIn } from './lib/each.js';
import { posix } from 'node:path';
import { type RawFinding, code, msg } from '../core/index.js';
import type { App, Project } from '../model/types/project.js';
import type { ComposeEnvFile, ComposeService } from '../model/types/compose.js';
import { buildsDockerfile } from '../model/compose/app-service.js';
import type { Stage } from '../model/types/dockerfile.js';
import type { DatabaseConfig, DatabasesModel, ValueSource } from '../model/types/settings.js';
import {
  fallbackSelectors,
  fallbackWhen,
  isSqliteEngine,
  liveAssignments,
  providedEnvironment,
  type ProvidedEnvironment,
} from '../model/settings/index.js';
import { dataDirFromEnvironment, volumeOnDirectory } from './lib/data-dir-fix.js';
import { engineForValue, selects } from './lib/provided-config.js';
import {
  inComposeFiles,
  isDevelopmentComposeFile,
  isNamedForProduction,
  projectComposeFiles,
} from './lib/files.js';
import { defineRule } from './lib/rule.js';
import { otherStorage } from './lib/other-storage.js';
import { serverDirectory } from '../model/command.js';
import { baseDirAt, imageBaseDir } from './lib/paths.js';
import { isOfficialRepository } from '../model/image-ref.js';
import { lineage } from '../model/dockerfile/lineage.js';

export const runtimeDataNotInVolume = defineRule({
  id: 'TF0602',
  name: 'runtime-data-not-in-volume',
  factor: 'VI',
  severity: 'error',
  kind: 'S',
  title:
    'The SQLite database path (or MEDIA_ROOT) resolves to a directory of the image that is neither a VOLUME of the target stage nor a volume mount of the compose app service',
  help: `A container's own filesystem lives and dies with the container. When the SQLite file (or the uploads in
\`MEDIA_ROOT\`) sits in a plain directory of the image, every redeploy, \`docker compose up --build\` or crash-restart
on a new host starts from what the image holds there (a copy baked in, or nothing), and everything users wrote since is gone. Several replicas
each get their own diverging copy.

Keep runtime data in a directory that is a volume, and point the settings at it through the environment:

\`\`\`python
DATABASES = {"default": {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3"),
}}
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/data/media")
\`\`\`

\`\`\`yaml
services:
  web:
    volumes:
      - appdata:/data
volumes:
  appdata:
\`\`\`

(or \`VOLUME /data\` in the Dockerfile). Better still for production: a database server such as PostgreSQL and an
object store for media.

Where compose runs the app's image, another Dockerfile of the app beside it that nothing builds (\`Dockerfile.no_venv\`
beside the \`Dockerfile\` compose builds) does not decide where the deployed app keeps its data: the settings are
judged with the image compose runs and its volumes. A variant named for production (\`Dockerfile.prod\`, run by a
platform) is a deploy of its own and is judged too.
`,
  related: [],
  check(project) {
    const composeFiles = new Set(project.apps.flatMap((a) => a.compose?.files ?? []));
    // Named when the repository has several Dockerfiles: the finding is about the image this one builds.
    const several = new Set(project.apps.map((a) => a.dockerfile?.file)).size > 1;
    const render = (hit: UnkeptPath, inFiles: string): RawFinding => {
      const dockerfile = hit.app.dockerfile?.file ?? 'Dockerfile';
      const ofDockerfile = several ? `a VOLUME of ${dockerfile}` : 'a VOLUME of the Dockerfile';
      const where = hit.imageModule
        ? `not ${ofDockerfile} (these settings are the module the image's ENV DJANGO_SETTINGS_MODULE names, which a container of the image runs wherever compose's service '${hit.app.compose?.appService?.name ?? ''}'${inFiles} does not name another)`
        : hit.imageAlone
          ? `not ${ofDockerfile} (the compose service runs another database)`
          : hit.runners
            ? `neither ${ofDockerfile} nor a volume of ${hit.runners.length > 1 ? `the compose services ${hit.runners.map((n) => `'${n}'`).join(', ')}, which build` : `the compose service '${hit.runners[0]}', which builds`} it`
            : hit.app.compose?.appService
              ? `neither ${ofDockerfile} nor a volume of the compose service '${hit.app.compose.appService.name}'${inFiles}`
              : `neither ${ofDockerfile} nor a volume of a compose service (no compose file runs ${several ? `the image ${dockerfile} builds` : 'this image'})`;
      const dir = posix.dirname(hit.path);
      const paths = hit.alternatives ?? [hit.path];
      const dirs = [...new Set(paths.map((p) => posix.dirname(p)))];
      const resolves = hit.alternatives
        ? `${paths.join(' or ')} in the image, whichever the test in the settings picks, and ${dirs.join(' and ')} ${dirs.length > 1 ? 'are' : 'is'}`
        : undefined;
      const finding: RawFinding =
        hit.what === 'sqlite'
          ? {
              file: hit.file,
              line: hit.line,
              ...(resolves
                ? msg`The SQLite database${hit.branch ? ` (${hit.branch})` : ''} resolves to ${resolves} ${where}: a new container starts with only what the image holds there, and what the last one wrote is lost. Point the path at a volume, e.g. ${code('"NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3")')} with a volume on /data.`
                : msg`The SQLite database${hit.branch ? ` (${hit.branch})` : ''} resolves to ${hit.path} in the image, and ${dir === '/' ? { kind: 'text' as const, text: "the image's root directory" } : dir} is ${where}: a new container starts with only what the image holds there, and what the last one wrote is lost. Point the path at a volume, e.g. ${code('"NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3")')} with a volume on /data.`),
            }
          : {
              file: hit.file,
              line: hit.line,
              ...msg`MEDIA_ROOT resolves to ${hit.path} in the image, which is ${where}: uploaded files are lost when the container is replaced${hit.unless ? `, unless ${hit.unless}` : ''}. Put it on a volume, e.g. ${code('MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/data/media")')} with a volume on /data.`,
            };
      return finding;
    };
    // One finding per settings line, naming together the compose file combinations it is judged in.
    const groups = new Map<string, { hit: UnkeptPath; combinations: string[][] }>();
    for (const hit of unkeptPaths(project)) {
      const key = `${hit.file}\0${hit.line}\0${render(hit, '').message}`;
      const files = hit.app.compose && composeFiles.size > 1 ? [hit.app.compose.files] : [];
      const group = groups.get(key);
      if (group) group.combinations.push(...files);
      else groups.set(key, { hit, combinations: files });
    }
    return [...groups.values()].map(({ hit, combinations }) => render(hit, inComposeFiles(combinations)));
  },
  fix: {
    safety: 'safe',
    summary:
      "Reads the SQLite file's (or MEDIA_ROOT's) directory from `DATA_DIR`, BASE_DIR staying the default (`Path(os.environ.get('DATA_DIR', BASE_DIR)) / 'db.sqlite3'`), and gives the target stage `ENV DATA_DIR=/data` and `VOLUME /data`; a path already outside the source directory (`/data/db.sqlite3`) gets a `VOLUME` on its directory. The directory is created and handed to the stage's non-root USER before it switches.",
    declines:
      "a path written otherwise (a literal under the source directory, `str(...)`, several directories deep), a DATA_DIR the image or compose already sets elsewhere, a non-root USER the stage inherits or switches to more than once (the directory could not be handed over), and a target stage on a base with no shell (distroless, Chainguard) whose volume directory no COPY --chown gives to the user it runs as: no RUN can make it there, and a directory the image leaves to root is root's in every new volume mounted on it.",
    make: (context) => {
      const hit = unkeptPaths(context.project).find(
        (h) => h.file === context.finding.file && h.line === context.finding.line,
      );
      // Paths an if-test picks between have no one directory to put on a volume.
      if (!hit || hit.alternatives) return undefined;
      const what = hit.what === 'sqlite' ? 'the SQLite database' : 'MEDIA_ROOT';
      return (
        dataDirFromEnvironment(context, hit.app, what) ??
        volumeOnDirectory(context, hit.app, hit.what === 'sqlite' ? posix.dirname(hit.path) : hit.path, what)
      );
    },
  },
});

/** A runtime data path (the SQLite file, MEDIA_ROOT) that resolves to a directory no volume keeps. */
interface UnkeptPath {
  app: App;
  what: 'sqlite' | 'media';
  /** Where it is set: the settings file and line. */
  file: string;
  line: number;
  /** The absolute path in the image. */
  path: string;
  /** The paths an if-test of the settings picks between (not on the environment), every one unkept. */
  alternatives?: string[];
  /** Which branch of a database switch the file belongs to, when one is taken by default. */
  branch?: string;
  /** The file of the image run on its own (the compose service selects a server database). */
  imageAlone?: boolean;
  /** The compose services that build the image when none of them is its app service (workers), by name. */
  runners?: string[];
  /** When uploads go to another storage instead (`APP_ENV is 'prod' (STORAGES then stores them with …)`). */
  unless?: string;
  /** Set in the module the image's ENV names, which compose's app service does not run. */
  imageModule?: true;
}

function unkeptPaths(project: Project): UnkeptPath[] {
  const composeFiles = projectComposeFiles(project);
  return project.apps.flatMap((app) => [
    ...unkeptIn(project, app, composeFiles),
    // The module the image's ENV names, where compose's app service runs another, in a container of the image alone;
    // not where another compose file's app service runs that module from this image: its mounts decide there.
    ...(app.imageSettings && !app.unparsedCompose && !composeRunsImageModule(project, app)
      ? unkeptIn(
          project,
          { ...app, settings: app.imageSettings, compose: undefined },
          composeFiles,
          true,
        ).map((hit): UnkeptPath => ({ ...hit, app, imageModule: true }))
      : []),
  ]);
}

/**
 * The runtime data paths of the app's settings that no volume keeps; `imageAlone`: in a container of the image
 * started without compose (`app` then carries no compose project).
 */
function unkeptIn(project: Project, app: App, composeFiles: string[], imageAlone = false): UnkeptPath[] {
  const out: UnkeptPath[] = [];
  const settings = app.settings;
  const stage = app.dockerfile?.targetStage;
  // A compose file that could not be parsed may mount the path.
  if (!settings || !stage || app.unparsedCompose) return out;
  // The module the container runs is not in the repository: where it puts the database is unknown.
  if (settings.inPlaceOf) return out;
  // A variant Dockerfile nothing builds (`Dockerfile.no_venv`) does not decide where the deployed app keeps its data:
  // the image compose runs does. One named for production (`Dockerfile.prod`, for a platform) is a deploy of its own.
  if (variantOfComposeImage(project, app) && !isNamedForProduction(app.dockerfile!.file)) return out;
  const env = providedEnvironment(app);
  // The git-ignored `.env` of a development stack is the developer's own, often where the development database is
  // chosen: an absent env file tells something only of a production compose file.
  if (env.unreadEnvFiles?.some((f) => isDevelopmentComposeFile(f.file, composeFiles, app.compose?.files)))
    delete env.unreadEnvFiles;
  // `FROM someone/django` without WORKDIR: the working directory (and where `COPY . .` lands) is the base's, unknown.
  const workingDir = app.compose?.appService?.workingDir;
  const known = workingDir !== undefined || workdirKnown(app);
  // The server's own directory (`cd`, supervisord's `directory=`, `--chdir`) is where it opens a relative NAME.
  const workdir = known
    ? (serverDirectory(app) ?? clean(posix.resolve(stage.workdir || '/', workingDir ?? '.')))
    : undefined;
  // A bind mount of the project over the directory the process runs in (`.:/app`) is the code it runs, not the
  // image's copy: BASE_DIR is there.
  const mounted = workdir === undefined ? undefined : mountedSourceDir(app, workdir);
  const ctx: Resolve = {
    app,
    env,
    workdir,
    // `COPY . /home/docker/code/` puts the code at a path of its own, whatever WORKDIR the base image sets.
    imageBase: mounted
      ? baseDirAt(app, mounted)
      : known || sourceLandsAbsolute(app)
        ? imageBaseDir(app)
        : undefined,
  };
  const mounts = [
    ...stage.volumes.flatMap((v) => v.paths),
    ...(app.compose?.appService?.volumes ?? []).filter((v) => v.type !== 'tmpfs').map((v) => v.target),
    ...(app.compose?.appService?.inheritedVolumes ?? []).map((v) => v.target),
  ].map(clean);
  const databases = settings.databases;
  const files = databases ? sqliteFiles(databases, ctx) : [];
  const alone = databases && files.length === 0 ? imageSqliteFile(databases, ctx, stage) : undefined;
  // Run on its own the image has only its VOLUMEs.
  const imageMounts = stage.volumes.flatMap((v) => v.paths).map(clean);
  // With no app service, the services that build the image (workers) are what runs it: their mounts count.
  const runners = app.compose?.appService || imageAlone ? [] : servicesBuilding(project, app);
  for (const hit of alone ? [alone] : files) {
    const keeping = alone ? imageMounts : mounts;
    // A mount of the database file itself (`./db.sqlite3:/app/db.sqlite3`) keeps it across containers too.
    const keeps = (paths: string[]) =>
      (hit.alternatives ?? [hit.path]).some((p) => covered(posix.dirname(p), paths) || paths.includes(p));
    if (keeps(keeping)) continue;
    // A bind mount (`.:/code`) over the directory keeps the file on the host: a volume for this rule.
    if (!alone && runners.length > 0 && runners.every((r) => keeps([...imageMounts, ...serviceMounts(r)])))
      continue;
    out.push({
      app,
      what: 'sqlite',
      file: writtenIn(settings, hit),
      line: hit.line,
      path: hit.path,
      ...(hit.branch ? { branch: hit.branch } : {}),
      ...(hit.alternatives ? { alternatives: hit.alternatives } : {}),
      ...(alone ? { imageAlone: true } : {}),
      ...(!alone && runners.length > 0 ? { runners: runners.map((r) => r.name) } : {}),
    });
  }
  for (const a of liveAssignments(settings, 'MEDIA_ROOT')) {
    if (a.activeWhenUnset === false || (a.inBranch && a.activeWhenUnset === undefined)) continue;
    // A branch on a variable an env file the repository does not hold may set (`if DEBUG:` beside the production
    // compose file's absent `.env`): which branch runs there is not known.
    if (a.inBranch && env.unreadEnvFiles && !(a.condition && env.values.has(a.condition.variable))) continue;
    const path = resolvePath(a.value, ctx, 0);
    if (!path || path === '/' || covered(path, mounts)) continue;
    // Uploads kept by another storage (S3) never reach MEDIA_ROOT; under a test, only when the test fails.
    const storage = otherStorage(settings, env);
    if (storage === 'always') continue;
    out.push({
      app,
      what: 'media',
      file: a.file ?? settings.file,
      line: a.line,
      path,
      ...(storage ? { unless: storage } : {}),
    });
  }
  return out;
}

/** Whether another compose project's app service runs the module the image's ENV names, from the same image. */
function composeRunsImageModule(project: Project, app: App): boolean {
  const stage = app.dockerfile?.targetStage;
  return project.apps.some(
    (a) =>
      a !== app &&
      a.compose?.appService !== undefined &&
      !a.unparsedCompose &&
      a.dockerfile?.file === app.dockerfile?.file &&
      a.dockerfile?.targetStage?.index === stage?.index &&
      a.settings?.file === app.imageSettings?.file,
  );
}

/** Whether the app is a variant Dockerfile (nothing builds it) of an image a compose app service runs. */
function variantOfComposeImage(project: Project, app: App): boolean {
  return (
    app.variantOf !== undefined &&
    project.apps.some((a) => a.dockerfile?.file === app.variantOf && a.compose?.appService !== undefined)
  );
}

/** The compose services of the project that build the app's Dockerfile from its context (no app among them). */
function servicesBuilding(project: Project, app: App): ComposeService[] {
  const dockerfile = app.dockerfile?.file;
  const contextDir = app.context?.dir;
  if (!dockerfile || contextDir === undefined) return [];
  const services = new Set(project.apps.flatMap((a) => a.compose?.services ?? []));
  return [...services].filter((s) => buildsDockerfile(s, dockerfile, contextDir));
}

/** The container paths a compose service mounts (tmpfs left out: it does not outlive the container). */
function serviceMounts(service: ComposeService): string[] {
  return [
    ...service.volumes.filter((v) => v.type !== 'tmpfs').map((v) => v.target),
    ...(service.inheritedVolumes ?? []).map((v) => v.target),
  ].map(clean);
}

interface Resolve {
  app: App;
  env: ProvidedEnvironment;
  /** The working directory of the container; undefined when the base image sets it and is not known. */
  workdir?: string;
  /** Where BASE_DIR lands in the image; undefined when that cannot be told. */
  imageBase?: string;
}

/**
 * Whether the image's working directory is known: a WORKDIR in the stage or the stages it is built FROM, or a base
 * that is an official image (their WORKDIR is / for the Python and OS images an app starts from). An image of
 * another publisher (`FROM someone/django`) may set any WORKDIR.
 */
function workdirKnown(app: App): boolean {
  const df = app.dockerfile;
  let stage = df?.targetStage;
  for (let hops = 0; df && stage; hops++) {
    if (stage.instructions.some((i) => i.keyword === 'WORKDIR')) return stage.workdir.startsWith('/');
    if (stage.from.stageRef === undefined || hops > df.stages.length) break;
    stage = df.stages[stage.from.stageRef];
  }
  if (!stage || stage.from.scratch) return true;
  const image = stage.from.image?.split('@')[0].replace(/:[^/:]*$/, '');
  const repository = (stage.from.repository ?? image)?.toLowerCase();
  return repository !== undefined && isOfficialRepository(repository);
}

/**
 * Whether every COPY/ADD of the target stage's lineage that could lay manage.py down names an absolute destination,
 * so where the code lands does not depend on the base image's WORKDIR.
 */
function sourceLandsAbsolute(app: App): boolean {
  const df = app.dockerfile;
  const contextDir = app.context?.dir;
  if (!df || !app.managePy || contextDir === undefined || app.imageSourceDir === undefined) return false;
  const manage = contextDir === '.' ? app.managePy : posix.relative(contextDir, app.managePy);
  const couldHold = (source: string) => {
    const s = posix.normalize(source.replace(/^\/+/, '') || '.').replace(/(.)\/+$/, '$1');
    return (
      /[*?[$]/.test(source) || s === '.' || s.startsWith('..') || manage === s || manage.startsWith(`${s}/`)
    );
  };
  return lineage(df)
    .flatMap((s) => s.instructions)
    .every(
      (i) =>
        (i.keyword !== 'COPY' && i.keyword !== 'ADD') ||
        !('dest' in i) ||
        (i.dest.startsWith('/') && !i.destFromWorkdir) ||
        (i.fromStage === undefined && !i.sources.some(couldHold)),
    );
}

/**
 * Where a bind mount of the compose app service puts the directory holding manage.py, when that is the directory the
 * process runs in (`.:/app` with WORKDIR /app, `./src:/usr/src/app` with `working_dir: /usr/src/app`).
 */
function mountedSourceDir(app: App, workdir: string): string | undefined {
  const manageDir = app.managePy ? posix.dirname(app.managePy) : app.dir;
  for (const v of app.compose?.appService?.volumes ?? []) {
    if (v.type !== 'bind' || v.source === undefined || v.source.startsWith('/') || v.writtenTarget) continue;
    const rel = posix.relative(v.source === '.' ? '' : v.source, manageDir === '.' ? '' : manageDir);
    if (rel.startsWith('..')) continue;
    const landing = clean(posix.join(v.target, rel));
    if (landing === workdir) return landing;
  }
  return undefined;
}

/** The SQLite files the database configuration in effect uses, given the environment the container gets. */
function sqliteFiles(
  databases: DatabasesModel,
  ctx: Resolve,
): { path: string; line: number; file?: string; branch?: string; alternatives?: string[] }[] {
  const selection = databases.selection;
  let configs: DatabaseConfig[];
  let branch: string | undefined;
  let resolve = ctx;
  if (selection.kind === 'fixed') configs = databases.configs;
  else if (selection.kind === 'unknown') configs = databases.configs.filter((c) => c.isDefault === true);
  else if (!ctx.env.values.has(selection.variable) || missesAllOf(selection, ctx.env)) {
    // A later test of the chain that the container's environment passes (`elif DB_HOST:` with compose's DB_HOST: db)
    // picks its own database before the fallback is reached.
    const taken = takenByOther(databases, selection.variable, ctx.env);
    const unread = ctx.env.unreadEnvFiles;
    if (taken.length > 0) configs = taken;
    else if (!ctx.env.complete && !unread) return [];
    else
      configs = databases.configs.filter(
        (c) => c.isDefault === true && !leftByProvided(c, selection.variable, ctx.env, databases.configs),
      );
    if (taken.length === 0 && (selection.kind === 'env' || fallbackSelectors(databases).length > 1 || unread))
      branch = `the fallback used when ${fallbackWhen(databases)}${unread ? unlessSetIn(unread, databases) : ''}`;
    // An env file the repository does not hold tells nothing, as for an image run alone: the code's fallback is judged.
    if (unread && taken.length === 0) resolve = { ...ctx, env: { ...ctx.env, complete: true } };
  } else {
    const value = ctx.env.values.get(selection.variable);
    if (value === undefined) return [];
    if (selection.kind === 'url') {
      const path = sqliteUrlPath(value, ctx);
      return path
        ? [{ path, line: selection.line, ...(selection.file ? { file: selection.file } : {}) }]
        : [];
    }
    // A branch tested on another variable (`if os.environ.get("CI")`) is taken only where that one is set.
    configs = databases.configs.filter((c) => {
      const by = c.selectedBy;
      if (!by || by.variable === selection.variable) return selects(c, value, databases.configs);
      const other = ctx.env.values.get(by.variable);
      return other !== undefined && selects(c, other, databases.configs);
    });
  }
  const out: { path: string; line: number; file?: string; alternatives?: string[] }[] = [];
  for (const c of configs) {
    // ENGINE read from the variable (`'django.db.backends.' + os.environ['ENGINE']`): the engine the container names.
    const engine = engineForValue(c, c.selectedBy && ctx.env.values.get(c.selectedBy.variable));
    if (!engine || !isSqliteEngine(engine) || !c.fields.NAME) continue;
    const alternatives = pathAlternatives(c.fields.NAME, resolve);
    const path = resolvePath(c.fields.NAME, resolve, 0) ?? alternatives?.[0];
    // From a URL, NAME is the URL variable's read; a fallback URL written elsewhere is where the file is named, and
    // a dict the URL is merged over (`.update(dj_database_url.config())`) names it in its own read of NAME.
    const read =
      c.fields.NAME.kind === 'env' && c.fields.NAME.fallback?.kind === 'env'
        ? c.fields.NAME.fallback
        : c.fields.NAME;
    const name = read.kind === 'env' ? fallbackOrRead(read, read.fallback, databases) : read;
    const file = name.file ?? c.file;
    if (path)
      out.push({
        path,
        line: name.line,
        ...(file ? { file } : {}),
        ...(branch ? { branch } : {}),
        ...(alternatives ? { alternatives } : {}),
      });
  }
  return out;
}

function sqliteUrlPath(url: string, ctx: Resolve): string | undefined {
  const m = /^(sqlite|spatialite):\/\/[^/]*\/(.*)$/.exec(url);
  if (!m || m[2] === '' || m[2] === ':memory:') return undefined;
  if (m[2].startsWith('/')) return clean(m[2]);
  return ctx.workdir === undefined ? undefined : clean(posix.join(ctx.workdir, m[2]));
}

/** A path setting → absolute path in the image; undefined when it cannot be told. */
function resolvePath(v: ValueSource, ctx: Resolve, depth: number): string | undefined {
  if (depth > 10) return undefined;
  switch (v.kind) {
    case 'env': {
      if (ctx.env.values.has(v.variable)) {
        const value = ctx.env.values.get(v.variable);
        // Text joined to the value in the settings (a file name after a directory from the environment) stays.
        return value === undefined
          ? undefined
          : fromString(`${v.prefix ?? ''}${value}${v.suffix ?? ''}`, ctx);
      }
      if (!ctx.env.complete || !v.fallback) return undefined;
      return resolvePath(v.fallback, ctx, depth + 1);
    }
    case 'path':
      if (v.base === 'absolute') return clean(`/${v.parts.join('/')}`);
      return ctx.imageBase === undefined ? undefined : clean(posix.join(ctx.imageBase, ...v.parts));
    case 'literal':
      return typeof v.value === 'string' ? fromString(v.value, ctx) : undefined;
    case 'choice': {
      // Alternatives of branches that all come to one path (the same variable read in each) are that path.
      const paths = new Set(v.options.map((o) => resolvePath(o, ctx, depth + 1)));
      const [only] = paths;
      return paths.size === 1 ? only : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The paths of a choice the settings make in code (`"/tmp/db.sqlite3" if Path("/app").exists() else BASE_DIR / …`),
 * when each resolves and they differ; not one read from the environment, whose value compose may give.
 */
function pathAlternatives(v: ValueSource, ctx: Resolve): string[] | undefined {
  if (v.kind !== 'choice' || v.decidedBy || v.options.some((o) => o.kind !== 'path' && o.kind !== 'literal'))
    return undefined;
  const paths = v.options.map((o) => resolvePath(o, ctx, 1));
  if (paths.some((p) => p === undefined)) return undefined;
  const distinct = [...new Set(paths as string[])];
  return distinct.length > 1 ? distinct : undefined;
}

/**
 * The SQLite file of a container of the image alone, where the compose service's environment selects a server
 * database but the image's own ENV places the SQLite file (`ENV DJANGO_SQLITE_DIR=/sqlite`, read by NAME) and leaves
 * the selector unset: the image is made to run on SQLite by itself.
 */
/** `, which it is unless env/.env.prod, an env_file of the compose service that the repository does not hold, sets it` */
function unlessSetIn(envFiles: ComposeEnvFile[], databases: DatabasesModel): string {
  const files = envFiles.map((f) => f.path);
  const one = fallbackSelectors(databases).length === 1;
  const what =
    files.length > 1
      ? `${files.join(' or ')}, env_files of the compose service that the repository does not hold,`
      : `${files[0]}, an env_file of the compose service that the repository does not hold,`;
  return `, which ${one ? 'it is' : 'they are'} unless ${what} ${one ? 'sets it' : 'sets one of them'}`;
}

/**
 * A default config selected by another variable than the selection's, which the container is given with a value that
 * selects another config (a URL merged over a dict whose `SQL_ENGINE` compose sets to PostgreSQL): not in effect.
 */
function leftByProvided(
  c: DatabaseConfig,
  selector: string,
  env: ProvidedEnvironment,
  all: DatabaseConfig[],
): boolean {
  const by = c.selectedBy;
  if (!by || by.variable === selector || !env.values.has(by.variable)) return false;
  const value = env.values.get(by.variable);
  return value !== undefined && !selects(c, value, all);
}

/** The configs of a test on another variable than the selection's that the container's value passes. */
function takenByOther(
  databases: DatabasesModel,
  selector: string,
  env: ProvidedEnvironment,
): DatabaseConfig[] {
  return databases.configs.filter((c) => {
    const by = c.selectedBy;
    if (!by || by.variable === selector || c.isDefault === true) return false;
    const value = env.values.get(by.variable);
    return value !== undefined && selects(c, value, databases.configs);
  });
}

/** A branch on `all([A, B, C])` leaves the fallback only where every one of them is provided. */
function missesAllOf(selection: DatabasesModel['selection'], env: ProvidedEnvironment): boolean {
  return selection.kind === 'env' && (selection.allOf ?? []).some((v) => !env.values.has(v));
}

function imageSqliteFile(
  databases: DatabasesModel,
  ctx: Resolve,
  stage: Stage,
): { path: string; line: number; file?: string; branch: string; alternatives?: undefined } | undefined {
  if (databases.selection.kind !== 'env' && databases.selection.kind !== 'url') return undefined;
  const selectors = fallbackSelectors(databases);
  if (selectors.some((v) => v in stage.env) || !selectors.some((v) => ctx.env.values.has(v)))
    return undefined;
  const env: ProvidedEnvironment = {
    values: new Map(Object.entries(stage.env)),
    complete: true,
    sources: ['the Dockerfile'],
  };
  for (const c of databases.configs) {
    const name = c.fields.NAME;
    if (c.isDefault !== true || !c.engine || !isSqliteEngine(c.engine) || name?.kind !== 'env') continue;
    if (!env.values.has(name.variable)) continue;
    const path = resolvePath(name, { ...ctx, env }, 0);
    const file = name.file ?? c.file;
    const branch = `the fallback used when ${fallbackWhen(databases)}, as in a container of the image alone`;
    if (path) return { path, line: name.line, ...(file ? { file } : {}), branch };
  }
  return undefined;
}

/** Django opens a relative NAME relative to the working directory of the process. */
function fromString(s: string, ctx: Resolve): string | undefined {
  if (s === '' || s === ':memory:' || s.includes('://') || s.startsWith('file:')) return undefined;
  if (s.startsWith('/')) return clean(s);
  return ctx.workdir === undefined ? undefined : clean(posix.join(ctx.workdir, s));
}

function clean(p: string): string {
  const n = posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

function covered(dir: string, mounts: string[]): boolean {
  return mounts.some((m) => m === '/' || dir === m || dir.startsWith(`${m}/`));
}
