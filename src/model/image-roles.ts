import { baseName, isUnder, normalizeRelative } from '../discover/classify.js';
import { dockerfileCode, WORD_SEPARATORS } from './image-app.js';
import type { ComposeService } from './types/compose.js';

// What a Dockerfile's name, directory and words say of the image's role beside the app's.

/** `DockerFile`, `DOCKERFILE`: Docker's default name in another case, which `docker build` never reads unasked. */
export function isOddCaseDefaultName(path: string): boolean {
  const name = baseName(path);
  return name.toLowerCase() === 'dockerfile' && name !== 'Dockerfile' && name !== 'dockerfile';
}

/** Names of another image than the app's beside it: a proxy, a worker, a front end, a workspace, a test runner. */
export const OTHER_ROLE =
  /(nginx|proxy|caddy|traefik|worker|celery|beat|flower|node|front|client|ui\b|docs?\b|postgres|mysql|redis|db\b|gitpod|devcontainer|cron|scheduler|\btests?\b|\bci\b)/i;

/** Programs (or manage.py's command) that start a Django server, the whole of a command's word. */
const DJANGO_SERVER_PROGRAM =
  /^(manage\.py|runserver|gunicorn|uwsgi|uvicorn|daphne|hypercorn|waitress-serve|django-admin)$/i;
/** A command that installs a project's Python dependencies. */
const INSTALLS_PROJECT =
  /\bpip3?\s+install\b[^\n]*(\s-r\s|\bdjango\b)|\b(poetry|pipenv|uv)\s+(install|sync)\b/i;

/**
 * Whether Dockerfile or script text starts a Django server or installs a project's Python dependencies: a word that is
 * the program a command runs (`gunicorn`, `/venv/bin/uwsgi`, `./manage.py`), not a file name that holds it
 * (`manage.py.js`, `gunicorn.conf.py`).
 */
export function startsDjangoServer(code: string): boolean {
  if (INSTALLS_PROJECT.test(code)) return true;
  return code.split(WORD_SEPARATORS).some((word) => {
    const last = word.replace(/\/+$/, '').split('/').pop() ?? '';
    return DJANGO_SERVER_PROGRAM.test(last.split(':')[0]);
  });
}

/** Directories named for an image that is not the app's: documentation, a proxy, a front end, a backing service. */
export const NON_APP_DIR =
  /^(docs?|documentation|nginx|proxy|caddy|traefik|front-?end|client|ui|node|postgres|mysql|db|redis)$/i;

/** Whether a Dockerfile clones a repository in a RUN and starts a Django server: an app image fetching its code. */
export function clonesAndRunsDjango(text: string): boolean {
  const code = dockerfileCode(text);
  return /^\s*RUN\b[^\n]*\bgit\s+clone\b/im.test(code) && startsDjangoServer(code);
}

/**
 * Whether a compose service beside the app builds a helper's image (an exporter FROM its vendor's image, adding a
 * package): its build context holds none of the repository's Django projects, and neither its Dockerfile nor its
 * command starts Django or fetches the app's code. No container of that image runs the app.
 */
export function buildsHelperImage(
  service: ComposeService,
  dockerfileText: string | undefined,
  app: ComposeService | undefined,
  managePys: string[],
): boolean {
  const context = service.build ? normalizeRelative(service.build.context) : undefined;
  if (service === app || context === undefined || dockerfileText === undefined || managePys.length === 0)
    return false;
  if (managePys.some((m) => isUnder(m, context))) return false;
  const commands = [service.command?.raw, service.entrypoint?.raw].filter((t) => t !== undefined);
  return (
    !startsDjangoServer(dockerfileCode(dockerfileText)) &&
    !clonesAndRunsDjango(dockerfileText) &&
    !commands.some((t) => startsDjangoServer(t))
  );
}

/**
 * Whether a Dockerfile holds none of the app: it copies nothing from its build context (COPY/ADD only from other
 * stages or images), fetches no code, and neither starts Django nor installs a project's dependencies.
 */
export function holdsNoAppCode(text: string): boolean {
  const code = dockerfileCode(text).replace(/\\\r?\n/g, ' ');
  const copies = [...code.matchAll(/^\s*(?:COPY|ADD)\s+([^\n]*)/gim)].some(
    (m) => !/(^|\s)--from[=\s]/i.test(m[1]!),
  );
  return !copies && !/\bgit\s+clone\b/i.test(code) && !startsDjangoServer(code);
}
