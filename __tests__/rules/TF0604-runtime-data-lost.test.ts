import { runtimeDataLost } from '../../src/rules/TF0604-runtime-data-lost.js';
import { dynamicRuleCases } from '../support/dynamic-rule-cases.js';

dynamicRuleCases(runtimeDataLost, [
  [
    'the record is gone in the next container: anchored at the SQLite NAME',
    [
      {
        kind: 'data-lost',
        engine: 'sqlite',
        why: 'a user written by a one-off container was not found by the next container',
        logTail: 'tfr-missing',
      },
    ],
    [
      "mysite/settings.py:55 Data written through the app is gone once its container is replaced (a user written by a one-off container was not found by the next container). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server. (sqlite) | tfr-missing",
    ],
  ],
  ['nothing lost', [{ kind: 'first-answer', engine: 'sqlite', durationMs: 100, budgetMs: 20_000 }], []],
  [
    'no settings: the Dockerfile',
    [{ kind: 'data-lost', engine: 'postgres', why: 'gone', logTail: '' }],
    [
      "Dockerfile:1 Data written through the app is gone once its container is replaced (gone). Keep the database on a volume (a VOLUME at the SQLite file's directory) or in a database server. (postgres)",
    ],
    { settings: undefined },
  ],
]);
