import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerignoreGaps } from '../../src/rules/TF0103-dockerignore-gaps.js';
import { contextRuleCases, MANAGE } from '../support/context-rule-cases.js';
import { analyzeFiles } from '../support/analyze.js';

contextRuleCases(dockerignoreGaps, [
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
    // The catalog's list says `.env*` with no exemption: a template in the image is reported too (said to be one).
    'an .env.example let in is reported',
    { Dockerfile: 'FROM python:3.12\nCOPY . /app\n', '.dockerignore': '.git\n', '.env.example': 'X=\n' },
    [['.dockerignore', 1]],
  ],
  [
    // The catalog's list is `.env*`: a `*.env` template (or a real `prod.env`, TF0308's business) is not in it.
    'example.env and prod.env are not .env* names',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.dockerignore': '.git\n',
      'example.env': 'SECRET_KEY=change-me\n',
      'config/prod.env': 'X=1\n',
    },
    [],
  ],
  [
    'a .envs/ directory let in is reported',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.dockerignore': '.git\n.env\n',
      '.envs/.production/.django': 'X=1\n',
    },
    [['.dockerignore', 1]],
  ],
  [
    '.env* leaves out the templates and the .envs/ directory',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.dockerignore': '.git\n.env*\n',
      '.env.example': 'X=\n',
      '.envs/.production/.django': 'X=1\n',
    },
    [],
  ],
  [
    // `!.env.example` after `.env*` says the template is meant to ship: a decision, not a gap.
    'a template let in by a ! exception is not reported',
    {
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      '.dockerignore': '.git\n.env*\n!.env.example\n',
      '.env.example': 'X=\n',
    },
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

test('TF0103 names a .env* directory once and says which .env file is only a template', async () => {
  const result = await analyzeFiles({
    'manage.py': MANAGE,
    Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
    '.dockerignore': '.git\n.env\n',
    '.env.example': 'SECRET_KEY=<your key>\n',
    '.env.prod': 'DEBUG=0\n',
    '.envs/.production/.django': 'X=1\n',
    '.envs/.production/.postgres': 'Y=1\n',
  });
  const [f] = result.findings.filter((x) => x.ruleId === 'TF0103');
  assert.match(f.message, /\.env files \(\.env\.example \(a template\), \.env\.prod, \.envs\/\)/);
  assert.match(f.message, /Add these patterns: \.env\*\./);
});

test('TF0103 names what a nested build context lets in by its repository path, not its path in the context', async () => {
  // The context is `site/`: its `site/__pycache__` is the repository's `site/site/__pycache__`.
  const result = await analyzeFiles({
    'docker-compose.yml': 'services:\n  web:\n    build: ./site\n    ports: ["8000:8000"]\n',
    'site/manage.py': MANAGE,
    'site/Dockerfile': 'FROM python:3.12\nCOPY . /app\nEXPOSE 8000\n',
    'site/.dockerignore': '.git\n',
    'site/site/__init__.py': '',
    'site/site/__pycache__/settings.cpython-312.pyc': 'x',
    'site/.env.local': 'X=1\n',
  });
  const [f] = result.findings.filter((x) => x.ruleId === 'TF0103');
  assert.equal(f.file, 'site/.dockerignore');
  assert.match(f.message, /__pycache__ \(site\/site\/__pycache__\)/);
  assert.match(f.message, /\.env files \(site\/\.env\.local\)/);
  assert.doesNotMatch(f.message, /\(site\/__pycache__\)/);
  assert.doesNotMatch(f.message, /\(\.env\.local\)/);
  // The patterns are the context's own, as the .dockerignore reads them.
  assert.match(f.message, /Add these patterns: \.env\*, \*\*\/__pycache__\./);
});
