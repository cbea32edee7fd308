import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { cleanDjango } from '../support/clean-django.js';

const DJANGO = cleanDjango({ expose: true });
const ROOT = ['services:', '  web:', '    build: .', '    ports: ["8000:8000"]', ''].join('\n');

const composeSets = async (files: Record<string, string>) =>
  (await analyzeFiles({ ...DJANGO, ...files })).project.apps
    .map((a) => a.compose?.files.join(' + '))
    .filter(Boolean)
    .sort();

test('a subdirectory file that repeats the root services with context .. is layered on the root file', async () => {
  const prod = [
    'services:',
    '  web:',
    '    build:',
    '      context: ..',
    '    command: gunicorn --bind 0.0.0.0:8000 --workers 3 mysite.wsgi',
    '',
  ].join('\n');
  assert.deepEqual(
    await composeSets({ 'docker-compose.yml': ROOT, 'deploy/docker-compose.prod.yml': prod }),
    ['docker-compose.yml', 'docker-compose.yml + deploy/docker-compose.prod.yml'],
  );
});

test('its build context and binds resolve from its own directory when the root reading names nothing', async () => {
  const override = [
    'services:', //1
    '  web:', //2
    '    build:', //3
    '      context: ..', //4
    '    volumes:', //5
    '      - ..:/app', //6
    '',
  ].join('\n');
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': ROOT,
    'docker/docker-compose.override.yml': override,
  });
  const layered = result.project.apps.find((a) => a.compose?.files.length === 2);
  assert.equal(layered?.compose?.appService?.build?.context, '.');
  const bind = layered?.compose?.appService?.volumes[0];
  assert.deepEqual([bind?.source, bind?.file, bind?.line], ['.', 'docker/docker-compose.override.yml', 6]);
  // A source mount in a development override is where TF0503 asks it to be.
  assert.deepEqual(findingsOf(result, 'TF0503'), []);
  assert.deepEqual(findingsOf(result, 'TF0001'), []);
});

test('a subdirectory compose file with services of its own, or its own Dockerfile, stays its own project', async () => {
  const own = [
    'services:',
    '  docs:',
    '    build:',
    '      context: ..',
    '      dockerfile: docs/Dockerfile',
    '',
  ].join('\n');
  assert.deepEqual(
    await composeSets({
      'docker-compose.yml': ROOT,
      'docs/Dockerfile': 'FROM python:3.12-slim\n',
      'docs/docker-compose.yml': own,
    }),
    ['docker-compose.yml', 'docs/docker-compose.yml'],
  );
});

test('a template in a subdirectory whose build: . finds a Dockerfile only from the root builds the root app', async () => {
  const result = await analyzeFiles({ ...DJANGO, 'deploy/docker-compose.yml': ROOT });
  assert.deepEqual(findingsOf(result, 'TF0001'), []);
  const app = result.project.apps.find((a) => a.compose);
  assert.equal(app?.dockerfile?.file, 'Dockerfile');
  assert.equal(app?.compose?.appService?.build?.context, '.');
});

test('a subdirectory compose file whose build: . finds its own Dockerfile keeps it', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'deploy/Dockerfile': DJANGO.Dockerfile,
    'deploy/docker-compose.yml': ROOT,
  });
  const app = result.project.apps.find((a) => a.compose);
  assert.equal(app?.compose?.appService?.build?.context, 'deploy');
});

test('a subdirectory override that only sets a command of a root service is layered on the root file', async () => {
  const override = ['services:', '  web:', '    command: python manage.py runserver 0.0.0.0:8000', ''].join(
    '\n',
  );
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': ROOT,
    'docker/docker-compose.override.yml': override,
  });
  assert.deepEqual(result.project.apps.map((a) => a.compose?.files.join(' + ')).sort(), [
    'docker-compose.yml',
    'docker-compose.yml + docker/docker-compose.override.yml',
  ]);
  assert.deepEqual(findingsOf(result, 'TF0801'), [['docker/docker-compose.override.yml', 3]]);
});
