import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { noDependencyManifest } from '../../src/rules/TF0203-no-dependency-manifest.js';
import { appRuleCases, df } from '../support/rule-cases.js';

appRuleCases(noDependencyManifest, [
  [
    'packages by name and no manifest',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install django==5.0'),
      contextFiles: ['Dockerfile', 'manage.py'],
    },
    ['Dockerfile:2'],
  ],
  [
    'a manifest installed, and one more package by name',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install -r reqs.in', 'RUN pip install gunicorn==22.0.0'),
      contextFiles: ['Dockerfile', 'requirements.txt'],
    },
    [],
  ],
  [
    'a requirements file exists but the image never installs from it',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install django==5.0'),
      contextFiles: ['Dockerfile', 'requirements/prod.txt'],
    },
    ['Dockerfile:2'],
  ],
  [
    'poetry install, pipenv install --deploy, uv sync, pip install -e . read their manifest',
    {
      dockerfile: df(
        'FROM python:3.12',
        'RUN pip install poetry==1.8.3 && poetry install --no-root',
        'RUN pip install pipenv==2024.0.1 && pipenv install --system --deploy',
        'RUN pip install uv==0.4.0 && uv sync --frozen',
        'RUN pip install -e .',
      ),
      contextFiles: ['Dockerfile', 'pyproject.toml'],
    },
    [],
  ],
  [
    'pipenv install NAME adds a package by name: not an install from the manifest',
    {
      dockerfile: df('FROM python:3.12', 'RUN pipenv install django && pip install gunicorn'),
      contextFiles: ['Dockerfile', 'Pipfile'],
    },
    ['Dockerfile:2'],
  ],
  [
    'pyproject.toml exists',
    { dockerfile: df('FROM python:3.12', 'RUN pip install .'), contextFiles: ['pyproject.toml'] },
    [],
  ],
  [
    'installing from a file only',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install -r reqs.in'),
      contextFiles: ['Dockerfile', 'reqs.in'],
    },
    [],
  ],
  [
    'installing from a requirements file the repository does not hold, and no other manifest',
    {
      dockerfile: df('FROM python:3.12', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'),
      contextFiles: ['Dockerfile', 'manage.py'],
    },
    ['Dockerfile:3'],
  ],
  [
    'installing from a requirements file by a variable: not judged',
    {
      dockerfile: df('FROM python:3.12', 'RUN pip install -r $REQS'),
      contextFiles: ['Dockerfile', 'manage.py'],
    },
    [],
  ],
  ['no context known: silent', { dockerfile: df('FROM python:3.12', 'RUN pip install django') }, []],
]);

test('TF0203 says that an existing requirements.txt is not used, and that none exists when none does', async () => {
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n",
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install django==5.0.6\nCMD ["gunicorn", "mysite.wsgi"]\n',
  };
  const unused = await analyzeFiles({ ...base, 'requirements.txt': 'Django==5.0.6\n' });
  assert.deepEqual(findingsOf(unused, 'TF0203'), [['Dockerfile', 4]]);
  assert.match(
    unused.findings.find((f) => f.ruleId === 'TF0203')!.message,
    /requirements\.txt exists but is not used/,
  );
  const none = await analyzeFiles(base);
  assert.match(none.findings.find((f) => f.ruleId === 'TF0203')!.message, /has no dependency manifest/);
});

test('TF0203: a manifest outside the build context exists but is not used; the repository is not said to have none', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'requirements.txt': 'Django==5.0.6\n',
    'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nROOT_URLCONF = 'mysite.urls'\n",
    'tools/Dockerfile': 'FROM python:3.12\nRUN pip install pylint==3.2.5\n',
    'tools/docker-compose.yml': 'services:\n  dev:\n    build:\n      context: .\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0203');
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    /requirements\.txt is outside its build context \(tools\), so the image does not use it/,
  );
  assert.doesNotMatch(found[0].message, /has no dependency manifest/);
});

test("TF0203 names no test project's manifest as the image's: one beside another Dockerfile below belongs to that image", async () => {
  const result = await analyzeFiles({
    Dockerfile:
      'FROM python:3.12-slim\nRUN pip install psycopg2 uwsgi\nWORKDIR /usr/src/app\nCMD ["uwsgi", "--http", ":8000"]\nEXPOSE 8000\n',
    'examples/site/Dockerfile':
      'FROM python:3.12-slim\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n',
    'examples/site/requirements.txt': 'Django==5.0.6\n',
    'examples/site/manage.py':
      "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n",
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0203' && f.file === 'Dockerfile');
  assert.equal(found.length, 1);
  assert.doesNotMatch(found[0].message, /exists but is not used|pip install -r examples/);
  assert.doesNotMatch(found[0].message, /has no dependency manifest/);
  assert.match(
    found[0].message,
    /from no manifest of its own \(examples\/site\/requirements\.txt belongs to the image of examples\/site\/Dockerfile\)/,
  );
});

test('TF0203 is silent on a base image an ONBUILD image of the repository is built FROM: its children install their manifest', async () => {
  const result = await analyzeFiles({
    Dockerfile:
      'FROM python:3.12-slim\nRUN pip install psycopg2 uwsgi\nWORKDIR /usr/src/app\nCMD ["uwsgi"]\n',
    'Dockerfile.onbuild':
      'FROM acme/django\nONBUILD COPY requirements.txt /usr/src/app/\nONBUILD RUN pip install -r requirements.txt\nONBUILD COPY . /usr/src/app\n',
    'build.sh':
      '#!/bin/sh\ndocker build -t acme/django .\ndocker build -t acme/django:onbuild -f Dockerfile.onbuild .\n',
    'tests/site/Dockerfile': 'FROM acme/django:onbuild\n',
    'tests/site/requirements.txt': 'Django==5.0.6\n',
    'tests/site/manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings')\n",
  });
  assert.deepEqual(findingsOf(result, 'TF0203'), []);
});
