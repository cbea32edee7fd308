import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { stamp } from '../../src/core/index.js';
import { makeReport } from '../../src/pipeline.js';
import { renderSarif } from '../../src/report/index.js';
import { findRule, RULES } from '../../src/rules/registry.js';
import { runSmoke } from '../../src/smoke/index.js';
import { FakeDocker, ok, projectOf } from './smoke-fake.js';

/** One smoke run whose server answers its first request after `startupPolls` refusals and stops in `stopMs`. */
async function slowRun(startupPolls: number, stopMs: number) {
  const docker = new FakeDocker()
    .on((a) => a[0] === 'inspect', ok('{"Running":true,"ExitCode":0}'))
    .on(
      (a) => a[0] === 'stop',
      () => {
        docker.clock += stopMs;
        return ok();
      },
    );
  let polls = 0;
  let n = 0;
  return runSmoke(
    projectOf(),
    {
      runId: 'r1',
      handleSignals: false,
      startupBudgetMs: 1_000,
      http: async () => (++polls <= startupPolls ? { error: 'ECONNREFUSED' } : { status: 200 }),
      random: (bytes) => (++n).toString(16).padStart(bytes * 2, '0'),
      sleep: docker.sleep,
      now: docker.now,
    },
    docker,
  );
}

function sarifResults(findings: Awaited<ReturnType<typeof slowRun>>['findings']) {
  const report = makeReport({ directory: '.', findings, failOn: 'error', durationMs: 0 });
  const log = JSON.parse(renderSarif(report, RULES));
  return log.runs[0].results.map(
    (r: { ruleId: string; message: { text: string }; partialFingerprints: object }) => ({
      ruleId: r.ruleId,
      message: r.message.text,
      fingerprints: r.partialFingerprints,
    }),
  );
}

test('two runs whose startup and shutdown timings differ give identical SARIF fingerprints', async () => {
  const first = sarifResults((await slowRun(12, 7_000)).findings);
  const second = sarifResults((await slowRun(16, 8_500)).findings);
  assert.deepEqual(first.map((r: { ruleId: string }) => r.ruleId).sort(), ['TF0902', 'TF0903']);
  assert.notDeepEqual(
    first.map((r: { message: string }) => r.message),
    second.map((r: { message: string }) => r.message),
    'the measurements differ between the runs',
  );
  assert.deepEqual(
    first.map((r: { fingerprints: object }) => r.fingerprints),
    second.map((r: { fingerprints: object }) => r.fingerprints),
  );
});

test('a finding without a measurement keeps the fingerprint of rule, file and message', () => {
  const message = "Base image 'python:3.12' is not pinned to a digest.";
  const before = createHash('sha256').update(`TF0201\0Dockerfile\0${message}`).digest('hex').slice(0, 16);
  assert.equal(stamp(findRule('TF0201')!, { file: 'Dockerfile', line: 1, message }).fingerprint, before);
});

test("a rule's own key identifies its finding, whatever the message says", () => {
  const rule = findRule('TF0310')!;
  const a = stamp(rule, { file: 'settings.py', message: 'DEBUG is read as DJANGO_DEBUG here', key: 'DEBUG' });
  const b = stamp(rule, { file: 'settings.py', message: 'DEBUG is read under another name', key: 'DEBUG' });
  const c = stamp(rule, {
    file: 'settings.py',
    message: 'DEBUG is read as DJANGO_DEBUG here',
    key: 'SECRET_KEY',
  });
  assert.equal(a.fingerprint, b.fingerprint);
  assert.notEqual(a.fingerprint, c.fingerprint);
  assert.equal('key' in a, false, 'the key is not carried into reports');
});
