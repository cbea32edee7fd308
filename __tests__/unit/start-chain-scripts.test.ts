import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";

/** The course-homework layout: an `exec $cmd` entrypoint, CMD and compose `command: /start.sh`, a Makefile. */
function wrapperLayout(start: string, makefile: string): Record<string, string> {
  return {
    'manage.py': MANAGE,
    'mysite/settings.py': 'DEBUG = False\n',
    Dockerfile: [
      'FROM python:3.12',
      'WORKDIR /wd',
      'COPY --chmod=755 ./docker/app/start.sh /start.sh',
      'COPY --chmod=755 ./docker/app/entrypoint.sh /entrypoint.sh',
      'COPY ./manage.py manage.py',
      'COPY ./Makefile Makefile',
      'ENTRYPOINT ["/entrypoint.sh"]',
      'CMD ["/start.sh"]',
      '',
    ].join('\n'),
    'docker/app/entrypoint.sh': '#!/usr/bin/env bash\ncmd="$@"\nset -o errexit\nexec $cmd\n',
    'docker/app/start.sh': start,
    Makefile: makefile,
    'docker-compose.yml': 'services:\n  app:\n    build: .\n    command: /start.sh\n',
  };
}

const START = '#!/usr/bin/env bash\nset -o errexit\nmake migrate\npython manage.py runserver 0.0.0.0:8000\n';
const MAKEFILE = '.PHONY: migrate\nmigrate:\n\t@python manage.py migrate\n';

test('an `exec $cmd` entrypoint (cmd="$@") runs the start script: TF0801 and TF0901 on the same line', async () => {
  const result = await analyzeFiles(wrapperLayout(START, MAKEFILE));
  assert.deepEqual(findingsOf(result, 'TF0801'), [['docker/app/start.sh', 4]]);
  assert.deepEqual(findingsOf(result, 'TF0901'), [['docker/app/start.sh', 4]]);
});

test('`make migrate` in a start script: TF1202 on the make line, naming the recipe', async () => {
  const result = await analyzeFiles(wrapperLayout(START, MAKEFILE));
  assert.deepEqual(findingsOf(result, 'TF1202'), [['docker/app/start.sh', 3]]);
  const message = result.findings.find((f) => f.ruleId === 'TF1202')!.message;
  assert.match(message, /through the Makefile recipe at Makefile:3/);
});

test('`make run` whose recipe is `$(PYTHON) manage.py runserver`: TF0801 on the make line', async () => {
  const makefile =
    'PYTHON ?= python3\nMANAGE = $(PYTHON) manage.py\nrun: migrate\n\t$(MANAGE) runserver 0.0.0.0:8000\nmigrate:\n\t$(PYTHON) manage.py migrate\n';
  const result = await analyzeFiles(wrapperLayout('#!/bin/sh\nset -e\nexec make run\n', makefile));
  assert.deepEqual(findingsOf(result, 'TF0801'), [['docker/app/start.sh', 3]]);
  assert.deepEqual(findingsOf(result, 'TF1202'), [['docker/app/start.sh', 3]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0801')!.message, /recipe at Makefile:4/);
});

// `./manage.py X` and `django-admin X` are manage.py invocations as much as `python manage.py X`.
for (const manage of ['./manage.py', '/app/manage.py', 'django-admin', 'python -m django']) {
  test(`TF1202 and TF0801 know \`${manage} migrate\` in an entrypoint branch`, async () => {
    const result = await analyzeFiles({
      'manage.py': MANAGE,
      'mysite/settings.py': 'DEBUG = False\n',
      Dockerfile:
        'FROM python:3.12\nCOPY entrypoint.sh /\nCOPY . /app/\nWORKDIR /app\nCMD ["/entrypoint.sh"]\n',
      'docker-compose.yml': 'services:\n  api:\n    build: .\n    env_file: .env\n',
      'entrypoint.sh': [
        '#!/bin/bash',
        'if [ "$ENV" = "production" ]; then',
        `    ${manage} migrate --no-input`,
        '    exec daphne -b 0.0.0.0 -p 8000 api.asgi:application',
        'else',
        `    exec ${manage} runserver 0.0.0.0:8000`,
        'fi',
        '',
      ].join('\n'),
    });
    assert.deepEqual(findingsOf(result, 'TF1202'), [['entrypoint.sh', 3]]);
    assert.deepEqual(findingsOf(result, 'TF0801'), [['entrypoint.sh', 6]]);
  });
}

const START_NO_EXEC =
  '#!/bin/sh\nset -e\npython manage.py collectstatic --noinput\ngunicorn mysite.wsgi --bind 0.0.0.0:8000\n';

function initImage(entrypoint: string, env = ''): Record<string, string> {
  return {
    'manage.py': MANAGE,
    'mysite/settings.py': 'DEBUG = False\n',
    Dockerfile: `FROM python:3.12-alpine\nWORKDIR /app\nCOPY . /app\n${env}ENTRYPOINT ${entrypoint}\nCMD ["/app/start.sh"]\n`,
    'start.sh': START_NO_EXEC,
  };
}

// [entrypoint, image ENV, TF0901 findings]: an init that signals the process group reaches the server.
const INITS: [string, string, [string, number][]][] = [
  ['["/sbin/tini", "-g", "--"]', '', []],
  ['["tini", "-sg", "--"]', '', []],
  ['["/usr/bin/dumb-init", "--"]', '', []],
  ['["tini", "--"]', 'ENV TINI_KILL_PROCESS_GROUP=1\n', []],
  ['["tini", "--"]', '', [['start.sh', 4]]],
  ['["dumb-init", "--single-child", "--"]', '', [['start.sh', 4]]],
];

for (const [entrypoint, env, expected] of INITS) {
  test(`TF0901 for a start script without exec under ENTRYPOINT ${entrypoint}${env ? ` and ${env.trim()}` : ''}`, async () => {
    const result = await analyzeFiles(initImage(entrypoint, env));
    assert.deepEqual(findingsOf(result, 'TF0901'), expected);
    for (const f of result.findings.filter((x) => x.ruleId === 'TF0901')) {
      assert.doesNotMatch(f.message, /stays PID 1/);
      assert.match(f.message, /\(PID 1\) sends SIGTERM to the script's shell only/);
    }
  });
}

test('a compose entrypoint without the init brings TF0901 back', async () => {
  const files = initImage('["/sbin/tini", "-g", "--"]');
  files['docker-compose.yml'] = 'services:\n  web:\n    build: .\n    entrypoint: ["/app/start.sh"]\n';
  const result = await analyzeFiles(files);
  assert.deepEqual(findingsOf(result, 'TF0901'), [['start.sh', 4]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0901')!.message, /the script stays PID 1/);
});

test('TF0901 for `$cmd` run without exec, where cmd="$@": the container command keeps the script as PID 1', async () => {
  const files = wrapperLayout(START, MAKEFILE);
  files['docker/app/entrypoint.sh'] = '#!/usr/bin/env bash\ncmd="$@"\nset -o errexit\n$cmd\n';
  const result = await analyzeFiles(files);
  assert.deepEqual(findingsOf(result, 'TF0901'), [
    ['docker/app/entrypoint.sh', 4],
    ['docker/app/start.sh', 4],
  ]);
  assert.match(
    result.findings.find((f) => f.file === 'docker/app/entrypoint.sh')!.message,
    /Write 'exec \$cmd'\.$/,
  );
});
