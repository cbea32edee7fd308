import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";

async function appOf(files: Record<string, string>) {
  const { project } = await analyzeFiles({ 'manage.py': MANAGE, ...files });
  return project.apps[0];
}

// [name, files, requirement files the image installs]
const REQUIREMENTS: [string, Record<string, string>, string[]][] = [
  [
    'COPY of the file then pip install -r',
    {
      Dockerfile:
        'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'requirements.txt': 'django==4.2\n',
    },
    ['requirements.txt'],
  ],
  [
    'absolute path, renamed on COPY, pip3 and --requirement=',
    {
      Dockerfile:
        'FROM python:3.12\nCOPY reqs/prod.txt /tmp/r.txt\nRUN pip3 install --no-cache-dir --requirement=/tmp/r.txt\n',
      'reqs/prod.txt': 'django==4.2\n',
    },
    ['reqs/prod.txt'],
  ],
  [
    'a directory copied, python -m pip, includes followed',
    {
      Dockerfile:
        'FROM python:3.12\nWORKDIR /src\nCOPY requirements/ ./requirements/\nRUN python -m pip install -r requirements/prod.txt\n',
      'requirements/prod.txt': '-r base.txt\ngunicorn==21.2.0\n',
      'requirements/base.txt': 'django==4.2\n',
      'requirements/dev.txt': 'pytest\n',
    },
    ['requirements/prod.txt', 'requirements/base.txt'],
  ],
  [
    'requirements of a builder stage reach the image through COPY --from',
    {
      Dockerfile:
        'FROM python:3.12 AS build\nWORKDIR /w\nCOPY requirements.txt .\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install /wheels/*\n',
      'requirements.txt': 'django==4.2\n',
    },
    ['requirements.txt'],
  ],
  [
    'a stage that is not built does not count',
    {
      Dockerfile:
        'FROM python:3.12 AS test\nCOPY requirements-dev.txt .\nRUN pip install -r requirements-dev.txt\nFROM python:3.12 AS prod\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'requirements.txt': 'django==4.2\n',
      'requirements-dev.txt': 'pytest\n',
    },
    ['requirements.txt'],
  ],
  [
    'COPY . then install, with a glob COPY too',
    {
      Dockerfile:
        'FROM python:3.12\nWORKDIR /app\nCOPY requirements*.txt ./\nRUN pip install -r requirements-prod.txt\n',
      'requirements-prod.txt': 'django==4.2\n',
    },
    ['requirements-prod.txt'],
  ],
  [
    'a requirements file left out by .dockerignore never reaches the image',
    {
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n',
      'requirements.txt': 'django==4.2\n',
      '.dockerignore': '*.txt\n',
    },
    [],
  ],
  [
    'no pip install -r: none',
    { Dockerfile: 'FROM python:3.12\nCOPY . .\nRUN pip install django==4.2\n', 'requirements.txt': 'x\n' },
    [],
  ],
];

for (const [name, files, expected] of REQUIREMENTS) {
  test(`requirements: ${name}`, async () => {
    const app = await appOf(files);
    assert.deepEqual(
      app.requirements.map((r) => r.file),
      expected,
    );
  });
}

