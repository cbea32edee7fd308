import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseImageUnpinned } from '../../src/rules/TF0201-base-image-unpinned.js';
import { pythonDepsUnpinned } from '../../src/rules/TF0202-python-deps-unpinned.js';
import { noDependencyManifest } from '../../src/rules/TF0203-no-dependency-manifest.js';
import { depsInstalledAtStart } from '../../src/rules/TF0204-deps-installed-at-start.js';
import { secretInDockerfile } from '../../src/rules/TF0306-secret-in-dockerfile.js';
import { adminTaskAtBuild } from '../../src/rules/TF0501-admin-task-at-build.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { anchors, messages, type AppFixture } from './dockerfile-fixture.js';

type Case = [name: string, fixture: AppFixture, expected: string[]];
const df = (...lines: string[]) => lines.join('\n') + '\n';

const TF0201: Case[] = [
  ['no tag fires', { dockerfile: df('FROM python') }, ['Dockerfile:1']],
  [':latest fires', { dockerfile: df('FROM python:3.12 AS b', 'FROM python:latest') }, ['Dockerfile:2']],
  [
    'a builder stage is judged too',
    { dockerfile: df('FROM node AS assets', 'FROM python:3.12-slim') },
    ['Dockerfile:1'],
  ],
  ['a tag from an ARG default is pinned', { dockerfile: df('ARG PY=3.12', 'FROM python:${PY}-slim') }, []],
  [
    'an ARG resolving to latest fires',
    { dockerfile: df('ARG TAG=latest', 'FROM python:$TAG') },
    ['Dockerfile:2'],
  ],
  [
    'build args override the default',
    { dockerfile: df('ARG TAG=3.12', 'FROM python:$TAG'), buildArgs: { TAG: 'latest' } },
    ['Dockerfile:2'],
  ],
  ['an unresolved variable is silent', { dockerfile: df('FROM python:$UNSET', 'FROM $BASE') }, []],
  ['a digest without tag is pinned', { dockerfile: df('FROM python@sha256:0123') }, []],
  ['latest with a digest is pinned', { dockerfile: df('FROM python:latest@sha256:0123') }, []],
  [
    'stage references and scratch are silent',
    { dockerfile: df('FROM python:3.12 AS base', 'FROM base', 'FROM scratch') },
    [],
  ],
  ['a registry port is not a tag', { dockerfile: df('FROM registry:5000/py') }, ['Dockerfile:1']],
];

const TF0202: Case[] = [
  [
    'pip install NAME fires',
    { dockerfile: df('FROM python:3.12', 'RUN pip install django gunicorn==23.0.0') },
    ['Dockerfile:2'],
  ],
  [
    'ranges are not exact pins',
    { dockerfile: df('FROM python:3.12', 'RUN pip3 install "django>=4,<5"') },
    ['Dockerfile:2'],
  ],
  [
    'wildcard == is not exact',
    { dockerfile: df('FROM python:3.12', 'RUN python -m pip install django==5.*') },
    ['Dockerfile:2'],
  ],
  [
    'exact pins, extras and === are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install --no-cache-dir django==5.0.1 "celery[redis]==5.3.6" x===1.0',
      ),
    },
    [],
  ],
  [
    'a version from a variable after == is a pin',
    { dockerfile: df('FROM python:3.12', 'ARG V=5.0', 'RUN pip install "django==$V"') },
    [],
  ],
  [
    'requirements files, local paths and wheels are not names',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install -r requirements.txt && pip install . && pip install -e . && pip install ./dist/app-1.0-py3-none-any.whl /src/pkg',
      ),
    },
    [],
  ],
  [
    'option values are not packages',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install --index-url https://pypi.example/simple --target /deps django==5.0',
      ),
    },
    [],
  ],
  [
    'upgrading pip, setuptools and wheel is tooling: a notice',
    { dockerfile: df('FROM python:3.12', 'RUN pip install --upgrade pip setuptools wheel') },
    ['Dockerfile:2!notice'],
  ],
  [
    'a pinned installer upgrade is fine',
    { dockerfile: df('FROM python:3.12', 'RUN pip install pip==24.3.1') },
    [],
  ],
  [
    'a constraints file pins names',
    { dockerfile: df('FROM python:3.12', 'RUN pip install -c constraints.txt django') },
    [],
  ],
  [
    'URLs and VCS are not by name',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install git+https://github.com/x/y@abc "pkg @ https://x/pkg.zip"',
      ),
    },
    [],
  ],
  ['unknown $PACKAGES stays silent', { dockerfile: df('FROM python:3.12', 'RUN pip install $PACKAGES') }, []],
  [
    'pipx and apt are not pip',
    { dockerfile: df('FROM python:3.12', 'RUN pipx install poetry==1.8.5 && apt-get install -y gcc') },
    [],
  ],
  [
    'the line is the pip command inside a continued RUN',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN apt-get update && \\',
        '    # comment',
        '    pip install \\',
        '      django',
      ),
    },
    ['Dockerfile:4'],
  ],
  [
    'heredoc RUN lines are absolute',
    { dockerfile: df('FROM python:3.12', 'RUN <<EOF', 'set -e', 'pip install requests', 'EOF') },
    ['Dockerfile:4'],
  ],
  [
    'stages outside the target build are not judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS tools',
        'RUN pip install black',
        'FROM python:3.12 AS app',
        'RUN pip install django==5.0',
      ),
      target: 'app',
    },
    [],
  ],
  [
    'a stage the target copies from is judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS build',
        'RUN pip install django',
        'FROM python:3.12-slim',
        'COPY --from=build /usr/local /usr/local',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'unpinned requirement lines fire at their line',
    {
      requirements: [
        {
          file: 'requirements.txt',
          lines: [
            { line: 1, text: 'django==5.0.1', name: 'django', pinned: true, kind: 'package' },
            { line: 2, text: 'gunicorn>=21', name: 'gunicorn', pinned: false, kind: 'package' },
            { line: 3, text: '-r base.txt', pinned: false, kind: 'include' },
            { line: 4, text: '-e .', pinned: false, kind: 'editable' },
          ],
        },
      ],
    },
    ['requirements.txt:2'],
  ],
];

