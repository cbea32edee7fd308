import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Overlay } from '../../src/discover/index.js';
import { readText } from '../../src/fix/files.js';
import { runFixes } from '../../src/fix/run.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { bindsLoopback } from '../../src/rules/TF0702-binds-loopback.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { appRuleCases, df, ENTRY } from '../support/rule-cases.js';

appRuleCases(bindsLoopback, [
  [
    'runserver without address',
    { dockerfile: df('FROM python:3.12', 'CMD ["python", "manage.py", "runserver"]') },
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
    'runserver with a port only',
    { dockerfile: df('FROM python:3.12', 'CMD python manage.py runserver 8000') },
    ['Dockerfile:2'],
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
  [
    'a reverse proxy started before it in the same script reaches the loopback bind',
    {
      dockerfile: df('FROM python:3.12', 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      scripts: [{ ...ENTRY, text: '#!/bin/sh\nnginx && exec gunicorn --bind 127.0.0.1:8001 a.wsgi\n' }],
    },
    [],
  ],
  [
    'service nginx start and caddy run count as the proxy',
    {
      dockerfile: df('FROM python:3.12', 'CMD service nginx start; exec gunicorn -b 127.0.0.1:8001 a.wsgi'),
      service: { command: 'sh -c "caddy run & exec uvicorn a.asgi:application"' },
    },
    [],
  ],
  [
    'nginx -t only tests its configuration: no proxy runs',
    { dockerfile: df('FROM python:3.12', 'CMD nginx -t && exec gunicorn -b 127.0.0.1:8001 a.wsgi') },
    ['Dockerfile:2'],
  ],
  [
    "a proxy in the image's command does not cover compose's command, which runs without it",
    {
      dockerfile: df('FROM python:3.12', 'CMD nginx && exec gunicorn -b 127.0.0.1:8001 a.wsgi'),
      service: { command: 'gunicorn -b 127.0.0.1:8001 a.wsgi' },
    },
    ['compose.yaml:5'],
  ],
]);

const SUPERVISED = (app: string) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  Dockerfile:
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY deploy/app.conf /etc/supervisor/conf.d/app.conf\nEXPOSE 80\nCMD ["supervisord", "-n"]\n',
  'deploy/app.conf': `[supervisord]\nnodaemon=true\n\n${app}\n[program:app]\ncommand=gunicorn a.wsgi -b 127.0.0.1:8001\n`,
});

test('TF0702 and TF0704: gunicorn on loopback behind a supervisord nginx program is not reported', async () => {
  const result = await analyzeFiles(
    SUPERVISED('[program:nginx]\ncommand=/usr/sbin/nginx -g "daemon off;"\n'),
  );
  assert.deepEqual(findingsOf(result, 'TF0702'), []);
  assert.deepEqual(findingsOf(result, 'TF0704'), []);
  assert.deepEqual(findingsOf(result, 'TF0803'), [['Dockerfile', 6]]);
});

test('TF0702 and TF0704: without the proxy program, the same supervisord configuration is reported', async () => {
  const result = await analyzeFiles(SUPERVISED('[program:worker]\ncommand=celery -A a worker\n'));
  assert.deepEqual(findingsOf(result, 'TF0702'), [['deploy/app.conf', 8]]);
  assert.deepEqual(findingsOf(result, 'TF0704'), [['Dockerfile', 5]]);
});

test('runserver_plus: named as written, and the fix adds the address after runserver_plus, not inside it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tfr-tf0702-'));
  try {
    mkdirSync(join(root, 'mysite'));
    writeFileSync(
      join(root, 'manage.py'),
      "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    );
    writeFileSync(join(root, 'mysite', 'settings.py'), 'DEBUG = False\n');
    writeFileSync(
      join(root, 'Dockerfile'),
      'FROM python:3.12\nCOPY . /app\nCMD ["python", "manage.py", "runserver_plus"]\n',
    );
    const ports = {
      analyze: (overlay: Overlay) => analyzeStatic(root, DEFAULT_CONFIG, {}, overlay),
      read: (file: string) => readText(root, file),
      debug: () => {},
    };
    const found = (await analyzeStatic(root, DEFAULT_CONFIG)).findings.filter((f) => f.ruleId === 'TF0702');
    assert.equal(found.length, 1);
    assert.match(
      found[0].message,
      /^runserver_plus listens on 127\.0\.0\.1:8000 only.*manage\.py runserver_plus 0\.0\.0\.0:8000\.$/,
    );
    const result = await runFixes(ports, { rules: [bindsLoopback] });
    assert.equal(
      result.changes.get('Dockerfile')?.after.split('\n')[2],
      'CMD ["python", "manage.py", "runserver_plus", "0.0.0.0:8000"]',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// gunicorn replaces its default 127.0.0.1:8000 by 0.0.0.0:$PORT where PORT is set (Heroku): ENV PORT keeps that working.
test('gunicorn with no bind: the message says PORT would change it, and the fix sets ENV PORT=8000', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tfr-tf0702-'));
  try {
    writeFileSync(join(root, 'manage.py'), '');
    writeFileSync(
      join(root, 'Dockerfile'),
      'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    );
    const ports = {
      analyze: (overlay: Overlay) => analyzeStatic(root, DEFAULT_CONFIG, {}, overlay),
      read: (file: string) => readText(root, file),
      debug: () => {},
    };
    const found = (await analyzeStatic(root, DEFAULT_CONFIG)).findings.filter((f) => f.ruleId === 'TF0702');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /no --bind and Dockerfile's ENV does not set PORT.*Set ENV PORT=8000/);
    const result = await runFixes(ports, { rules: [bindsLoopback] });
    assert.deepEqual(result.changes.get('Dockerfile')?.after.split('\n').slice(2, 4), [
      'ENV PORT=8000',
      'CMD ["gunicorn", "mysite.wsgi"]',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('gunicorn with no bind: the message names the image and the compose service that leave PORT unset', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tfr-tf0702-'));
  try {
    writeFileSync(join(root, 'manage.py'), '');
    writeFileSync(
      join(root, 'Dockerfile'),
      'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    );
    // Another Dockerfile of the repository sets PORT: not the one this service builds.
    writeFileSync(join(root, 'Dockerfile-alpine'), 'FROM python:3.12-alpine\nENV PORT=8000\nCOPY . /app\n');
    writeFileSync(join(root, 'docker-compose.yml'), 'services:\n  web:\n    build: .\n');
    const found = (await analyzeStatic(root, DEFAULT_CONFIG)).findings.filter((f) => f.ruleId === 'TF0702');
    assert.equal(found.length, 1);
    assert.match(
      found[0].message,
      /no --bind and neither Dockerfile's ENV nor compose service 'web' sets PORT, so/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
