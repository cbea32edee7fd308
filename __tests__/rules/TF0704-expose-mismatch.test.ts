import { exposeMismatch } from '../../src/rules/TF0704-expose-mismatch.js';
import { appRuleCases, df } from '../support/rule-cases.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';

appRuleCases(exposeMismatch, [
  [
    'EXPOSE 80, gunicorn on 8000',
    { dockerfile: df('FROM python:3.12', 'EXPOSE 80', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "a.wsgi"]') },
    ['Dockerfile:2'],
  ],
  [
    'EXPOSE 8000 matches the runserver default port',
    { dockerfile: df('FROM python:3.12', 'EXPOSE 8000', 'CMD python manage.py runserver 0.0.0.0:8000') },
    [],
  ],
  [
    'one of several exposed ports matches',
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 5000',
        'EXPOSE 8000/tcp',
        'CMD ["gunicorn", "-b", "0.0.0.0:8000", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    "EXPOSE of Redis's port beside the server's, on its own line",
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 8000',
        'EXPOSE 6379',
        'CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "a.asgi:application"]',
      ),
    },
    ['Dockerfile:3'],
  ],
  [
    "Redis's port beside a branch (its condition unknown) that binds $PORT: it may be that one",
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 8000',
        'EXPOSE 6379',
        'CMD if [ -f /etc/production ]; then exec daphne -b 0.0.0.0 -p $PORT a.asgi:application; else exec daphne -b 0.0.0.0 -p 8000 a.asgi:application; fi',
      ),
    },
    [],
  ],
  [
    "Redis's port when the image starts redis-server itself, before the server",
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 8000 6379',
        'CMD sh -c "redis-server --daemonize yes && exec daphne -b 0.0.0.0 -p 8000 a.asgi:application"',
      ),
    },
    [],
  ],
  [
    'a port from an unknown variable is silent',
    { dockerfile: df('FROM python:3.12', 'EXPOSE 80', 'CMD gunicorn -b 0.0.0.0:$PORT a.wsgi') },
    [],
  ],
  [
    'a default applies when the variable is unset',
    { dockerfile: df('FROM python:3.12', 'EXPOSE 80', 'CMD gunicorn -b "0.0.0.0:${PORT:-8000}" a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'the compose command counts',
    {
      dockerfile: df('FROM python:3.12', 'EXPOSE 8000', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "a.wsgi"]'),
      service: { command: ['gunicorn', '-b', '0.0.0.0:9000', 'a.wsgi'] },
    },
    ['Dockerfile:2'],
  ],
  [
    'uwsgi --socket listens on its port (the uwsgi protocol, for nginx)',
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 8000',
        'CMD ["uwsgi", "--socket", ":9000", "--module", "a.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'uwsgi on a unix socket binds no port',
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 8000',
        'CMD ["uwsgi", "--socket", "/tmp/app.sock", "--module", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'uwsgi --http on another port',
    { dockerfile: df('FROM python:3.12', 'EXPOSE 8000', 'CMD uwsgi --http :8080 --module a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'nginx in the same container listens on the exposed port',
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 80',
        'CMD service nginx start && exec gunicorn -b 127.0.0.1:8001 a.wsgi',
      ),
    },
    [],
  ],
  [
    'apache2ctl -D FOREGROUND beside a backgrounded server',
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 80',
        'CMD gunicorn -b 0.0.0.0:8001 a.wsgi & exec apache2ctl -D FOREGROUND',
      ),
    },
    [],
  ],
  [
    'nginx -s reload serves nothing: gunicorn is still compared',
    {
      dockerfile: df(
        'FROM python:3.12',
        'EXPOSE 80',
        'CMD nginx -s reload; exec gunicorn -b 0.0.0.0:8001 a.wsgi',
      ),
    },
    ['Dockerfile:2'],
  ],
]);

const startScript = [
  '#!/bin/bash',
  'if [ "$SERVER_MODE" == "DEV" ]; then',
  '    exec python ./manage.py runserver 0.0.0.0:$APP_PORT',
  'else',
  '    exec uwsgi --ini ./uwsgi.ini --http-socket 0.0.0.0:$APP_PORT',
  'fi',
  '',
].join('\n');

test('TF0704 reads a port in the environment of the start that runs the command, and names compose', async () => {
  const { findings } = await analyzeFiles({
    Dockerfile: [
      'FROM python:3.12.7-slim',
      'COPY . /app',
      'WORKDIR /app',
      'ENV SERVER_MODE=DEV',
      'ENV APP_PORT=80',
      'EXPOSE 80',
      'CMD ["/app/start.sh"]',
      '',
    ].join('\n'),
    'start.sh': startScript,
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n',
    'site/__init__.py': '',
    'site/settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    environment:\n      - SERVER_MODE=PROD\n      - APP_PORT=85\n',
  });
  const messages = findings.filter((f) => f.ruleId === 'TF0704').map((f) => f.message);
  assert.equal(messages.length, 1, messages.join('\n'));
  assert.doesNotMatch(messages[0], /runserver binds port 85/);
  assert.match(
    messages[0],
    /uwsgi binds port 85 \(start\.sh:5, as docker-compose\.yml starts the container\)/,
  );
});

test('TF0704 names the test of a branch the start may not take, instead of the compose file that starts it', async () => {
  const { findings } = await analyzeFiles({
    Dockerfile: [
      'FROM python:3.12.7-slim',
      'COPY . /app',
      'WORKDIR /app',
      'EXPOSE 8003',
      'CMD ["/app/start.sh"]',
      '',
    ].join('\n'),
    'start.sh': [
      '#!/bin/sh',
      'if [ "$APP_ENV" = production ]; then',
      '    exec gunicorn -b 0.0.0.0:8000 site.wsgi',
      'else',
      '    exec python manage.py runserver 0.0.0.0:8003',
      'fi',
      '',
    ].join('\n'),
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n',
    'site/__init__.py': '',
    'site/settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    'app.env': 'APP_ENV=development\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: app.env\n',
  });
  const messages = findings.filter((f) => f.ruleId === 'TF0704').map((f) => f.message);
  assert.deepEqual(messages, [
    'EXPOSE 8003 but gunicorn binds port 8000 (start.sh:3, run only if `[ $APP_ENV = production ]` holds). Bind the server to the exposed port, or add 8000 to EXPOSE (the other branches may bind the exposed one).',
  ]);
});