const TF0203: Case[] = [
  [
    'packages by name and no manifest',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install django==5.0'),
      contextFiles: ['Dockerfile', 'manage.py'],
    },
    ['Dockerfile:2'],
  ],
  [
    'a requirements file exists',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install django==5.0'),
      contextFiles: ['Dockerfile', 'requirements/prod.txt'],
    },
    [],
  ],
  [
    'pyproject.toml exists',
    { dockerfile: df('FROM python:3.12', 'RUN pip install .'), contextFiles: ['pyproject.toml'] },
    [],
  ],
  [
    'installing from a file only',
    { dockerfile: df('FROM python:3.12', 'RUN pip install -r reqs.in'), contextFiles: ['Dockerfile'] },
    [],
  ],
  ['no context known: silent', { dockerfile: df('FROM python:3.12', 'RUN pip install django') }, []],
];

const TF0204: Case[] = [
  [
    'pip install in a shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD pip install -r requirements.txt && gunicorn app.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    'apt-get install in an exec-form sh -c',
    {
      dockerfile: df(
        'FROM python:3.12',
        'CMD ["sh", "-c", "apt-get install -y libpq5 && exec gunicorn app.wsgi"]',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'apk add in a compose command',
    {
      dockerfile: df('FROM python:3.12-alpine', 'CMD ["gunicorn", "app.wsgi"]'),
      service: { command: 'sh -c "apk add curl && gunicorn app.wsgi"' },
    },
    ['compose.yaml:5'],
  ],
  [
    'pip install in the entrypoint script',
    {
      dockerfile: df(
        'FROM python:3.12',
        'COPY entrypoint.sh /entrypoint.sh',
        'ENTRYPOINT ["/entrypoint.sh"]',
        'CMD ["gunicorn", "app.wsgi"]',
      ),
      scripts: [
        {
          file: 'entrypoint.sh',
          imagePath: '/entrypoint.sh',
          text: '#!/bin/sh\nset -e\npip install -r requirements.txt\nexec "$@"\n',
        },
      ],
    },
    ['entrypoint.sh:3'],
  ],
  [
    'poetry install and uv sync at start',
    { dockerfile: df('FROM python:3.12', 'CMD poetry install && uv sync && exec gunicorn a.wsgi') },
    ['Dockerfile:2', 'Dockerfile:2'],
  ],
  [
    'installing in RUN is fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install -r requirements.txt',
        'CMD ["gunicorn", "app.wsgi"]',
      ),
    },
    [],
  ],
];

