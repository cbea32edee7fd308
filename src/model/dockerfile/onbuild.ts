/** The ONBUILD triggers of well-known base images: they run as the first instructions of a stage built FROM them. */

/** One trigger, written as it would be in the Dockerfile. */
export interface OnbuildTrigger {
  keyword: string;
  args: string;
}

// The official python:*-onbuild and django:*onbuild images (docker-library, deprecated but still pulled):
// WORKDIR /usr/src/app, then requirements.txt installed and the whole context copied on every child build.
const PYTHON_ONBUILD: OnbuildTrigger[] = [
  { keyword: 'WORKDIR', args: '/usr/src/app' },
  { keyword: 'COPY', args: 'requirements.txt /usr/src/app/' },
  { keyword: 'RUN', args: 'pip install --no-cache-dir -r requirements.txt' },
  { keyword: 'COPY', args: '. /usr/src/app' },
];

/**
 * The triggers a base image runs, known for the official images only (`python`, `library/python`,
 * `docker.io/library/django`) and their tag; none when unknown. Another publisher's `alang/django:*-onbuild` has
 * triggers of its own, which the repository does not show.
 */
export function onbuildTriggers(repository: string, tag: string | undefined): OnbuildTrigger[] {
  const official =
    /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:library\/)?(python|django)$/i;
  if (official.test(repository) && /(^|-)onbuild$/.test(tag ?? '')) return PYTHON_ONBUILD;
  return [];
}
