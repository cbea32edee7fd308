// The runtime model the runtime rules read (the effective command, the server's listen address), and those rules
// together through the real pipeline. Each rule's own cases are in __tests__/rules/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveCommand, gunicornBind, runserverAddr, serverOf } from '../../src/model/command.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { projectOf, type AppFixture } from '../support/app-fixture.js';
import { df } from '../support/rule-cases.js';

test('the effective command follows docker semantics for compose overrides', () => {
  const base = df('FROM python:3.12', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]');
  const argv = (f: AppFixture) =>
    effectiveCommand(projectOf(f).apps[0]).map((c) => `${c.file}:${c.line} ${c.argv.join(' ')}`);
  assert.deepEqual(argv({ dockerfile: base }), [
    'Dockerfile:3 /entrypoint.sh gunicorn a.wsgi',
    'Dockerfile:3 gunicorn a.wsgi', // what an unread entrypoint script hands on with exec "$@"
  ]);
  assert.deepEqual(argv({ dockerfile: base, service: { command: ['python', 'manage.py', 'runserver'] } }), [
    'compose.yaml:5 /entrypoint.sh python manage.py runserver',
    'compose.yaml:5 python manage.py runserver',
  ]);
  // a compose entrypoint drops the image CMD
  assert.deepEqual(argv({ dockerfile: base, service: { entrypoint: ['uvicorn', 'a.asgi:app'] } }), [
    'compose.yaml:4 uvicorn a.asgi:app',
  ]);
  // shell-form ENTRYPOINT ignores CMD
  assert.deepEqual(
    argv({ dockerfile: df('FROM python:3.12', 'ENTRYPOINT exec gunicorn a.wsgi', 'CMD ["ignored"]') }),
    ['Dockerfile:2 gunicorn a.wsgi'],
  );
});

test('listen addresses of the common servers', () => {
  assert.deepEqual(runserverAddr(['python', 'manage.py', 'runserver']), { host: '127.0.0.1', port: 8000 });
  assert.deepEqual(runserverAddr(['./manage.py', 'runserver', '[::]:9000']), { host: '::', port: 9000 });
  assert.deepEqual(runserverAddr(['django-admin', 'runserver', '0.0.0.0:$PORT'], { PORT: '7000' }), {
    host: '0.0.0.0',
    port: 7000,
  });
  assert.deepEqual(gunicornBind(['gunicorn', '-b', '0.0.0.0:8000', '--bind', 'unix:/tmp/s', 'a.wsgi']), [
    { host: '0.0.0.0', port: 8000 },
  ]);
  assert.deepEqual(gunicornBind(['poetry', 'run', 'gunicorn', 'a.wsgi']), [
    { host: '127.0.0.1', port: 8000, untilPortSet: true },
  ]);
  assert.deepEqual(serverOf(['uvicorn', 'a:app', '--port', '9000'])?.addresses, [
    { host: '127.0.0.1', port: 9000 },
  ]);
  assert.deepEqual(serverOf(['uwsgi', '--http', ':8080'])?.addresses, [{ host: '0.0.0.0', port: 8080 }]);
  assert.equal(serverOf(['celery', '-A', 'proj', 'worker']), undefined);
});

test('through the real pipeline: target stage, compose override and entrypoint script', async () => {
  const result = await analyzeFiles({
    'manage.py': 'import os\n',
    'requirements.txt': 'django==5.0.1\n',
    'docker-entrypoint.sh': '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec "$@"\n',
    Dockerfile: [
      'FROM python:3.12 AS build',
      'RUN pip wheel --wheel-dir /wheels django==5.0.1',
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY --from=build /wheels /wheels',
      'COPY . .',
      'RUN useradd app',
      'USER app',
      'EXPOSE 8000',
      'ENTRYPOINT ["/app/docker-entrypoint.sh"]',
      'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
      '',
    ].join('\n'),
    'compose.yaml':
      'services:\n  web:\n    build: .\n    command: python manage.py runserver\n    ports:\n      - "8000:8000"\n',
  });
  assert.deepEqual(findingsOf(result, 'TF1301'), []);
  assert.deepEqual(findingsOf(result, 'TF0701'), []);
  assert.deepEqual(findingsOf(result, 'TF0801'), [['compose.yaml', 4]]);
  assert.deepEqual(findingsOf(result, 'TF0702'), [['compose.yaml', 4]]);
  assert.deepEqual(findingsOf(result, 'TF1202'), [['docker-entrypoint.sh', 3]]);
  assert.deepEqual(findingsOf(result, 'TF0901'), []);
  assert.deepEqual(findingsOf(result, 'TF0904'), [['Dockerfile', 1]]);
});

// Docker expands no variable in an exec-form CMD: the server gets `$PORT` as written, whatever ENV sets.
test('an exec-form command binds its variable as written; a shell-form one binds its value', () => {
  const env = { PORT: '8000' };
  assert.deepEqual(
    serverOf(['gunicorn', '-b', '0.0.0.0:$PORT', 'a.wsgi'], env, { unexpanded: true })?.addresses,
    [{ host: '0.0.0.0', unexpanded: '0.0.0.0:$PORT' }],
  );
  assert.deepEqual(serverOf(['uvicorn', 'a:app', '--port', '$PORT'], env, { unexpanded: true })?.addresses, [
    { host: '127.0.0.1', unexpanded: '$PORT' },
  ]);
  const starts = (cmd: string) =>
    effectiveCommand(projectOf({ dockerfile: df('FROM python:3.12', 'ENV PORT=8000', cmd) }).apps[0]).map(
      (c) => serverOf(c.argv, env, { unexpanded: c.unexpanded })?.addresses,
    );
  assert.deepEqual(starts('CMD ["gunicorn", "-b", "0.0.0.0:$PORT", "a.wsgi"]'), [
    [{ host: '0.0.0.0', unexpanded: '0.0.0.0:$PORT' }],
  ]);
  assert.deepEqual(starts('CMD gunicorn -b 0.0.0.0:$PORT a.wsgi'), [[{ host: '0.0.0.0', port: 8000 }]]);
  assert.deepEqual(starts('CMD ["sh", "-c", "exec gunicorn -b 0.0.0.0:$PORT a.wsgi"]'), [
    undefined,
    [{ host: '0.0.0.0', port: 8000 }],
  ]);
});