// [name, files, entrypoint script files, image path]
const SCRIPTS: [string, Record<string, string>, string[]][] = [
  [
    'ENTRYPOINT exec form with an absolute path',
    {
      Dockerfile:
        'FROM python:3.12\nCOPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'docker/entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
    },
    ['docker/entrypoint.sh'],
  ],
  [
    'CMD running a script relative to WORKDIR through sh',
    {
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["sh", "./start.sh"]\n',
      'start.sh': '#!/bin/sh\npython manage.py migrate\nexec gunicorn mysite.wsgi\n',
    },
    ['start.sh'],
  ],
  [
    'a bare name found on PATH',
    {
      Dockerfile: 'FROM python:3.12\nCOPY run-app /usr/local/bin/\nCMD ["run-app"]\n',
      'run-app': '#!/bin/sh\nexec gunicorn mysite.wsgi\n',
    },
    ['run-app'],
  ],
  [
    'the compose command overrides CMD',
    {
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'scripts/web.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    command: ["bash", "scripts/web.sh"]\n',
    },
    ['scripts/web.sh'],
  ],
  [
    'a source naming a build argument without a value: the one file its pattern matches',
    {
      Dockerfile:
        'FROM python:3.12\nARG APP_ENV\nADD entrypoint-${APP_ENV}.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      'entrypoint-production.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi\n',
    },
    ['entrypoint-production.sh'],
  ],
  [
    'a build argument without a value and several files matching: which one is unknown',
    {
      Dockerfile:
        'FROM python:3.12\nARG APP_ENV\nCOPY entrypoint-${APP_ENV}.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      'entrypoint-dev.sh': '#!/bin/sh\nexec python manage.py runserver\n',
      'entrypoint-prod.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi\n',
    },
    [],
  ],
  [
    'several files matching: the ARG default chooses',
    {
      Dockerfile:
        'FROM python:3.12\nARG APP_ENV=prod\nCOPY entrypoint-${APP_ENV}.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      'entrypoint-dev.sh': '#!/bin/sh\nexec python manage.py runserver\n',
      'entrypoint-prod.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi\n',
    },
    ['entrypoint-prod.sh'],
  ],
  [
    'several files matching: compose build.args chooses',
    {
      Dockerfile:
        'FROM python:3.12\nARG APP_ENV\nCOPY entrypoint-${APP_ENV}.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      'entrypoint-dev.sh': '#!/bin/sh\nexec python manage.py runserver\n',
      'entrypoint-prod.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      args:\n        APP_ENV: dev\n',
    },
    ['entrypoint-dev.sh'],
  ],
  [
    'converted to Unix line endings in place, or into a new file: still the repository script',
    {
      Dockerfile: [
        'FROM python:3.12\nWORKDIR /app\nCOPY . .',
        'RUN dos2unix start.sh && sed -i "s/\\r$//" start.sh',
        'RUN dos2unix -n start.sh /start.sh',
        `RUN tr -d '\\r' < web.sh > /usr/local/bin/web.sh`,
        'ENTRYPOINT ["/start.sh"]\nCMD ["bash", "/usr/local/bin/web.sh"]\n',
      ].join('\n'),
      'start.sh': '#!/bin/sh\npython manage.py migrate\nexec "$@"\n',
      'web.sh': '#!/bin/sh\nexec gunicorn mysite.wsgi\n',
    },
    ['start.sh', 'web.sh'],
  ],
  [
    'a filter that joins several files, or reads an unknown one, is not traced',
    {
      Dockerfile: [
        'FROM python:3.12\nWORKDIR /app\nCOPY . .',
        'RUN cat head.sh start.sh > /start.sh && sed -e "s/\\r$//" "$SRC" > /web.sh',
        'ENTRYPOINT ["/start.sh"]\nCMD ["sh", "/web.sh"]\n',
      ].join('\n'),
      'head.sh': '#!/bin/sh\nset -e\n',
      'start.sh': 'exec "$@"\n',
    },
    [],
  ],
  [
    'gunicorn and python are not scripts',
    {
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD python manage.py runserver\n',
      'entrypoint.sh': 'exec "$@"\n',
    },
    [],
  ],
];

for (const [name, files, expected] of SCRIPTS) {
  test(`entrypoint scripts: ${name}`, async () => {
    const app = await appOf(files);
    assert.deepEqual(
      app.entrypointScripts.map((s) => s.file),
      expected,
    );
    for (const s of app.entrypointScripts) assert.ok(s.script.commands.length > 0, 'the script is parsed');
  });
}

// [name, Dockerfile, where manage.py's directory lands]
const SOURCE_DIRS: [string, string, Record<string, string>, string | undefined][] = [
  ['COPY . /app', 'FROM python:3.12\nCOPY . /app\n', {}, '/app'],
  ['WORKDIR then COPY . .', 'FROM python:3.12\nWORKDIR /srv/app\nCOPY . .\n', {}, '/srv/app'],
  ['COPY of the manage.py file alone', 'FROM python:3.12\nWORKDIR /code\nCOPY manage.py ./\n', {}, '/code'],
  [
    'through a builder stage',
    'FROM python:3.12 AS b\nWORKDIR /build\nCOPY . .\nFROM python:3.12-slim\nCOPY --from=b /build /opt/app\n',
    {},
    '/opt/app',
  ],
  ['not copied', 'FROM python:3.12\nCOPY requirements.txt /tmp/\n', { 'requirements.txt': '' }, undefined],
];

for (const [name, dockerfile, extra, expected] of SOURCE_DIRS) {
  test(`imageSourceDir: ${name}`, async () => {
    const app = await appOf({ Dockerfile: dockerfile, ...extra });
    assert.equal(app.imageSourceDir, expected);
  });
}

test('imageSourceDir when the project lives in a subdirectory of the context', async () => {
  const { project } = await analyzeFiles({
    Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY src/ .\n',
    'src/manage.py': MANAGE,
  });
  assert.equal(project.apps[0].dir, 'src');
  assert.equal(project.apps[0].imageSourceDir, '/app');
});

test('build context: .dockerignore semantics, <Dockerfile>.dockerignore first, skipped directories recorded', async () => {
  const { project } = await analyzeFiles({
    'manage.py': MANAGE,
    'web.Dockerfile': 'FROM python:3.12\nCOPY . /app\n',
    'web.Dockerfile.dockerignore': '.git\n*.sqlite3\n',
    '.dockerignore': '*\n',
    'db.sqlite3': 'x',
    '.git/HEAD': 'ref',
    'mysite/__pycache__/a.pyc': 'x',
  });
  const ctx = project.apps[0].context!;
  assert.equal(ctx.dockerignore?.file, 'web.Dockerfile.dockerignore');
  assert.deepEqual(ctx.sentFiles, [
    '.dockerignore',
    'manage.py',
    'web.Dockerfile',
    'web.Dockerfile.dockerignore',
  ]);
  assert.deepEqual(ctx.skippedDirs, ['.git', 'mysite/__pycache__']);
  assert.deepEqual(ctx.sentSkippedDirs, ['mysite/__pycache__']);
});
