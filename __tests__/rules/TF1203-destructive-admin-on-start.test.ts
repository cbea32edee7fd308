import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const app = (dockerfile: string, files: Record<string, string> = {}) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  Dockerfile: dockerfile,
  ...files,
});

test('TF1203 fires on makemigrations in the start command', async () => {
  const result = await analyzeFiles(
    app(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD python manage.py makemigrations && python manage.py migrate && gunicorn mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), [['Dockerfile', 4]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF1203')!.message, /commit them/);
});

test('TF1203 is silent on migrate alone (TF1202) and on makemigrations --check', async () => {
  const result = await analyzeFiles(
    app(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD python manage.py makemigrations --check && python manage.py migrate && gunicorn mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), []);
});

test('TF1203: flush, reset_db and loaddata in the entrypoint script, each at its line', async () => {
  const result = await analyzeFiles(
    app('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n', {
      'entrypoint.sh': [
        '#!/bin/sh',
        'python manage.py flush --noinput', //2
        'python manage.py reset_db --noinput', //3
        'python manage.py loaddata initial.json', //4
        'exec gunicorn mysite.wsgi',
        '',
      ].join('\n'),
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF1203'), [
    ['entrypoint.sh', 2],
    ['entrypoint.sh', 3],
    ['entrypoint.sh', 4],
  ]);
});
