import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { cleanDjango } from '../support/clean-django.js';

const DJANGO = cleanDjango({ packages: ['celery==5.4.0'] });

test('a base in a subdirectory that builds nothing still gives the app service its environment and ports', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': [
      'services:',
      '  web:',
      '    build: .',
      '    extends: { file: deploy/docker/web.yml, service: web }',
      '',
    ].join('\n'),
    'deploy/docker/web.yml': [
      'services:', //1
      '  web:', //2
      '    environment:', //3
      '      SECRET_KEY: "k9#2v!x8-literal"', //4
      '      DB_PASSWORD: s3cr3t-db-pass', //5
      '    ports:', //6
      '      - "8000:8000"', //7
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0307'), [
    ['deploy/docker/web.yml', 4],
    ['deploy/docker/web.yml', 5],
  ]);
  assert.deepEqual(findingsOf(result, 'TF0701'), []);
  assert.deepEqual(
    result.project.apps.map((a) => a.compose?.files),
    [['docker-compose.yml']],
  );
});

test('compose files a Makefile runs together with several -f are analysed merged, later files overriding', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    Makefile: [
      'up:',
      '\tdocker compose -f deploy/app.yaml \\',
      '\t  -f deploy/storages.yaml -f deploy/prod.yaml up -d',
      '',
    ].join('\n'),
    'deploy/app.yaml': [
      'services:', //1
      '  web:', //2
      '    build: ..', //3
      '    command: python manage.py runserver 0.0.0.0:8000', //4
      '    ports: ["8000:8000"]', //5
      '    depends_on: [postgres]', //6
      '',
    ].join('\n'),
    'deploy/storages.yaml': [
      'services:',
      '  postgres:',
      '    image: postgres:16',
      '    volumes: [pgdata:/var/lib/postgresql/data]',
      'volumes:',
      '  pgdata:',
      '',
    ].join('\n'),
    'deploy/prod.yaml': ['services:', '  web:', '    command: gunicorn -b 0.0.0.0:8000 mysite.wsgi', ''].join(
      '\n',
    ),
  });
  assert.deepEqual(findingsOf(result, 'TF0402'), [['deploy/app.yaml', 6]]);
  assert.deepEqual(findingsOf(result, 'TF0801'), []);
  assert.deepEqual(
    result.project.apps.map((a) => a.compose?.files),
    [['deploy/app.yaml', 'deploy/storages.yaml', 'deploy/prod.yaml']],
  );
});

test('the -f of a compose subcommand (logs -f) names no file; a variable file list is left alone', async () => {
  const { composeFilesNamed, combinedComposeFiles } = await import('../../src/discover/compose-commands.js');
  const texts = {
    Makefile: [
      'logs:',
      '\tdocker-compose -f a.yml -p demo -f b.yml logs -f web',
      'up:',
      '\tdocker compose -f $(BASE) -f c.yml up',
      '',
    ].join('\n'),
    'scripts/deploy.sh': 'docker compose --file=../a.yml --file ../c.yml up -d && docker compose ps\n',
  };
  assert.ok(!composeFilesNamed(texts).includes('web'));
  assert.deepEqual(
    combinedComposeFiles(texts, ['a.yml', 'b.yml', 'c.yml']).map((c) => [c.source, c.files]),
    [
      ['Makefile', ['a.yml', 'b.yml']],
      ['scripts/deploy.sh', ['a.yml', 'c.yml']],
    ],
  );
});

test("a Makefile's own variables are expanded in its compose commands; an unset one is empty, or declines as a file", async () => {
  const { combinedComposeFiles, composeEnvFilesNamed } =
    await import('../../src/discover/compose-commands.js');
  const texts = {
    Makefile: [
      'DC = docker compose',
      'DIR := docker_compose',
      'APP_FILE = ${DIR}/app.yaml',
      'STORAGES_FILE ?= docker_compose/storages.yaml',
      'ENV = --env-file .env',
      'app:',
      '\t${DC} -f ${APP_FILE} ${env} -f ${STORAGES_FILE} ${ENV} up --build -d',
      'down:',
      '\t$(DC) -f $(APP_FILE) -f $(UNSET_FILE) down',
      'shell:',
      '\t${DC} -f ${APP_FILE} -f docker_compose/tools.yaml run --rm app sh -c "echo $${HOME}"',
      '',
    ].join('\n'),
  };
  const known = ['docker_compose/app.yaml', 'docker_compose/storages.yaml', 'docker_compose/tools.yaml'];
  assert.deepEqual(
    combinedComposeFiles(texts, known).map((c) => c.files),
    [
      ['docker_compose/app.yaml', 'docker_compose/storages.yaml'],
      ['docker_compose/app.yaml', 'docker_compose/tools.yaml'],
    ],
  );
  assert.deepEqual(composeEnvFilesNamed(texts), ['.env', '.env']);
});

