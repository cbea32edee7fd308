import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveCommand, gunicornBind, runserverAddr, serverOf } from '../../src/model/command.js';
import { noPortDeclared } from '../../src/rules/TF0701-no-port-declared.js';
import { bindsLoopback } from '../../src/rules/TF0702-binds-loopback.js';
import { exposeMismatch } from '../../src/rules/TF0704-expose-mismatch.js';
import { devServer } from '../../src/rules/TF0801-dev-server.js';
import { shellFormCommand } from '../../src/rules/TF0901-shell-form-command.js';
import { noHealthcheck } from '../../src/rules/TF0904-no-healthcheck.js';
import { logsToFile } from '../../src/rules/TF1101-logs-to-file.js';
import { adminTaskOnEveryStart } from '../../src/rules/TF1202-admin-task-on-every-start.js';
import { runsAsRoot } from '../../src/rules/TF1301-runs-as-root.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { anchors, projectOf, type AppFixture } from './dockerfile-fixture.js';

type Case = [name: string, fixture: AppFixture, expected: string[]];
const df = (...lines: string[]) => lines.join('\n') + '\n';
const ENTRY = { file: 'docker-entrypoint.sh', imagePath: '/usr/local/bin/docker-entrypoint.sh' };

const TF0701: Case[] = [
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
];

const TF0702: Case[] = [
  [
    'runserver without address',
    { dockerfile: df('FROM python:3.12', 'CMD ["python", "manage.py", "runserver"]') },
    ['Dockerfile:2'],
  ],
  [
    'runserver with a port only',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py runserver 8000') },
    ['Dockerfile:2'],
  ],
  [
    'runserver 0.0.0.0:8000 and 0:8000 are fine',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["python", "manage.py", "runserver", "0:8000"]'),
      service: { command: 'python manage.py runserver 0.0.0.0:8000' },
    },
    [],
  ],
  [
    'gunicorn without --bind listens on 127.0.0.1:8000',
    { dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "mysite.wsgi"]') },
    ['Dockerfile:2'],
  ],
  [
    'gunicorn -b 127.0.0.1 and --bind=localhost',
    {
      dockerfile: df('FROM python:3.12', 'CMD gunicorn -b 127.0.0.1:8000 a.wsgi'),
      service: { command: ['gunicorn', '--bind=localhost:9000', 'a.wsgi'] },
    },
    ['Dockerfile:2', 'compose.yaml:5'],
  ],
  [
    'gunicorn -b 0.0.0.0:$PORT and :8000 are fine',
    {
      dockerfile: df('FROM python:3.12', 'CMD gunicorn -b 0.0.0.0:$PORT a.wsgi'),
      service: { command: 'gunicorn -b :8000 a.wsgi' },
    },
    [],
  ],
  [
    'gunicorn with PORT in the environment binds 0.0.0.0',
    { dockerfile: df('FROM python:3.12', 'ENV PORT=8000', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  [
    'GUNICORN_CMD_ARGS gives the bind',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV GUNICORN_CMD_ARGS="--bind=0.0.0.0:8000 --workers=3"',
        'CMD ["gunicorn", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'a gunicorn config file may set the bind',
    { dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "-c", "conf.py", "a.wsgi"]') },
    [],
  ],
  [
    'gunicorn.conf.py in the context may set the bind',
    { dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'), contextFiles: ['gunicorn.conf.py'] },
    [],
  ],
  [
    'python -m gunicorn and uvicorn defaults',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["python", "-m", "gunicorn", "a.wsgi"]'),
      service: { command: 'uvicorn a.asgi:application' },
    },
    ['Dockerfile:2', 'compose.yaml:5'],
  ],
  [
    'uvicorn --host 0.0.0.0, daphne -b 0.0.0.0, uwsgi --http :8000 are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD uvicorn a.asgi:app --host 0.0.0.0 && daphne -b 0.0.0.0 a.asgi:app && uwsgi --http :8000',
      ),
    },
    [],
  ],
  [
    'daphne without -b, uwsgi --http 127.0.0.1',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD daphne a.asgi:app; uwsgi --http 127.0.0.1:8000 --module a.wsgi',
      ),
    },
    ['Dockerfile:2', 'Dockerfile:2'],
  ],
  [
    'the entrypoint script line',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\npython manage.py migrate\nexec python manage.py runserver\n' }],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'the CMD run by exec "$@" is anchored at CMD',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec "$@"\n' }],
    },
    ['Dockerfile:3'],
  ],
];

