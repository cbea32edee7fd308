import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { cleanDjango } from '../support/clean-django.js';

const DJANGO = cleanDjango({ packages: ['celery==5.4.0'], expose: true });

const compose = (...second: string[]) =>
  [
    'services:', //1
    '  web:', //2
    '    build: .', //3
    '    ports: ["8000:8000"]', //4
    ...second, //5…
    '',
  ].join('\n');

test('a second Django service of the app image has its command judged at its own line, naming it', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': compose(
      '  admin:', //5
      '    build: .', //6
      '    command: sh -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"', //7
    ),
  });
  for (const rule of ['TF0801', 'TF0901', 'TF1202'])
    assert.deepEqual(findingsOf(result, rule), [['docker-compose.yml', 7]], rule);
  for (const f of result.findings.filter((f) => ['TF0801', 'TF0901', 'TF1202'].includes(f.ruleId)))
    assert.match(f.message, /service 'admin'/i);
});

test('a service that names the app image and runs the development server is judged too', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': compose(
      '    image: mysite:dev', //5
      '  web2:', //6
      '    image: mysite:dev', //7
      '    command: python manage.py runserver 0.0.0.0:8001', //8
    ),
  });
  assert.deepEqual(findingsOf(result, 'TF0801'), [['docker-compose.yml', 8]]);
  assert.deepEqual(findingsOf(result, 'TF0901'), []);
});

test('a worker of the app image in sh -c, or a one-off migrate service, is no server: no TF0901 or TF1202', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': compose(
      '  worker:', //5
      '    build: .', //6
      '    command: sh -c "celery -A mysite worker"', //7
      '  migrate:', //8
      '    build: .', //9
      '    command: sh -c "python manage.py migrate && python manage.py collectstatic --noinput"', //10
    ),
  });
  for (const rule of ['TF0801', 'TF0901', 'TF1202']) assert.deepEqual(findingsOf(result, rule), [], rule);
});

test('a service of another image that bind-mounts the project and runs manage.py is judged as well', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': compose(
      '  dev:', //5
      '    image: python:3.12-slim', //6
      '    working_dir: /app', //7
      '    volumes: [".:/app"]', //8
      '    command: sh -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8001"', //9
      '  frontend:', //10
      '    image: node:22', //11
      '    volumes: [".:/app"]', //12
      '    command: sh -c "npm ci && npm run dev"', //13
    ),
  });
  for (const rule of ['TF0801', 'TF0901', 'TF1202'])
    assert.deepEqual(findingsOf(result, rule), [['docker-compose.yml', 9]], rule);
});
