import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";
type Case = [name: string, files: Record<string, string>, expected: [string, number | undefined][]];

function table(rule: string, cases: Case[], base: Record<string, string> = { 'manage.py': MANAGE }): void {
  for (const [name, files, expected] of cases) {
    test(`${rule}: ${name}`, async () => {
      const result = await analyzeFiles({ ...base, ...files });
      assert.deepEqual(findingsOf(result, rule), expected);
    });
  }
}

table('TF0101', [
  ['context with manage.py: silent', { Dockerfile: 'FROM python:3.12\nCOPY . /app\n' }, []],
  [
    'compose builds from a context without the project',
    {
      'compose.yaml': 'services:\n  web:\n    build: ./docker\n',
      'docker/Dockerfile': 'FROM python:3.12 AS base\nFROM base\nCOPY . /app\n',
    },
    [['docker/Dockerfile', 2]],
  ],
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

table('TF0102', [
  [
    'COPY . without .dockerignore',
    { Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n' },
    [['Dockerfile', 3]],
  ],
  ['ADD ./ without .dockerignore', { Dockerfile: 'FROM python:3.12\nADD ./ /app/\n' }, [['Dockerfile', 2]]],
  [
    'COPY . with a .dockerignore',
    { Dockerfile: 'FROM python:3.12\nCOPY . .\n', '.dockerignore': '.git\n' },
    [],
  ],
  [
    'COPY . with <Dockerfile>.dockerignore',
    { 'app.Dockerfile': 'FROM python:3.12\nCOPY . .\n', 'app.Dockerfile.dockerignore': '.git\n' },
    [],
  ],
  [
    'only named files copied',
    { Dockerfile: 'FROM python:3.12\nCOPY mysite/ /app/mysite/\nCOPY manage.py /app/\n' },
    [],
  ],
  [
    'COPY --from=builder . is not the context',
    { Dockerfile: 'FROM python:3.12 AS b\nFROM python:3.12\nCOPY --from=b . /x\n' },
    [],
  ],
]);

table('TF0103', [
  [
    'gaps that exist in the context',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.dockerignore': '# mine\n__pycache__\n',
      '.env': 'X=1\n',
      'db.sqlite3': '',
      '.git/HEAD': 'x',
      'mysite/__pycache__/x.pyc': 'x',
      '.venv/bin/python': 'x',
    },
    [['.dockerignore', 1]],
  ],
  [
    'all covered',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.dockerignore': '.git\n.env*\n*.sqlite3\n**/__pycache__\n.venv\n',
      '.env': 'X=1\n',
      'db.sqlite3': '',
      '.git/HEAD': 'x',
      'mysite/__pycache__/x.pyc': 'x',
      '.venv/bin/python': 'x',
    },
    [],
  ],
  [
    'things that do not exist are not asked for',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.dockerignore': '*.md\n' },
    [],
  ],
  [
    '.env.example is meant to be shipped',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.dockerignore': '.git\n', '.env.example': 'X=\n' },
    [],
  ],
  [
    'no .dockerignore: that is TF0102',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.env': 'X=1\n' },
    [],
  ],
]);

test('TF0103 names what gets through and the patterns to add, never the content', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
    '.dockerignore': '__pycache__\n',
    '.env': 'SECRET=topsecretvalue\n',
    'data/db.sqlite3': '',
    'mysite/__pycache__/x.pyc': 'x',
  });
  const [f] = result.findings.filter((x) => x.ruleId === 'TF0103');
  assert.match(f.message, /\.env/);
  assert.match(f.message, /data\/db\.sqlite3/);
  assert.match(f.message, /\*\*\/\*\.sqlite3/);
  assert.match(f.message, /\*\*\/__pycache__/);
  assert.doesNotMatch(f.message, /topsecretvalue/);
});

table('TF0308', [
  [
    'COPY . with .env present',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.env': 'X=1\n' },
    [['Dockerfile', 2]],
  ],
  [
    'explicit COPY of .env.production',
    {
      Dockerfile: 'FROM python:3.12\nCOPY .env.production /app/.env\n',
      '.env.production': 'X=1\n',
      '.dockerignore': '.git\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'nested prod.env through a directory COPY',
    { Dockerfile: 'FROM python:3.12\nCOPY config/ /app/config/\n', 'config/prod.env': 'X=1\n' },
    [['Dockerfile', 2]],
  ],
  [
    'excluded by .dockerignore',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.env': 'X=1\n', '.dockerignore': '.env\n' },
    [],
  ],
  ['.env.example is fine', { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.env.example': 'X=\n' }, []],
  [
    'a compose env_file in the context that the repository does not hold still reaches the image through COPY .',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: .env.prod\n',
      '.dockerignore': '.git\n',
    },
    [['Dockerfile', 2]],
  ],
  [
    'a compose env_file that .dockerignore excludes, or outside the context, is fine',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    env_file: [.env.prod, ../shared.env]\n',
      '.dockerignore': '.env*\n',
    },
    [],
  ],
  [
    'only in a builder stage whose output is a virtualenv',
    {
      Dockerfile:
        'FROM python:3.12 AS build\nWORKDIR /w\nCOPY . .\nRUN python -m venv /venv\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\nCOPY mysite /app/mysite\n',
      '.env': 'X=1\n',
    },
    [],
  ],
  [
    'passed on through COPY --from: anchored where it left the context',
    {
      Dockerfile:
        'FROM python:3.12 AS build\nWORKDIR /w\nCOPY . .\nFROM python:3.12-slim\nCOPY --from=build /w /app\n',
      '.env': 'X=1\n',
    },
    [['Dockerfile', 3]],
  ],
]);

table('TF0601', [
  [
    'COPY . with db.sqlite3',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', 'db.sqlite3': '' },
    [['Dockerfile', 2]],
  ],
  [
    'nested database via a glob',
    { Dockerfile: 'FROM python:3.12\nCOPY data* /app/\n', 'data/site.sqlite3': '' },
    [['Dockerfile', 2]],
  ],
  [
    'excluded, or not in the context',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', 'db.sqlite3': '', '.dockerignore': '*.sqlite3\n' },
    [],
  ],
  ['no database file', { Dockerfile: 'FROM python:3.12\nCOPY . /app\n' }, []],
  [
    'two databases from one COPY: one finding',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', 'db.sqlite3': '', 'old.sqlite3': '' },
    [['Dockerfile', 2]],
  ],
]);
