/** Which service of a compose project runs the Django app. Pure. */
import { isUnder, normalizeRelative } from '../../discover/classify.js';
import type { ComposeAt, ComposeService } from '../types/compose.js';
import { type BuiltImage, builtImage, isNonPythonImage } from './built-image.js';
import { dockerfileCode, namesPython } from '../image-app.js';
import { DATABASE_ROLES, publishedRole, pullsBeforeBuild, roleOf } from './images.js';
import { STARTS_SERVER, startKind, type StartKind } from './start-scripts.js';

const DJANGO_START = /manage\.py|gunicorn|uwsgi|daphne|uvicorn|django/i;

interface Judged {
  service: ComposeService;
  image?: BuiltImage;
  start: StartKind;
}

/**
 * The app service. Among the services that build an image (the review is about the image built here): the one that
 * starts the Django server (its command, its scripts, or the image's CMD when it has no command), then the one whose
 * command, entrypoint or build context mentions manage.py/gunicorn/django, then the one built from the Django
 * project's directory, then the first; never a database, a worker, a docs server or an image with no Python in it.
 * Where none of them starts the server, a service that runs one of their images by name (no build of its own) and
 * starts it comes before them (`web` running the CMD of the image a collectstatic service builds).
 * At each step a service that tags its Python build with a name of its own naming a database (`me/django-postgres`,
 * or any name under `pull_policy: build`) comes last; one that would pull a published database image (`postgres:13`
 * with no pull_policy) is that database. With no such service, the first that runs a Django command without
 * building. Sets the role of a database built from a Dockerfile (`FROM postgres:17`), clears the one an image name
 * gave a service whose Dockerfile is not FROM a database, and marks the built services that are not the app.
 */
