import { postgresPathFailed } from '../../src/rules/TF1002-postgres-path-failed.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

dynamicRuleCases(postgresPathFailed, [
  [
    'the PostgreSQL engine failed at http',
    [{ kind: 'engine-failed', engine: 'postgres', step: 'http', why: 'GET /: 500 (server error).' }],
    [
      'mysite/settings.py:41 The image does not migrate and serve with DB_ENGINE=postgres against a fresh PostgreSQL attached through environment variables: step `http` failed (GET /: 500 (server error).). The server must start and answer non-5xx responses on its port: see the log in the details. (postgres)',
    ],
  ],
  [
    'the SQLite engine failing is TF1001',
    [{ kind: 'engine-failed', engine: 'sqlite', step: 'start', why: 'x' }],
    [],
  ],
]);
