import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { cleanDjango } from '../support/clean-django.js';

const DJANGO = cleanDjango({ packages: ['celery==5.4.0'], expose: true });

const extending = (command: string) =>
  [
    'services:',
    '  web:',
    '    extends:',
    '      file: docker/common.yml',
    '      service: app',
    `    command: ${command}`,
    '',
  ].join('\n');

test('a file other compose files extend is analysed through them only: each of its findings once', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker/common.yml': [
      'services:', //1
      '  app:', //2
      '    build: ..', //3
      '    environment:', //4
      '      - SECRET_KEY=dev-only-literal-key-7c1e', //5
      '    volumes:', //6
      '      - ..:/app', //7
      '',
    ].join('\n'),
    'docker-compose.yml': extending('gunicorn -b 0.0.0.0:8000 mysite.wsgi'),
    'docker-compose-uwsgi.yml': extending('gunicorn -b 0.0.0.0:8000 -w 4 mysite.wsgi'),
  });
  assert.deepEqual(findingsOf(result, 'TF0307'), [['docker/common.yml', 5]]);
  assert.deepEqual(findingsOf(result, 'TF0503'), [['docker/common.yml', 7]]);
  const composeFiles = result.project.apps.map((a) => a.compose?.files.join(' + '));
  assert.deepEqual(composeFiles.sort(), ['docker-compose-uwsgi.yml', 'docker-compose.yml']);
});

test('a compose file that cannot be parsed leaves the rules that need what it declares silent', async () => {
  const dockerfile = DJANGO.Dockerfile.replace('EXPOSE 8000\n', '').replace(/HEALTHCHECK.*\n/, '');
  const files = {
    ...DJANGO,
    Dockerfile: dockerfile,
    'mysite/settings.py': `${DJANGO['mysite/settings.py']}from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\nMEDIA_ROOT = BASE_DIR / "media"\n`,
  };
  const alone = await analyzeFiles(files);
  for (const rule of ['TF0602', 'TF0701', 'TF0904']) assert.equal(findingsOf(alone, rule).length, 1, rule);

  const unparseable = [
    'services:',
    '  web:',
    '    build: .',
    '{% if use_postgres %}',
    '  db:',
    '    image: postgres:16',
    '{% endif %}',
    '',
  ].join('\n');
  const result = await analyzeFiles({ ...files, 'docker-compose.yml': unparseable });
  assert.deepEqual(findingsOf(result, 'TF0001'), [['docker-compose.yml', 4]]);
  for (const rule of ['TF0602', 'TF0701', 'TF0904']) assert.deepEqual(findingsOf(result, rule), [], rule);
  assert.deepEqual(result.project.apps[0]?.unparsedCompose, ['docker-compose.yml']);
});

test('every service of the app image is judged for its destructive commands; bind mounts only for the app service', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': [
      'x-app: &app', //1
      '  build: .', //2
      '  volumes:', //3
      '    - .:/app', //4
      'services:', //5
      '  web:', //6
      '    build: .', //7
      '    image: mysite:dev', //8
      '    ports: ["8000:8000"]', //9
      '  celery:', //10
      '    <<: *app', //11
      '    command: celery -A mysite worker', //12
      '  celerybeat:', //13
      '    <<: *app', //14
      '    command: celery -A mysite beat', //15
      '  migration:', //16
      '    image: mysite:dev', //17
      '    command: sh -c "python manage.py makemigrations && python manage.py migrate"', //18
      '    volumes:', //19
      '      - ./mysite:/app/mysite', //20
      '  docs:', //21
      '    image: nginx:1.27', //22
      '    volumes:', //23
      '      - .:/app', //24
      '',
    ].join('\n'),
  });
  const f = 'docker-compose.yml';
  // TF0503's catalog entry names the compose app service ('web', which mounts nothing): the worker's, beat's and
  // migration service's own mounts are not its condition.
  assert.deepEqual(findingsOf(result, 'TF0503'), []);
  assert.deepEqual(findingsOf(result, 'TF1203'), [[f, 18]]);
  assert.match(
    result.findings.find((x) => x.ruleId === 'TF1203')?.message ?? '',
    /^Service 'migration' runs/,
  );
  // Migrating in a service of its own is the one-off admin process done right.
  assert.deepEqual(findingsOf(result, 'TF1202'), []);
});

test('with no app service (only a worker and a beat), the services that build the app image are judged (not for TF0503)', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': [
      'services:', //1
      '  celery:', //2
      '    build: .', //3
      '    command: sh -c "python manage.py loaddata init && celery -A mysite worker"', //4
      '    volumes:', //5
      '      - .:/app', //6
      '  celerybeat:', //7
      '    build: .', //8
      '    command: celery -A mysite beat', //9
      '    volumes:', //10
      '      - .:/app', //11
      '',
    ].join('\n'),
  });
  const f = 'docker-compose.yml';
  // No app service: TF0503's condition (the compose app service's mount) does not arise.
  assert.deepEqual(findingsOf(result, 'TF0503'), []);
  assert.deepEqual(findingsOf(result, 'TF1203'), [[f, 4]]);
});

test('image names from unset variables are told apart as written; a service building another Dockerfile is another image', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'Dockerfile.nginx': 'FROM nginx:1.27\n',
    'docker-compose.yml': [
      'services:', //1
      '  nginx:', //2
      '    build: {context: ., dockerfile: Dockerfile.nginx}', //3
      '    image: ${NGINX}', //4
      '    container_name: ${NGINX}', //5
      '  proxy:', //6
      '    build: {context: ., dockerfile: Dockerfile.nginx}', //7
      '    image: ${API}', //8
      '  api:', //9
      '    build: .', //10
      '    image: ${API}', //11
      '    container_name: ${API}', //12
      '  worker:', //13
      '    image: ${API}', //14
      '    command: celery -A mysite worker', //15
      '    container_name: ${API}_worker', //16
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0802'), [
    ['docker-compose.yml', 12],
    ['docker-compose.yml', 16],
  ]);
});

test('a service that builds a Dockerfile FROM python is the app, whatever database its image name mentions', async () => {
  const compose = (from: string) => ({
    ...DJANGO,
    Dockerfile: DJANGO.Dockerfile.replace('FROM python:3.12-slim', from),
    'docker-compose.yml': [
      'services:', //1
      '  web:', //2
      '    image: someone/django-nginx-gunicorn-postgres:1.1.1', //3
      '    build: .', //4
      '    volumes:', //5
      '      - .:/app', //6
      '',
    ].join('\n'),
  });
  const app = await analyzeFiles(compose('FROM python:3.12-slim'));
  assert.equal(app.project.apps[0]?.compose?.appService?.name, 'web');
  assert.deepEqual(findingsOf(app, 'TF0603'), []);
  assert.deepEqual(findingsOf(app, 'TF0503'), [['docker-compose.yml', 6]]);

  const database = await analyzeFiles(compose('FROM postgres:16'));
  assert.deepEqual(findingsOf(database, 'TF0603'), [['docker-compose.yml', 3]]);
});
