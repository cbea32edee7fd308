import { sqlitePathFailed } from '../../src/rules/TF1001-sqlite-path-failed.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

dynamicRuleCases(sqlitePathFailed, [
  [
    'the SQLite engine failed at migrate: anchored at DATABASES, with the step advice',
    [
      {
        kind: 'engine-failed',
        engine: 'sqlite',
        step: 'migrate',
        why: 'exit code 1: OperationalError: boom',
        logTail: 'boom',
      },
    ],
    [
      'mysite/settings.py:41 The image does not migrate and serve with DB_ENGINE=sqlite: step `migrate` failed (exit code 1: OperationalError: boom). Make every database setting come from the environment, and check that migrations apply to an empty database. (sqlite) | boom',
    ],
  ],
  [
    'the PostgreSQL engine failing is TF1002',
    [{ kind: 'engine-failed', engine: 'postgres', step: 'start', why: 'x' }],
    [],
  ],
  [
    'a step without advice',
    [{ kind: 'engine-failed', engine: 'sqlite', step: 'other', why: 'x' }],
    [
      'mysite/settings.py:41 The image does not migrate and serve with DB_ENGINE=sqlite: step `other` failed (x). (sqlite)',
    ],
  ],
  [
    'SQLite unable to open its file at migrate: the advice is about the volume directory the image user cannot write',
    [
      {
        kind: 'engine-failed',
        engine: 'sqlite',
        step: 'migrate',
        why: 'exit code 1: django.db.utils.OperationalError: unable to open database file',
        exitCode: 1,
      },
    ],
    [
      "mysite/settings.py:41 The image does not migrate and serve with DB_ENGINE=sqlite: step `migrate` failed (exit code 1: django.db.utils.OperationalError: unable to open database file). The SQLite file cannot be created or written by the user the image runs as (USER diary): create its directory in the Dockerfile and `chown` it to that user before `VOLUME`, since a new volume takes the directory's owner. (sqlite)",
    ],
    { imageUser: 'diary' },
  ],
]);
