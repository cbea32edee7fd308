import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { cleanDjango } from '../support/clean-django.js';

const COMPOSE_RULES = ['TF0205', 'TF0307', 'TF0401', 'TF0402', 'TF0503', 'TF0603', 'TF0605', 'TF0802'];

const DJANGO = cleanDjango();

test('a typical development compose file: each compose rule fires once, at the line users expect', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    '.env': 'TAG=latest\nDB_PASSWORD=devpass\n',
    'docker-compose.yml': [
      'services:', //1
      '  web:', //2
      '    build: .', //3
      '    container_name: mysite_web', //4
      '    environment:', //5
      '      SECRET_KEY: django-insecure-xyz', //6
      '      DB_PASSWORD: ${DB_PASSWORD}', //7
      '      DB_HOST: localhost', //8
      '    volumes:', //9
      '      - .:/app', //10
      '      - code:/app', //11
      '    depends_on: [db]', //12
      '    ports: ["${PORT:-8000}:8000"]', //13
      '  db:', //14
      '    image: postgres', //15
      '  cache:', //16
      '    image: redis:${TAG}', //17
      'volumes:', //18
      '  code:', //19
      '',
    ].join('\n'),
  });
  const f = 'docker-compose.yml';
  assert.deepEqual(findingsOf(result, 'TF0205'), [
    [f, 15],
    [f, 17],
  ]);
  assert.deepEqual(findingsOf(result, 'TF0307'), [[f, 6]]);
  assert.deepEqual(findingsOf(result, 'TF0401'), [[f, 8]]);
  assert.deepEqual(findingsOf(result, 'TF0402'), [[f, 12]]);
  assert.deepEqual(findingsOf(result, 'TF0503'), [[f, 10]]);
  assert.deepEqual(findingsOf(result, 'TF0603'), [[f, 15]]);
  assert.deepEqual(findingsOf(result, 'TF0605'), [[f, 11]]);
  assert.deepEqual(findingsOf(result, 'TF0802'), [[f, 4]]);
  for (const finding of result.findings) assert.doesNotMatch(finding.message, /django-insecure-xyz|devpass/);
});

test('a production-ready compose file is silent for every compose rule', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'compose.yaml': [
      'x-env: &env',
      '  DB_HOST: db',
      '  DB_PASSWORD: ${DB_PASSWORD:?set it in .env}',
      '  REDIS_URL: redis://cache:6379/0',
      'services:',
      '  web:',
      '    build: .',
      '    image: ${REGISTRY:-ghcr.io/acme}/mysite:${TAG:-dev}',
      '    environment: *env',
      '    env_file: .env',
      '    ports:',
      '      - "${PORT:-8000}:8000"',
      '    volumes:',
      '      - media:/app/media',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '  db:',
      '    image: postgres:16-alpine',
      '    environment:',
      '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
      '    secrets: [db_password]',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
      '    volumes:',
      '      - pgdata:/var/lib/postgresql/data',
      '  cache:',
      '    image: redis:7.2@sha256:0123456789abcdef',
      'volumes:',
      '  pgdata:',
      '  media:',
      'secrets:',
      '  db_password:',
      '    environment: DB_PASSWORD',
      '',
    ].join('\n'),
  });
  const compose = result.findings.filter((x) => COMPOSE_RULES.includes(x.ruleId));
  assert.deepEqual(
    compose.map((x) => `${x.ruleId} ${x.file}:${x.line} ${x.message}`),
    [],
  );
  assert.equal(result.project.apps[0]?.compose?.appService?.name, 'web');
});

test('a development override is judged with its own file and lines', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'compose.yaml':
      'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n    volumes: [pgdata:/var/lib/postgresql/data]\nvolumes:\n  pgdata:\n',
    'compose.override.yaml':
      'services:\n  web:\n    volumes:\n      - ./:/app\n    container_name: dev_web\n',
  });
  // The source mount sits where TF0503 asks it to be: the development override.
  assert.deepEqual(findingsOf(result, 'TF0503'), []);
  assert.deepEqual(findingsOf(result, 'TF0802'), [['compose.override.yaml', 5]]);
  assert.deepEqual(findingsOf(result, 'TF0603'), []);
});