const TF0704: Case[] = [
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
];

const TF0801: Case[] = [
  [
    'runserver in CMD',
    { dockerfile: df('FROM python:3.12', 'CMD ["python3", "-u", "manage.py", "runserver", "0.0.0.0:8000"]') },
    ['Dockerfile:2'],
  ],
  [
    'runserver in compose command',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: { command: 'python manage.py runserver 0.0.0.0:8000' },
    },
    ['compose.yaml:5'],
  ],
  [
    'runserver through sh -c and django-admin',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["sh", "-c", "python manage.py migrate && django-admin runserver 0:8000"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'runserver in the entrypoint script',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["sh", "/usr/local/bin/docker-entrypoint.sh"]'),
      scripts: [{ ...ENTRY, text: 'set -e\n\nexec python manage.py runserver 0.0.0.0:8000\n' }],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'the CMD handed to an entrypoint script that is not in the repository',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENTRYPOINT ["/docker-entrypoint.sh"]',
        'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]',
      ),
    },
    ['Dockerfile:3'],
  ],
  [
    'runserver only in a RUN is not the server',
    { dockerfile: df('FROM python:3.12', 'RUN python manage.py check', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
];

const TF0901: Case[] = [
  [
    'shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD gunicorn -b 0.0.0.0:8000 a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'shell-form ENTRYPOINT is reported, not the ignored CMD',
    { dockerfile: df('FROM python:3.12', 'ENTRYPOINT /start.sh', 'CMD gunicorn a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'exec form is fine',
    { dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]') },
    [],
  ],
  [
    'exec-form sh -c without exec',
    { dockerfile: df('FROM python:3.12', 'CMD ["sh", "-c", "python manage.py migrate && gunicorn a.wsgi"]') },
    ['Dockerfile:2'],
  ],
  [
    'exec-form sh -c ending in exec is fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["sh", "-c", "python manage.py migrate && exec gunicorn a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'compose sh -c without exec',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: { command: 'sh -c "python manage.py migrate && gunicorn a.wsgi"' },
    },
    ['compose.yaml:5'],
  ],
  [
    'entrypoint script starting the server without exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [
        { ...ENTRY, text: '#!/bin/sh\npython manage.py migrate\ngunicorn a.wsgi --bind 0.0.0.0:8000\n' },
      ],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'entrypoint script running "$@" without exec',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\n"$@"\n' }],
    },
    ['docker-entrypoint.sh:2'],
  ],
  [
    'entrypoint script with exec "$@" is fine',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nset -e\npython manage.py migrate\nexec "$@"\n' }],
    },
    [],
  ],
  [
    'a shell-form CMD of a builder stage is not judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS b',
        'CMD echo hi',
        'FROM python:3.12',
        'CMD ["gunicorn", "a.wsgi"]',
      ),
    },
    [],
  ],
];

const TF0904: Case[] = [
  ['none anywhere', { dockerfile: df('FROM python:3.12') }, ['Dockerfile:1']],
  ['HEALTHCHECK NONE', { dockerfile: df('FROM python:3.12', 'HEALTHCHECK NONE') }, ['Dockerfile:1']],
  [
    'HEALTHCHECK in the target stage',
    { dockerfile: df('FROM python:3.12', 'HEALTHCHECK CMD curl -f http://localhost:8000/') },
    [],
  ],
  [
    'HEALTHCHECK only in a builder stage',
    { dockerfile: df('FROM python:3.12 AS b', 'HEALTHCHECK CMD true', 'FROM python:3.12') },
    ['Dockerfile:1'],
  ],
  [
    'a compose healthcheck counts',
    {
      dockerfile: df('FROM python:3.12'),
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: false } },
    },
    [],
  ],
  [
    'compose disables the image healthcheck',
    {
      dockerfile: df('FROM python:3.12', 'HEALTHCHECK CMD true'),
      service: { healthcheck: { file: 'compose.yaml', line: 8, disabled: true } },
    },
    ['Dockerfile:1'],
  ],
];

