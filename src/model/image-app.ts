import { baseName, dirName, isUnder, joinPath, normalizeRelative } from '../discover/classify.js';
import { parseShell } from '../parse/shell.js';
import type { ComposeModel, ComposeService } from './types/compose.js';

/** An image name built from this repository: by a compose service's `build` with `image:`, or `docker build -t`. */
export interface BuiltImage {
  repository: string;
  dockerfile: string;
  contextDir: string;
}

/** What runs the Django app of a compose project whose services only name images. */
export interface ImageOnlyApp {
  service: ComposeService;
  /** Set when the service's image is built elsewhere in the repository. */
  built?: BuiltImage;
}

/** Images that never run the Django app: proxies, admin consoles, brokers, mail catchers. */
const NOT_AN_APP =
  /(^|\/)(nginx|traefik|caddy|httpd|haproxy|envoy|adminer|pgadmin4?|mailhog|mailpit|rabbitmq|memcached|elasticsearch|opensearch|minio|certbot|portainer|flower|selenium|localstack|mongo|kibana|grafana|prometheus|node|mysql|postgres|redis)(:|$)/i;

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
      if (dockerfile && contextDir) out.push({ repository: s.image.repository, dockerfile, contextDir });
    }
  }
  for (const { file, text } of scripts) {
    for (const command of parseShell(text).commands) {
      const build = dockerBuild(command.argv);
      if (!build) continue;
      // A script is usually run from the repository root, sometimes from its own directory: the one holding the Dockerfile wins.
      for (const base of ['.', dirName(file)]) {
        const contextDir = normalizeRelative(joinPath(base, build.context));
        if (!contextDir) continue;
        const dockerfile = normalizeRelative(
          build.file ? joinPath(base, build.file) : joinPath(contextDir, 'Dockerfile'),
        );
        if (!dockerfile || !exists(dockerfile)) continue;
        for (const tag of build.tags) out.push({ repository: repositoryOf(tag), dockerfile, contextDir });
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
  const usable = (s: string | undefined) => s !== undefined && !s.includes('$') && s !== '-';
  if (!usable(context) || (file !== undefined && !usable(file))) return undefined;
  const named = tags.filter((t) => !t.includes('$'));
  return named.length === 0 ? undefined : { tags: named, ...(file ? { file } : {}), context: context! };
}

/** `registry:5000/me/app:1.0` → `registry:5000/me/app` (the tag after the last slash's colon, a digest dropped). */
export function repositoryOf(image: string): string {
  const name = image.split('@')[0];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return colon > slash ? name.slice(0, colon) : name;
}

/**
 * The app service of a compose project whose services only name images and none runs a Django command: the one
 * whose image the repository builds, else the one that bind-mounts a Django project, else the only service that can
 * be the app when the repository holds a single Django project.
 */
export function imageOnlyApp(
  model: ComposeModel,
  built: BuiltImage[],
  managePys: string[],
): ImageOnlyApp | undefined {
  const candidates = model.services.filter((s) => s.role === 'other' && !s.build);
  for (const service of candidates) {
    const image = service.image;
    if (!image || image.interpolated) continue;
    const match = built.find((b) => b.repository === image.repository);
    if (match) return { service, built: match };
  }
  const mounting = candidates.filter((s) =>
    s.volumes.some(
      (v) =>
        v.type === 'bind' &&
        v.source !== undefined &&
        managePys.some((m) => dirName(m) === v.source || (v.source !== '.' && isUnder(m, v.source!))),
    ),
  );
  if (mounting.length === 1) return { service: mounting[0] };
  if (managePys.length !== 1) return undefined;
  const apps = candidates.filter((s) => !s.image || !NOT_AN_APP.test(s.image.repository));
  return apps.length === 1 ? { service: apps[0] } : undefined;
}