test('broken compose files give TF0001 with a line and the other files are still judged', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'compose.yaml':
      'services:\n  db:\n    image: postgres:latest\n  web:\n    build: .\n    ports: "8000:8000"\n',
    'compose.override.yaml': 'services:\n  web:\n    ports: [\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0205'), [['compose.yaml', 3]]);
  const errors = findingsOf(result, 'TF0001').filter(([file]) => file.startsWith('compose'));
  assert.deepEqual(
    errors.map(([file, line]) => [file, typeof line]),
    [
      ['compose.override.yaml', 'number'],
      ['compose.yaml', 'number'],
    ],
  );
});

test('TF0401 in settings: literal hosts fire at their line, environment reads with a localhost fallback do not', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'mysite/settings.py': [
      'import os', //1
      "SECRET_KEY = os.environ['SECRET_KEY']", //2
      'DATABASES = {', //3
      "    'default': {", //4
      "        'ENGINE': 'django.db.backends.postgresql',", //5
      "        'HOST': 'localhost',", //6
      '    }', //7
      '}', //8
      'CACHES = {', //9
      "    'default': {", //10
      "        'BACKEND': 'django.core.cache.backends.redis.RedisCache',", //11
      "        'LOCATION': 'redis://127.0.0.1:6379/1',", //12
      '    },', //13
      "    'local': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache', 'LOCATION': 'unique-snowflake'},", //14
      '}', //15
      "CELERY_BROKER_URL = 'amqp://guest:guest@10.1.2.3:5672//'", //16
      "CELERY_RESULT_BACKEND = os.environ.get('CELERY_RESULT_BACKEND', 'redis://localhost:6379/0')", //17
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0401'), [
    ['mysite/settings.py', 6],
    ['mysite/settings.py', 12],
    ['mysite/settings.py', 16],
  ]);
  const broker = result.findings.find((f) => f.ruleId === 'TF0401' && f.line === 16);
  assert.match(broker!.message, /literal IP address 10\.1\.2\.3/);
  assert.doesNotMatch(broker!.message, /guest/);

  const fromEnv = await analyzeFiles({
    ...DJANGO,
    'mysite/settings.py': [
      'import os',
      "SECRET_KEY = os.environ['SECRET_KEY']",
      'DATABASES = {',
      "    'default': {",
      "        'ENGINE': 'django.db.backends.postgresql',",
      "        'HOST': os.environ.get('DB_HOST', 'localhost'),",
      '    }',
      '}',
      "CELERY_BROKER_URL = os.getenv('CELERY_BROKER_URL', 'redis://localhost:6379/0')",
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(fromEnv, 'TF0401'), []);
});

test("TF0401 in the image's ENV: a localhost backing host fires at the ENV line, where compose replaces it too", async () => {
  const dockerfile =
    'FROM python:3.12\nENV POSTGRES_HOSTNAME=localhost \\\n    REDIS_URL=redis://cache:6379/0\nCOPY . /app\n';
  const image = await analyzeFiles({ ...DJANGO, Dockerfile: dockerfile });
  assert.deepEqual(findingsOf(image, 'TF0401'), [['Dockerfile', 2]]);
  const overridden = await analyzeFiles({
    ...DJANGO,
    Dockerfile: dockerfile,
    'compose.yaml': 'services:\n  web:\n    build: .\n    environment:\n      POSTGRES_HOSTNAME: db\n',
  });
  assert.deepEqual(findingsOf(overridden, 'TF0401'), [['Dockerfile', 2]]);
  const message = overridden.findings.find((f) => f.ruleId === 'TF0401')?.message ?? '';
  assert.match(
    message,
    /the compose service 'web' replaces it \(compose\.yaml:5\), but any other run of the image/,
  );
});
