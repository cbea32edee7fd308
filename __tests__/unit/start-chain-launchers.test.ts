import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchedCommand, programArgv, serverOf } from '../../src/model/command.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";
const SETTINGS = 'DEBUG = False\n';
const WAIT_FOR_IT = '#!/usr/bin/env bash\nWAITFORIT_CLI=("$@")\nexec "${WAITFORIT_CLI[@]}"\n';

// [launcher argv, the command it runs]
const LAUNCHERS: [string[], string[] | undefined][] = [
  [
    ['./wait-for-it.sh', 'db:5432', '--', 'gunicorn', 'a.wsgi'],
    ['gunicorn', 'a.wsgi'],
  ],
  [
    ['wait-for-it', 'db:5432', '-t', '30', '--', 'python', 'x.py'],
    ['python', 'x.py'],
  ],
  [['/wait-for', 'db:5432', '--', './start.sh'], ['./start.sh']],
  [['wait-for-it.sh', 'db:5432'], undefined],
  [
    ['dockerize', '-wait', 'tcp://db:5432', '-timeout', '20s', 'gunicorn', 'a.wsgi'],
    ['gunicorn', 'a.wsgi'],
  ],
  [['gosu', 'app', '/start.sh'], ['/start.sh']],
  [['su-exec', 'app:app', 'gunicorn'], ['gunicorn']],
  // pid1: every option takes a value (-e NAME=VALUE, -u USER, -g GROUP, -w DIR, -t SECONDS)
  [
    ['/sbin/pid1', '-u', 'web', '-g', 'web', '-t', '5', 'gunicorn', '-b', '0.0.0.0:8000'],
    ['gunicorn', '-b', '0.0.0.0:8000'],
  ],
  [
    ['pid1', '--user=web', '--', 'python', 'x.py'],
    ['python', 'x.py'],
  ],
  [['pid1', '-u', 'web'], undefined],
  [
    ['su', '-m', 'myuser', '-c', 'python manage.py migrate'],
    ['sh', '-c', 'python manage.py migrate'],
  ],
  [
    ['su', 'myuser', '--command=./start.sh'],
    ['sh', '-c', './start.sh'],
  ],
  [['su', '-', 'myuser'], undefined],
  [['gunicorn', 'a.wsgi'], undefined],
];

for (const [argv, expected] of LAUNCHERS) {
  test(`launchedCommand: ${argv.join(' ')}`, () => {
    assert.deepEqual(launchedCommand(argv), expected);
  });
}

test('programArgv peels the launchers launchedCommand knows: the server is found through each of them', () => {
  const cases: [string[], string[]][] = [
    [
      ['./wait-for-it.sh', 'db:5432', '--', 'gunicorn', 'a.wsgi'],
      ['gunicorn', 'a.wsgi'],
    ],
    [
      ['dockerize', '-wait', 'tcp://db:5432', '-timeout', '20s', 'uvicorn', 'a.asgi:app'],
      ['uvicorn', 'a.asgi:app'],
    ],
    [
      ['gosu', 'app', 'python', 'manage.py', 'runserver'],
      ['manage.py', 'runserver'],
    ],
    [
      ['wait-for-it', 'db:5432', '--', 'su-exec', 'app', '/usr/local/bin/gunicorn', 'a.wsgi'],
      ['gunicorn', 'a.wsgi'],
    ],
    // su runs its script in a shell of its own: a shell, not the program it starts
    [
      ['su', 'app', '-c', 'gunicorn a.wsgi'],
      ['sh', '-c', 'gunicorn a.wsgi'],
    ],
  ];
  for (const [argv, expected] of cases) assert.deepEqual(programArgv(argv), expected, argv.join(' '));
  assert.equal(serverOf(['wait-for', 'db:5432', '--', 'daphne', 'a.asgi:application'])?.kind, 'daphne');
});

test('a start through wait-for-it or gosu is judged once, at its line, and the gosu drop is named by TF1301', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'scripts/wait-for-it.sh': WAIT_FOR_IT,
    Dockerfile: [
      'FROM python:3.12',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["./scripts/wait-for-it.sh", "db:5432", "--", "gosu", "app", "python", "manage.py", "runserver", "0.0.0.0:8000"]',
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0801'), [['Dockerfile', 4]]);
  // No USER in the stage: reported whatever the start command drops to (RULES.md TF1301), with the drop named.
  assert.deepEqual(findingsOf(result, 'TF1301'), [['Dockerfile', 4]]);
  assert.match(
    result.findings.find((f) => f.ruleId === 'TF1301')!.message,
    /Dockerfile:4 drops to app with gosu/,
  );
});

