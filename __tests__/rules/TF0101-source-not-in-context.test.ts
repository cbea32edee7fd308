import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceNotInContext } from '../../src/rules/TF0101-source-not-in-context.js';
import { contextRuleCases, MANAGE } from '../support/context-rule-cases.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

contextRuleCases(sourceNotInContext, [
  [
    'compose builds from a context without the project',
    {
      'compose.yaml': 'services:\n  web:\n    build: ./docker\n',
      'docker/Dockerfile': 'FROM python:3.12 AS base\nFROM base\nCOPY . /app\n',
    },
    [['docker/Dockerfile', 2]],
  ],
  ['context with manage.py: silent', { Dockerfile: 'FROM python:3.12\nCOPY . /app\n' }, []],
  [
    'manage.py excluded by .dockerignore',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.dockerignore': '*.py\n' },
    [['Dockerfile', 1]],
  ],
  [
    'git clone in a RUN',
    {
      Dockerfile:
        'FROM python:3.12\nRUN apt-get update && git clone --depth 1 https://github.com/x/y.git /app\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'a cloned dependency beside the project copied from the context: silent',
    {
      Dockerfile: [
        'FROM python:3.12',
        'WORKDIR /app',
        'RUN git clone --depth 1 https://github.com/x/somelib && pip install ./somelib',
        'RUN git clone -b v1 https://github.com/x/other.git /opt/other && pip install -e /opt/other',
        'COPY . .',
        '',
      ].join('\n'),
    },
    [],
  ],
  [
    'a clone into the directory the project is copied to is the app',
    {
      Dockerfile:
        'FROM python:3.12\nWORKDIR /app\nRUN git clone --depth 1 https://github.com/x/y.git .\nCOPY . /app\n',
    },
    [['Dockerfile', 3]],
  ],
  [
    'ADD of a repository and of a branch archive',
    {
      Dockerfile:
        'FROM python:3.12\nADD https://github.com/x/y.git /app\nADD https://github.com/x/y/archive/refs/heads/main.tar.gz /src\n',
    },
    [
      ['Dockerfile', 2],
      ['Dockerfile', 3],
    ],
  ],
  [
    'curl of a source archive piped to tar',
    {
      Dockerfile:
        'FROM python:3.12\nRUN curl -sL https://codeload.github.com/x/y/tar.gz/main | tar xz -C /app\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    "a library's source archive unpacked and built beside the project copied from the context: silent",
    {
      Dockerfile: [
        'FROM python:3.12',
        'RUN wget https://github.com/libgit2/libgit2/archive/v0.24.0.tar.gz && tar xzf v0.24.0.tar.gz && cd libgit2-0.24.0/ && cmake . && make install',
        'RUN curl -sL https://gitlab.com/x/lib/-/archive/v1/lib-v1.tar.gz | tar xz -C /opt',
        'ADD https://github.com/x/other.git /opt/other',
        'COPY . /backend',
        '',
      ].join('\n'),
    },
    [],
  ],
  [
    'an archive unpacked over the directory the project is copied to is the app',
    {
      Dockerfile: [
        'FROM python:3.12',
        'WORKDIR /app',
        'RUN curl -sL https://github.com/x/y/archive/main.tar.gz | tar xz --strip-components=1',
        'COPY . .',
        '',
      ].join('\n'),
    },
    [['Dockerfile', 3]],
  ],
  [
    'an archive whose top directory is where the project is copied is the app',
    {
      Dockerfile: [
        'FROM python:3.12',
        'RUN cd / && curl -sL https://github.com/x/app/archive/main.tar.gz | tar xz',
        'COPY . /app-main/',
        '',
      ].join('\n'),
    },
    [['Dockerfile', 2]],
  ],
  [
    'downloading a release binary or a single file is not source',
    {
      Dockerfile: [
        'FROM python:3.12',
        'ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini',
        'RUN curl -fsSL https://github.com/x/tool/releases/download/v1/tool.tar.gz | tar xz -C /usr/local/bin',
        'ADD https://example.com/config.json /etc/app/',
        'COPY . /app',
        '',
      ].join('\n'),
    },
    [],
  ],
  [
    'a clone in a stage that is not built does not count',
    {
      Dockerfile:
        'FROM python:3.12 AS dev\nRUN git clone https://github.com/x/y\nFROM python:3.12\nCOPY . /app\n',
    },
    [],
  ],
]);

test('TF0101: compose building the app from a remote git context', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    'compose.yaml':
      'services:\n  web:\n    build: https://oauth2:tok3n@gitlab.com/x/y.git#main\n    command: gunicorn mysite.wsgi\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0101'), [['compose.yaml', 3]]);
  assert.equal(result.project.apps.length, 1);
  assert.doesNotMatch(result.findings.find((f) => f.ruleId === 'TF0101')!.message, /tok3n/);
});

test('a compose build context outside the scanned directory: the app stays, judged on what is here', async () => {
  const result = await analyzeFiles({
    'deploy/manage.py': MANAGE,
    'deploy/compose.yaml': 'services:\n  web:\n    build: ../..\n',
  });
  assert.equal(result.project.apps.length, 1);
  assert.equal(result.project.apps[0].context, undefined);
  assert.deepEqual(findingsOf(result, 'TF0101'), []);
});

test('TF0101: the message names the cloned repository, not the value of --depth', async () => {
  const result = await analyzeFiles({
    'manage.py': '',
    Dockerfile: 'FROM python:3.12\nRUN git clone --depth 1 --branch main https://github.com/x/y.git /app\n',
  });
  const message = result.findings.find((f) => f.ruleId === 'TF0101')?.message ?? '';
  assert.match(message, /\(git clone https:\/\/github\.com\/x\/y\.git\)/);
});

test('TF0101 never prints credentials embedded in a URL', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: 'FROM python:3.12\nRUN git clone https://user:ghp_SECRET123@github.com/x/y.git /app\n',
  });
  const [f] = result.findings.filter((x) => x.ruleId === 'TF0101');
  assert.ok(f);
  assert.doesNotMatch(f.message, /SECRET123|user:/);
  assert.match(f.message, /https:\/\/github\.com\/x\/y\.git/);
});

const SETTINGS = 'SECRET_KEY = "x"\nDEBUG = False\nINSTALLED_APPS = []\nROOT_URLCONF = "project.urls"\n';

test('TF0101: a project started without manage.py is held by a context that sends its settings module', async () => {
  const files = {
    'src/project/__init__.py': '',
    'src/project/settings.py': SETTINGS,
    'src/project/wsgi.py':
      'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
    'deploy/django/Dockerfile':
      'FROM python:3.12\nWORKDIR /code\nCOPY src /code\nENV PYTHONPATH=/code DJANGO_SETTINGS_MODULE=project.settings\nCMD ["gunicorn", "project.wsgi"]\n',
  };
  const fromRoot = await analyzeFiles({
    ...files,
    'compose.yaml':
      'services:\n  django:\n    build:\n      context: .\n      dockerfile: deploy/django/Dockerfile\n',
  });
  assert.equal(fromRoot.project.apps[0].settings?.file, 'src/project/settings.py');
  assert.deepEqual(findingsOf(fromRoot, 'TF0101'), []);
  // The same image built from its own directory holds no project: the settings stay outside the context.
  const fromDeploy = await analyzeFiles({
    ...files,
    'compose.yaml': 'services:\n  django:\n    build: ./deploy/django\n',
  });
  assert.deepEqual(findingsOf(fromDeploy, 'TF0101'), [['deploy/django/Dockerfile', 1]]);
});
