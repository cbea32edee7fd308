import assert from 'node:assert/strict';
import { test } from 'node:test';
import { depsInstalledAtStart } from '../../src/rules/TF0204-deps-installed-at-start.js';
import { appRuleCases, df } from '../support/rule-cases.js';
import { analyzeFiles } from '../support/analyze.js';

appRuleCases(depsInstalledAtStart, [
  [
    'pip install in a shell-form CMD',
    { dockerfile: df('FROM python:3.12', 'CMD pip install -r requirements.txt && gunicorn app.wsgi') },
    ['Dockerfile:2'],
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
    'test -n "$DEBUG" && pip install …, DEBUG set nowhere: never runs',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["/entrypoint.sh"]'),
      scripts: [
        {
          file: 'entrypoint.sh',
          imagePath: '/entrypoint.sh',
          text: '#!/bin/sh\ntest -n "$DEBUG" && pip install -r requirements-dev.txt\nexec gunicorn a.wsgi\n',
        },
      ],
    },
    [],
  ],
  [
    'test -n "$DEBUG" && pip install …, DEBUG set in the image',
    {
      dockerfile: df('FROM python:3.12', 'ENV DEBUG=1', 'ENTRYPOINT ["/entrypoint.sh"]'),
      scripts: [
        {
          file: 'entrypoint.sh',
          imagePath: '/entrypoint.sh',
          text: '#!/bin/sh\ntest -n "$DEBUG" && pip install -r requirements-dev.txt\nexec gunicorn a.wsgi\n',
        },
      ],
    },
    ['entrypoint.sh:2'],
  ],
]);

const UV_DOCKERFILE = df(
  'FROM python:3.12-slim',
  'WORKDIR /app',
  'COPY pyproject.toml uv.lock ./',
  'RUN uv sync --frozen',
  'COPY . .',
  'CMD ["uv", "run", "gunicorn", "mysite.wsgi"]',
);

test('TF0204: uv sync at start while a bind mount hides the .venv the image built names the mount, not a RUN to add', async () => {
  const compose = (volume: string) =>
    `services:\n  web:\n    build: .\n    command: sh -c "uv sync && exec uv run gunicorn mysite.wsgi"\n    volumes:\n      - ${volume}\n`;
  const files = {
    'manage.py': '',
    'pyproject.toml': '[project]\nname = "x"\n',
    'uv.lock': '',
    Dockerfile: UV_DOCKERFILE,
  };
  const hidden = await analyzeFiles({ ...files, 'docker-compose.yml': compose('.:/app') });
  const message = hidden.findings.find((f) => f.ruleId === 'TF0204')?.message ?? '';
  assert.match(
    message,
    /the bind mount '\.:\/app' \(docker-compose\.yml:6\) hides \/app\/\.venv, the environment the image's RUN uv sync \(Dockerfile:4\) built/,
  );
  assert.match(message, /UV_PROJECT_ENVIRONMENT=\/opt\/venv/);
  assert.doesNotMatch(message, /Move the installation into a RUN/);
  // A mount beside the environment hides nothing: the start's uv sync only repeats the build's.
  const beside = await analyzeFiles({ ...files, 'docker-compose.yml': compose('./media:/app/media') });
  assert.match(
    beside.findings.find((f) => f.ruleId === 'TF0204')?.message ?? '',
    /although the image's RUN uv sync \(Dockerfile:4\) already installs the dependencies at build time\. Drop uv sync/,
  );
});

test('TF0204: moving the environment out of the mount also changes the commands that call it by path, and copies it out of the builder stage', async () => {
  const files = {
    'manage.py': '',
    'pyproject.toml': '[project]\nname = "x"\n',
    'uv.lock': '',
    Dockerfile: [
      'FROM python:3.12-slim AS builder',
      'COPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/uv',
      'WORKDIR /app',
      'COPY . .',
      'RUN uv sync --frozen --no-dev',
      'FROM python:3.12-slim AS runtime',
      'WORKDIR /app',
      'COPY --from=builder /app /app',
      'CMD ["/app/.venv/bin/gunicorn", "mysite.wsgi"]',
      '',
    ].join('\n'),
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    command: sh -c "uv sync && /app/.venv/bin/python manage.py migrate && exec /app/.venv/bin/gunicorn mysite.wsgi"\n    volumes:\n      - .:/app\n',
  };
  const message = (await analyzeFiles(files)).findings.find((f) => f.ruleId === 'TF0204')?.message ?? '';
  assert.match(message, /UV_PROJECT_ENVIRONMENT=\/opt\/venv before that RUN/);
  assert.match(
    message,
    /that RUN is in stage 'builder', so also copy the environment into the final stage 'runtime' \(COPY --from=builder \/opt\/venv \/opt\/venv\) and set ENV PATH="\/opt\/venv\/bin:\$PATH" there/,
  );
  assert.match(
    message,
    /change \/app\/\.venv\/bin\/python \(docker-compose\.yml:4\) to python \(on PATH\) or \/opt\/venv\/bin\/python; \/app\/\.venv\/bin\/gunicorn \(docker-compose\.yml:4, Dockerfile:9\) to gunicorn \(on PATH\) or \/opt\/venv\/bin\/gunicorn, or it fails to start once \/app\/\.venv is gone/,
  );
});

test("TF0204: a start that installs with the other distribution's package manager fails, and the advice is the image's own", async () => {
  const message = async (files: Record<string, string>) =>
    (await analyzeFiles({ 'manage.py': '', ...files })).findings.find((f) => f.ruleId === 'TF0204')
      ?.message ?? '';
  // apk on a Debian base, in a compose command.
  const onDebian = await message({
    Dockerfile: df('FROM python:3.12-slim', 'CMD ["gunicorn", "a.wsgi"]'),
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    command: sh -c "apk add --no-cache curl && exec gunicorn a.wsgi"\n',
  });
  assert.match(
    onDebian,
    /built on python:3\.12-slim, a Debian image that has no apk: the line fails at start \("apk: not found"\) and installs nothing\. .*RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf \/var\/lib\/apt\/lists\/\*/,
  );
  // An unknown base whose RUNs use apk is Alpine; apt-get's options and their values are no packages.
  const byRuns = await message({
    Dockerfile: df(
      'FROM example/base:1',
      'RUN apk add --no-cache libpq',
      'CMD apt-get install -y -o Dpkg::Use-Pty=0 gettext && exec gunicorn a.wsgi',
    ),
  });
  assert.match(
    byRuns,
    /built on example\/base:1, an Alpine image that has no apt-get: .*RUN apk add --no-cache gettext \(/,
  );
  // A compose service of its own Alpine image, no Dockerfile.
  const ownImage = await message({
    'docker-compose.yml':
      'services:\n  web:\n    image: python:3.12-alpine\n    command: sh -c "apt-get install -y gcc && python manage.py runserver"\n    volumes:\n      - .:/app\n',
  });
  assert.match(ownImage, /built on python:3\.12-alpine, an Alpine image that has no apt-get/);
  // Alpine installing with apk, and a base of unknown distribution: the plain advice.
  for (const dockerfile of [
    df('FROM python:3.12-alpine', 'CMD apk add curl && exec gunicorn a.wsgi'),
    df('FROM example/base:1', 'CMD apt-get install -y curl && exec gunicorn a.wsgi'),
  ])
    assert.match(
      await message({ Dockerfile: dockerfile }),
      /Move the installation into a RUN of the Dockerfile/,
    );
});
