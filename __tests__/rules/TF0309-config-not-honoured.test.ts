import { configNotHonoured } from '../../src/rules/TF0309-config-not-honoured.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

const tables =
  'mysite/settings.py:41 With DB_ENGINE=postgres and the PostgreSQL settings in the environment, the migrations did not land in PostgreSQL (PostgreSQL has no django_migrations table): the app kept another database. Build DATABASES from DB_ENGINE/DB_HOST/... or DATABASE_URL.';

dynamicRuleCases(configNotHonoured, [
  [
    'the migrations are not in the attached PostgreSQL',
    [{ kind: 'tables-missing', engine: 'postgres', why: 'PostgreSQL has no django_migrations table' }],
    [`${tables} (postgres)`],
  ],
  [
    'migrate failing on SQLite for another reason',
    [{ kind: 'migrate-failed', engine: 'sqlite', why: 'x', output: 'no such column', logTail: '' }],
    [],
  ],
  [
    'with DB_ENGINE=sqlite the app still reaches for a server; both kinds make one finding worded by the first',
    [
      {
        kind: 'migrate-failed',
        engine: 'sqlite',
        why: 'x',
        output: 'could not translate host name "db"',
        logTail: 'tail',
      },
      { kind: 'tables-missing', engine: 'postgres', why: 'PostgreSQL has no django_migrations table' },
    ],
    [
      'mysite/settings.py:41 With DB_ENGINE=sqlite the app still tries to reach a database server. Select the engine from DB_ENGINE (or DATABASE_URL) so the image runs with no server at all. (sqlite and postgres) | tail',
    ],
  ],
  [
    'a connection error on PostgreSQL is not this rule',
    [{ kind: 'migrate-failed', engine: 'postgres', why: 'x', output: 'connection refused', logTail: '' }],
    [],
  ],
]);