export function pickAppService(
  services: ComposeService[],
  texts: Record<string, string>,
  projectDir: string,
  projectDirs: Set<string>,
  files?: string[],
): ComposeService | undefined {
  const judged: Judged[] = [];
  // Services whose image: names a backing service their Dockerfile does not start from (`db_postgres` tagging the
  // Django image `me/app-postgres`, which no registry holds): no database, and not preferred as the app over a service tagged for nothing else.
  const taggedAsBacking = new Set<ComposeService>();
  for (const service of services.filter((s) => s.build)) {
    // Beside `build:`, compose pulls a published database image (`image: postgres:13.11`) first and builds only when
    // the pull fails: the service runs that database, whatever its Dockerfile is.
    const pulled =
      service.image && pullsBeforeBuild(service) ? publishedRole(service.image.repository) : 'other';
    if (pulled !== 'other' && !runsDjangoItself(service)) {
      service.role = pulled;
      service.notApp = 'database';
      continue;
    }
    const image = builtImage(service, texts);
    // Its own command running manage.py or a Django server overrides the base image's (`FROM mysql:5.6` with
    // `command: python manage.py runserver`): whatever the base, the service is the app, not a database.
    const fromBase = image?.base && !runsDjangoItself(service) ? roleOf(image.base) : 'other';
    // A database installed on a distribution image (FROM alpine, CMD su-exec postgres postgres) is one too.
    const role = fromBase === 'other' && image ? (startedDatabase(service, image) ?? 'other') : fromBase;
    // A readable Dockerfile decides: `image: me/django-postgres` beside `build: .` FROM python names the app's image.
    if (image && role === 'other' && service.role !== 'other') {
      if (service.role !== 'app') taggedAsBacking.add(service);
      service.role = 'other';
    }
    if (role !== 'other') {
      service.role = role;
      const pgdata = image?.stage.env.PGDATA;
      service.builtFrom = {
        repository: image!.base!,
        ...(image?.baseTag ? { tag: image.baseTag } : {}),
        ...(pgdata ? { pgdata } : {}),
        ...(image?.stage.workdir ? { workdir: image.stage.workdir } : {}),
      };
    }
    const start = startKind(service, texts, projectDir, image);
    if (start === 'server') service.startsServer = true;
    if (service.role !== 'other') service.notApp = 'database';
    // Its own command starting the Django server says what the service is for, whatever image the build resolves to.
    else if (
      image &&
      isNonPythonImage(image) &&
      !(start === 'server' && (service.command || service.entrypoint))
    )
      service.notApp = 'no-python';
    else if (start === 'worker') service.notApp = 'worker';
    else if (start === 'other') service.notApp = 'other-program';
    else if (!image && start !== 'server' && !runsDjangoProject(service, projectDirs) && files)
      service.notApp = contextWithoutDjango(service, files, projectDirs);
    if (!service.notApp) judged.push({ service, image, start });
  }
  const mentions = (s: ComposeService, withContext: boolean): boolean =>
    [s.command?.raw, s.entrypoint?.raw, withContext ? s.build?.context : undefined].some(
      (t) => t !== undefined && DJANGO_START.test(t),
    );
  const buildsProjectDir = (s: ComposeService): boolean =>
    s.build !== undefined && projectDirs.has(normalizeRelative(s.build.context) ?? '');
  // Among equals, a service tagged with a backing service's image name comes last: its tag is not what it runs; so
  // does a template other services merge (`backend_base: &base` under `backend: <<: *base`): they are what runs.
  const templates = templateServices(services);
  const last = (j: Judged) => taggedAsBacking.has(j.service) || templates.has(j.service);
  const ranked = [...judged.filter((j) => !last(j)), ...judged.filter(last)];
  const servers = ranked.filter((j) => j.start === 'server');
  const unbuilt = services.filter((s) => !s.build);
  // A service that runs, by its name, the image another service builds (`static` builds it for collectstatic, `web`
  // runs its CMD) is judged with that image.
  const ofBuilt = unbuilt.flatMap((service): Judged[] => {
    const name = imageKey(service);
    const builder =
      name === undefined ? undefined : judged.find((j) => j.image && imageKey(j.service) === name);
    if (!builder) return [];
    return [{ service, image: builder.image, start: startKind(service, texts, projectDir, builder.image) }];
  });
  const chosen =
    // Of two that start the server (`worker` and `backend` both merging one template), the one given a port.
    servers.find((j) => j.service.ports.length > 0 || j.service.expose.length > 0) ??
    servers[0] ??
    // None of the builds starts the server: a service running one of their images by name that does.
    ofBuilt.find((j) => j.start === 'server') ??
    ranked.find((j) => mentions(j.service, true)) ??
    ranked.find((j) => buildsProjectDir(j.service)) ??
    // An image whose Dockerfile installs or runs Python before one with no Python in sight (an Elasticsearch build).
    ranked.find((j) => j.image && namesPython(dockerfileCode(j.image.text))) ??
    // With no Dockerfile to read (missing from the repository), the compose service itself says which runs Django.
    ranked.find((j) => !j.image && runsDjangoProject(j.service, projectDirs)) ??
    // or which one is wired to the database (`api` with depends_on db beside a `web-ui` that is not).
    ranked.find((j) => !j.image && dependsOnDatabase(j.service, services)) ??
    ranked[0];
  for (const s of unbuilt) {
    const start = ofBuilt.find((j) => j.service === s)?.start ?? startKind(s, texts, projectDir);
    if (start === 'server') s.startsServer = true;
  }
  if (chosen) {
    // A service beside the app that builds an image of its own only to idle in it (a developer's toolbox, `command:
    // bash`) runs nothing of the app.
    for (const j of judged)
      if (j.start === 'idle' && chosen.start !== 'idle' && builtDockerfile(j) !== builtDockerfile(chosen))
        j.service.notApp = 'other-program';
    return chosen.service;
  }
  // Of services running an image built elsewhere, the one starting the server before a one-off (`manage.py migrate`).
  return unbuilt.find((s) => s.startsServer) ?? unbuilt.find((s) => mentions(s, false));
}

/** The Dockerfile the service builds, or that of the image it runs by name. */
function builtDockerfile(j: Judged): string | undefined {
  return j.service.build ? normalizeRelative(j.service.build.dockerfile) : j.image?.dockerfile;
}

/**
 * Services whose `build` other services take through a YAML merge (`<<: *backendbase`): an alias keeps the line its
 * anchor is written on, so the service that writes the shared `build` line is the template the others extend.
 */
function templateServices(services: ComposeService[]): Set<ComposeService> {
  const out = new Set<ComposeService>();
  for (const s of services) {
    const b = s.build;
    if (!b) continue;
    const sharing = services.filter((o) => o.build?.file === b.file && o.build.line === b.line);
    if (sharing.length < 2) continue;
    if (serviceWriting(sharing, b) === s) out.add(s);
  }
  return out;
}

/**
 * The service whose mapping holds a key written at `at`: the one whose name is the nearest above it in its file. A
 * key a service takes over from another (a YAML merge `<<: *web`, `extends`) keeps the place it is written at.
 */
export function serviceWriting(services: ComposeService[], at: ComposeAt): ComposeService | undefined {
  return services.filter((s) => s.file === at.file && s.line <= at.line).sort((x, y) => y.line - x.line)[0];
}

/**
 * With no Dockerfile to read, the build context the repository holds tells what the image can be: none of the
 * repository's Django projects (manage.py) is under it (an Angular front end, a FastAPI service beside django/), so it
 * is another program's, one with no Python when the context holds no Python file. Undefined for a context the
 * repository does not hold, or where it holds no Django project to compare with.
 */
