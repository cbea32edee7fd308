import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noPortDeclared } from '../../src/rules/TF0701-no-port-declared.js';
import { appRuleCases, df } from '../support/rule-cases.js';
import { repositoryBaseFiles } from '../support/repository-base.js';
import { analyzeFiles } from '../support/analyze.js';

appRuleCases(noPortDeclared, [
  [
    'no EXPOSE, no compose',
    { dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "app.wsgi"]') },
    ['Dockerfile:1'],
  ],
  [
    'EXPOSE in a parent stage counts',
    { dockerfile: df('FROM python:3.12 AS base', 'EXPOSE 8000', 'FROM base') },
    [],
  ],
  [
    'EXPOSE only in a builder stage does not',
    { dockerfile: df('FROM python:3.12 AS b', 'EXPOSE 8000', 'FROM python:3.12') },
    ['Dockerfile:1'],
  ],
  [
    'compose ports count',
    {
      dockerfile: df('FROM python:3.12'),
      service: { ports: [{ file: 'compose.yaml', line: 6, raw: '8000:8000', target: 8000 }] },
    },
    [],
  ],
  [
    'compose expose counts',
    {
      dockerfile: df('FROM python:3.12'),
      service: { expose: [{ file: 'compose.yaml', line: 6, raw: '8000', port: 8000 }] },
    },
    [],
  ],
]);

const APP = {
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
};

const messageOf = async (files: Record<string, string>): Promise<string> => {
  const result = await analyzeFiles({ ...APP, ...files });
  const found = result.findings.filter((f) => f.ruleId === 'TF0701');
  assert.equal(found.length, 1);
  return found[0]!.message;
};

test('TF0701 names the compose files that publish no port, and the one that does', async () => {
  const message = await messageOf({
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
    'docker-compose-base.yml': 'services:\n  web:\n    build: .\n',
    'docker-compose-dev.yml': 'services:\n  web:\n    ports:\n      - "8000:8000"\n',
    'docker-compose-prod.yml': 'services:\n  web:\n    restart: always\n',
    Makefile: 'deploy:\n\tdocker compose -f docker-compose-base.yml -f docker-compose-prod.yml up -d\n',
  });
  assert.match(
    message,
    /compose service 'web' has no ports\/expose in docker-compose-base\.yml \+ docker-compose-prod\.yml/,
  );
  assert.match(message, /only docker-compose-dev\.yml publishes 8000:8000/);
});

test('TF0701 suggests the port the server binds: runserver on 8080, uwsgi on 8002', async () => {
  const runserver = await messageOf({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD python ./manage.py runserver 0.0.0.0:8080\n',
  });
  assert.match(
    runserver,
    /Add EXPOSE 8080, the port the server binds: runserver binds port 8080 \(Dockerfile:4\)/,
  );
  assert.doesNotMatch(runserver, /EXPOSE 8000|compose/);
  const uwsgi = await messageOf({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n',
    'docker-compose.yml': [
      'services:',
      '  backend:',
      '    build: .',
      '    command: uwsgi --socket=:8002 --module=mysite.wsgi:application',
      '',
    ].join('\n'),
  });
  assert.match(
    uwsgi,
    /compose service 'backend' has no ports\/expose in docker-compose\.yml\. Add EXPOSE 8002/,
  );
  assert.doesNotMatch(uwsgi, /EXPOSE 8000/);
});

test('TF0701 fires where the server listens only on a unix socket, saying so and how to bind a port', async () => {
  const gunicorn = await messageOf({
    Dockerfile:
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi", "--bind=unix:/var/run/gunicorn/gunicorn.sock"]\n',
  });
  assert.match(
    gunicorn,
    /The app binds no port: gunicorn listens only on the unix socket unix:\/var\/run\/gunicorn\/gunicorn\.sock \(Dockerfile:4\)/,
  );
  assert.match(gunicorn, /have gunicorn listen on a TCP port \(--bind 0\.0\.0\.0:8000\), add EXPOSE 8000/);
  const uwsgi = await messageOf({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n',
    'uwsgi.ini': '[uwsgi]\nsocket=app.sock\nmodule=mysite.wsgi:application\n',
    'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: uwsgi --ini uwsgi.ini\n',
  });
  assert.match(uwsgi, /uwsgi listens only on the unix socket app\.sock \(socket = app\.sock, uwsgi\.ini:2\)/);
  assert.match(uwsgi, /http-socket = :8000 in its ini/);
  const uvicorn = await messageOf({
    Dockerfile:
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "--uds", "/run/app.sock", "mysite.asgi:application"]\n',
  });
  assert.match(uvicorn, /uvicorn listens only on the unix socket \/run\/app\.sock/);
});

