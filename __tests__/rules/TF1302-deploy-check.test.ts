import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deployCheck } from '../../src/rules/TF1302-deploy-check.js';
import { dynamicRuleCases, smokeContext } from '../support/dynamic-rule-cases.js';

const issue = (engine: 'sqlite' | 'postgres', id: string, message: string) =>
  ({ kind: 'deploy-check-issue', engine, id, message }) as const;

dynamicRuleCases(deployCheck, [
  [
    'one finding per check id, whichever engines reported it, at the settings module',
    [
      issue('sqlite', 'security.W004', 'You have not set a value for SECURE_HSTS_SECONDS.'),
      issue('postgres', 'security.W004', 'You have not set a value for SECURE_HSTS_SECONDS.'),
      issue('postgres', 'security.W018', 'You should not have DEBUG set to True in deployment.'),
    ],
    [
      'mysite/settings.py `manage.py check --deploy` reports security.W004: You have not set a value for SECURE_HSTS_SECONDS.',
      'mysite/settings.py `manage.py check --deploy` reports security.W018: You should not have DEBUG set to True in deployment.',
    ],
  ],
  ['no issues', [], []],
]);

test('TF1302 deploy-check: the finding relates to the check id it stands for', () => {
  const [finding] = deployCheck.judge([issue('sqlite', 'security.W008', 'SSL')], smokeContext());
  assert.deepEqual(finding.related, ['security.W008']);
});
