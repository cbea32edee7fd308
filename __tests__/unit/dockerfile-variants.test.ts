/** Every Dockerfile is judged: an app's variants as images of the app, the others by the generic Dockerfile rules. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysedScope } from '../../src/pipeline.js';
import { analysedLine } from '../../src/report/common.js';
import { renderJson } from '../../src/report/json.js';
import { renderText } from '../../src/report/text.js';
import { fixtureReport } from './report-fixture.js';
import { analyzeFiles } from '../support/analyze.js';
import { CLEAN_DOCKERFILE, MANAGE_PY } from '../support/clean-django.js';

const MANAGE = MANAGE_PY;
const SETTINGS = "import os\nSECRET_KEY = 'django-insecure-abc123'\nINSTALLED_APPS = []\nDATABASES = {}\n";
const GOOD_DOCKERFILE = CLEAN_DOCKERFILE;
const PY2_DOCKERFILE = [
  'FROM python:2.7',
  'WORKDIR /app',
  'RUN pip install django uwsgi',
  'COPY . .',
  'EXPOSE 8000',
  'CMD uwsgi --ini uwsgi.ini',
  '',
].join('\n');
const COMPOSE =
  'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n    container_name: shop\n';

const keys = (findings: { ruleId: string; file: string; line?: number }[]) =>
  findings.map((f) => `${f.ruleId} ${f.file}:${f.line ?? ''}`).sort();

test('a second Dockerfile of another name beside the one compose builds is an image of the app, judged on its own lines', async () => {
  const { project, findings } = await analyzeFiles({
    'docker-compose.yml': COMPOSE,
    Dockerfile: GOOD_DOCKERFILE,
    'Dockerfile-py2': PY2_DOCKERFILE,
    '.dockerignore': '.git\n.env\n',
    'requirements.txt': 'Django==5.0.6\ngunicorn==22.0.0\n',
    'uwsgi.ini': '[uwsgi]\nhttp = :8000\n',
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
  });
  assert.deepEqual(
    project.apps.map((a) => [a.dockerfile?.file, a.context?.dir, a.settings?.file, a.compose?.files ?? []]),
    [
      ['Dockerfile', '.', 'mysite/settings.py', ['docker-compose.yml']],
      ['Dockerfile-py2', '.', 'mysite/settings.py', []],
    ],
  );
  assert.deepEqual(
    keys(findings),
    [
      'TF0202 Dockerfile-py2:3',
      'TF0203 Dockerfile-py2:3',
      'TF0802 docker-compose.yml:6',
      'TF0901 Dockerfile-py2:6',
      'TF0904 Dockerfile-py2:1',
      'TF1301 Dockerfile-py2:6',
      // The shared settings and compose file are judged once, not once per Dockerfile.
      'TF0301 mysite/settings.py:2',
    ].sort(),
  );
  assert.deepEqual(
    analysedScope(project).apps.map((a) => a.dockerfile),
    ['Dockerfile', 'Dockerfile-py2'],
  );
});

test('development and local variants beside a Dockerfile no compose file builds are images of the app too', async () => {
  const { project, findings } = await analyzeFiles({
    Dockerfile: GOOD_DOCKERFILE,
    'Dockerfile.local': GOOD_DOCKERFILE,
    'dev.Dockerfile': GOOD_DOCKERFILE.replace(
      /^CMD .*$/m,
      'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]',
    ),
    '.dockerignore': '.git\n',
    'requirements.txt': 'Django==5.0.6\n',
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS.replace(/^SECRET_KEY.*$/m, 'SECRET_KEY = os.environ["SECRET_KEY"]'),
  });
  assert.deepEqual(
    project.apps.map((a) => a.dockerfile?.file),
    ['Dockerfile', 'Dockerfile.local', 'dev.Dockerfile'],
  );
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'TF0801').map((f) => `${f.file}:${f.line}`),
    ['dev.Dockerfile:9'],
  );
});

test('Dockerfiles that are no app image get the rules that hold for any image only, and never become an app', async () => {
  const { project, findings } = await analyzeFiles({
    'docker-compose.yml': [
      'services:',
      '  web:',
      '    build: .',
      '  frontend:',
      '    build: ./frontend',
      '  nginx:',
      '    image: nginx:1.27',
      '    # build: ./nginx',
      '',
    ].join('\n'),
    Dockerfile: GOOD_DOCKERFILE,
    '.dockerignore': '.git\n',
    'requirements.txt': 'Django==5.0.6\n',
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS.replace(/^SECRET_KEY.*$/m, 'SECRET_KEY = os.environ["SECRET_KEY"]'),
    // (a) built by a compose service that is not the app
    'frontend/Dockerfile':
      'FROM node:latest\nENV NPM_TOKEN=npm_0123456789abcdef\nARG API_KEY\nCOPY . .\nCMD npm start\n',
    // (b) built by nothing, a lowercase name
    'nginx/dockerfile': 'FROM nginx\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n',
    'nginx/nginx.conf': 'server {}\n',
    // a Python image below the project's root that ships documentation, not the app
    'docs/Dockerfile':
      'FROM python:3.12-slim\nRUN pip install mkdocs==1.6.0\nCOPY . /docs\nCMD mkdocs serve\n',
    // templates whose FROM is a placeholder name no image yet
    'deploy/Dockerfile.template': 'FROM {{ base_image }}\nCOPY . /app\n',
    'deploy/Dockerfile.in': 'FROM %%BASE%%\n',
  });
  assert.deepEqual(
    project.apps.map((a) => a.dockerfile?.file),
    ['Dockerfile'],
  );
  assert.deepEqual(
    (project.otherDockerfiles ?? []).map((d) => d.file),
    [
      'deploy/Dockerfile.in',
      'deploy/Dockerfile.template',
      'docs/Dockerfile',
      'frontend/Dockerfile',
      'nginx/dockerfile',
    ],
  );
  assert.deepEqual(keys(findings), [
    // `COPY .` of a whole context with no .dockerignore holds for any image, a template's too once rendered
    'TF0102 deploy/Dockerfile.template:2',
    'TF0102 docs/Dockerfile:3',
    'TF0102 frontend/Dockerfile:4',
    'TF0201 frontend/Dockerfile:1',
    'TF0201 nginx/dockerfile:1',
    'TF0306 frontend/Dockerfile:2',
    'TF0306 frontend/Dockerfile:3',
  ]);
  assert.deepEqual(analysedScope(project).otherDockerfiles, [
    'deploy/Dockerfile.in',
    'deploy/Dockerfile.template',
    'docs/Dockerfile',
    'frontend/Dockerfile',
    'nginx/dockerfile',
  ]);
});

test("a Dockerfile the config's exclude matches is not judged even when no app builds it", async () => {
  const { project, findings } = await analyzeFiles(
    {
      Dockerfile: GOOD_DOCKERFILE,
      '.dockerignore': '.git\n',
      'requirements.txt': 'Django==5.0.6\n',
      'manage.py': MANAGE,
      'mysite/settings.py': SETTINGS.replace(/^SECRET_KEY.*$/m, 'SECRET_KEY = os.environ["SECRET_KEY"]'),
      'vendor/tool/Dockerfile': 'FROM alpine\n',
    },
    { config: { exclude: ['vendor/**'] } },
  );
  assert.equal(project.otherDockerfiles, undefined);
  assert.deepEqual(keys(findings), []);
});

test('the report names the Dockerfiles judged by the Dockerfile rules only, after the apps, in every format', () => {
  const report = fixtureReport({ otherDockerfiles: ['frontend/Dockerfile', 'nginx/dockerfile'] });
  const line = analysedLine(
    report,
    (f) => `<${f}>`,
    (t) => t,
  );
  assert.match(line ?? '', / · Dockerfile rules only on <frontend\/Dockerfile>, <nginx\/dockerfile>$/);
  assert.ok(renderText(report, { color: false }).includes('Dockerfile rules only on frontend/Dockerfile'));
  assert.deepEqual(JSON.parse(renderJson(report)).otherDockerfiles, [
    'frontend/Dockerfile',
    'nginx/dockerfile',
  ]);
  assert.equal(JSON.parse(renderJson(fixtureReport())).otherDockerfiles, undefined);
});

test("a worker's own Dockerfile that compose builds is listed under the image rules, not the Dockerfile rules only", async () => {
  const { project } = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/__init__.py': '',
    'mysite/settings.py': SETTINGS,
    Dockerfile: GOOD_DOCKERFILE,
    'Dockerfile.celery': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["celery", "-A", "mysite", "worker"]\n',
    'nginx/Dockerfile': 'FROM nginx:1.27\n',
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n  celery:\n    build:\n      context: .\n      dockerfile: Dockerfile.celery\n  proxy:\n    build: ./nginx\n',
  });
  const scope = analysedScope(project);
  assert.deepEqual(scope.workerDockerfiles, ['Dockerfile.celery']);
  assert.deepEqual(scope.otherDockerfiles, ['nginx/Dockerfile']);
  const report = fixtureReport(scope);
  const line = analysedLine(
    report,
    (f) => f,
    (t) => t,
  );
  assert.match(
    line ?? '',
    / · image rules on the workers' Dockerfile\.celery · Dockerfile rules only on nginx\/Dockerfile$/,
  );
  assert.deepEqual(JSON.parse(renderJson(report)).workerDockerfiles, ['Dockerfile.celery']);
});

test('a base image the app starts FROM is no variant of the app; one that starts a server is', async () => {
  const base =
    'FROM python:3.12-slim\nCOPY requirements.txt /tmp/\nRUN pip install -r /tmp/requirements.txt\n';
  const app = GOOD_DOCKERFILE.replace(/^FROM \S+/m, 'FROM myorg/django-base:1.4');
  const files = {
    '.dockerignore': '.git\n.env\n',
    'requirements.txt': 'Django==5.0.6\ngunicorn==22.0.0\n',
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
  };
  // Built under the name the app starts FROM, whatever its file is called; or named for a base.
  for (const [name, compose] of [
    [
      'images/python.Dockerfile',
      'services:\n  base:\n    image: myorg/django-base:1.4\n    build:\n      context: .\n      dockerfile: images/python.Dockerfile\n  web:\n    build: .\n',
    ],
    ['Dockerfile.base', undefined],
  ] as const) {
    const { project } = await analyzeFiles({
      ...files,
      Dockerfile: app,
      [name]: base,
      ...(compose ? { 'docker-compose.yml': compose } : {}),
    });
    assert.deepEqual(
      project.apps.map((a) => a.dockerfile?.file),
      ['Dockerfile'],
      name,
    );
  }
  const { project } = await analyzeFiles({
    ...files,
    Dockerfile: app,
    'Dockerfile.base': `${base}CMD ["gunicorn", "mysite.wsgi"]\n`,
  });
  assert.deepEqual(project.apps.map((a) => a.dockerfile?.file).sort(), ['Dockerfile', 'Dockerfile.base']);
});

test('a base image the app starts FROM by a local name (FROM base) is no variant; a stage of that name is not it', async () => {
  const base =
    'FROM python:3.12-slim\nCOPY requirements.txt /tmp/\nRUN pip install -r /tmp/requirements.txt\n';
  const files = {
    '.dockerignore': '.git\n.env\n',
    'requirements.txt': 'Django==5.0.6\ngunicorn==22.0.0\n',
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'Dockerfile.base': base,
  };
  const local = await analyzeFiles({
    ...files,
    Dockerfile: GOOD_DOCKERFILE.replace(/^FROM \S+/m, 'FROM base'),
  });
  assert.deepEqual(
    local.project.apps.map((a) => a.dockerfile?.file),
    ['Dockerfile'],
  );
  // `FROM base` after `AS base` names the Dockerfile's own stage, not an image Dockerfile.base builds.
  const staged = GOOD_DOCKERFILE.replace(/^FROM (\S+)/m, 'FROM $1 AS base\nRUN true\nFROM base');
  const own = await analyzeFiles({ ...files, Dockerfile: staged });
  assert.deepEqual(own.project.apps.map((a) => a.dockerfile?.file).sort(), ['Dockerfile', 'Dockerfile.base']);
});
