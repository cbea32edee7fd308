/** What a compose file's name says it is for: production, or a Swarm stack. Pure. */

const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * `docker-compose.prod.yml`, `compose.production.yaml`, `docker-compose-deploy.yml`: a file named for production; a
 * Swarm stack file (`docker-stack.yml`) is what `docker stack deploy` runs in production.
 */
export function isNamedForProduction(path: string): boolean {
  return hasProductionWord(path) || isSwarmStackFile(path);
}

/**
 * A name with one of the catalog's production words (`prod`, `production`, `deploy`, `release`, `live`): what TF1303
 * and TF0302 take for a production alternative beside the default file (a Swarm stack file is not one there).
 */
export function hasProductionWord(path: string): boolean {
  return /(^|[._-])(prod|production|deploy|release|live)([._-]|$)/.test(baseOf(path).toLowerCase());
}

/**
 * `docker-stack.yml`, `stack.prod.yml`, `docker-compose.swarm.yml`: a file named for `docker stack deploy`, which
 * ignores `depends_on` (`docker-compose.full-stack.yml` is not one).
 */
export function isSwarmStackFile(path: string): boolean {
  return /^(docker-)?stack([._-]|$)|(^|[._-])swarm([._-]|$)/.test(baseOf(path).toLowerCase());
}
