import { baseName, dirName, isUnder, joinPath, normalizeRelative } from '../discover/classify.js';
import { scriptOrMakefile } from './command/make.js';
import { isNamedForProduction } from './compose-file-names.js';
import { isUrl } from './context.js';
import { splitImage } from './image-ref.js';
import { dockerfileDockerReads } from './dockerfile-name.js';
import type { ComposeModel, ComposeService } from './types/compose.js';
import { LINES } from '../util/lines.js';

/** An image name built from this repository: by a compose service's `build` with `image:`, or `docker build -t`. */
export interface BuiltImage {
  repository: string;
  /** The tag it is built under (`dev` of `shop:dev`), absent when none is written (`latest`). */
  tag?: string;
  /** The whole reference as written when a variable is part of it (`$HUB_USER/api:$VERSION`), matched as written. */
  written?: string;
  dockerfile: string;
  contextDir: string;
  /** The script that builds it (`docker/build.sh`), when a script does rather than compose. */
  script?: string;
}

/** What runs the Django app of a compose project whose services only name images. */
export interface ImageOnlyApp {
  service: ComposeService;
  /** Set when the service's image is built elsewhere in the repository. */
  built?: BuiltImage;
}

/** Words of a Dockerfile that installs or runs Python: the interpreter, its installers, its servers, Django. */
export const PYTHON_WORDS =
  /\b(python[\d.]*|pip3?|gunicorn|uwsgi|uvicorn|daphne|manage\.py|django|poetry|pipenv|uv|(mini|ana)?conda\d*|(micro)?mamba)\b/i;
