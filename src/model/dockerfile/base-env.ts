/** What the environment of well-known base images may hold, so that a name outside it is known to be unset. */

// Every name the official python images (docker-library/python, Linux and Windows, old and current tags) set with
// ENV, and those of the distribution images under them (only PATH). Anything else expands to nothing in a stage.
const PYTHON_ENV = new Set([
  'PATH',
  'LANG',
  'GPG_KEY',
  'PYTHON_VERSION',
  'PYTHON_RELEASE',
  'PYTHON_SHA256',
  'PYTHON_PIP_VERSION',
  'PYTHON_SETUPTOOLS_VERSION',
  'PYTHON_GET_PIP_URL',
  'PYTHON_GET_PIP_SHA256',
  'PYTHONIOENCODING',
]);

const OFFICIAL_PYTHON =
  /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:library\/)?python$/i;

/**
 * The names a base image's environment may set, known for the official python image and `scratch` (none);
 * undefined when unknown (another publisher's image may set anything).
 */
export function baseImageEnvNames(repository: string | undefined, scratch: boolean): Set<string> | undefined {
  if (scratch) return new Set();
  return repository !== undefined && OFFICIAL_PYTHON.test(repository) ? PYTHON_ENV : undefined;
}
