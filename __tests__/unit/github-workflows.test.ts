import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { readInputs } from '../../src/inputs.js';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'docs/workflows');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

interface Step {
  uses?: string;
  with?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, { workflows?: string[] } | null>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const workflows = Object.fromEntries(
  readdirSync(dir).map((f) => [f, parse(readFileSync(join(dir, f), 'utf8')) as Workflow]),
);
const ourSteps = (w: Workflow) =>
  Object.values(w.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith('twelve-factor-review/')));

for (const [file, w] of Object.entries(workflows)) {
  test(`${file}: every input it sets is declared in action.yml and valid`, () => {
    const steps = ourSteps(w);
    assert.ok(steps.length > 0);
    for (const step of steps) {
      const given = step.with ?? {};
      for (const name of Object.keys(given))
        assert.ok(name in action.inputs, `${name} is an input of action.yml`);
      const values = Object.fromEntries(
        Object.entries(action.inputs).map(([n, i]) => [n, String(i.default ?? '')]),
      );
      assert.doesNotThrow(() => readInputs((n) => (n in given ? String(given[n]) : values[n])));
    }
  });
}

test('the fork setup: publish follows the analyze workflow by name and downloads what it uploads', () => {
  const analyze = workflows['twelve-factor-review-analyze.yml'];
  const publish = workflows['twelve-factor-review-publish.yml'];
  assert.deepEqual(publish.on.workflow_run?.workflows, [analyze.name]);
  assert.equal(ourSteps(analyze)[0].with?.mode, 'analyze');
  assert.equal(ourSteps(publish)[0].with?.mode, 'publish');
  const upload = analyze.jobs.analyze.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
  const download = publish.jobs.publish.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!;
  assert.equal(upload.with?.name, download.with?.name);
  assert.equal(ourSteps(analyze)[0].with?.['artifact-dir'], ourSteps(publish)[0].with?.['artifact-dir']);
  assert.equal(
    analyze.permissions['pull-requests'],
    undefined,
    'the job running fork code has no write permission',
  );
  assert.equal(publish.permissions['pull-requests'], 'write');
  assert.ok(
    !publish.jobs.publish.steps.some((s) => s.uses?.startsWith('actions/checkout')),
    'publish runs no fork code',
  );
});

test('the one-workflow setup asks for pull-requests: write', () => {
  assert.equal(workflows['twelve-factor-review.yml'].permissions['pull-requests'], 'write');
});
