import { migrateOneOffFailed } from '../../src/rules/TF1201-migrate-one-off-failed.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

const failed = (engine: 'sqlite' | 'postgres', output: string) =>
  ({
    kind: 'migrate-failed',
    engine,
    why: 'exit code 1: OperationalError: x',
    output,
    logTail: 'tail',
  }) as const;
const start =
  'mysite/settings.py:41 `manage.py migrate --noinput` run as a one-off container from the image failed (exit code 1: OperationalError: x). The release must be able to migrate with only the environment it is given.';

dynamicRuleCases(migrateOneOffFailed, [
  [
    'migrate failed on both engines, PostgreSQL reporting first: named in the smoke test order',
    [failed('postgres', 'x'), failed('sqlite', 'x')],
    [`${start} (sqlite and postgres) | tail`],
  ],
  ['migrate passed', [], []],
  [
    'SQLite cannot write its file, the image runs as a user',
    [failed('sqlite', 'sqlite3.OperationalError: unable to open database file')],
    [
      `${start} The SQLite file cannot be created or written by the user the image runs as (USER app): create its directory in the Dockerfile and \`chown\` it to that user before \`VOLUME\`, since a new volume takes the directory's owner. (sqlite) | tail`,
    ],
    { imageUser: 'app' },
  ],
  [
    'the same on PostgreSQL says nothing of SQLite; as root no user is named',
    [failed('postgres', 'unable to open database file')],
    [`${start} (postgres) | tail`],
    { imageUser: 'root' },
  ],
]);