test('`wait-for-it.sh db:5432 -- sh -c "… runserver"` as CMD: TF0801 and TF0901 judge the command after --', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'scripts/wait-for-it.sh': WAIT_FOR_IT,
    Dockerfile: [
      'FROM python:3.12',
      'WORKDIR /app',
      'COPY . .',
      'CMD ["./scripts/wait-for-it.sh", "db:5432", "--", "sh", "-c", "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"]',
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0801'), [['Dockerfile', 4]]);
  assert.deepEqual(findingsOf(result, 'TF0901'), [['Dockerfile', 4]]);
  assert.deepEqual(findingsOf(result, 'TF1202'), [['Dockerfile', 4]]);
});

test('a compose `wait-for-it db:5432 -- python manage.py runserver` and `dockerize … CMD`: TF0801', async () => {
  for (const command of [
    'wait-for-it db:5432 -- python manage.py runserver 0.0.0.0:8000',
    'dockerize -wait tcp://db:5432 -timeout 30s python manage.py runserver 0.0.0.0:8000',
  ]) {
    const result = await analyzeFiles({
      'manage.py': MANAGE,
      'mysite/settings.py': SETTINGS,
      Dockerfile:
        'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi", "-b", "0.0.0.0:8000"]\n',
      'docker-compose.yml': `services:\n  web:\n    build: .\n    command: ${command}\n`,
    });
    assert.deepEqual(findingsOf(result, 'TF0801'), [['docker-compose.yml', 4]], command);
  }
});

test('`su -m myuser -c "python manage.py …"` in a start script: the inner commands are judged', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'run_web.sh': [
      '#!/bin/sh',
      'su -m myuser -c "python manage.py migrate"',
      'su -m myuser -c "python manage.py runserver 0.0.0.0:8000"',
      '',
    ].join('\n'),
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["./run_web.sh"]\n',
  });
  assert.deepEqual(findingsOf(result, 'TF1202'), [['run_web.sh', 2]]);
  assert.deepEqual(findingsOf(result, 'TF0801'), [['run_web.sh', 3]]);
  assert.deepEqual(findingsOf(result, 'TF0901'), [['run_web.sh', 3]]);
});

test('`exec gosu app /start.sh` in an entrypoint: the start script is followed', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'docker/entrypoint.sh': '#!/bin/sh\nset -e\nexec gosu app /start.sh\n',
    'docker/start.sh': '#!/bin/sh\npython manage.py migrate\nexec python manage.py runserver 0.0.0.0:8000\n',
    Dockerfile: [
      'FROM python:3.12',
      'WORKDIR /app',
      'COPY . .',
      'COPY docker/entrypoint.sh /entrypoint.sh',
      'COPY docker/start.sh /start.sh',
      'ENTRYPOINT ["/entrypoint.sh"]',
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF1202'), [['docker/start.sh', 2]]);
  assert.deepEqual(findingsOf(result, 'TF0801'), [['docker/start.sh', 3]]);
});

test('an extension-less start script copied under another name (`COPY ./compose/django/start /start-django`) is followed', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'compose/django/entrypoint': '#!/bin/sh\nset -e\nexec "$@"\n',
    'compose/django/start': '#!/bin/bash\nset -o errexit\n\nexec python manage.py runserver 0.0.0.0:8000',
    'compose/django/Dockerfile': [
      'FROM python:3.12',
      'WORKDIR /app',
      'COPY ./compose/django/entrypoint /entrypoint',
      'COPY --chmod=755 ./compose/django/start /start-django',
      'COPY . .',
      'ENTRYPOINT ["/entrypoint"]',
      '',
    ].join('\n'),
    'local.yml': [
      'services:',
      '  django:',
      '    build:',
      '      context: .',
      '      dockerfile: ./compose/django/Dockerfile',
      '    command: /start-django',
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0801'), [['compose/django/start', 4]]);
});

test('`cd /web/configs` then `./migrate.sh` in a start script: the script is found in the directory cd moved to', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'configs/entrypoint.sh':
      '#!/bin/sh\nset -e\ncd /web/configs\n./migrate.sh\ncd /web\nexec gunicorn mysite.wsgi -b :8000\n',
    'configs/migrate.sh': '#!/bin/sh\ncd /web\npython manage.py migrate --noinput\n',
    Dockerfile: 'FROM python:3.12\nWORKDIR /web\nCOPY . .\nCMD ["sh", "configs/entrypoint.sh"]\n',
  });
  assert.deepEqual(findingsOf(result, 'TF1202'), [['configs/migrate.sh', 3]]);
});
