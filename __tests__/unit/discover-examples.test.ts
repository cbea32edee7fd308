import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { analyzeStatic } from '../../src/pipeline.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

test('examples/production: no error and no warning', async () => {
  const { findings, project } = await analyzeStatic(join(examples, 'production'), DEFAULT_CONFIG);
  const serious = findings.filter((f) => f.severity !== 'notice');
  assert.deepEqual(
    serious.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`),
    [],
  );
  assert.equal(project.apps.length, 1);
  const app = project.apps[0];
  assert.equal(app.settings?.file, 'mysite/settings.py');
  assert.deepEqual(
    app.requirements.map((r) => r.file),
    ['requirements.txt'],
  );
  assert.equal(app.imageSourceDir, '/app');
  assert.equal(app.compose?.appService?.name, 'web');
});

test('examples/hardcoded: most rules fire', async () => {
  const { findings } = await analyzeStatic(join(examples, 'hardcoded'), DEFAULT_CONFIG);
  const ids = new Set(findings.map((f) => f.ruleId));
  const expected = [
    'TF0102',
    'TF0201',
    'TF0202',
    'TF0203',
    'TF0204',
    'TF0205',
    'TF0301',
    'TF0302',
    'TF0303',
    'TF0304',
    'TF0305',
    'TF0306',
    'TF0307',
    'TF0308',
    'TF0401',
    'TF0402',
    'TF0501',
    'TF0503',
    'TF0601',
    'TF0603',
    'TF0702',
    'TF0801',
    'TF0802',
    'TF0901',
    'TF0904',
    'TF1101',
    'TF1202',
    'TF1301',
  ];
  assert.deepEqual(
    expected.filter((id) => !ids.has(id)),
    [],
    'rules expected on examples/hardcoded that did not fire',
  );
  // No secret value from .env or the settings ever reaches a message.
  for (const f of findings) assert.doesNotMatch(f.message, /mysite-password|django-insecure/);
});
