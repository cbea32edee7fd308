import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";
const FILES = {
  'manage.py': MANAGE,
  Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
  'legacy/Dockerfile': 'FROM python:3.12\nCOPY . /app\n',
  'legacy/manage.py': MANAGE,
  '.env': 'X=1\n',
};

test('the config file in the scanned directory turns rules off, changes severities and excludes paths', async () => {
  const base = await analyzeFiles(FILES);
  assert.deepEqual(findingsOf(base, 'TF0102'), [
    ['Dockerfile', 2],
    ['legacy/Dockerfile', 2],
  ]);
  assert.equal(base.findings.find((f) => f.ruleId === 'TF0308')?.severity, 'error');

  const configured = await analyzeFiles({
    ...FILES,
    '.github/twelve-factor.yml':
      'rules:\n  no-dockerignore: off\n  TF0308: notice\nexclude:\n  - legacy/**\n',
  });
  assert.deepEqual(findingsOf(configured, 'TF0102'), []);
  assert.deepEqual(findingsOf(configured, 'TF0308'), [['Dockerfile', 2]]);
  assert.equal(configured.findings.find((f) => f.ruleId === 'TF0308')?.severity, 'notice');
  assert.ok(configured.findings.every((f) => !f.file.startsWith('legacy/')));
  // An excluded app is not an app: the smoke test never picks it.
  assert.deepEqual(
    configured.project.apps.map((a) => a.dockerfile?.file),
    ['Dockerfile'],
  );
});

test('allow-suppressions: false reports suppressed findings as not suppressed', async () => {
  const files = {
    ...FILES,
    Dockerfile: 'FROM python:3.12\n# twelve-factor: ignore=TF0102,TF0308\nCOPY . /app\n',
  };
  const ofLine3 = (r: { findings: { file: string; line?: number; ruleId: string }[] }) =>
    r.findings.filter(
      (f) => f.file === 'Dockerfile' && f.line === 3 && ['TF0102', 'TF0308'].includes(f.ruleId),
    );
  const allowed = await analyzeFiles(files);
  assert.equal(ofLine3(allowed).length, 2);
  assert.ok(
    allowed.findings.filter((f) => ofLine3(allowed).includes(f)).every((f) => f.suppressed?.by === 'inline'),
  );
  const forbidden = await analyzeFiles({
    ...files,
    '.github/twelve-factor.yml': 'allow-suppressions: false\n',
  });
  assert.equal(ofLine3(forbidden).length, 2);
  assert.ok(
    forbidden.findings.filter((f) => ofLine3(forbidden).includes(f)).every((f) => f.suppressed === undefined),
  );
});

test('an invalid config file is a usage error naming the file and what is accepted', async () => {
  await assert.rejects(
    analyzeFiles({ ...FILES, '.github/twelve-factor.yml': 'rules:\n  TF9999: off\n' }),
    /twelve-factor\.yml.*unknown rule 'TF9999'/,
  );
  await assert.rejects(
    analyzeFiles({ ...FILES, '.github/twelve-factor.yml': 'rules:\n  TF0301: warn\n' }),
    /Expected one of off, error, warning, notice/,
  );
  await assert.rejects(
    analyzeFiles({ ...FILES, '.github/twelve-factor.yml': 'ignore: [x]\n' }),
    /unknown key 'ignore'/,
  );
});
