import assert from 'node:assert/strict';
import { test } from 'node:test';
import { npmScriptCommands, npmScriptsRun, packageScripts } from '../../src/model/command/npm-scripts.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const SCRIPTS = {
  'pip:install:all': 'python -m pip install -r ./requirements.txt',
  'setup:ci': 'npm run pip:install:all && npm run npm:install:global:ci',
  'npm:install:global:ci': 'npm install --location=global grunt-cli',
  presetup: 'echo before',
  setup: 'yarn run setup:ci',
  loop: 'npm run loop && npm run other',
  other: 'npm run loop',
};

test('npm commands name the package.json scripts they run', () => {
  assert.deepEqual(npmScriptsRun(['npm', 'run', 'setup:ci']), ['setup:ci']);
  assert.deepEqual(npmScriptsRun(['npm', 'run-script', '--silent', 'build']), ['build']);
  assert.deepEqual(npmScriptsRun(['yarn', 'setup']), ['setup']);
  assert.deepEqual(npmScriptsRun(['npm', 'start']), ['start']);
  assert.deepEqual(npmScriptsRun(['npm', 'ci']), ['preinstall', 'install', 'postinstall', 'prepare']);
  assert.deepEqual(npmScriptsRun(['npm', 'install', 'left-pad']), []);
  assert.equal(npmScriptsRun(['pip', 'install', 'django']), undefined);
});

test('npm scripts are followed through nested npm run, with pre/post scripts; a cycle ends', () => {
  const argvs = (names: string[]) => npmScriptCommands(SCRIPTS, names).map((a) => a.join(' '));
  assert.deepEqual(argvs(['setup:ci']), ['python -m pip install -r ./requirements.txt']);
  assert.deepEqual(argvs(['setup']), ['echo before', 'python -m pip install -r ./requirements.txt']);
  assert.deepEqual(argvs(['loop']), []);
  assert.deepEqual(argvs(['missing']), []);
  assert.deepEqual(packageScripts('{ not json'), {});
  assert.deepEqual(packageScripts('{"scripts": {"a": "x", "b": 1}}'), { a: 'x' });
});

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";

function npmImage(packageAt: string, copy: string): Record<string, string> {
  return {
    'webapp/manage.py': MANAGE,
    'webapp/mysite/settings.py': 'DEBUG = False\n',
    Dockerfile: [
      'FROM nikolaik/python-nodejs:python3.10-nodejs16',
      'WORKDIR /code',
      copy,
      'RUN npm run setup:ci && npm ci',
      'ENTRYPOINT ["gunicorn", "--chdir", "webapp", "mysite.wsgi"]',
      '',
    ].join('\n'),
    [packageAt]: JSON.stringify({ scripts: SCRIPTS }, null, 2),
    'requirements.txt': '-r requirements.prd.txt\n',
    'requirements.prd.txt': 'Django==5.0.6\ngunicorn\n',
  };
}

test('RUN npm run SCRIPT that pip-installs -r: TF0202 judges the requirements files, no TF0203', async () => {
  const result = await analyzeFiles(npmImage('package.json', 'COPY . .'));
  assert.deepEqual(findingsOf(result, 'TF0202'), [['requirements.prd.txt', 2]]);
  assert.deepEqual(findingsOf(result, 'TF0203'), []);
});

test('package.json is read where the image holds it (COPY to the WORKDIR from a subdirectory)', async () => {
  const files = npmImage('frontend/package.json', 'COPY frontend/package.json ./\nCOPY requirements*.txt ./');
  const result = await analyzeFiles(files);
  assert.deepEqual(findingsOf(result, 'TF0202'), [['requirements.prd.txt', 2]]);
});
