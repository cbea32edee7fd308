/** Which file Docker reads for a Dockerfile path. Pure. */
import { baseName, dirName, joinPath, normalizeRelative } from '../discover/classify.js';

/**
 * The Dockerfile Docker builds for `path` (as written, relative to the scanned directory): `path` itself, or, when a
 * `Dockerfile` is absent, the lowercase `dockerfile` beside it, which the docker CLI and BuildKit fall back to.
 */
export function dockerfileDockerReads(path: string, exists: (file: string) => boolean): string {
  const file = normalizeRelative(path);
  if (file === undefined || baseName(file) !== 'Dockerfile' || exists(file)) return path;
  const lower = joinPath(dirName(file), 'dockerfile');
  return exists(lower) ? path.replace(/Dockerfile$/, 'dockerfile') : path;
}
