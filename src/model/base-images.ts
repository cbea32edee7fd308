import { baseName, dirName, isDockerfile, isUnder } from '../discover/classify.js';
import type { App } from './types/project.js';
import { type BuiltImage, dockerfileCode, isBackingImage, repositoryOf } from './image-app.js';

/** The repositories of a Dockerfile's FROM lines, without those naming an earlier stage (`FROM base AS final`). */
export function fromRepositories(text: string): string[] {
  const stages = new Set<string>();
  const out: string[] = [];
  for (const m of dockerfileCode(text).matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    if (!stages.has(m[1].toLowerCase())) out.push(repositoryOf(m[1]));
    if (m[2]) stages.add(m[2].toLowerCase());
  }
  return out;
}

/** Another Dockerfile of the repository that starts FROM the image `dockerfile` is built as (by its name). */
export function builtFromByName(
  dockerfile: string,
  built: BuiltImage[],
  texts: Record<string, string>,
): string | undefined {
  const names = new Set(built.filter((b) => b.dockerfile === dockerfile).map((b) => b.repository));
  if (names.size === 0) return undefined;
  return Object.keys(texts)
    .filter((f) => f !== dockerfile && isDockerfile(f))
    .sort()
    .find((f) => fromRepositories(texts[f]).some((r) => names.has(r)));
}

/** The Dockerfile built FROM this one's image, if any, and whether it holds ONBUILD triggers (see `App.baseOf`). */
export function baseOf(
  dockerfile: string,
  built: BuiltImage[],
  texts: Record<string, string>,
): App['baseOf'] {
  const child = builtFromByName(dockerfile, built, texts);
  return child
    ? { dockerfile: child, onbuild: /^\s*ONBUILD\s/im.test(dockerfileCode(texts[child])) }
    : undefined;
}

/**
 * The Dockerfile another one starts FROM, when `dockerfile` builds a base image: its last stage starts nothing (no
 * CMD or ENTRYPOINT) and another Dockerfile of the repository starts FROM the name it is built under (compose
 * `image:`, `docker build -t`), or its name says it is a base (`base.Dockerfile`, `Dockerfile.base`, `base/Dockerfile`)
 * and another Dockerfile beside it starts FROM an image that is not a public one's (`myorg/django-base`).
 */
export function baseImageFor(
  dockerfile: string,
  built: BuiltImage[],
  texts: Record<string, string>,
  files: string[],
): string | undefined {
  const code = dockerfileCode(texts[dockerfile] ?? '');
  const lastStage = code.split(/^\s*FROM\s/im).at(-1) ?? '';
  if (code.trim() === '' || /^\s*(CMD|ENTRYPOINT)\b/im.test(lastStage)) return undefined;
  const byName = builtFromByName(dockerfile, built, texts);
  if (byName) return byName;
  const others = files.filter((f) => f !== dockerfile && isDockerfile(f) && f in texts);
  const named =
    /(^|[._-])base([._-]|$)/i.test(baseName(dockerfile)) || baseName(dirName(dockerfile)) === 'base';
  if (!named) return undefined;
  // `FROM myorg/django-base`: an image of an organisation, built here, not one of Docker Hub's official ones; or
  // one named a base (`FROM base`, `FROM app-base`), which no official image is.
  return others.find(
    (f) =>
      isUnder(f, dirName(dirName(dockerfile))) &&
      fromRepositories(texts[f] ?? '').some(
        (r) =>
          (r.includes('/') || /(^|[._-])base([._-]|$)/i.test(r)) && !r.includes('$') && !isBackingImage(r),
      ),
  );
}
