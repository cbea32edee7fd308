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
