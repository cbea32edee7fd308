import { df } from './rule-cases.js';

/**
 * A repository that builds a base image (`acme/django-runtime:<variant>`, tagged by CI) whose CMD runs a script that
 * migrates through su-exec, starts nginx as a daemon, a worker with `&` when QUEUE_APP is given, and execs gunicorn
 * with --user; and an example child image that is only `FROM acme/django-runtime:alpine` with two ENV lines.
 */
export function repositoryBaseFiles(child: string[] = []): Record<string, string> {
  return {
    '.travis.yml': [
      'env:',
      '  - FLAVOUR=alpine',
      '  - FLAVOUR=edge',
      'script:',
      '  - TAG="acme/django-runtime:$FLAVOUR"',
      '  - docker build --tag "$TAG" --file "$FLAVOUR.dockerfile" .',
      '',
    ].join('\n'),
    'alpine.dockerfile': df(
      'FROM python:3.12-alpine3.20',
      'RUN apk add --no-cache nginx su-exec && pip install gunicorn==22.0.0',
      'RUN adduser -S web',
      'EXPOSE 8000',
      'COPY start.sh /usr/local/bin/',
      'CMD ["start.sh"]',
      'WORKDIR /srv',
      'ONBUILD COPY . /srv',
    ),
    'start.sh': [
      '#!/bin/sh',
      'set -e',
      'chown -R web /srv',
      'su-exec web django-admin migrate --noinput',
      'nginx',
      'if [ -n "$QUEUE_APP" ]; then',
      '  su-exec web celery --app "$QUEUE_APP" worker &',
      'fi',
      'exec gunicorn "$WSGI_MODULE" --user web --group web --bind unix:/run/web.sock',
      '',
    ].join('\n'),
    'demo/alpine.dockerfile': df(
      'FROM acme/django-runtime:alpine',
      'ENV DJANGO_SETTINGS_MODULE=shop.settings',
      'ENV WSGI_MODULE=shop.wsgi:application',
      ...child,
    ),
    'demo/manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n',
    'demo/shop/__init__.py': '',
    'demo/shop/settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
  };
}
