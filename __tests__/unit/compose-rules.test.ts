// The compose rules together on one compose file. Each rule's own cases are in __tests__/rules/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceImageUnpinned } from '../../src/rules/TF0205-service-image-unpinned.js';
import { secretInCompose } from '../../src/rules/TF0307-secret-in-compose.js';
import { backingServiceLocalhost } from '../../src/rules/TF0401-backing-service-localhost.js';
import { dependsOnUnhealthy } from '../../src/rules/TF0402-depends-on-unhealthy.js';
import { postgresDataNotInVolume } from '../../src/rules/TF0603-postgres-data-not-in-volume.js';
import { fixedContainerName } from '../../src/rules/TF0802-fixed-container-name.js';
import { composeProjectOf, y } from '../support/compose-rule-cases.js';

test('${PORT} in ports is modelled without an error and fires nothing', () => {
  const p = composeProjectOf({
    name: 'ports',
    compose: y(
      'services:',
      '  web:',
      '    build: .',
      '    ports:',
      '      - "${PORT}:8000"',
      '      - "${PORT:-8000}:${PORT:-8000}"',
    ),
    expect: [],
  });
  const rules = [
    serviceImageUnpinned,
    secretInCompose,
    backingServiceLocalhost,
    dependsOnUnhealthy,
    postgresDataNotInVolume,
    fixedContainerName,
  ];
  assert.deepEqual(
    rules.flatMap((r) => r.check(p)),
    [],
  );
  assert.deepEqual(
    p.apps[0]?.compose?.appService?.ports.map((x) => x.target),
    [8000, 8000],
  );
});
