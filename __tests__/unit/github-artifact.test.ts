import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readArtifact, writeArtifact } from '../../src/github/artifact.js';
import { makeReport } from '../../src/pipeline.js';
import { finding } from '../support/github-fixtures.js';

const dir = () => mkdtempSync(join(tmpdir(), 'tfr-artifact-'));

test('what analyze writes, publish reads back the same', () => {
  const d = dir();
  const report = makeReport({
    directory: 'app',
    findings: [finding({ file: 'Dockerfile', line: 3, severity: 'error' })],
    failOn: 'error',
    durationMs: 5,
  });
  writeArtifact(d, report, { number: 4, headSha: 'a'.repeat(40) });
  const back = readArtifact(d, 'error');
  assert.deepEqual(back.pr, { number: 4, headSha: 'a'.repeat(40) });
  assert.equal(back.report.verdict, 'fail');
  assert.deepEqual(back.report.findings, report.findings);
});

test('a forged artifact is re-validated: counts and verdict recomputed, bad fields dropped', () => {
  const d = dir();
  writeFileSync(
    join(d, 'report.json'),
    JSON.stringify({
      directory: 'app',
      verdict: 'pass',
      counts: { error: 0, warning: 0, notice: 0 },
      findings: [
        {
          ruleId: 'TF0301',
          name: 'secret-key-in-code',
          severity: 'error',
          file: 'x.py',
          line: -4,
          message: 'm',
          fingerprint: '<!-- x -->',
        },
        { ruleId: 'rm -rf', severity: 'critical', file: 7, message: { html: true } },
      ],
      smoke: { status: 'passed', engines: { sqlite: { status: 'passed', steps: 'not a list' } } },
    }),
  );
  writeFileSync(join(d, 'pull-request.json'), JSON.stringify({ number: '4; DROP', headSha: 'zz' }));
  const { report, pr } = readArtifact(d, 'error');
  assert.equal(pr, undefined);
  assert.equal(report.verdict, 'fail');
  assert.deepEqual(report.counts, { error: 1, warning: 0, notice: 1 });
  assert.equal(report.findings[0].line, undefined);
  assert.equal(report.findings[0].fingerprint, '--x--', 'nothing that could close the marker comment');
  assert.equal(report.findings[1].ruleId, 'TF0001');
  assert.equal(report.findings[1].file, '.');
  assert.equal(report.findings[1].message, '');
  assert.equal(report.smoke, undefined);
});

test('no report file: a clear error', () => {
  assert.throws(() => readArtifact(dir(), 'error'), /ENOENT|report/);
});
