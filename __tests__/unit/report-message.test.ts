// A finding's message parts flow from the rule to every renderer: redacted with the message, and never trusted once
// the message they spell was reworded without them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code, msg } from '../../src/core/index.js';
import { defineDynamicRule } from '../../src/rules/lib/dynamic.js';
import { messageParts } from '../../src/report/message.js';
import { runSmoke } from '../../src/smoke/index.js';
import { FakeDocker, fail, isOneOff, projectOf, released } from './smoke-fake.js';

test('messageParts: the rule parts while they spell the message, else the parts recovered from it', () => {
  const m = msg`The value ${'a`b`c'} is read; use ${code('X = 1')}.`;
  // A repository value with backticks stays a value: only the rule's parts know it.
  assert.deepEqual(messageParts(m), m.parts);
  // A stage that rewords the message without its parts (engines appended, a redaction): the plain message wins.
  const reworded = { ...m, message: `${m.message} (sqlite and postgres)` };
  assert.deepEqual(
    messageParts(reworded).map((p) => p.text),
    ['The value a', 'b', 'c is read; use ', 'X = 1', '. (sqlite and postgres)'],
  );
});

test('the smoke run redacts secrets in the parts of a dynamic finding, not only in its message', async () => {
  // A rule that quotes everything it observed as a repository value next to a code sample of its own.
  const quoting = defineDynamicRule({
    id: 'TF1201',
    name: 'quoting',
    factor: 'XII',
    severity: 'error',
    kind: 'D',
    title: 'quotes its observations',
    help: '',
    related: [],
    judge: (observations) =>
      observations.map((o) => ({
        file: 'Dockerfile',
        ...msg`Saw ${JSON.stringify(o)}; run ${code('migrate')}.`,
      })),
  });
  const docker = new FakeDocker().on(
    (a) => isOneOff(a, 'release') && a.includes('tfr-r1-postgres-net'),
    (a, opts) => released(a, opts, { migrate: fail(`FATAL: password ${opts!.env!.DB_PASSWORD} rejected`) }),
  );
  const secrets: string[] = [];
  const { findings } = await runSmoke(
    projectOf(),
    {
      runId: 'r1',
      handleSignals: false,
      http: async () => ({ status: 200 }),
      sleep: docker.sleep,
      now: docker.now,
      onSecret: (s) => secrets.push(s),
      rules: [quoting],
    },
    docker,
  );
  assert.ok(findings.length > 0 && findings.every((f) => f.parts?.some((p) => p.kind === 'code')));
  assert.ok(secrets.length > 0);
  const parts = JSON.stringify(findings.map((f) => f.parts));
  for (const s of secrets) assert.ok(!parts.includes(s), 'a secret leaked through the parts');
  // Redacted part by part, the parts still spell the redacted message.
  for (const f of findings) assert.deepEqual(messageParts(f), f.parts);
});