test('TF0701 fires for a socket-only server with nginx beside it in the container, naming the port nginx listens on', async () => {
  const message = await messageOf({
    Dockerfile: [
      'FROM python:3.12',
      'RUN apt-get update && apt-get install -y nginx',
      'WORKDIR /srv',
      'COPY . .',
      'RUN cp deploy/nginx.conf /etc/nginx/sites-enabled/default',
      'CMD service nginx start && exec uwsgi --socket /tmp/uwsgi.sock --wsgi mysite.wsgi:application',
      '',
    ].join('\n'),
    'deploy/nginx.conf': 'server {\n  listen 8080;\n  location / { uwsgi_pass unix:/tmp/uwsgi.sock; }\n}\n',
  });
  assert.match(message, /nginx runs in the same container \(Dockerfile:6\)/);
  assert.match(message, /uwsgi listens only on a unix socket/);
  assert.match(message, /add EXPOSE 8080, the port its configuration listens on \(deploy\/nginx\.conf:2\)/);
  assert.doesNotMatch(message, /uwsgi's port/);
});

test('TF0701 still fires where one listening socket of the server is TCP', async () => {
  const both = await messageOf({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n',
    'uwsgi.ini': '[uwsgi]\nsocket=/run/app.sock\nhttp=:8001\nmodule=mysite.wsgi:application\n',
    'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: uwsgi --ini uwsgi.ini\n',
  });
  assert.match(both, /no EXPOSE/);
  const tcp = await messageOf({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n',
    'uwsgi.ini': '[uwsgi]\nsocket=127.0.0.1:3031\nmodule=mysite.wsgi:application\n',
    'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: uwsgi --ini uwsgi.ini\n',
  });
  assert.match(tcp, /no EXPOSE/);
});

test('TF0701 does not guess port 8000 for a server no start command names', async () => {
  const message = await messageOf({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nVOLUME ["/var/run/gunicorn"]\n',
    'docker-compose.yml': 'services:\n  django:\n    build: .\n',
  });
  assert.doesNotMatch(message, /Add EXPOSE with the port the server binds, e\.g\. EXPOSE 8000\./);
  assert.match(message, /No start command \(CMD, or compose command\) names the server/);
  assert.match(message, /listens only on a unix socket binds no port, so have it listen on a TCP port/);
});

test('TF0701: a child FROM the base image this repository builds inherits its EXPOSE: silent', async () => {
  const found = (await analyzeFiles(repositoryBaseFiles())).findings.filter((f) => f.ruleId === 'TF0701');
  assert.deepEqual(
    found.map((f) => f.file),
    [],
  );
  for (const f of found) assert.doesNotMatch(f.message, /declares no port|No start command/);
});

test('TF0701 takes the port from the uwsgi ini file the start script loads', async () => {
  const message = await messageOf({
    Dockerfile:
      'FROM python:3.12-slim\nCOPY start /start-service\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/start-service"]\n',
    start: '#!/bin/sh\nexec uwsgi --ini /app/uwsgi.ini\n',
    'uwsgi.ini': '[uwsgi]\nmodule = mysite.wsgi:application\nhttp = :8000\n',
  });
  assert.doesNotMatch(message, /No start command/);
  assert.doesNotMatch(message, /port is not known/);
  assert.match(
    message,
    /Add EXPOSE 8000, the port the server binds: uwsgi binds port 8000 \(http = :8000, uwsgi\.ini:3/,
  );
});

test('TF0701: a server command handed to sh as the name of its script is named, and why it never starts', async () => {
  const message = await messageOf({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n',
    'entrypoint.sh': '#!/bin/sh\nset -e\ncmd="$*"\nexec sh $cmd\n',
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    command: gunicorn mysite.wsgi --bind 0.0.0.0:9000\n',
  });
  assert.doesNotMatch(message, /No start command/);
  assert.match(
    message,
    /entrypoint\.sh:4 runs `sh gunicorn mysite\.wsgi --bind 0\.0\.0\.0:9000`: sh takes 'gunicorn' for the name of a shell script to read, not a program to run, so gunicorn never starts/,
  );
  assert.match(message, /e\.g\. EXPOSE 9000\.$/);
});
