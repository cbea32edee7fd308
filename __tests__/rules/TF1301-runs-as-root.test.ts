import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runsAsRoot } from '../../src/rules/TF1301-runs-as-root.js';
import { analyzeFiles } from '../support/analyze.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

appRuleCases(runsAsRoot, [
  [
    'no USER: last line of the target stage',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install -r requirements.txt', 'CMD ["gunicorn", "a.wsgi"]'),
    },
    ['Dockerfile:3'],
  ],
  [
    'a builder stage without USER is fine',
    {
      dockerfile: df(
        'FROM python:3.12 AS build',
        'RUN pip wheel .',
        'FROM python:3.12-slim',
        'USER 10001',
        'CMD ["gunicorn", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'USER root last',
    { dockerfile: df('FROM python:3.12', 'USER app', 'RUN true', 'USER 0:0') },
    ['Dockerfile:4'],
  ],
  [
    'USER inherited from the parent stage',
    { dockerfile: df('FROM python:3.12 AS base', 'USER app', 'FROM base', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  ['USER from an unknown variable is silent', { dockerfile: df('FROM python:3.12', 'USER $APP_USER') }, []],
  [
    'USER from an ARG is resolved',
    { dockerfile: df('FROM python:3.12', 'ARG U=root', 'USER $U') },
    ['Dockerfile:3'],
  ],
  [
    'the entrypoint drops privileges with gosu: the stage still has no USER (the message names the drop)',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec gosu app "$@"\n' }],
    },
    ['Dockerfile:3'],
  ],
  [
    'the target stage chosen by compose build.target',
    {
      dockerfile: df('FROM python:3.12 AS prod', 'USER app', 'FROM prod AS dev', 'USER root'),
      target: 'prod',
    },
    [],
  ],
]);

const app = (files: Record<string, string>) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  ...files,
});
const messageOf = async (files: Record<string, string>) => {
  const found = (await analyzeFiles(app(files))).findings.filter((f) => f.ruleId === 'TF1301');
  assert.equal(found.length, 1);
  return found[0].message;
};

test('TF1301: nginx under supervisord beside gunicorn: drop root for the app program, not a USER line', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y nginx supervisor',
      'WORKDIR /app',
      'COPY . .',
      'COPY app.conf /etc/supervisor/conf.d/app.conf',
      'CMD ["supervisord", "-n", "-c", "/etc/supervisor/conf.d/app.conf"]',
    ),
    'app.conf': df(
      '[program:nginx]',
      'command=nginx -g "daemon off;"',
      '[program:web]',
      'command=gunicorn mysite.wsgi -b 127.0.0.1:8001',
    ),
  });
  assert.match(message, /nginx runs in the same container \(app\.conf:2\)/);
  assert.match(
    message,
    /created at build time with RUN useradd --create-home --uid 10001 app: add user=app to \[program:web\]/,
  );
  assert.match(message, /move nginx into its own container/);
  assert.doesNotMatch(message, /then USER app|USER app before CMD/);
});

test('TF1301: an entrypoint starting nginx then gunicorn: gunicorn --user with the user the image creates', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN useradd --system django',
      'WORKDIR /app',
      'COPY . .',
      'ENTRYPOINT ["/app/start.sh"]',
    ),
    'start.sh': '#!/bin/sh\nnginx\nexec gunicorn mysite.wsgi -b 127.0.0.1:8001\n',
  });
  assert.match(message, /start gunicorn with --user django --group django \(start\.sh:3\)/);
  assert.doesNotMatch(message, /add USER django/);
});

test('TF1301: a supervisord program already run as its user beside nginx: no USER advice, the layout is named', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN useradd app',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["supervisord", "-c", "/app/app.conf"]',
    ),
    'app.conf': df(
      '[program:web]',
      'user=app',
      'command=gunicorn mysite.wsgi -b 127.0.0.1:8001',
      '[program:nginx]',
      'command=nginx -g "daemon off;"',
    ),
  });
  assert.match(message, /The app itself already runs as app \(user= of \[program:web\] at app\.conf:3\)/);
  assert.doesNotMatch(message, /Add USER app|start without/);
});

test('TF1301: an entrypoint that creates its user at start: create it at build time, then USER', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-alpine',
      'RUN apk add --no-cache su-exec',
      'WORKDIR /app',
      'COPY . .',
      'ENTRYPOINT ["/app/entrypoint.sh"]',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
    'entrypoint.sh': '#!/bin/sh\nadduser -D -u "${PUID:-1000}" web\nexec su-exec web "$@"\n',
  });
  assert.match(message, /entrypoint\.sh:2 creates the user web only when the container starts/);
  assert.match(message, /Create the user at build time \(RUN adduser -D -u 10001 web/);
  assert.doesNotMatch(message, /Add USER web to the stage/);
});

test('TF1301: a drop to a user no RUN creates on an official base: create it first', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y gosu',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["gosu", "app", "gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
  });
  assert.match(
    message,
    /Create app at build time \(RUN useradd --create-home --uid 10001 app\), add USER app/,
  );
});

test('TF1301: a user the parent stage creates is switched to, not created again', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim AS base',
      'RUN useradd --create-home app',
      'FROM base',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
  });
  assert.match(message, /built on \('base'\) already creates the user app: add USER app/);
  assert.doesNotMatch(message, /useradd/);
});

test('TF1301: su in a Debian image: the hand-over named is one the image has (setpriv), not gosu', async () => {
  const message = await messageOf({
    Dockerfile: df(
      'FROM python:3.12-slim',
      'RUN useradd app',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["sh", "/app/start.sh"]',
    ),
    'start.sh': '#!/bin/sh\nchown -R app /app\nsu app -c "gunicorn -b 0.0.0.0:8000 mysite.wsgi"\n',
  });
  assert.match(message, /exec setpriv --reuid=app --regid=app --init-groups/);
  assert.doesNotMatch(message, /gosu/);
});
