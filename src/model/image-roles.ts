import { baseName } from '../discover/classify.js';
import { dockerfileCode } from './image-app.js';

// What a Dockerfile's name, directory and words say of the image's role beside the app's.

/** `DockerFile`, `DOCKERFILE`: Docker's default name in another case, which `docker build` never reads unasked. */
export function isOddCaseDefaultName(path: string): boolean {
  const name = baseName(path);
  return name.toLowerCase() === 'dockerfile' && name !== 'Dockerfile' && name !== 'dockerfile';
}

/** Names of another image than the app's beside it: a proxy, a worker, a front end, a workspace, a test runner. */
export const OTHER_ROLE =
  /(nginx|proxy|caddy|traefik|worker|celery|beat|flower|node|front|client|ui\b|docs?\b|postgres|mysql|redis|db\b|gitpod|devcontainer|cron|scheduler|\btests?\b|\bci\b)/i;

/** Words of a command that starts a Django server or installs a project's Python dependencies. */
export const DJANGO_SERVER =
  /\b(manage\.py|runserver|gunicorn|uwsgi|uvicorn|daphne|hypercorn|waitress-serve|django-admin)\b|\bpip3?\s+install\b[^\n]*(\s-r\s|\bdjango\b)|\b(poetry|pipenv|uv)\s+(install|sync)\b/i;

/** Directories named for an image that is not the app's: documentation, a proxy, a front end, a backing service. */
export const NON_APP_DIR =
  /^(docs?|documentation|nginx|proxy|caddy|traefik|front-?end|client|ui|node|postgres|mysql|db|redis)$/i;

/** Whether a Dockerfile clones a repository in a RUN and starts a Django server: an app image fetching its code. */
export function clonesAndRunsDjango(text: string): boolean {
  const code = dockerfileCode(text);
  return /^\s*RUN\b[^\n]*\bgit\s+clone\b/im.test(code) && DJANGO_SERVER.test(code);
}
