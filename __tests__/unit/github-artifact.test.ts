import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { code, msg } from '../../src/core/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { readArtifact, writeArtifact } from '../../src/github/artifact.js';
import { makeReport } from '../../src/pipeline.js';
import { RULES } from '../../src/rules/registry.js';
import { finding } from '../support/github-fixtures.js';

const gfm = new MarkdownIt({ html: true, linkify: true });
const dir = () => mkdtempSync(join(tmpdir(), 'tfr-artifact-'));

test('what analyze writes, publish reads back the same', () => {
  const d = dir();
  const report = makeReport({
    directory: 'app',
    findings: [
      finding({
        file: 'Dockerfile',
        line: 3,
        severity: 'error',
        related: RULES.find((r) => r.id === 'TF0201')!.related,
      }),
    ],
    failOn: 'error',
    durationMs: 5,
  });
  writeArtifact(d, report, { number: 4, headSha: 'a'.repeat(40) });
  const back = readArtifact(d, 'error');
  assert.deepEqual(back.pr, { number: 4, headSha: 'a'.repeat(40) });
  assert.equal(back.report.verdict, 'fail');
  assert.deepEqual(back.report.findings, report.findings);
});

test('a forged artifact is re-validated: counts and verdict recomputed, what does not fit the schema dropped', () => {
  const d = dir();
  writeFileSync(
    join(d, 'report.json'),
    JSON.stringify({
      directory: 'app',
      verdict: 'pass',
      failOn: 'never',
      counts: { error: 0, warning: 0, notice: 0 },
      findings: [
        {
          ruleId: 'TF0301',
          name: '<b>forged</b>',
          factor: 'XII',
          related: ['<img src=x>'],
          severity: 'error',
          file: 'x.py',
          line: -4,
          message: 'm',
          fingerprint: 'abc123',
        },
        { ruleId: 'rm -rf', severity: 'critical', file: 7, message: { html: true } },
        { ruleId: 'TF0302', severity: 'warning', file: 'a.py', message: 'm', fingerprint: '<!-- x -->' },
        {
          ruleId: 'TF0302',
          severity: 'warning',
          file: 'a.py',
          message: 'm',
          fingerprint: 'f1',
          suppressed: { by: '<!-- twelve-factor-review:app --> @admin' },
        },
        { ruleId: 'TF0302', severity: 'notice', file: '../../etc/passwd', message: 'm', fingerprint: 'f2' },
        { ruleId: 'TF0302', severity: 'notice', file: 'a.py', message: 'x'.repeat(5000), fingerprint: 'f3' },
      ],
      smoke: { status: 'passed', engines: { sqlite: { status: 'passed', steps: 'not a list' } } },
    }),
  );
  writeFileSync(join(d, 'pull-request.json'), JSON.stringify({ number: '4; DROP', headSha: 'zz' }));
  const { report, pr, warnings } = readArtifact(d, 'error');
  assert.equal(pr, undefined);
  assert.equal(report.failOn, 'error', "the publish run's fail-on decides");
  assert.equal(report.verdict, 'fail');
  assert.deepEqual(report.counts, { error: 1, warning: 0, notice: 0 });
  assert.equal(report.findings.length, 1);
  const [f] = report.findings;
  assert.deepEqual(
    [f.name, f.factor, f.related],
    ['secret-key-in-code', 'III', RULES.find((r) => r.id === 'TF0301')!.related],
    'metadata from the registry',
  );
  assert.equal(f.line, undefined);
  assert.equal(report.smoke, undefined);
  assert.equal(warnings.length, 1, 'one warning, however many problems');
  assert.match(warnings[0], /report\.json did not fit the report schema: finding 1 dropped: ruleId/);
  assert.match(warnings[0], /suppressed\.by is not inline, file or config/);
  assert.match(warnings[0], /and \d+ more/);
});

test('pull-request.json: an array that stringifies to a SHA is not a SHA', () => {
  const d = dir();
  writeArtifact(d, makeReport({ directory: '.', findings: [], failOn: 'error', durationMs: 1 }), undefined);
  writeFileSync(join(d, 'pull-request.json'), JSON.stringify({ number: 3, headSha: ['a'.repeat(40)] }));
  assert.equal(readArtifact(d, 'error').pr, undefined);
});

test('no report file: a clear error', () => {
  assert.throws(() => readArtifact(dir(), 'error'), /ENOENT|report/);
});

test('message parts cross the artifact: a repository value with backticks stays text, our code sample stays code', () => {
  const d = dir();
  const parts = msg`FROM ${'py`thon`:latest'} floats; pin it: ${code('FROM python:3.12-slim')}.`;
  const report = makeReport({
    directory: 'app',
    findings: [finding({ file: 'Dockerfile', line: 1, ...parts })],
    failOn: 'error',
    durationMs: 5,
  });
  writeArtifact(d, report, undefined);
  const back = readArtifact(d, 'error');
  assert.deepEqual(back.warnings, []);
  // Nothing in the artifact is ours: every part but code comes back as a repository value.
  assert.deepEqual(back.report.findings[0].parts, [
    { kind: 'value', text: 'FROM py`thon`:latest floats; pin it: ' },
    { kind: 'code', text: 'FROM python:3.12-slim' },
    { kind: 'value', text: '.' },
  ]);
  const html = gfm.render(renderMarkdown(back.report));
  assert.deepEqual(
    [...html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1]).filter((c) => c.includes('FROM')),
    ['FROM python:3.12-slim'],
  );
});

test('forged message parts: inert when they spell the message, dropped alone when they do not', () => {
  const d = dir();
  const hostile = [
    { kind: 'text', text: '<img src=x onerror=alert(1)> @admin ' },
    { kind: 'code', text: '</code><script>x</script>' },
  ];
  const message = '<img src=x onerror=alert(1)> @admin `</code><script>x</script>`';
  writeFileSync(
    join(d, 'report.json'),
    JSON.stringify({
      directory: '.',
      findings: [
        { ruleId: 'TF0301', severity: 'error', file: 'a.py', message, parts: hostile, fingerprint: 'f0' },
        {
          ruleId: 'TF0302',
          severity: 'error',
          file: 'b.py',
          message: 'm',
          parts: [{ kind: 'html', text: 'm' }],
          fingerprint: 'f1',
        },
        {
          ruleId: 'TF0303',
          severity: 'error',
          file: 'c.py',
          message: 'm',
          parts: [{ kind: 'code', text: 'not m' }],
          fingerprint: 'f2',
        },
      ],
    }),
  );
  const { report, warnings } = readArtifact(d, 'error');
  assert.equal(report.findings.length, 3, 'a finding whose parts do not fit keeps its plain message');
  assert.deepEqual(
    report.findings.map((f) => f.parts?.map((p) => p.kind)),
    [['value', 'code'], undefined, undefined],
  );
  assert.match(warnings[0], /finding 1: parts is not a list .* dropped/);
  assert.match(warnings[0], /finding 2: parts/);
  const html = gfm.render(renderMarkdown(report));
  assert.ok(!/<img|<script/i.test(html), 'markup from the artifact became live');
  assert.ok(html.includes('<code>&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;</code>'));
  assert.ok(!html.includes('@admin'), 'a mention from the artifact pings');
});
