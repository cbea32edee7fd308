import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { type Finding, stamp } from '../../src/core/index.js';
import type { Project } from '../../src/model/types/project.js';
import { parseSuppressions } from '../../src/parse/suppressions.js';
import { findRule } from '../../src/rules/registry.js';
import { finalize } from '../../src/rules/run.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const known = (r: string) => findRule(r) !== undefined;

test('end-of-line, own-line and file-wide suppressions, by id or name, with a reason', () => {
  const text = [
    'DEBUG = True  # twelve-factor: ignore=TF0302 -- local only', // 1
    '# twelve-factor: ignore=secret-key-in-code,TF0303', // 2
    '', // 3
    '# another comment', // 4
    "SECRET_KEY = 'x'", // 5
    '# twelve-factor: ignore-file=TF0201', // 6
    'x = 1 #twelve-factor:ignore = tf0304', // 7
  ].join('\n');
  const { suppressions, problems } = parseSuppressions('mysite/settings.py', text, known);
  assert.deepEqual(problems, []);
  assert.deepEqual(suppressions, [
    { file: 'mysite/settings.py', line: 1, appliesTo: 1, rules: ['TF0302'], reason: 'local only' },
    { file: 'mysite/settings.py', line: 2, appliesTo: 5, rules: ['secret-key-in-code', 'TF0303'] },
    { file: 'mysite/settings.py', line: 6, appliesTo: 'file', rules: ['TF0201'] },
    { file: 'mysite/settings.py', line: 7, appliesTo: 7, rules: ['tf0304'] },
  ]);
});

test('unknown rules and malformed comments are problems at the comment line; known ones still apply', () => {
  const text = [
    'FROM python  # twelve-factor: ignore=TF9999,base-image-unpinned',
    'RUN x  # twelve-factor: ignore',
    'RUN y  # twelve-factor: skip=TF0201',
    'RUN z  # twelve-factor: ignore=',
    '# twelve-factor: ignore=TF0501',
  ].join('\n');
  const { suppressions, problems } = parseSuppressions('Dockerfile', text, known);
  assert.deepEqual(
    suppressions.map((s) => [s.line, s.appliesTo, s.rules]),
    [[1, 1, ['base-image-unpinned']]],
  );
  assert.deepEqual(
    problems.map((p) => p.line),
    [1, 2, 3, 4, 5],
  );
  assert.match(problems[0].message, /unknown rule 'TF9999'/);
  assert.match(problems[1].message, /Malformed suppression/);
  assert.match(problems[4].message, /no line to apply to/);
});

test('finalize marks findings suppressed inline, file-wide, on continuation lines, and not when suppressions are forbidden', () => {
  const project: Project = {
    root: '/x',
    apps: [],
    parseErrors: [],
    suppressionProblems: [],
    suppressions: [
      { file: 'Dockerfile', line: 1, appliesTo: 1, rules: ['base-image-unpinned'], reason: 'pinned by CI' },
      { file: 'Dockerfile', line: 4, appliesTo: 4, rules: ['TF0501'] },
      { file: 'docker-compose.yml', line: 9, appliesTo: 'file', rules: ['TF0205'] },
    ],
  };
  const mk = (id: string, file: string, line: number, endLine?: number): Finding =>
    stamp(findRule(id)!, { file, line, ...(endLine ? { endLine } : {}), message: `${id} here` });
  const findings = () => [
    mk('TF0201', 'Dockerfile', 1),
    mk('TF0501', 'Dockerfile', 2, 4),
    mk('TF0205', 'docker-compose.yml', 3),
    mk('TF0201', 'Dockerfile', 7),
  ];
  const out = finalize(findings(), project, DEFAULT_CONFIG);
  assert.deepEqual(
    out.map((f) => [f.ruleId, f.line, f.suppressed?.by ?? null]),
    [
      ['TF0205', 3, 'file'],
      ['TF0201', 1, 'inline'],
      ['TF0501', 2, 'inline'],
      ['TF0201', 7, null],
    ],
  );
  assert.equal(out[1].suppressed?.reason, 'pinned by CI');
  const forbidden = finalize(findings(), project, { ...DEFAULT_CONFIG, allowSuppressions: false });
  assert.ok(forbidden.every((f) => f.suppressed === undefined));
});

test('suppressions reach the pipeline from every kind of analysed file, and TF0002 points at bad comments', async () => {
  const result = await analyzeFiles({
    'requirements.txt': 'django==4.2.11  # twelve-factor: ignore=no-such-rule\n',
    '.dockerignore': '# twelve-factor: ignore-file=TF0103\n.git\n',
    'entrypoint.sh': '#!/bin/sh\n# twelve-factor: ignore=TF0901 -- exec below\nexec gunicorn mysite.wsgi\n',
    '.env': '# twelve-factor: ignore=garbage\nSECRET=1\n',
  });
  assert.deepEqual(findingsOf(result, 'TF0002'), [['requirements.txt', 1]]);
  assert.deepEqual(
    result.project.suppressions.map((s) => [s.file, s.appliesTo]),
    [
      ['.dockerignore', 'file'],
      ['entrypoint.sh', 3],
    ],
  );
});

test('Dockerfiles: a trailing # is a comment only in shell-form RUN/CMD/ENTRYPOINT text; elsewhere TF0002 explains', () => {
  const text = [
    'FROM python:latest  # twelve-factor: ignore=TF0201', // 1: part of the FROM instruction
    '# twelve-factor: ignore=TF0201', // 2: own line, applies to 3
    'FROM python:latest',
    'RUN python manage.py migrate  # twelve-factor: ignore=TF0501', // 4: a shell comment
    'RUN apt-get update && \\',
    '    python manage.py migrate  # twelve-factor: ignore=TF0501', // 6: continuation of a shell RUN
    'CMD ["gunicorn"]  # twelve-factor: ignore=TF0901', // 7: exec form, JSON then junk
    'COPY . /app # twelve-factor: ignore=TF0102', // 8
  ].join('\n');
  const { suppressions, problems } = parseSuppressions('Dockerfile', text, known, 'dockerfile');
  assert.deepEqual(
    suppressions.map((s) => [s.line, s.appliesTo]),
    [
      [2, 3],
      [4, 4],
      [6, 6],
    ],
  );
  assert.deepEqual(
    problems.map((p) => p.line),
    [1, 7, 8],
  );
  assert.match(problems[0].message, /own line above/);
});

test('.dockerignore: only whole-line comments', () => {
  const { suppressions, problems } = parseSuppressions(
    '.dockerignore',
    '# twelve-factor: ignore-file=TF0103\n.git # twelve-factor: ignore=TF0103\n',
    known,
    'line-start',
  );
  assert.deepEqual(
    suppressions.map((s) => s.appliesTo),
    ['file'],
  );
  assert.deepEqual(
    problems.map((p) => p.line),
    [2],
  );
});

test('a finding anchored on the comment line itself (a Dockerfile, line 1 anchor) is suppressed by it', async () => {
  const result = await analyzeFiles({
    'manage.py': 'import os\n',
    Dockerfile:
      '# twelve-factor: ignore=no-healthcheck -- the orchestrator probes it\nFROM python:3.12\nCOPY . /app\n',
    '.dockerignore': '.git\n',
  });
  const f = result.findings.find((x) => x.ruleId === 'TF0904');
  assert.ok(f, 'TF0904 fires at line 1');
  assert.equal(f.line, 1);
  assert.deepEqual(f.suppressed, { by: 'inline', reason: 'the orchestrator probes it' });
});
