/** What a compose service builds: the target stage of its Dockerfile, read from the repository's texts. Pure. */
import { posix } from 'node:path';
import { isUnder, joinPath, normalizeRelative, relativeTo } from '../../discover/classify.js';
import { ImageLayout } from '../context.js';
import { type DockerfileOptions, modelDockerfile } from '../dockerfile.js';
import { dockerfileCode, isDataOnlyDockerfile, namesPython } from '../image-app.js';
import { INSTALLS_PYTHON } from '../dockerfile-kind.js';
import type { ComposeService } from '../types/compose.js';
import type { Stage } from '../types/dockerfile.js';

/** The image a compose service builds, as far as its Dockerfile says. */
export interface BuiltImage {
  dockerfile: string;
  contextDir: string;
  text: string;
  stage: Stage;
  layout: ImageLayout;
  /** Repository of the base image the target stage starts from, through `FROM <stage>` (`postgres`, `node`). */
  base?: string;
  /** That base image's tag (`17-alpine`), when written. */
  baseTag?: string;
  /** The base image as its FROM names it, after ARG resolution (`acme/site:1.4`). */
  baseImage?: string;
}

/** Bases that never run Python code of their own: web servers, proxies, Node, databases. */
const NON_PYTHON_BASE =
  /(^|\/)(nginx|traefik|caddy|httpd|haproxy|envoy|node|postgres(ql)?|postgis|mysql|mariadb|redis|memcached|rabbitmq|alpine\/git)$/i;
const NODE_BUILD = /\b(npm|yarn|pnpm|node)\b/;

/** The image `service` builds from a readable Dockerfile of the tree, else undefined. */
export function builtImage(service: ComposeService, texts: Record<string, string>): BuiltImage | undefined {
  const build = service.build;
  const dockerfile = build ? normalizeRelative(build.dockerfile) : undefined;
  const contextDir = build ? normalizeRelative(build.context) : undefined;
  if (!build || !dockerfile || !contextDir) return undefined;
  return imageBuiltFrom(dockerfile, contextDir, texts, { target: build.target, buildArgs: build.args });
}

/** The image built from `dockerfile` (read from the tree's texts) with the context `contextDir`, else undefined. */
export function imageBuiltFrom(
  dockerfile: string,
  contextDir: string,
  texts: Record<string, string>,
  options: DockerfileOptions = {},
): BuiltImage | undefined {
  const text = texts[dockerfile];
  if (text === undefined) return undefined;
  const { model } = modelDockerfile(dockerfile, text, options);
  const stage = model?.targetStage;
  if (!model || !stage) return undefined;
  const sent = Object.keys(texts)
    .filter((f) => isUnder(f, contextDir))
    .map((f) => relativeTo(f, contextDir));
  const layout = new ImageLayout(model, sent);
  let root = stage;
  for (let k = 0; k < 20; k++) {
    const parent = layout.parentOf(root);
    if (!parent) break;
    root = parent;
  }
  return {
    dockerfile,
    contextDir,
    text,
    stage,
    layout,
    base: root.from.repository,
    ...(root.from.tag ? { baseTag: root.from.tag } : {}),
    ...(root.from.image ? { baseImage: root.from.image } : {}),
  };
}

/** Whether the image holds no Python app: a web server, Node build or database image with no Python in sight. */
export function isNonPythonImage(image: BuiltImage): boolean {
  const code = dockerfileCode(image.text);
  if (isDataOnlyDockerfile(image.text)) return true;
  if (namesPython(code) || INSTALLS_PYTHON.test(code)) return false;
  return (image.base !== undefined && NON_PYTHON_BASE.test(image.base)) || NODE_BUILD.test(code);
}

/** The repository file a path the container runs (`../entrypoint.sh`, `/start`) comes from, through COPY/ADD. */
export function imageScriptFile(image: BuiltImage, word: string): string | undefined {
  if (word.includes('$') || !/\.sh$|\//.test(word)) return undefined;
  const imagePath = posix.resolve(image.stage.workdir || '/', word);
  const source = image.layout.sourceOf(image.stage, imagePath);
  return source === undefined ? undefined : normalizeRelative(joinPath(image.contextDir, source));
}