/** One of PYTHON_WORDS, the whole of a word. */
const PYTHON_WORD = new RegExp(`^(?:${PYTHON_WORDS.source.replaceAll('\\b', '')})$`, 'i');
/** What separates the words of a command, an exec-form array, a package list or a pip requirement (`django>=4`). */
export const WORD_SEPARATORS = /[\s"'`[\](){},;&|<>=!~@#$]+/;

/**
 * Whether Dockerfile or script text names Python as a program, a package or an image: a word that is the program a
 * command runs (`gunicorn`, `/venv/bin/python`, `./manage.py`), a pip or OS package (`django==5.0`, `python3-pip`,
 * `py3-pip`), or a part of the repository an image is FROM (`python:3.12`, `tiangolo/uvicorn-gunicorn`). Not a file
 * or directory name that only holds the word (`django.conf`, `/srv/python-static/`, `/www/django/static`).
 */
export function namesPython(code: string): boolean {
  // `ARG BASE_IMAGE=acme/django-base:1` then `FROM ${BASE_IMAGE}`: the image is the argument's default.
  const args = new Map(
    [...code.matchAll(/^\s*ARG\s+(\w+)=["']?([^\s"']+)/gim)].map((m) => [m[1], m[2]] as const),
  );
  for (const line of code.split(LINES)) {
    const from = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/i.exec(line)?.[1];
    const image = from?.replace(/\$\{?(\w+)\}?/g, (ref: string, name: string) => args.get(name) ?? ref);
    if (image && imageNamesPython(image)) return true;
    if (!PYTHON_WORDS.test(line)) continue;
    if (line.split(WORD_SEPARATORS).some(wordNamesPython)) return true;
  }
  return false;
}

/** A word of a command: a path's last part names a program, a bare word (no file name) a package too. */
function wordNamesPython(word: string): boolean {
  const path = word.replace(/\/+$/, '');
  if (path.includes('/')) return PYTHON_WORD.test((path.split('/').pop() ?? '').split(':')[0]);
  const bare = path.split(':')[0];
  if (PYTHON_WORD.test(bare)) return true;
  // `python3-pip`, `django-environ`, `py3-pip`: a package's name; `django-site.conf` is a file's.
  return !/\.[a-z]/i.test(bare) && bare.split('-').some((part) => PYTHON_WORD.test(part));
}

/** An image reference whose repository's last part, or tag, is one of Python's words (`acme/base:python3.12`). */
function imageNamesPython(image: string): boolean {
  const [ref] = image.split('@');
  const slash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', slash + 1);
  const last = ref.slice(slash + 1, colon < 0 ? undefined : colon);
  const tag = colon < 0 ? '' : ref.slice(colon + 1);
  return last.split(/[-_.]/).some((part) => PYTHON_WORD.test(part)) || PYTHON_WORD.test(tag.split(/[-_]/)[0]);
}

/** A Dockerfile's text without its comment lines: a comment that mentions Django runs nothing. */
export function dockerfileCode(text: string): string {
  return text.replace(/^\s*#.*$/gm, '');
}

/** A command that runs nothing: a data-only container exits at once, its volumes kept for others. */
const NO_OP_COMMAND =
  /^\s*(\[\s*)?["']?(\/bin\/)?(true|echo|sh\s*["']?\s*,?\s*["']?-c\s*["']?\s*,?\s*["']?true)\b/;

/**
 * A data-only image (compose v2's data container): its last stage only declares VOLUMEs (with metadata, directories
 * made for them) and runs `true` or nothing, so it runs no Python and is no app, whatever it starts FROM.
 */
export function isDataOnlyDockerfile(text: string): boolean {
  const code = dockerfileCode(text).replace(/\\\r?\n/g, ' ');
  const stage = code.split(/^\s*FROM\s/im).at(-1) ?? '';
  const lines = stage
    .split(LINES)
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let volumes = 0;
  for (const line of lines) {
    const [, keyword, rest] = /^(\w+)\s*(.*)$/.exec(line) ?? [];
    const k = keyword?.toUpperCase();
    if (k === 'VOLUME') volumes++;
    else if (k === 'CMD' || k === 'ENTRYPOINT') {
      if (!NO_OP_COMMAND.test(rest)) return false;
    } else if (k === 'RUN') {
      if (
        !/^(mkdir|chown|chmod|true|useradd|adduser|addgroup|groupadd)\b[^;&|]*((&&|;)\s*(mkdir|chown|chmod|true)\b[^;&|]*)*$/.test(
          rest,
        )
      )
        return false;
    } else if (!['LABEL', 'MAINTAINER', 'ARG', 'ENV', 'USER', 'WORKDIR'].includes(k ?? '')) return false;
  }
  return volumes > 0;
}

/** Images that never run the Django app: proxies, admin consoles, brokers, mail catchers, databases. */
const NOT_AN_APP =
  /^(nginx|traefik|caddy|httpd|haproxy|envoy|adminer|pgadmin4?|phpmyadmin|mailhog|mailpit|rabbitmq|memcached|elasticsearch|opensearch|minio|certbot|portainer|flower|selenium|localstack|mongo|kibana|grafana|prometheus|node|mysql|mariadb|postgres(ql)?|postgis|redis)$/i;

/** Whether an image names a backing or front service, also as a word of its last path part (`me/backend-local-nginx`). */
export function isBackingImage(repository: string): boolean {
  const last = repository.split('/').pop() ?? '';
  return NOT_AN_APP.test(last) || last.split(/[-_.]/).some((word) => NOT_AN_APP.test(word));
}

/** `${VAR}` and `$VAR` are the same reference to Compose and the shell. */
function sameWritten(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\$\{(\w+)\}/g, '$$$1');
  return norm(a) === norm(b);
}

/**
 * Images this repository builds, by name: compose services that build and tag (`build` + `image:`), and
 * `docker build -t NAME [-f FILE] CONTEXT` in scripts. `exists` tells whether a path is a file of the tree.
 */
export function imagesBuilt(
  models: ComposeModel[],
  scripts: { file: string; text: string }[],
  exists: (file: string) => boolean,
): BuiltImage[] {
  const out: BuiltImage[] = [];
  for (const model of models) {
    for (const s of model.services) {
      if (!s.build || !s.image) continue;
      const dockerfile = normalizeRelative(s.build.dockerfile);
      const contextDir = normalizeRelative(s.build.context);
      // A name with variables (`${REGISTRY}/app:${SHA}`) is kept as written, to match a service that names it so.
      const written = s.image.interpolated ? (s.image.raw ?? s.image.value) : undefined;
      if (dockerfile && contextDir)
        out.push({
          repository: s.image.repository,
          ...(s.image.tag !== undefined ? { tag: s.image.tag } : {}),
          ...(written ? { written } : {}),
          dockerfile,
          contextDir,
        });
    }
  }
  for (const { file, text } of scripts) {
    for (const command of scriptOrMakefile(file, text).commands) {
      const build = dockerBuild(command.argv);
      if (!build) {
        out.push(...loopBuilds(command.argv, file, models, exists));
        continue;
      }
      // A script is usually run from the repository root, sometimes from its own directory: the one holding the Dockerfile wins.
      for (const base of ['.', dirName(file)]) {
        const contextDir = normalizeRelative(joinPath(base, build.context));
        if (!contextDir) continue;
        const dockerfile = normalizeRelative(
          build.file
            ? joinPath(base, build.file)
            : dockerfileDockerReads(joinPath(contextDir, 'Dockerfile'), exists),
        );
        if (!dockerfile || !exists(dockerfile)) continue;
        for (const tag of build.tags)
          out.push({
            repository: repositoryOf(tag),
            ...(splitImage(tag).tag !== undefined ? { tag: splitImage(tag).tag } : {}),
            ...(tag.includes('$') ? { written: tag } : {}),
            dockerfile,
            contextDir,
            script: file,
          });
        break;
      }
    }
  }
  return out;
}

const BUILD_VALUE_OPTIONS = new Set([
  '-t',
  '--tag',
  '-f',
  '--file',
  '--build-arg',
  '--target',
  '--platform',
  '--network',
  '--label',
  '--cache-from',
  '--cache-to',
  '--secret',
  '--ssh',
  '--progress',
  '-o',
  '--output',
  '--iidfile',
  '--add-host',
  '--build-context',
]);

/** The tags, Dockerfile and context of a `docker build` / `docker buildx build` / `docker image build` command. */
export function dockerBuild(argv: string[]): { tags: string[]; file?: string; context: string } | undefined {
  const words = dockerBuildWords(argv);
  if (!words) return undefined;
  const { tags, file, context } = words;
  const usable = (s: string | undefined) => s !== undefined && !s.includes('$') && s !== '-';
  if (!usable(context) || (file !== undefined && !usable(file))) return undefined;
  // A tag from a variable (`$HUB_USER/api:$VERSION`) is kept as written, to match a compose image written the same way.
  const named = tags.filter((t) => t !== undefined && !/^\$\{?\w+\}?$/.test(t));
  return named.length === 0 ? undefined : { tags: named, ...(file ? { file } : {}), context: context! };
}

/** The tags, Dockerfile and context a `docker build` names, as written, variables and all. */
function dockerBuildWords(argv: string[]): { tags: string[]; file?: string; context?: string } | undefined {
  if (baseName(argv[0] ?? '') !== 'docker') return undefined;
  let k = 1;
  if (argv[k] === 'buildx' || argv[k] === 'image') k++;
  if (argv[k] !== 'build') return undefined;
  const tags: string[] = [];
  let file: string | undefined;
  const positional: string[] = [];
  for (let i = k + 1; i < argv.length; i++) {
    const w = argv[i];
    const eq = /^(--?[\w-]+)=(.*)$/.exec(w);
    const [name, value] = eq ? [eq[1], eq[2]] : BUILD_VALUE_OPTIONS.has(w) ? [w, argv[++i]] : [w, undefined];
    if (value === undefined && name.startsWith('-')) continue;
    if (name === '-t' || name === '--tag') tags.push(value!);
    else if (name === '-f' || name === '--file') file = value;
    else if (!name.startsWith('-')) positional.push(name);
  }
  const context = positional.at(-1);
  return {
    tags: tags.filter((t) => t !== undefined),
    ...(file ? { file } : {}),
    ...(context ? { context } : {}),
  };
}

const VARIABLE = /\$\{?(\w+)\}?/g;
const HAS_VARIABLE = /\$\{?\w+\}?/;

/**
 * A build a script runs once per name, one variable naming both the tag and the Dockerfile (`docker build -t
 * shop/$NAME -f docker/$NAME/Dockerfile .` in a loop): for each image a compose service runs that the tag matches, the
 * build of the Dockerfile that name selects, when the repository holds it.
 */
function loopBuilds(
  argv: string[],
  script: string,
  models: ComposeModel[],
  exists: (file: string) => boolean,
): BuiltImage[] {
  const words = dockerBuildWords(argv);
  const { file, context } = words ?? {};
  if (!words || !file || !context || context === '-' || !HAS_VARIABLE.test(file)) return [];
  const variables = new Set(
    [...[file, context, ...words.tags].join(' ').matchAll(VARIABLE)].map((m) => m[1]),
  );
  if (variables.size !== 1) return [];
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out: BuiltImage[] = [];
  for (const written of words.tags.filter((t) => HAS_VARIABLE.test(t))) {
    // The literal parts of the tag around the variable; the variable stands for one path part of a name.
    const literal = written.split(HAS_VARIABLE);
    const pattern = new RegExp(`^${literal.map(escape).join('([A-Za-z0-9][\\w.-]*)')}$`);
    const tagged = splitImage(written).tag !== undefined;
    for (const s of models.flatMap((m) => m.services)) {
      const image = s.image;
      if (s.build || !image?.repository || image.interpolated) continue;
      const latest = (image.tag ?? 'latest') === 'latest';
      const match = pattern.exec(
        tagged || !latest ? `${image.repository}:${image.tag ?? 'latest'}` : image.repository,
      );
      const values = match?.slice(1) ?? [];
      if (!match || values.some((v) => v !== values[0])) continue;
      const fill = (t: string) => t.replace(VARIABLE, values[0]);
      for (const base of ['.', dirName(script)]) {
        const dockerfile = normalizeRelative(joinPath(base, fill(file)));
        const contextDir = normalizeRelative(joinPath(base, fill(context)));
        if (!dockerfile || !contextDir || !exists(dockerfile)) continue;
        const tag = splitImage(fill(written)).tag;
        if (!out.some((b) => b.repository === image.repository && b.dockerfile === dockerfile))
          out.push({ repository: image.repository, ...(tag ? { tag } : {}), dockerfile, contextDir, script });
        break;
      }
    }
  }
  return out;
}

/** The Dockerfile and context of every compose `build:` (named or not), for a Dockerfile another file runs by image. */
export function composeBuilds(models: ComposeModel[]): { dockerfile: string; contextDir: string }[] {
  const out: { dockerfile: string; contextDir: string }[] = [];
  for (const s of models.flatMap((m) => m.services)) {
    if (!s.build || isUrl(s.build.context)) continue;
    const dockerfile = normalizeRelative(s.build.dockerfile);
    const contextDir = normalizeRelative(s.build.context);
    if (dockerfile && contextDir) out.push({ dockerfile, contextDir });
  }
  return out;
}

/** `registry:5000/me/app:1.0` → `registry:5000/me/app` (the tag after the last slash's colon, a digest dropped). */
export function repositoryOf(image: string): string {
  const name = image.split('@')[0];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return colon > slash ? name.slice(0, colon) : name;
}

/**
 * The image a service runs when this repository builds it: by name, or as written when a variable is part of it. Of
 * several tags of one name built from different Dockerfiles (`shop:release` from Dockerfile, `shop:dev` from
 * Dockerfile.dev), the one with the service's tag.
 */
export function builtImageOf(service: ComposeService, built: BuiltImage[]): BuiltImage | undefined {
  const image = service.image;
  if (!image) return undefined;
  if (image.interpolated)
    return built.find((b) => b.written !== undefined && sameWritten(b.written, image.raw ?? image.value));
  const named = built.filter((b) => b.written === undefined && b.repository === image.repository);
  return named.find((b) => (b.tag ?? 'latest') === (image.tag ?? 'latest')) ?? named[0];
}

/**
 * The Python Dockerfile whose directory the service is named for (`backend:` or `me/foodgram_backend` and
 * backend/Dockerfile), when exactly one is: a CI workflow builds and pushes it under a name compose does not know.
 * For a compose file named for production, of several (docker/dev/web, docker/prod/web) the one under a production
 * directory is it.
 */
export function namedDockerfileOf(
  service: ComposeService,
  pythonDockerfiles: string[],
  forProduction = false,
  contextOf: (dockerfile: string) => string = dirName,
): BuiltImage | undefined {
  const words = new Set([
    service.name.toLowerCase(),
    ...(service.image?.repository.split('/').pop() ?? '').toLowerCase().split(/[-_.]/),
  ]);
  let matches = pythonDockerfiles.filter((d) => words.has(baseName(dirName(d)).toLowerCase()));
  if (matches.length > 1 && forProduction) matches = matches.filter(isUnderProductionDirectory);
  if (matches.length !== 1) return undefined;
  return {
    repository: service.image?.repository ?? service.name,
    dockerfile: matches[0],
    contextDir: contextOf(matches[0]),
  };
}

/** `docker/prod/web/Dockerfile`, `deploy/production/Dockerfile`: a Dockerfile kept under a production directory. */
function isUnderProductionDirectory(dockerfile: string): boolean {
  return dirName(dockerfile)
    .toLowerCase()
    .split('/')
    .some((part) => part === 'prod' || part === 'production');
}

/**
 * The app service of a compose project whose services only name images and none runs a Django command: the one
 * whose image the repository builds, else the one that bind-mounts a Django project, else the one named for the
 * directory of a Python Dockerfile, else the only service that can be the app when the repository holds a single
 * Django project (of several running one image, the only one that keeps the image's own command).
 */
export function imageOnlyApp(
  model: ComposeModel,
  built: BuiltImage[],
  managePys: string[],
  pythonDockerfiles: string[] = [],
  contextOf: (dockerfile: string) => string = dirName,
): ImageOnlyApp | undefined {
  const candidates = model.services.filter((s) => s.role === 'other' && !s.build);
  for (const service of candidates) {
    const match = builtImageOf(service, built);
    if (match) return { service, built: match };
  }
  // An image not built here runs the app only if its command runs Python, or its name is an app's (not a tool's).
  const projectWords = new Set(
    [...managePys, ...pythonDockerfiles].map((f) => baseName(dirName(f)).toLowerCase()),
  );
  const mayBeApp = (s: ComposeService) => mayRunProject(s, projectWords);
  const mounting = candidates
    .filter(mayBeApp)
    .filter((s) =>
      s.volumes.some(
        (v) =>
          v.type === 'bind' &&
          v.source !== undefined &&
          managePys.some((m) => dirName(m) === v.source || (v.source !== '.' && isUnder(m, v.source!))),
      ),
    );
  if (mounting.length === 1) return { service: mounting[0] };
  const apps = candidates.filter((s) => !s.image || !isBackingImage(s.image.repository));
  const forProduction = model.files.some(isNamedForProduction);
  const named = apps.flatMap((service) => {
    const found = namedDockerfileOf(service, pythonDockerfiles, forProduction, contextOf);
    return found ? [{ service, built: found }] : [];
  });
  // Replicas of one image (`django_0`, `django_1` running production/django:latest): the first is the app service.
  const sameImage = (n: { service: ComposeService; built: BuiltImage }) =>
    n.built.dockerfile === named[0].built.dockerfile &&
    n.service.image?.value === named[0].service.image?.value;
  if (named.length === 1 || (named.length > 1 && named.every(sameImage))) return named[0];
  if (managePys.length !== 1) return undefined;
  if (apps.length === 1) return mayBeApp(apps[0]) ? { service: apps[0] } : undefined;
  // Services of one image, each but one given a command of its own (a worker, a beat): the one running the image's own
  // command is the app.
  const own = apps.filter((s) => !s.command && !s.entrypoint);
  const oneImage = apps.every((s) => s.image?.value !== undefined && s.image.value === apps[0].image?.value);
  return oneImage && own.length === 1 && mayBeApp(own[0]) ? { service: own[0] } : undefined;
}

/** Names the app service goes by; a third-party tool's image (`openlabs/docker-wkhtmltopdf-aas`) bears none. */
const APP_WORDS = new Set([
  'web',
  'app',
  'django',
  'backend',
  'api',
  'site',
  'server',
  'www',
  'main',
  'project',
]);

/** A command that runs the project: Python, its servers, Django, or a script (which may start them). */
const PROJECT_COMMAND = /python|manage\.py|gunicorn|uwsgi|daphne|uvicorn|django|celery|\.sh\b/i;

/**
 * Whether a service running an image this repository does not build can run its Django project: its command (or
 * entrypoint) runs Python or a script, else, running the image's own command, the service or image is named like an
 * app or like the project. Mounting the code is not enough: a PDF renderer mounts it to read templates.
 */
function mayRunProject(service: ComposeService, projectWords: Set<string>): boolean {
  const command = [service.command?.raw, service.entrypoint?.raw].filter((c) => c !== undefined).join(' ');
  if (command.trim() !== '') return PROJECT_COMMAND.test(command);
  const imageName = service.image?.repository.split('/').pop() ?? '';
  const words = [service.name, ...service.name.split(/[-_.]/), ...imageName.split(/[-_.]/)].map((w) =>
    w.toLowerCase(),
  );
  return words.some((w) => APP_WORDS.has(w) || APP_COMPOUND.test(w) || projectWords.has(w));
}

/** A name run together ending in `app` (`mywebapp`, `myfirstapp`, `djangoapp`): an app's, not a tool's. */
const APP_COMPOUND = /^[a-z][a-z0-9]*app$/;
