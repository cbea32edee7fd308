import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const app = (files: Record<string, string>) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
  Dockerfile:
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
  ...files,
});

test('TF1304 fires on the Docker socket mounted into the app service, at the volume line', async () => {
  const compose =
    'services:\n  web:\n    build: .\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n';
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  assert.deepEqual(findingsOf(result, 'TF1304'), [['compose.yaml', 5]]);
});

test('TF1304 is silent on other mounts, and on the socket mounted into another service', async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    volumes:',
    '      - media:/app/media',
    '  watchtower:',
    '    image: containrrr/watchtower:1.7.1',
    '    volumes:',
    '      - /var/run/docker.sock:/var/run/docker.sock',
    'volumes:',
    '  media: {}',
    '',
  ].join('\n');
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  assert.deepEqual(findingsOf(result, 'TF1304'), []);
});

test('TF1304: the long volume syntax, /run/docker.sock, and a docker run in the start script', async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    volumes:',
    '      - type: bind',
    '        source: /run/docker.sock',
    '        target: /var/run/docker.sock',
    '',
  ].join('\n');
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  assert.equal(findingsOf(result, 'TF1304').length, 1);
  const script = await analyzeFiles(
    app({
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/start.sh"]\n',
      'start.sh':
        '#!/bin/sh\ndocker run -d -v /var/run/docker.sock:/var/run/docker.sock helper:1\nexec gunicorn mysite.wsgi\n',
    }),
  );
  assert.deepEqual(findingsOf(script, 'TF1304'), [['start.sh', 2]]);
});

const SOCKET_COMPOSE =
  'services:\n  web:\n    build: .\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n';

test('TF1304 on an app that does not use Docker: remove the mount', async () => {
  const result = await analyzeFiles(app({ 'compose.yaml': SOCKET_COMPOSE }));
  const [finding] = result.findings.filter((f) => f.ruleId === 'TF1304');
  assert.match(finding!.message, /Remove the mount; a web app does not need the Docker engine/);
});

test('TF1304 on an app that manages containers on purpose (docker SDK in its code or requirements): kept, with a proxy or a worker instead of removal', async () => {
  const fromCode = await analyzeFiles(
    app({
      'compose.yaml': SOCKET_COMPOSE,
      'panel/tasks.py':
        'import json\nimport docker\n\n\ndef stop(i):\n    docker.from_env().containers.get(i).stop()\n',
    }),
  );
  const [code] = fromCode.findings.filter((f) => f.ruleId === 'TF1304');
  assert.match(
    code!.message,
    /the app drives the Docker engine on purpose \(panel\/tasks\.py:2 imports the Docker SDK\)/,
  );
  assert.match(code!.message, /anyone who gets code running in the app is root on the host/);
  assert.match(code!.message, /socket proxy .*or move the Docker calls to a separate worker/);
  assert.doesNotMatch(code!.message, /does not need|Remove the mount/);
  const fromRequirements = await analyzeFiles(
    app({
      'compose.yaml': SOCKET_COMPOSE,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
      'requirements.txt': 'Django==5.0.6\ndocker==7.1.0\n',
    }),
  );
  const [requirement] = fromRequirements.findings.filter((f) => f.ruleId === 'TF1304');
  assert.match(requirement!.message, /requirements\.txt:2 installs the Docker SDK, docker==7\.1\.0/);
  assert.doesNotMatch(requirement!.message, /does not need/);
});

test('TF1304: the host directory holding the socket (/run, /var/run), not another directory under it', async () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    volumes:',
    '      - /run:/host-run', //5
    '      - /var/run/postgresql:/var/run/postgresql',
    '      - /run/user/1000/app:/srv/app',
  ].join('\n');
  const result = await analyzeFiles(app({ 'compose.yaml': compose }));
  const found = result.findings.filter((f) => f.ruleId === 'TF1304');
  assert.deepEqual(findingsOf(result, 'TF1304'), [['compose.yaml', 5]]);
  assert.match(found[0].message, /mounts the host's \/run, the directory that holds the Docker socket/);
});
