/** Which Dockerfile Docker reads for a name, and which Dockerfiles compose builds for services that are not the app. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysedScope } from '../../src/pipeline.js';
import { analysedLine } from '../../src/report/common.js';
import { buildSource } from '../../src/smoke/image-build.js';
import { dockerfileDockerReads } from '../../src/model/dockerfile-name.js';
import { imagesBuilt } from '../../src/model/image-app.js';
import type { ComposeModel } from '../../src/model/types/compose.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { CLEAN_DOCKERFILE, MANAGE_PY } from '../support/clean-django.js';

const MANAGE = MANAGE_PY;
const SETTINGS =
  'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nINSTALLED_APPS = []\nDATABASES = {}\nMEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/data/media")\n';
const APP_DOCKERFILE = CLEAN_DOCKERFILE;
const PROJECT = {
  'src/manage.py': MANAGE,
  'src/mysite/settings.py': SETTINGS,
  'src/requirements.txt': 'Django==5.0.6\n',
};
const LOWERCASE_COMPOSE =
  'services:\n  web:\n    build: ./src\n    volumes:\n      - ./src:/app\n      - media:/data\nvolumes:\n  media:\n';

test('dockerfileDockerReads: a missing Dockerfile falls back to the lowercase dockerfile beside it, nothing else does', () => {
  const has =
    (...files: string[]) =>
    (f: string) =>
      files.includes(f);
  assert.equal(dockerfileDockerReads('src/Dockerfile', has('src/dockerfile')), 'src/dockerfile');
  assert.equal(dockerfileDockerReads('./Dockerfile', has('dockerfile')), './dockerfile');
  assert.equal(
    dockerfileDockerReads('src/Dockerfile', has('src/Dockerfile', 'src/dockerfile')),
    'src/Dockerfile',
  );
  assert.equal(
    dockerfileDockerReads('src/Dockerfile.prod', has('src/dockerfile.prod')),
    'src/Dockerfile.prod',
  );
  assert.equal(dockerfileDockerReads('src/Dockerfile', has()), 'src/Dockerfile');
});

test('compose `build: ./src` builds a lowercase src/dockerfile: one app, its volumes and image compared, smoke builds it', async () => {
  const result = await analyzeFiles({
    ...PROJECT,
    'src/dockerfile': APP_DOCKERFILE,
    'docker-compose.yml': LOWERCASE_COMPOSE,
  });
  const { project } = result;
  assert.deepEqual(
    project.apps.map((a) => [a.dockerfile?.file, a.compose?.appService?.name]),
    [['src/dockerfile', 'web']],
  );
  assert.equal(buildSource(project.apps[0]).dockerfile, 'src/dockerfile');
  // MEDIA_ROOT is on the compose volume: no compose-less copy of the image reports it.
  assert.deepEqual(findingsOf(result, 'TF0602'), []);
  const mounts = result.findings.filter((f) => f.ruleId === 'TF0503');
  assert.deepEqual(
    mounts.map((f) => [f.file, f.line]),
    [['docker-compose.yml', 5]],
  );
  assert.match(mounts[0].message, /where the image holds the code \(\/app\)/);
  assert.doesNotMatch(mounts[0].message, /holds no code/);

  // With both names present (a case-sensitive checkout), Docker reads `Dockerfile`.
  const both = await analyzeFiles({
    ...PROJECT,
    'src/Dockerfile': APP_DOCKERFILE,
    'src/dockerfile': APP_DOCKERFILE.replace('USER nobody', 'USER root'),
    'docker-compose.yml': LOWERCASE_COMPOSE,
  });
  assert.equal(both.project.apps.find((a) => a.compose)?.dockerfile?.file, 'src/Dockerfile');
});

test('`docker build -t NAME src` in a script builds the lowercase src/dockerfile', () => {
  const scripts = [{ file: 'build.sh', text: '#!/bin/sh\ndocker build -t shop/web:1 src\n' }];
  assert.deepEqual(
    imagesBuilt([], scripts, (f) => f === 'src/dockerfile'),
    [
      {
        repository: 'shop/web',
        tag: '1',
        dockerfile: 'src/dockerfile',
        contextDir: 'src',
        script: 'build.sh',
      },
    ],
  );
});

test('a script that builds `shop/$NAME` from docker/$NAME/Dockerfile in a loop builds each name compose runs', () => {
  const scripts = [
    {
      file: 'docker/build.sh',
      text: '#!/bin/bash\nfor NAME in db web; do\n  docker build -t shop/$NAME -f ./docker/${NAME}/Dockerfile .\ndone\n',
    },
  ];
  const service = (name: string, image: string) => ({ name, image: { value: image, repository: image } });
  const models = [
    { services: [service('db', 'shop/db'), service('cache', 'shop/cache'), service('proxy', 'nginx')] },
  ] as unknown as ComposeModel[];
  assert.deepEqual(
    imagesBuilt(models, scripts, (f) => f === 'docker/db/Dockerfile'),
    [
      {
        repository: 'shop/db',
        dockerfile: 'docker/db/Dockerfile',
        contextDir: '.',
        script: 'docker/build.sh',
      },
    ],
  );
});

test('a compose app service building a Dockerfile that does not exist: TF0001 on its build line, no guess about the image', async () => {
  const result = await analyzeFiles({
    ...PROJECT,
    'src/Dockerfile': APP_DOCKERFILE,
    'docker-compose.yml':
      'services:\n  tests:\n    build:\n      context: ./src\n      dockerfile: Dockerfile.test\n    volumes:\n      - ./src:/app\n',
  });
  const missing = result.findings.filter((f) => f.ruleId === 'TF0001');
  assert.deepEqual(
    missing.map((f) => [f.file, f.line]),
    [['docker-compose.yml', 3]],
  );
  assert.match(
    missing[0].message,
    /Service 'tests' builds src\/Dockerfile\.test, which is not in the repository/,
  );
  assert.deepEqual(findingsOf(result, 'TF0503'), []);
});

test('an nginx image compose builds for another service is no app, even named web/ and mentioning Django in a comment', async () => {
  const { project, findings } = await analyzeFiles({
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'requirements.txt': 'Django==5.0.6\n',
    'compose/production/django/Dockerfile': APP_DOCKERFILE,
    'compose/production/web/Dockerfile':
      '# Serves the Django static files and proxies to gunicorn\nFROM nginx:1.25\nCOPY ./compose/production/web/default.conf /etc/nginx/conf.d/default.conf\n',
    'compose/production/web/default.conf': 'server { listen 80; }\n',
    'production.yml':
      'services:\n  django:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n    volumes:\n      - media:/data\n  nginx:\n    build:\n      context: .\n      dockerfile: ./compose/production/web/Dockerfile\n    ports:\n      - "80:80"\nvolumes:\n  media:\n',
  });
  assert.deepEqual(
    project.apps.map((a) => a.dockerfile?.file),
    ['compose/production/django/Dockerfile'],
  );
  assert.deepEqual(analysedScope(project).otherDockerfiles, ['compose/production/web/Dockerfile']);
  for (const rule of ['TF0701', 'TF0904', 'TF1301'])
    assert.deepEqual(findingsOf({ findings }, rule), [], rule);
});

test('a Dockerfile skipped as an app and judged by the Dockerfile rules is listed once, under the latter', async () => {
  const { project } = await analyzeFiles({
    Dockerfile: APP_DOCKERFILE,
    'manage.py': MANAGE,
    'mysite/settings.py': SETTINGS,
    'requirements.txt': 'Django==5.0.6\n',
    'nginx/dockerfile': 'FROM nginx\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n',
    'nginx/nginx.conf': 'server { listen 80; }\n',
  });
  const scope = analysedScope(project);
  assert.equal(scope.skipped, undefined);
  assert.deepEqual(scope.otherDockerfiles, ['nginx/dockerfile']);
  const line =
    analysedLine(
      scope,
      (f) => f,
      (t) => t,
    ) ?? '';
  assert.equal(line.split('nginx/dockerfile').length - 1, 1, line);
  assert.match(line, /Dockerfile rules only on nginx\/dockerfile$/);
});

test("an editor's vendored dockerfile.js syntax mode is no Dockerfile: no TF0001, one app", async () => {
  const result = await analyzeFiles({
    ...PROJECT,
    'src/Dockerfile': APP_DOCKERFILE,
    'src/static/codemirror/mode/dockerfile/dockerfile.js':
      '// CodeMirror, copyright (c) by Marijn Haverbeke\n(function(mod) { mod(CodeMirror); })(function(CodeMirror) {});\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0001'), []);
  assert.deepEqual(
    result.project.apps.map((a) => a.dockerfile?.file),
    ['src/Dockerfile'],
  );
  assert.deepEqual(analysedScope(result.project).otherDockerfiles ?? [], []);
});

const STRAY_DOCKERFILE =
  'FROM python:3.9\nCOPY . /code\nRUN pip install -r /code/requirements.txt\nCMD python /code/manage.py runserver 0.0.0.0:8000\n';

test('a stray DockerFile (odd case) beside the app, which nothing builds, is no second app: Dockerfile rules only', async () => {
  const result = await analyzeFiles({
    ...PROJECT,
    'src/Dockerfile': APP_DOCKERFILE,
    'src/DockerFile': STRAY_DOCKERFILE,
    'docker-compose.yml': LOWERCASE_COMPOSE,
  });
  assert.deepEqual(
    result.project.apps.map((a) => a.dockerfile?.file),
    ['src/Dockerfile'],
  );
  assert.deepEqual(analysedScope(result.project).otherDockerfiles, ['src/DockerFile']);
  for (const rule of ['TF0701', 'TF0904'])
    assert.deepEqual(
      findingsOf(result, rule).filter(([file]) => file === 'src/DockerFile'),
      [],
      rule,
    );
});

test('a DockerFile that compose names (`dockerfile: DockerFile`) is the app it builds', async () => {
  const result = await analyzeFiles({
    ...PROJECT,
    'src/DockerFile': APP_DOCKERFILE,
    'docker-compose.yml':
      'services:\n  web:\n    build:\n      context: ./src\n      dockerfile: DockerFile\n    volumes:\n      - media:/data\nvolumes:\n  media:\n',
  });
  assert.deepEqual(
    result.project.apps.map((a) => [a.dockerfile?.file, a.compose?.appService?.name]),
    [['src/DockerFile', 'web']],
  );
});