const TF1101: Case[] = [
  [
    'file handlers in LOGGING',
    {
      logHandlers: [
        { className: 'logging.StreamHandler', line: 10 },
        { className: 'logging.handlers.RotatingFileHandler', line: 15 },
        { className: 'logging.FileHandler', line: 20 },
      ],
    },
    ['mysite/settings.py:15', 'mysite/settings.py:20'],
  ],
  [
    'gunicorn log files',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["gunicorn", "--access-logfile", "/var/log/access.log", "--error-logfile=-", "a.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'gunicorn logs to - are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "--log-file=-", "a.wsgi"]',
      ),
    },
    [],
  ],
  [
    'the server output redirected to a file',
    { dockerfile: df('FROM python:3.12', 'CMD gunicorn a.wsgi >> /var/log/app.log 2>&1') },
    ['Dockerfile:2'],
  ],
  [
    'exec > file in the entrypoint script',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec > /app/log.txt 2>&1\nexec gunicorn a.wsgi\n' }],
    },
    ['docker-entrypoint.sh:2'],
  ],
  [
    'redirects of other commands and to /dev/stdout are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD python manage.py check > /tmp/check.txt && exec gunicorn a.wsgi > /dev/stdout 2>&1',
      ),
    },
    [],
  ],
];

const TF1202: Case[] = [
  [
    'migrate && gunicorn in a shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate && gunicorn a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'migrate in the entrypoint script before exec "$@"',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec "$@"\n' }],
    },
    ['docker-entrypoint.sh:3'],
  ],
  [
    'compose sh -c migrate && runserver',
    {
      dockerfile: df('FROM python:3.12', 'CMD ["gunicorn", "a.wsgi"]'),
      service: {
        command: ['sh', '-c', 'python manage.py migrate && python manage.py runserver 0.0.0.0:8000'],
      },
    },
    ['compose.yaml:5'],
  ],
  [
    'a one-off that migrates then collects static files',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD python manage.py migrate && python manage.py collectstatic --noinput',
      ),
    },
    [],
  ],
  [
    'migrate before an exec of another program',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate && exec /app/start-server') },
    ['Dockerfile:2'],
  ],
  [
    'a container that only migrates is a one-off',
    { dockerfile: df('FROM python:3.12', 'CMD ["python", "manage.py", "migrate"]') },
    [],
  ],
  [
    'migrate --check before the server is fine',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py migrate --check && exec gunicorn a.wsgi') },
    [],
  ],
];

const TF1301: Case[] = [
  [
    'no USER: last line of the target stage',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install -r requirements.txt', 'CMD ["gunicorn", "a.wsgi"]'),
    },
    ['Dockerfile:3'],
  ],
  [
    'USER root last',
    { dockerfile: df('FROM python:3.12', 'USER app', 'RUN true', 'USER 0:0') },
    ['Dockerfile:4'],
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
    'the entrypoint drops privileges with gosu',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["gunicorn", "a.wsgi"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nexec gosu app "$@"\n' }],
    },
    [],
  ],
  [
    'the target stage chosen by compose build.target',
    {
      dockerfile: df('FROM python:3.12 AS prod', 'USER app', 'FROM prod AS dev', 'USER root'),
      target: 'prod',
    },
    [],
  ],
];

for (const [rule, cases] of [
  [noPortDeclared, TF0701],
  [bindsLoopback, TF0702],
  [exposeMismatch, TF0704],
  [devServer, TF0801],
  [shellFormCommand, TF0901],
  [noHealthcheck, TF0904],
  [logsToFile, TF1101],
  [adminTaskOnEveryStart, TF1202],
  [runsAsRoot, TF1301],
] as const) {
  for (const [name, fixture, expected] of cases) {
    test(`${rule.id} ${rule.name}: ${name}`, () => {
      assert.deepEqual(anchors(rule, fixture), expected);
    });
  }
}

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
    { host: '127.0.0.1', port: 8000 },
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