const TF0306: Case[] = [
  [
    'literal ENV secret is an error at its line',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV DEBUG=0 \\',
        '    DJANGO_SECRET_KEY=abc123 \\',
        '    DB_PASSWORD="hunter2"',
      ),
    },
    ['Dockerfile:3', 'Dockerfile:4'],
  ],
  ['legacy ENV form', { dockerfile: df('FROM python:3.12', 'ENV API_TOKEN abcdef') }, ['Dockerfile:2']],
  [
    '*_PASS, *_PWD and *PASSWD* are secret-looking names',
    { dockerfile: df('FROM python:3.12', 'ENV DB_PASS=x1 MYSQL_PWD=x2 ROOT_PASSWD=x3 PWD_HINT=no') },
    ['Dockerfile:2', 'Dockerfile:2', 'Dockerfile:2'],
  ],
  [
    'ENV from a variable is not literal; the ARG is a warning',
    { dockerfile: df('FROM python:3.12', 'ARG SECRET_KEY', 'ENV SECRET_KEY=$SECRET_KEY') },
    ['Dockerfile:2!warning'],
  ],
  [
    'ARG with a default is a warning too',
    { dockerfile: df('ARG GITHUB_TOKEN=ghp_x', 'FROM python:3.12') },
    ['Dockerfile:1!warning'],
  ],
  [
    'empty values and non-secret names are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV SECRET_KEY= PYTHONDONTWRITEBYTECODE=1 DJANGO_SETTINGS_MODULE=mysite.settings',
      ),
    },
    [],
  ],
  [
    'paths to secrets, ids and public keys are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'ENV SECRET_KEY_FILE=/run/secrets/key AWS_ACCESS_KEY_ID=AKIA1 GPG_KEY=A035C8C PUBLIC_KEY=x',
      ),
    },
    [],
  ],
  [
    'a builder stage outside the image lineage is not judged',
    {
      dockerfile: df(
        'FROM python:3.12 AS build',
        'ENV PIP_TOKEN=x',
        'FROM python:3.12-slim',
        'COPY --from=build /x /x',
      ),
    },
    [],
  ],
  [
    'a parent stage passes its ENV on',
    { dockerfile: df('FROM python:3.12 AS base', 'ENV DB_PASSWORD=django', 'FROM base') },
    ['Dockerfile:2'],
  ],
];

const TF0501: Case[] = [
  [
    'migrate in RUN',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN python manage.py collectstatic --noinput && python manage.py migrate',
      ),
    },
    ['Dockerfile:2'],
  ],
  [
    'createsuperuser, loaddata and flush',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN ./manage.py createsuperuser --noinput',
        'RUN django-admin loaddata x.json',
        'RUN ["python", "manage.py", "flush", "--noinput"]',
      ),
    },
    ['Dockerfile:2', 'Dockerfile:3', 'Dockerfile:4'],
  ],
  [
    'heredoc RUN',
    { dockerfile: df('FROM python:3.12', 'RUN <<EOF', 'python manage.py migrate', 'EOF') },
    ['Dockerfile:3'],
  ],
  [
    'collectstatic and migrate --check are fine',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN python manage.py collectstatic --noinput && python manage.py migrate --check',
      ),
    },
    [],
  ],
  [
    'migrate in CMD is not a build-time task',
    { dockerfile: df('FROM python:3.12', 'CMD ["python", "manage.py", "migrate"]') },
    [],
  ],
];

for (const [rule, cases] of [
  [baseImageUnpinned, TF0201],
  [pythonDepsUnpinned, TF0202],
  [noDependencyManifest, TF0203],
  [depsInstalledAtStart, TF0204],
  [secretInDockerfile, TF0306],
  [adminTaskAtBuild, TF0501],
] as const) {
  for (const [name, fixture, expected] of cases) {
    test(`${rule.id} ${rule.name}: ${name}`, () => {
      assert.deepEqual(anchors(rule, fixture), expected);
    });
  }
}

test('messages name what was found and never print a secret value', () => {
  const [secret] = messages(secretInDockerfile, {
    dockerfile: df('FROM python:3.12', 'ENV DB_PASSWORD=hunter2'),
  });
  assert.match(secret, /DB_PASSWORD/);
  assert.doesNotMatch(secret, /hunter2/);
  assert.match(messages(baseImageUnpinned, { dockerfile: df('FROM python:latest') })[0], /python:latest/);
  assert.match(
    messages(pythonDepsUnpinned, { dockerfile: df('FROM python:3.12', 'RUN pip install django') })[0],
    /'django'/,
  );
});

test('through the real pipeline: pinned ARG tag, heredoc pip install and a requirements line', async () => {
  const result = await analyzeFiles({
    'manage.py': 'import django\n',
    'requirements.txt': 'django==5.0.1\ngunicorn\n',
    Dockerfile: df(
      'ARG PY=3.12',
      'FROM python:${PY}-slim',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN pip install -r requirements.txt',
      'RUN <<EOF',
      'pip install whitenoise',
      'EOF',
      'COPY . .',
      'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]',
    ),
  });
  assert.deepEqual(findingsOf(result, 'TF0201'), []);
  assert.deepEqual(findingsOf(result, 'TF0202'), [
    ['Dockerfile', 7],
    ['requirements.txt', 2],
  ]);
});
