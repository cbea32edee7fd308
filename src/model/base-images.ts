import { isDockerfile } from '../discover/classify.js';
import type { App } from './types/project.js';
import { type BuiltImage, dockerfileCode, repositoryOf } from './image-app.js';

/** The repositories of a Dockerfile's FROM lines. */
export function fromRepositories(text: string): string[] {
  return [...dockerfileCode(text).matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)].map((m) =>
    repositoryOf(m[1]),
  );
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
