import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const app = (files: Record<string, string>) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  ...files,
});
const withScript = (script: string) =>
  app({
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["sh", "/app/start.sh"]\n',
    'start.sh': script,
  });

test('TF0803 fires on a server started in the background beside a sleep loop', async () => {
  const result = await analyzeFiles(
    withScript('#!/bin/sh\ngunicorn -b 0.0.0.0:8000 mysite.wsgi &\nwhile true; do sleep 60; done\n'),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [['start.sh', 2]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0803')!.message, /gunicorn/);
});

test('TF0803 is silent on one foreground process, and on a backgrounded one-shot', async () => {
  const result = await analyzeFiles(
    withScript(
      '#!/bin/sh\npython manage.py collectstatic --noinput &\nwait\nexec gunicorn -b 0.0.0.0:8000 mysite.wsgi\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), []);
});

test('TF0803: a celery worker and beat beside the server, in a compose command', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    command: >',
        '      sh -c "celery -A mysite worker & celery -A mysite beat & gunicorn -b 0.0.0.0:8000 mysite.wsgi"',
        '',
      ].join('\n'),
    }),
  );
  const found = findingsOf(result, 'TF0803');
  assert.ok(found.length >= 1 && found.every(([file]) => file === 'compose.yaml'), JSON.stringify(found));
  const messages = result.findings
    .filter((f) => f.ruleId === 'TF0803')
    .map((f) => f.message)
    .join('\n');
  assert.match(messages, /celery worker/);
});

test('TF0803: a daemon started with `service nginx start` before the server in the foreground', async () => {
  const result = await analyzeFiles(
    withScript(
      '#!/bin/bash\nservice nginx start\npython manage.py migrate\ngunicorn mysite.wsgi --bind unix:/app/app.sock\n',
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [['start.sh', 2]]);
  assert.match(
    result.findings.find((f) => f.ruleId === 'TF0803')!.message,
    /nginx as a daemon \(service nginx start\)/,
  );
});

test('TF0803 is silent on a daemon that is the only process, and on nginx told `daemon off;`', async () => {
  for (const script of [
    '#!/bin/sh\nservice nginx start\ntail -f /var/log/nginx/access.log\n',
    "#!/bin/sh\nnginx -t\nexec nginx -g 'daemon off;'\n",
  ]) {
    const result = await analyzeFiles(withScript(script));
    assert.deepEqual(findingsOf(result, 'TF0803'), [], script);
  }
});

test('TF0803: celery worker --detach, celery beat -D and gunicorn --daemon before the foreground server', async () => {
  const result = await analyzeFiles(
    withScript(
      [
        '#!/bin/sh',
        'celery -A mysite worker --loglevel=info --detach',
        'celery -A mysite beat -D',
        'gunicorn --daemon -b 127.0.0.1:9000 mysite.wsgi',
        'exec gunicorn -b 0.0.0.0:8000 mysite.wsgi',
        '',
      ].join('\n'),
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), [
    ['start.sh', 2],
    ['start.sh', 3],
    ['start.sh', 4],
  ]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0803')!.message, /celery worker as a daemon/);
});

test('TF0803 is silent on a detached worker when nothing stays in the foreground beside it', async () => {
  const result = await analyzeFiles(
    app({
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["celery", "-A", "mysite", "worker", "--detach"]\n',
    }),
  );
  assert.deepEqual(findingsOf(result, 'TF0803'), []);
});