test('a compose project with no service of the app (monitoring, a proxy) is judged alone, not paired with the app', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': [
      'services:', //1
      '  prometheus:', //2
      '    image: prom/prometheus:v2.53.0', //3
      '  grafana:', //4
      '    image: grafana/grafana:11.1.0', //5
      '    environment:', //6
      '      GF_SECURITY_ADMIN_PASSWORD: grafana-admin-2024', //7
      '',
    ].join('\n'),
  });
  assert.deepEqual(findingsOf(result, 'TF0307'), [['docker-compose.yml', 7]]);
  const apps = result.project.apps.map((a) => [a.dockerfile?.file, a.compose?.files]);
  assert.deepEqual(apps, [
    ['Dockerfile', undefined],
    [undefined, ['docker-compose.yml']],
  ]);
  const { analysedLine } = await import('../../src/report/common.js');
  const { analysedApps } = await import('../../src/model/index.js');
  const line = analysedLine(
    { apps: analysedApps(result.project) },
    (f) => f,
    (t) => t,
  );
  assert.equal(line, 'Analysed Dockerfile + mysite/settings.py · services only: docker-compose.yml');
});

test('every service of the app image is judged for localhost backing services, the Docker socket and volumes over code', async () => {
  const result = await analyzeFiles({
    ...DJANGO,
    'docker-compose.yml': [
      'x-app: &app', //1
      '  build: .', //2
      '  environment:', //3
      '    - REDIS_URL=redis://localhost:6379/0', //4
      'services:', //5
      '  web:', //6
      '    <<: *app', //7
      '    ports: ["8000:8000"]', //8
      '  worker:', //9
      '    <<: *app', //10
      '    command: celery -A mysite worker', //11
      '    environment:', //12
      '      - DATABASE_HOST=localhost', //13
      '      - REDIS_URL=redis://localhost:6379/0', //14
      '    volumes:', //15
      '      - /var/run/docker.sock:/var/run/docker.sock', //16
      '      - code:/app', //17
      '  redis:', //18
      '    image: redis:7.2', //19
      'volumes:', //20
      '  code:', //21
      '',
    ].join('\n'),
  });
  const tf0401 = result.findings
    .filter((f) => f.ruleId === 'TF0401')
    .map((f) => [f.line, f.message.split(' set')[0]]);
  assert.deepEqual(
    tf0401.sort(),
    [
      [13, "Service 'worker'"],
      [14, "Service 'worker'"],
      [4, "Service 'web'"],
    ].sort(),
  );
  assert.deepEqual(findingsOf(result, 'TF1304'), [['docker-compose.yml', 16]]);
  assert.deepEqual(findingsOf(result, 'TF0605'), [['docker-compose.yml', 17]]);
});

test('--env-file of a compose command names the env file it interpolates with, for the files it runs', async () => {
  const { composeEnvFiles, composeEnvFilesNamed } = await import('../../src/discover/compose-commands.js');
  const texts = {
    Makefile: [
      'prod:',
      '\tdocker compose -f docker-compose.yml -f docker-compose.prod.yml --env-file .env.prod up -d',
      'up:',
      '\tdocker compose --env-file=.env.dev up',
      'gone:',
      '\tdocker compose --env-file .env.missing up',
      '',
    ].join('\n'),
    '.env.prod': 'A=1\n',
    '.env.dev': 'A=2\n',
  };
  const files = ['docker-compose.yml', 'docker-compose.prod.yml'];
  assert.deepEqual(composeEnvFilesNamed(texts), [
    '.env.prod',
    '.env.prod',
    '.env.dev',
    '.env.dev',
    '.env.missing',
    '.env.missing',
  ]);
  assert.deepEqual(
    composeEnvFiles(texts, files, (dir) => (dir === '.' ? ['docker-compose.yml'] : undefined)).map((c) => [
      c.files,
      c.envFiles,
    ]),
    [
      [files, ['.env.prod']],
      [['docker-compose.yml'], ['.env.dev']],
    ],
  );
});

test('a Makefile variable assigned indented inside ifeq (DC = docker compose) expands in its compose commands', async () => {
  const { combinedComposeFiles } = await import('../../src/discover/compose-commands.js');
  const texts = {
    Makefile: [
      'ifeq (, $(shell which docker-compose))',
      '    DC = docker compose',
      'else',
      '    DC = docker-compose',
      'endif',
      'start-prod:',
      '\t${DC} -f docker-compose.yaml -f deploy/docker-compose.prod.yml up -d',
      '',
    ].join('\n'),
  };
  assert.deepEqual(
    combinedComposeFiles(texts, ['docker-compose.yaml', 'deploy/docker-compose.prod.yml']).map(
      (c) => c.files,
    ),
    [['docker-compose.yaml', 'deploy/docker-compose.prod.yml']],
  );
});
