import { isUnder, normalizeRelative } from '../discover/classify.js';
import { dockerfileCode } from './image-app.js';
import type { ComposeModel, ComposeService } from './types/compose.js';

/** Words of a command, Dockerfile or environment that tie an image to Django (its server, manage.py, its settings). */
const DJANGO_WORDS =
  /\b(django|manage\.py|gunicorn|uwsgi|uvicorn|daphne|hypercorn|waitress-serve|celery|wsgi|asgi)\b/i;

/**
 * Whether `service` of `model` builds a sidecar beside the app (a Bokeh or Dash server, a small Python tool): not the
 * app service, its own command starts a program that is not Django, and neither its build context, its mounts, its
 * environment nor its Dockerfile hold or name a Django project. Its image is no app image: the runtime rules do not
 * judge it as the app's.
 */
export function isSidecarService(
  model: ComposeModel,
  service: ComposeService,
  texts: Record<string, string>,
  managePys: string[],
): boolean {
  const app = model.appService;
  const build = service.build;
  if (!app || service === app || !build || service.notApp) return false;
  const dockerfile = normalizeRelative(build.dockerfile);
  const context = normalizeRelative(build.context);
  if (!dockerfile || context === undefined || !(dockerfile in texts)) return false;
  if (app.build && normalizeRelative(app.build.dockerfile) === dockerfile) return false;
  const start = [service.command?.raw, service.entrypoint?.raw].filter((t): t is string => t !== undefined);
  if (start.length === 0 || start.some((t) => DJANGO_WORDS.test(t))) return false;
  if (managePys.some((m) => isUnder(m, context))) return false;
  if (DJANGO_WORDS.test(dockerfileCode(texts[dockerfile]))) return false;
  if (service.environment.some((e) => /^DJANGO_/.test(e.name))) return false;
  // A manifest of its context that lists Django (a bot using the ORM) makes it an image of the app's code.
  const manifests = Object.keys(texts).filter(
    (f) => isUnder(f, context) && /(^|\/)(requirements[^/]*\.(txt|in)|pyproject\.toml|Pipfile)$/.test(f),
  );
  if (manifests.some((f) => /^\s*["']?django\b/im.test(texts[f]))) return false;
  // A bind mount of a Django project's directory (or of a directory holding one) brings the app into the container.
  return !service.volumes.some(
    (v) =>
      v.type === 'bind' &&
      v.source !== undefined &&
      managePys.some((m) => isUnder(m, normalizeRelative(v.source!) ?? '..')),
  );
}