function contextWithoutDjango(
  service: ComposeService,
  files: string[],
  projectDirs: Set<string>,
): ComposeService['notApp'] {
  const context = normalizeRelative(service.build!.context);
  if (context === undefined || projectDirs.size === 0) return undefined;
  if ([...projectDirs].some((d) => isUnder(d, context))) return undefined;
  const held = files.filter((f) => isUnder(f, context));
  if (held.length === 0) return undefined;
  return held.some((f) => f.endsWith('.py')) ? 'other-program' : 'no-python';
}

/** A service that bind-mounts a Django project's directory (`./src/backend:/opt/backend`) or names its settings module. */
function runsDjangoProject(service: ComposeService, projectDirs: Set<string>): boolean {
  const mounts = service.volumes.some(
    (v) => v.type === 'bind' && v.source !== undefined && projectDirs.has(normalizeRelative(v.source) ?? ''),
  );
  return mounts || service.environment.some((e) => e.name === 'DJANGO_SETTINGS_MODULE' && e.value);
}

/** The service depends_on a database service of the project (PostgreSQL, MySQL, SQL Server, MongoDB, ...). */
function dependsOnDatabase(service: ComposeService, services: ComposeService[]): boolean {
  return service.dependsOn.some((d) =>
    services.some((s) => s.name === d.service && DATABASE_ROLES.has(s.role)),
  );
}

/** The service's own command or entrypoint runs manage.py or starts a Django server. */
function runsDjangoItself(service: ComposeService): boolean {
  return [service.command?.raw, service.entrypoint?.raw].some(
    (t) => t !== undefined && (/\bmanage\.py\b/.test(t) || STARTS_SERVER.test(t)),
  );
}

/** Database servers an image may start itself, by program name. */
const DATABASE_SERVERS: Record<string, ComposeService['role']> = {
  postgres: 'postgres',
  postmaster: 'postgres',
  mysqld: 'mysql',
  mariadbd: 'mariadb',
};

/** The database the service's command, else its image's ENTRYPOINT or CMD, starts (through su-exec/gosu), if any. */
function startedDatabase(service: ComposeService, image: BuiltImage): ComposeService['role'] | undefined {
  const argv = service.command?.argv ?? image.stage.entrypoint?.argv ?? image.stage.cmd?.argv ?? [];
  let k = 0;
  while (k < argv.length && ['exec', 'tini', '--', 'dumb-init'].includes(argv[k].split('/').pop()!)) k++;
  // `su-exec postgres postgres`, `gosu mysql mysqld`: the user, then the program.
  if (['su-exec', 'gosu'].includes(argv[k]?.split('/').pop() ?? '')) k += 2;
  const program = argv[k]?.split('/').pop();
  return program === undefined ? undefined : DATABASE_SERVERS[program];
}

/**
 * The services that run the image `app` runs, `app` first: they build it from the same context, Dockerfile and
 * target, or name the image it is tagged with (`image: mysite:dev` beside a `build:` that tags it so).
 */
export function servicesOfImage(services: ComposeService[], app: ComposeService): ComposeService[] {
  const buildKey = (s: ComposeService) =>
    s.build &&
    [
      normalizeRelative(s.build.context) ?? s.build.context,
      normalizeRelative(s.build.dockerfile),
      s.build.target,
    ].join('\0');
  const appBuild = buildKey(app);
  const appImage = imageKey(app);
  const sameImage = (s: ComposeService): boolean =>
    s.notApp !== 'database' &&
    (s.role === 'other' || s.role === 'app') &&
    ((appBuild !== undefined && buildKey(s) === appBuild) ||
      // A service that builds another Dockerfile makes another image, whatever it names it.
      (appImage !== undefined && imageKey(s) === appImage && (!s.build || !appBuild)));
  return [app, ...services.filter((s) => s !== app && sameImage(s))];
}

/** The image a service names: from unset variables (`${API}`) known by how it is written, never by the empty value. */
function imageKey(s: ComposeService): string | undefined {
  return s.image?.unset ? `raw\0${s.image.raw}` : s.image?.value || undefined;
}

/** Whether the service builds `dockerfile` from the context `contextDir` (both relative to the scanned directory). */
export function buildsDockerfile(service: ComposeService, dockerfile: string, contextDir: string): boolean {
  const build = service.build;
  return (
    build !== undefined &&
    normalizeRelative(build.dockerfile) === dockerfile &&
    (normalizeRelative(build.context) ?? build.context) === contextDir
  );
}
